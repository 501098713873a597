// The data layer's entry point: validated, linked data, or an error carrying the editor's report.
import type { DateTime } from "luxon";
import { buildDataset, type Dataset } from "./dataset.js";
import { reportLines } from "./report.js";
import { type ValidationResult, validateDataDirectory } from "./validate.js";

export class InvalidDataError extends Error {
  constructor(readonly result: ValidationResult) {
    super(`the data has errors:\n${reportLines(result).join("\n")}`);
    this.name = "InvalidDataError";
  }
}

/** Validates a data directory and links its records; throws InvalidDataError on any error. */
export function loadDataset(dataDir: string, today: DateTime): Dataset {
  return datasetOf(today, validateDataDirectory(dataDir, { today }));
}

/** The dataset of a validation already made (the build's), so that nothing validates twice. */
export function datasetOf(today: DateTime, result: ValidationResult): Dataset {
  if (!result.dataset) throw new InvalidDataError(result);
  return buildDataset(result.dataset, today, result.releases ?? []);
}
