// IATI's budget value is an xs:decimal: digits and a point, never JavaScript's exponent notation
// (issue #27, finding 6).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iatiActivities, xsDecimal } from "../../src/exports/iati.js";
import { buildDataset } from "../../src/model/dataset.js";
import { buildDay } from "../../src/model/today.js";
import type { Project } from "../../src/model/types.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const IATI = join(import.meta.dirname, "..", "fixtures", "valid", "iati");
const today = buildDay("2026-11-25");

/** The budget values of the IATI file of the fixture, its project's total budget set to `amount`. */
function budgetValues(amount: number): string[] {
  const result = validateDataDirectory(IATI, { today, displayRoot: IATI });
  const raw = result.dataset;
  if (!raw) throw new Error("the IATI fixture does not validate");
  const projects = new Map(
    [...raw.records.projects].map(([id, project]): [string, Project] => [
      id,
      project.budget?.total
        ? { ...project, budget: { ...project.budget, total: { ...project.budget.total, amount } } }
        : project,
    ]),
  );
  const xml = iatiActivities(buildDataset({ ...raw, records: { ...raw.records, projects } }, today)) ?? "";
  return [...xml.matchAll(/<value [^>]*>([^<]*)<\/value>/g)].map((match) => match[1] as string);
}

describe("IATI budget values", () => {
  // Schema compilation takes seconds on a loaded machine.
  it("are written as decimals, never in exponent notation", { timeout: 30_000 }, () => {
    expect(budgetValues(0.0000001)).toEqual(["0.0000001"]);
    expect(budgetValues(1e21)).toEqual(["1000000000000000000000"]);
    expect(budgetValues(3500000.5)).toEqual(["3500000.5"]);
  });

  it("keep every digit of the number", () => {
    for (const amount of [0, 1, 0.5, 123.45, 1.25e-7, 5e-324, 9007199254740991, 1.5e21, 1.7976931348623157e308])
      expect(Number(xsDecimal(amount)), String(amount)).toBe(amount);
    for (const amount of [1.25e-7, 1e21, 1.7976931348623157e308]) expect(xsDecimal(amount)).toMatch(/^\d+(\.\d+)?$/);
  });
});
