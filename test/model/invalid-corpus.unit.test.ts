// Each folder of test/fixtures/invalid/ is a small mistake laid over the valid minimal data:
// its data/ files replace or add files, remove.txt lists files to delete, and expected.txt holds
// the exact report the editor must see.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportLines } from "../../src/model/report.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const VALID = join(FIXTURES, "valid", "minimal");
const INVALID = join(FIXTURES, "invalid");
const TODAY = buildDay("2026-11-25");
const work = mkdtempSync(join(tmpdir(), "utblick-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Lays a case over a copy of the valid data and validates it. */
function runCase(name: string): { lines: string[]; valid: boolean } {
  const root = join(work, name);
  const data = join(root, "data");
  cpSync(VALID, data, { recursive: true });
  const caseDir = join(INVALID, name);
  if (existsSync(join(caseDir, "data"))) cpSync(join(caseDir, "data"), data, { recursive: true });
  const removals = join(caseDir, "remove.txt");
  if (existsSync(removals)) {
    for (const file of readFileSync(removals, "utf8").split("\n").filter(Boolean))
      rmSync(join(data, file), { recursive: true });
  }
  const result = validateDataDirectory(data, { today: TODAY, displayRoot: root });
  return { lines: reportLines(result), valid: result.dataset !== undefined };
}

const cases = readdirSync(INVALID).sort();

describe("the invalid-data corpus", () => {
  it("holds at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  // The first case compiles the schemas: seconds on a loaded machine, so more than the default limit.
  it.each(cases)("reports exactly the expected problems for %s", { timeout: 30_000 }, (name) => {
    const expected = readFileSync(join(INVALID, name, "expected.txt"), "utf8")
      .trimEnd()
      .split("\n");
    const { lines, valid } = runCase(name);
    expect(lines).toEqual(expected);
    expect(valid).toBe(false);
  });
});

describe("the valid minimal data", () => {
  it("passes with no problem at all", () => {
    const result = validateDataDirectory(VALID, { today: TODAY, displayRoot: VALID });
    expect(result.problems).toEqual([]);
    expect(result.dataset?.records.projects.get("renare-vatten")?.title.en).toBe("Cleaner water");
  });
});
