import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fieldPath, formatProblem, summarise } from "../../src/model/problems.js";
import { buildDay } from "../../src/model/today.js";
import { formatCoverage, validateDataDirectory } from "../../src/model/validate.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "valid", "minimal");
const work = mkdtempSync(join(tmpdir(), "utblick-warnings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const today = buildDay("2026-11-25");

function withoutGermanTitle(): string {
  const data = join(work, "data");
  cpSync(VALID, data, { recursive: true });
  const file = join(data, "projects", "renare-vatten.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("  de: Saubereres Wasser\n", ""));
  return data;
}

describe("missing translations", () => {
  it("are warnings with a position, and the data stays valid", () => {
    const result = validateDataDirectory(withoutGermanTitle(), { today, displayRoot: work });
    expect(result.problems.map((problem) => formatProblem(problem))).toEqual([
      "data/projects/renare-vatten.yaml:2:3  varning: title: ingen text på tyska ännu; " +
        "sidorna på tyska visar texten på svenska och säger vilket språk den är skriven på",
    ]);
    expect(result.dataset).toBeDefined();
    expect(summarise(result.problems)).toBe("0 fel i 0 filer, 1 varning i 1 fil");
    expect(summarise(result.problems, "en")).toBe("0 errors in 0 files, 1 warning in 1 file");
  });

  it("fail the validation under --strict", () => {
    const result = validateDataDirectory(withoutGermanTitle(), { today, displayRoot: work, strict: true });
    expect(result.dataset).toBeUndefined();
    expect(result.problems[0]?.severity).toBe("error");
  });

  it("are counted in the translation coverage per language", () => {
    const result = validateDataDirectory(withoutGermanTitle(), { today, displayRoot: work });
    expect(formatCoverage(result.coverage, "en")).toBe(
      "Translations: sv 100 % (5 of 5), en 100 % (5 of 5), de 80 % (4 of 5)",
    );
  });
});

describe("field paths", () => {
  it("read like the YAML: funding[0].currency", () => {
    expect(fieldPath(["funding", 0, "currency"])).toBe("funding[0].currency");
    expect(fieldPath([])).toBe("");
  });
});
