// The statistics page: every chart is an image with one mark per category (labels and values as
// page text, bars as SVG), its table holds the same numbers, and those numbers come out the same
// when recomputed from the published CSV.
// The real data get the checks that hold for any data; the sums of specific grants and the names
// of the largest countries read the frozen sample.
import { gzipSync } from "node:zlib";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { sectionUrl } from "../../src/core/routes.js";
import { readCsv } from "../../src/exports/csv.js";
import { type Row, TABLES } from "../../src/exports/tables.js";
import { parsePartialDate } from "../../src/model/dates.js";
import { type BuiltSite, fileOfUrl, sharedSite } from "../helpers/built-site.js";
import { languagesOf, REAL_DATA } from "../helpers/shared-sites.js";

const LANGUAGES = languagesOf(REAL_DATA);

let site: BuiltSite;
let changed: BuiltSite;
let sample: BuiltSite;
beforeAll(() => {
  site = sharedSite("real");
  changed = sharedSite("changed");
  sample = sharedSite("sample");
});

const samplePage = (lang: "sv" | "en" | "de"): CheerioAPI => sample.html(fileOfUrl(sectionUrl(lang, "statistics")));
/** Digits of a formatted number: "1 200", "1,200" and "1.200" all read 1200. */
const digits = (text: string): number => Number(text.replace(/[^\d]/g, ""));

function tally(pairs: Iterable<[string, string]>): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const [key, member] of pairs) sets.set(key, (sets.get(key) ?? new Set()).add(member));
  return new Map([...sets].map(([key, members]) => [key, members.size]));
}

/** A table of the largest categories plus "Others": each shown value and the rest's sum must match. */
function expectTopAndOthers(
  rows: { label: string; numbers: number[] }[],
  expected: Map<string | undefined, number>,
): void {
  const others = rows.find((row) => row.label.startsWith("Others"));
  const top = rows.filter((row) => row !== others);
  for (const row of top) expect(row.numbers[0], row.label).toBe(expected.get(row.label));
  const total = [...expected.values()].reduce((a, b) => a + b, 0);
  const shown = top.reduce((sum, row) => sum + row.numbers[0]!, 0);
  if (others) expect(others.numbers[0]).toBe(total - shown);
  else expect(shown).toBe(total);
  const smallestShown = Math.min(...top.map((row) => row.numbers[0]!));
  const left = [...expected].filter(([label]) => !top.some((row) => row.label === label));
  for (const [, value] of left) expect(value).toBeLessThanOrEqual(smallestShown);
}

/** The body rows of the table after a section's chart: first cell and the numbers after it. */
function tableRows($: CheerioAPI, section: string): { label: string; numbers: number[] }[] {
  return $(`section:has(h2#${section}) table tbody tr`)
    .map((_, row) => ({
      label: $(row).find("th").text(),
      numbers: $(row)
        .find("td")
        .map((__, cell) => digits($(cell).text()))
        .get(),
    }))
    .get();
}

describe.each([
  ["the real data", () => site],
  ["the real data after an editor's changes", () => changed],
])("%s", (_name, of) => {
  const page = (lang: string): CheerioAPI => of().html(fileOfUrl(sectionUrl(lang, "statistics")));
  const csv = (name: string): Row[] =>
    readCsv(TABLES.find((table) => table.name === name)!, of().read(`/data/csv/${name}.csv`));

  describe.each(LANGUAGES)("the statistics page in %s", (lang) => {
    it("draws every chart as an image with an accessible name and description", () => {
      const $ = page(lang);
      const charts = $(".chart");
      expect(charts.length).toBeGreaterThanOrEqual(5);
      charts.each((_, chart) => {
        expect($(chart).attr("role")).toBe("img");
        const [title, description] = ($(chart).attr("aria-labelledby") ?? "").split(" ");
        expect($(chart).find(`#${title}`).text().length).toBeGreaterThan(3);
        expect($(chart).find(`#${description}`).text().length).toBeGreaterThan(10);
        expect($(chart).closest("figure").nextAll(".table-scroll, .table-wrap").first().find("table").length).toBe(1);
      });
      expect($("script:not([type='application/ld+json'])").length).toBe(0);
    });

    it("has one mark per category, labelled as in the table, and no chart of a single bar", () => {
      const $ = page(lang);
      for (const section of ["by-programme", "by-country", "by-sdg", "by-theme"]) {
        const rows = tableRows($, section);
        const marks = $(`section:has(h2#${section}) .chart .mark`);
        expect(marks.length, section).toBe(rows.length < 2 ? 0 : rows.length);
        marks.each((index, mark) => {
          expect($(mark).find(".bar-label").text()).toBe(rows[index]!.label);
          expect(digits($(mark).find(".bar-value").text())).toBe(rows[index]!.numbers[0]);
          expect($(mark).find("svg.bar rect").length).toBe(1);
        });
      }
      expect($("section:has(h2#by-year) .chart .mark").length).toBe(tableRows($, "by-year").length);
      $(".chart").each((_, chart) => {
        expect($(chart).find(".mark").length).toBeGreaterThanOrEqual(2);
      });
    });

    it("stays within the page-weight budget of 14 kB gzipped with its stylesheet", () => {
      const size =
        gzipSync(of().read(fileOfUrl(sectionUrl(lang, "statistics")))).length +
        gzipSync(of().read("/assets/style.css")).length;
      expect(size).toBeLessThanOrEqual(14 * 1024);
    });
  });

  describe("the figures, recomputed from the CSV files", () => {
    const $ = () => page("en");

    it("count projects by start year and today's status", () => {
      const counts = new Map<string, number[]>();
      for (const row of csv("projects")) {
        const start = typeof row.start === "string" ? parsePartialDate(row.start) : undefined;
        // A start only a plan gives is counted apart, not as a year the project started in.
        if (!start || row.derived_start_planned === true) continue;
        // The CSV carries today's status as the site derives it; the chart must count the same.
        const status = row.derived_status;
        const entry = counts.get(String(start.year)) ?? [0, 0, 0];
        entry[status === "ongoing" ? 0 : status === "completed" ? 1 : 2]!++;
        counts.set(String(start.year), entry);
      }
      const expected = [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([label, values]) => ({ label, numbers: [...values, values.reduce((a, b) => a + b, 0)] }));
      expect(tableRows($(), "by-year")).toEqual(expected);
    });

    it("count projects by programme or funder", () => {
      const counts = tally(
        csv("project_funding").map((row) => [String(row.programme ?? row.funder), String(row.project_id)]),
      );
      const rows = [...csv("programmes"), ...csv("organisations")];
      const names = new Map(rows.map((row) => [String(row.id), String(row.name_en ?? row.name_sv)] as const));
      // A name two publishers' records share is followed by the publisher's name (on a site with includes).
      const publisherNames = new Map(
        rows.map((row) => [
          String(row.id),
          String(
            row.provenance_publisher_name_en ?? row.provenance_publisher_name_sv ?? names.get(String(row.published_by)),
          ),
        ]),
      );
      const labels = [...counts.keys()].map((id) => names.get(id));
      const label = (id: string) => {
        const name = names.get(id);
        return labels.filter((other) => other === name).length > 1 ? `${name} (${publisherNames.get(id)})` : name;
      };
      expectTopAndOthers(tableRows($(), "by-programme"), new Map([...counts].map(([id, count]) => [label(id), count])));
    });

    it("sum the amounts per currency without mixing currencies", () => {
      const sums = new Map<string, number>();
      for (const row of csv("project_funding"))
        if (typeof row.amount === "number")
          sums.set(String(row.currency), (sums.get(String(row.currency)) ?? 0) + row.amount);
      const headings = $()("section:has(h2#amounts) h3")
        .map((_, heading) => $()(heading).text())
        .get();
      expect(headings).toEqual([...sums.keys()].sort().map((currency) => `Granted in ${currency}`));
    });

    it("count projects per partner country, apart from each project's owners' own countries", () => {
      const countryOf = new Map(csv("organisations").map((row) => [String(row.id), String(row.country)]));
      const ownCountries = new Map<string, Set<string>>();
      for (const row of csv("project_owners")) {
        const project = String(row.project_id);
        ownCountries.set(project, (ownCountries.get(project) ?? new Set()).add(countryOf.get(String(row.owner))!));
      }
      const pairs: [string, string][] = [
        ...csv("project_countries").map((row): [string, string] => [String(row.country), String(row.project_id)]),
        ...csv("project_participants").map((row): [string, string] => [
          countryOf.get(String(row.organisation))!,
          String(row.project_id),
        ]),
        ...csv("project_places").map((row): [string, string] => [String(row.country), String(row.project_id)]),
      ].filter(([country, project]) => !ownCountries.get(project)?.has(country));
      const counts = tally(pairs);
      const names = new Intl.DisplayNames(["en-GB"], { type: "region" });
      const rows = tableRows($(), "by-country");
      expect(rows.some((row) => row.label.startsWith("Others"))).toBe(counts.size > 16);
      expectTopAndOthers(rows, new Map([...counts].map(([code, count]) => [names.of(code), count])));
    });

    it("count projects per goal and per theme", () => {
      const sdgs = tally(csv("project_sdgs").map((row) => [String(row.sdg), String(row.project_id)]));
      expect(tableRows($(), "by-sdg").map((row) => [row.label.split(".")[0], row.numbers[0]])).toEqual(
        [...sdgs].sort(([a], [b]) => Number(a) - Number(b)),
      );
      const themes = tally(csv("project_themes").map((row) => [String(row.theme), String(row.project_id)]));
      expect(
        tableRows($(), "by-theme")
          .map((row) => row.numbers[0])
          .reduce((a, b) => a! + b!, 0),
      ).toBe([...themes.values()].reduce((a, b) => a + b, 0));
    });

    it("count partnerships only in the years their dates or dated sources cover", () => {
      const year = (value: unknown) => (typeof value === "string" ? Number(value.slice(0, 4)) : undefined);
      const sourceYear = new Map(csv("sources").map((row) => [String(row.id), year(row.as_of)]));
      const sourcesOf = new Map<string, (number | undefined)[]>();
      for (const row of csv("partnership_sources")) {
        const id = String(row.partnership_id);
        sourcesOf.set(id, [...(sourcesOf.get(id) ?? []), sourceYear.get(String(row.source))]);
      }
      const today = of().dataset.today.year;
      const spans = csv("partnerships").flatMap((row) => {
        // Seen active: on active_as_of, or on the date of a reported "active".
        const active = [year(row.active_as_of), row.status === "active" ? year(row.status_as_of) : undefined].filter(
          (y): y is number => y !== undefined,
        );
        const from = year(row.since) ?? (active.length > 0 ? Math.min(...active) : undefined);
        if (from === undefined) return [];
        const sources = row.status === "ended" ? [] : (sourcesOf.get(String(row.id)) ?? []).map((y) => y ?? from);
        return [{ from, to: year(row.until) ?? Math.min(Math.max(from, ...active, ...sources), today) }];
      });
      const rows = tableRows($(), "partnerships-over-time");
      for (const row of rows) {
        const label = Number(row.label);
        expect(row.numbers[0], row.label).toBe(spans.filter((span) => span.from <= label && span.to >= label).length);
      }
      // The chart ends with the last year a source covers, not with the build day: silence is no zero.
      if (spans.length > 0) expect(rows.at(-1)?.label).toBe(String(Math.max(...spans.map((span) => span.to))));
    });

    it("count partnerships by their status on the build day, as the CSV derives it", () => {
      const counts = tally(csv("partnerships").map((row) => [String(row.derived_status), String(row.id)]));
      const labels = { active: "Active", planned: "Planned", unconfirmed: "Not confirmed", unknown: "Status unknown" };
      const expected = new Map([...counts].map(([status, n]) => [labels[status as keyof typeof labels] ?? "Ended", n]));
      const rows = tableRows($(), "partnerships-by-status");
      expect(new Map(rows.map((row) => [row.label, row.numbers[0]]))).toEqual(expected);
    });
  });
});

describe("the frozen sample", () => {
  it("adds up its two kronor grants to 2.7 million", () => {
    const sums = readCsv(
      TABLES.find((table) => table.name === "project_funding")!,
      sample.read("/data/csv/project_funding.csv"),
    )
      .filter((row) => row.currency === "SEK" && typeof row.amount === "number")
      .reduce((sum, row) => sum + (row.amount as number), 0);
    expect(sums).toBe(2400000 + 273500);
    expect(samplePage("en")("section:has(h2#amounts) table").first().find("td.number").first().text()).toBe(
      "SEK 2.7 million",
    );
  });

  it("names countries and formats amounts in each language", () => {
    expect(samplePage("sv")("section:has(h2#by-country) .chart").text()).toContain("Kina");
    expect(samplePage("de")("section:has(h2#by-country) .chart").text()).toContain("Vereinigtes Königreich");
    expect(samplePage("sv")("section:has(h2#amounts) table").text()).toContain("2,7 miljoner svenska kronor");
    // German writes the adjective of a currency in lower case in running text.
    expect(samplePage("de")("section:has(h2#amounts) table").text()).toContain("2,7 Millionen schwedische Kronen");
  });
});
