// The validator catches the kinds of slip an audit found more than once, each with a located
// message in Swedish and English: a "lead" role no source supports, a status date that is no
// source's date and not marked as the editor's, and a partnership's reported status that its own
// dates contradict. Warnings leave the data valid (--strict makes them errors).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EditorLang } from "../../src/core/languages.js";
import { formatProblem } from "../../src/model/problems.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "valid", "minimal");
const work = mkdtempSync(join(tmpdir(), "utblick-source-rules-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const today = buildDay("2026-11-25");
let copies = 0;

/** A copy of the minimal data with one file changed by `edit`, or written anew. */
function dataWith(file: string, edit: (text: string) => string): string {
  const data = join(work, `data-${++copies}`);
  cpSync(VALID, data, { recursive: true });
  const path = join(data, file);
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    mkdirSync(join(path, ".."), { recursive: true });
  }
  writeFileSync(path, edit(text));
  return data;
}

function problems(data: string, lang: EditorLang = "sv"): string[] {
  const result = validateDataDirectory(data, { today, displayRoot: data, lang });
  return result.problems.map((problem) => formatProblem(problem, lang));
}

const PROJECT = "projects/renare-vatten.yaml";
const withLead = (text: string) =>
  text.replace("  - organisation: testkommun\n    role: partner\n", "  - organisation: testkommun\n    role: lead\n");

describe("the role lead", () => {
  it("needs a note saying what the source says, or an editorial mark: else a warning at the role", () => {
    const data = dataWith(PROJECT, withLead);
    expect(problems(data)).toEqual([
      'projects/renare-vatten.yaml:24:11  varning: participants[0].role: rollen "lead" säger att testkommun ' +
        "leder projektet; skriv i note vad källan säger om det, eller lista participants under editorial om ingen " +
        "källa säger det",
    ]);
    expect(problems(data, "en")).toEqual([
      'projects/renare-vatten.yaml:24:11  warning: participants[0].role: the role "lead" says that testkommun ' +
        "leads the project; write in note what the source says about it, or list participants under editorial if " +
        "no source says it",
    ]);
    const result = validateDataDirectory(data, { today, displayRoot: data });
    expect(result.dataset).toBeDefined();
    expect(validateDataDirectory(data, { today, displayRoot: data, strict: true }).dataset).toBeUndefined();
  });

  it("is accepted with a note or with participants marked editorial", () => {
    const noted = dataWith(PROJECT, (text) =>
      withLead(text).replace(
        "    role: lead\n",
        "    role: lead\n    note: { sv: Enligt källan., en: According to the source., de: Laut Quelle. }\n",
      ),
    );
    expect(problems(noted)).toEqual([]);
    const marked = dataWith(PROJECT, (text) =>
      withLead(text).replace("sources:\n", "editorial: [participants]\nsources:\n"),
    );
    expect(problems(marked)).toEqual([]);
  });
});

describe("a status date", () => {
  const dated = (asOf: string, extra = "") =>
    dataWith(PROJECT, (text) => text.replace("status_as_of: 2017-09-05", `status_as_of: "${asOf}"`) + extra);

  it("that no source of the record carries is a warning, unless marked as the editor's conclusion", () => {
    expect(problems(dated("2019"))).toEqual([
      "projects/renare-vatten.yaml:11:15  varning: status_as_of: 2019 är inte datumet för någon av postens " +
        "källor (2017-09-05); ange datumet för källan som rapporterar statusen, eller lista status_as_of under " +
        "editorial om det är redaktionens slutsats och skriv skälet i en anmärkning till källan",
    ]);
    expect(problems(dated("2019"), "en")[0]).toBe(
      "projects/renare-vatten.yaml:11:15  warning: status_as_of: 2019 is not the date of any of the record's " +
        "sources (2017-09-05); give the date of the source that reports the status, or list status_as_of under " +
        "editorial if it is the editor's conclusion, and give the reason in a note on the source",
    );
    expect(problems(dated("2019", "editorial: [status_as_of]\n"))).toEqual([]);
  });

  it("may be the source's day, or the month or year it falls in", () => {
    expect(problems(dated("2017-09"))).toEqual([]);
    expect(problems(dated("2017"))).toEqual([]);
  });
});

describe("a partnership's reported status", () => {
  const partnership = (fields: string) =>
    dataWith(
      "partnerships/test-fonden.yaml",
      () =>
        "swedish_partners: [testkommun]\ninternational_partners: [fonden]\n" +
        `${fields}sources:\n  - source: testkalla\n`,
    );

  it("is dated by its source: an undated source is no reason for a warning, another date is", () => {
    expect(problems(partnership("status: active\n"))).toEqual([]);
    expect(problems(partnership('status: active\nstatus_as_of: "2017-09-05"\n'))).toEqual([]);
    expect(problems(partnership('status: active\nstatus_as_of: "2016"\n'), "en")).toEqual([
      "partnerships/test-fonden.yaml:4:15  warning: status_as_of: 2016 is not the date of any of the record's " +
        "sources (2017-09-05); give the date of the source that reports the status, or list status_as_of under " +
        "editorial if it is the editor's conclusion, and give the reason in a note on the source",
    ]);
  });

  it("must be possible by its own dates on the day it was reported", () => {
    const ended = partnership('since: "2010"\nuntil: "2012"\nstatus: active\nstatus_as_of: "2017-09-05"\n');
    expect(problems(ended)).toEqual([
      'partnerships/test-fonden.yaml:5:9  status: är "active", men det upphörde 2012, före statusdatumet ' +
        "(2017-09-05); om källan säger så, behåll dess uppgift under conflicts (field: status) " +
        "och ta bort statusen",
    ]);
    expect(problems(partnership('since: "2010"\nstatus: planned\nstatus_as_of: "2017-09-05"\n'), "en")).toEqual([
      'partnerships/test-fonden.yaml:4:9  status: is "planned", but it began 2010, before the status date (2017-09-05)',
    ]);
    expect(problems(partnership('status_as_of: "2017-09-05"\n'), "en")).toEqual([
      "partnerships/test-fonden.yaml:3:15  status_as_of: says when a status was true, but there is no status",
    ]);
  });
});
