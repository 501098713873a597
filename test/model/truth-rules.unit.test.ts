// The warnings of src/model/truth-rules.ts (issue #32): a period only a plan gives told as done, a
// number one language has and another lacks, partners a summary speaks of that the record
// neither names nor counts, and a partnership the chart can count in its first year only. Each is
// located at the field it is about.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/model/problems.js";
import { buildDay } from "../../src/model/today.js";
import { numbersOf } from "../../src/model/truth-rules.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "valid", "minimal");
const work = mkdtempSync(join(tmpdir(), "utblick-truth-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const today = buildDay("2026-11-25");
let copies = 0;

const SUMMARY = `summary:
  sv: Kommunen minskar **utsläppen** till sjön.
  en: The municipality cuts **emissions** into the lake.
  de: Die Gemeinde senkt die **Einleitungen** in den See.
`;

/**
 * The minimal data with the project's summary (and other lines) replaced; its end, from start
 * 2016-03 and P3Y, is a plan, since the newest report (September 2017) says ongoing.
 */
function warningsWith(summary: Record<"sv" | "en" | "de", string>, replace: [string, string][] = []): string[] {
  const data = join(work, `data-${++copies}`);
  cpSync(VALID, data, { recursive: true });
  const file = join(data, "projects", "renare-vatten.yaml");
  const lines = Object.entries(summary).map(([lang, value]) => `  ${lang}: ${JSON.stringify(value)}\n`);
  let yaml = readFileSync(file, "utf8").replace(SUMMARY, `summary:\n${lines.join("")}`);
  for (const [from, to] of replace) yaml = yaml.replace(from, to);
  writeFileSync(file, yaml);
  const result = validateDataDirectory(data, { today, displayRoot: work, lang: "en" });
  return result.problems.map((problem) => formatProblem(problem, "en").replace(/^data-\d+/, "data"));
}

describe("a period only a plan gives", () => {
  it("is a warning where a summary tells it as done, at the text in each language", () => {
    expect(
      warningsWith({
        sv: "Kommunen samarbetade 2016–2019 med grannarna.",
        en: "From 2016 to 2019 the municipality worked with its neighbours.",
        de: "Die Gemeinde arbeitete von 2016 bis 2019 mit den Nachbarn.",
      }),
    ).toEqual([
      'data/projects/renare-vatten.yaml:6:7  warning: summary.sv: "2016–2019" reads as a period that ran its ' +
        'course, but by the sources 2016–2019 is only a plan; say it as a plan ("planned for …", "was to …") ' +
        'or as what the source gave ("the page gave …")',
      'data/projects/renare-vatten.yaml:7:7  warning: summary.en: "2016 to 2019" reads as a period that ran its ' +
        'course, but by the sources 2016–2019 is only a plan; say it as a plan ("planned for …", "was to …") ' +
        'or as what the source gave ("the page gave …")',
      'data/projects/renare-vatten.yaml:8:7  warning: summary.de: "2016 bis 2019" reads as a period that ran its ' +
        'course, but by the sources 2016–2019 is only a plan; say it as a plan ("planned for …", "was to …") ' +
        'or as what the source gave ("the page gave …")',
    ]);
  });

  it("is no warning where the sentence says it as a plan or as what the source gave", () => {
    expect(
      warningsWith({
        sv: "Ett projekt planerat för 2016–2019. Sidan angav 2016–2019 som perioden.",
        en: "The project was to run from 2016 to 2019. The page gave 2016–2019 as the period.",
        de: "Ein für 2016 bis 2019 angelegtes Projekt. Die Seite nannte den Zeitraum 2016–2019.",
      }),
    ).toEqual([]);
  });

  it("is no warning where a source reported the project completed: the period is then a fact", () => {
    const done = warningsWith(
      {
        sv: "Kommunen samarbetade 2016–2019 med grannarna.",
        en: "From 2016 to 2019 the municipality worked with its neighbours.",
        de: "Die Gemeinde arbeitete von 2016 bis 2019 mit den Nachbarn.",
      },
      [
        [
          "status: ongoing\nstatus_as_of: 2017-09-05\n",
          "status: completed\nstatus_as_of: 2019-06\neditorial: [status_as_of]\n",
        ],
      ],
    );
    expect(done).toEqual([]);
  });
});

describe("numbers across languages", () => {
  it("read thousands separators, decimal commas, CO2 and single digits alike", () => {
    expect([...numbersOf("273 500 kronor, 3,5 MEUR, CO2, årskurs 6, 2017–2019")]).toEqual([
      "273500",
      "3.5",
      "2017",
      "2019",
    ]);
    expect([...numbersOf("SEK 273,500, EUR 3.5 million, CO2, sixth-grade, 2017 to 2019")]).toEqual([
      "273500",
      "3.5",
      "2017",
      "2019",
    ]);
    expect([...numbersOf("273.500 Kronen, 3,5 Mio. EUR, [Seite](https://example.org/2018/)")]).toEqual([
      "273500",
      "3.5",
    ]);
  });

  it("warn where a translation lost a number or has one the source text lacks", () => {
    expect(
      warningsWith({
        sv: "Kommunen fick 273 500 kronor år 2014.",
        en: "The municipality received SEK 273,500 in 2015.",
        de: "Die Gemeinde erhielt 273.500 Kronen im Jahr 2014.",
      }),
    ).toEqual([
      "data/projects/renare-vatten.yaml:7:7  warning: summary.en: 2014 is in the text under sv but not here; " +
        "check the translation",
    ]);
    expect(
      warningsWith({
        sv: "Kommunen fick pengar.",
        en: "In 2014 the municipality received money.",
        de: "Die Gemeinde erhielt Geld.",
      }),
    ).toEqual([
      "data/projects/renare-vatten.yaml:7:7  warning: summary.en: 2014 is here but not in the text under sv; " +
        "check the translation",
    ]);
  });
});

describe("partners the record neither names nor counts", () => {
  const text = {
    sv: "Kommunen arbetade med partner runt sjön.",
    en: "The municipality worked with partners around the lake.",
    de: "Die Gemeinde arbeitete mit Partnern rund um den See.",
  };

  it("are a warning where the only country is the owner's: key facts would say 1 country", () => {
    expect(warningsWith(text, [["countries: [SE, FI]", "countries: [SE]"]])).toEqual([
      "data/projects/renare-vatten.yaml:6:7  warning: summary.sv: the text speaks of partners, but the record " +
        "names none, gives no number and no country besides the owners', so key facts count only the owners' " +
        "country; set partners_unnamed: true if the source does not name them, or list them under participants",
    ]);
  });

  it("are no warning once partners_unnamed says so, or a country abroad is listed", () => {
    expect(warningsWith(text, [["countries: [SE, FI]", "countries: [SE]\npartners_unnamed: true"]])).toEqual([]);
    expect(warningsWith(text)).toEqual([]);
  });
});

describe("a partnership with a start and only undated reports", () => {
  const STATUSES = join(import.meta.dirname, "..", "fixtures", "valid", "statuses");
  const sinceWarnings = (replace: [string, string]): string[] => {
    const data = join(work, `statuses-${++copies}`);
    cpSync(STATUSES, data, { recursive: true });
    const file = join(data, "partnerships", "odaterat-partnerskap.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(...replace));
    const result = validateDataDirectory(data, { today, displayRoot: work, lang: "en" });
    return result.problems
      .filter((problem) => problem.message.includes("partnerships-over-time chart"))
      .map((problem) => formatProblem(problem, "en").replace(/^statuses-\d+/, "data"));
  };

  it("is a warning at since: the chart counts it in that year only", () => {
    expect(sinceWarnings(["status: active\n", 'since: "2010"\nstatus: active\n'])).toEqual([
      "data/partnerships/odaterat-partnerskap.yaml:12:8  warning: since: no date says the partnership existed " +
        "after 2010 (no status_as_of, no active_as_of, only undated sources), so the partnerships-over-time chart " +
        "counts it in 2010 only; give the day a source says it was under way, or a date you infer, listed under " +
        "editorial with the reason in a note on the source",
    ]);
  });

  it("is no warning once a date, inferred or not, says it went on", () => {
    const inferred = 'since: "2010"\nstatus: active\nstatus_as_of: "2015"\neditorial: [status_as_of]\n';
    expect(sinceWarnings(["status: active\n", inferred])).toEqual([]);
    expect(sinceWarnings(["status: active\n", 'since: "2010"\nstatus: active\nactive_as_of: "2016"\n'])).toEqual([]);
  });
});
