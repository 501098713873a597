import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fieldPath, formatProblem, summarise } from "../../src/model/problems.js";
import { reportLines } from "../../src/model/report.js";
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

describe("the printed report of missing translations", () => {
  /** The minimal data with the German title and summary of a project removed. */
  function withoutGerman(): string {
    const data = withoutGermanTitle();
    const file = join(data, "projects", "renare-vatten.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {2}de: Die Gemeinde.*\n/m, ""));
    return data;
  }

  it("gathers them into one line per file and language, and says once what the pages show meanwhile", () => {
    const result = validateDataDirectory(withoutGerman(), { today, displayRoot: work });
    expect(result.problems).toHaveLength(2);
    expect(reportLines(result)).toEqual([
      "data/projects/renare-vatten.yaml: varning: 2 texter saknas på tyska: title, summary",
      "Där en text saknas på tyska visar sidorna på tyska texten på svenska och säger vilket språk den är " +
        "skriven på.",
      "8 filer kontrollerade: 0 fel i 0 filer, 2 varningar i 1 fil",
    ]);
    const english = validateDataDirectory(withoutGerman(), { today, displayRoot: work, lang: "en" });
    expect(reportLines(english).slice(0, 1)).toEqual([
      "data/projects/renare-vatten.yaml: warning: 2 texts missing in German: title, summary",
    ]);
  });

  it("keeps a located line for each under --strict, where each is an error", () => {
    const result = validateDataDirectory(withoutGerman(), { today, displayRoot: work, strict: true });
    const lines = reportLines(result);
    expect(lines[0]).toMatch(/^data\/projects\/renare-vatten\.yaml:2:3 {2}title: ingen text på tyska ännu/);
    expect(lines[1]).toMatch(/^data\/projects\/renare-vatten\.yaml:\d+:3 {2}summary: ingen text på tyska ännu/);
    expect(lines).toHaveLength(3);
  });
});

describe("field paths", () => {
  it("read like the YAML: funding[0].currency", () => {
    expect(fieldPath(["funding", 0, "currency"])).toBe("funding[0].currency");
    expect(fieldPath([])).toBe("");
  });
});

describe("the site's own texts and dates", () => {
  const siteWith = (name: string, change: (site: string) => string): string => {
    const data = join(work, name);
    cpSync(VALID, data, { recursive: true });
    const site = join(data, "site.yaml");
    writeFileSync(site, change(readFileSync(site, "utf8")));
    return data;
  };
  const messagesOf = (data: string): string[] =>
    validateDataDirectory(data, { today, displayRoot: work, lang: "en" }).problems.map((problem) =>
      formatProblem(problem, "en"),
    );

  it("warn of an easy-to-read text on a site without Swedish, which would never be shown", () => {
    const easyRead =
      "easy_to_read:\n  work: Vi arbetar med andra länder.\n  site: Här finns projekt.\n  contact: Skriv till oss.\n";
    const english = siteWith(
      "easy-read",
      (site) => `${site.replace("languages: [sv, en, de]", "languages: [en, de]\nsource_language: en")}${easyRead}`,
    );
    expect(messagesOf(english).filter((line) => line.includes("easy_to_read"))).toEqual([
      expect.stringContaining("warning: easy_to_read: the site does not publish Swedish"),
    ]);
    const swedish = siteWith("easy-read-sv", (site) => `${site}${easyRead}`);
    expect(messagesOf(swedish).filter((line) => line.includes("easy_to_read"))).toEqual([]);
  });

  it("warn of a statement reviewed before the assessment it rests on", () => {
    const statement = (reviewed: string) =>
      `accessibility:\n  compliance: partial\n  method: { sv: Självskattning. }\n  assessed: "2026-11-25"\naccessibility_reviewed: "${reviewed}"\n`;
    const early = siteWith("reviewed-early", (site) => `${site}${statement("2026-01-10")}`);
    expect(messagesOf(early).filter((line) => line.includes("accessibility_reviewed"))).toEqual([
      expect.stringContaining("reviewed on 2026-01-10, before the assessment it rests on (2026-11-25)"),
    ]);
    const later = siteWith("reviewed-later", (site) => `${site}${statement("2026-11-30")}`);
    expect(messagesOf(later).filter((line) => line.includes("accessibility_reviewed"))).toEqual([]);
  });
});
