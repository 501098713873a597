// The data layer's entry point: validated, linked data, or an error carrying the editor's report.
import { resolve } from "node:path";
import type { DateTime } from "luxon";
import { buildDataset, type Dataset } from "./dataset.js";
import { readReleases } from "./releases.js";
import { reportLines } from "./report.js";
import { type ValidationResult, validateDataDirectory } from "./validate.js";

export class InvalidDataError extends Error {
  constructor(readonly result: ValidationResult) {
    super(`the data has errors:\n${reportLines(result).join("\n")}`);
    this.name = "InvalidDataError";
  }
}

const cache = new Map<string, Dataset>();

/** Loads and validates once per directory and day within a process (the build and Eleventy share it). */
export function loadDataset(dataDir: string, today: DateTime): Dataset {
  const key = `${resolve(dataDir)}@${today.toISODate()}`;
  const cached = cache.get(key);
  if (cached) return cached;
  return rememberDataset(dataDir, today, validateDataDirectory(dataDir, { today }));
}

/** The dataset of a validation already made (the build's), kept so that nothing validates twice. */
export function rememberDataset(dataDir: string, today: DateTime, result: ValidationResult): Dataset {
  if (!result.dataset) throw new InvalidDataError(result);
  const dataset = buildDataset(result.dataset, today, readReleases(dataDir));
  cache.set(`${resolve(dataDir)}@${today.toISODate()}`, dataset);
  return dataset;
}

/** Forget loaded data, e.g. when the editor changes a file during `npm run serve`. */
export function forgetLoadedData(): void {
  cache.clear();
}
