// Every mistake of a file in one run: a project's dates are checked against each other even when
// another of its fields has a schema error, so the editor is not sent back once per kind of rule.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/model/problems.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const work = mkdtempSync(join(tmpdir(), "utblick-all-at-once-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function errorsOf(change: (text: string) => string): string[] {
  const data = join(work, "data");
  rmSync(data, { recursive: true, force: true });
  cpSync("test/fixtures/valid/site", data, { recursive: true });
  const file = join(data, "projects", "renare-vatten.yaml");
  writeFileSync(file, change(readFileSync(file, "utf8")));
  const result = validateDataDirectory(data, { today: buildDay("2026-11-25"), displayRoot: work });
  return result.problems.filter((problem) => problem.severity === "error").map((problem) => formatProblem(problem));
}

describe("a project with a schema error and contradicting dates", () => {
  const endFirst = (text: string) =>
    text.replace(/^start: .*$/m, 'start: "2016"').replace(/^duration: .*$/m, 'end: "2001"');

  it("gets both messages in one run: the schema's and the end before the start", () => {
    const errors = errorsOf((text) => endFirst(text).replace(/^ {2}- source: testkalla$/m, "  - source: 42"));
    expect(errors.some((line) => /sources\[0\]\.source/.test(line))).toBe(true);
    expect(errors.some((line) => /renare-vatten\.yaml:\d+:\d+ {2}end: /.test(line))).toBe(true);
  });

  it("leaves out a date field that is itself in error", () => {
    const errors = errorsOf((text) => endFirst(text).replace('end: "2001"', "end: 2001-13"));
    expect(errors.filter((line) => line.includes("  end: "))).toHaveLength(1);
  });
});
