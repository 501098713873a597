// A contact person's name, e-mail address or phone number written into a published text is an
// error at that field: pages may show contact persons, open data never.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/model/problems.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const work = mkdtempSync(join(tmpdir(), "utblick-personal-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** The errors of the fixture whose project summary (Swedish) reads `summary`. */
function errorsWithSummary(summary: string): string[] {
  const root = join(work, String(++count));
  const data = join(root, "data");
  cpSync("test/fixtures/valid/site", data, { recursive: true });
  const file = join(data, "projects", "renare-vatten.yaml");
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^ {2}sv: Kommunen minskar.*$/m, `  sv: ${summary}`));
  const result = validateDataDirectory(data, { today: buildDay("2026-11-25"), displayRoot: root });
  return result.problems.filter((problem) => problem.severity === "error").map((problem) => formatProblem(problem));
}

describe("a contact person in a published text", () => {
  it.each([
    ["the name", "Projektet leds av Anna Test på kommunen."],
    ["the name in other letter case", "Projektet leds av ANNA TEST."],
    ["the e-mail address", "Frågor till anna.test@example.org."],
    ["the phone number, spaced otherwise", "Ring 012 111 22 33."],
  ])("is an error at the field when the text holds %s", (_what, summary) => {
    const errors = errorsWithSummary(summary);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/projects\/renare-vatten\.yaml:\d+:\d+ {2}summary\.sv: .*anna-test/);
  });

  it("is not found in a longer word or another number", () => {
    expect(errorsWithSummary("Projektet heter Annatestet och har nummer 0121112233444.")).toEqual([]);
  });
});
