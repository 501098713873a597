// Builds test/fixtures/valid/statuses for 25 November 2026 (a 12-month window) and checks that
// the site says only what its sources say, as of when they said it. Each expected value below is
// worked out by hand from the rule, project by project:
//   pagar-enligt-datum      2025 – 2027                      ongoing (dates)
//   nyligen-rapporterat     ongoing as of 2026-06-01         ongoing (report within 12 months)
//   rapporterat-manad       ongoing as of 2025-12            ongoing (1 December 2025 + 12 months is after the day)
//   gammal-uppgift          ongoing as of 2017-09-05         unconfirmed, last reported ongoing
//   gammal-plan             planned as of 2014               unconfirmed, last reported planned
//   slutat-enligt-langd     2016-03 + P3Y, a source: ongoing completed (dates: ended February 2019)
//   planerat-enligt-datum   starts 2027-03                   planned (dates)
//   inget-kant              nothing                          unknown
//   avbrutet                cancelled as of 2026-01          cancelled
import { beforeAll, describe, expect, it } from "vitest";
import { sectionUrl } from "../../src/core/routes.js";
import { readCsv } from "../../src/exports/csv.js";
import { TABLES } from "../../src/exports/tables.js";
import { type BuiltSite, buildSite, fileOfUrl } from "../helpers/built-site.js";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite("test/fixtures/valid/statuses");
});

const home = (lang: "sv" | "en" | "de") => site.html(`/${lang}/index.html`);
const projectPage = (lang: "sv" | "en" | "de", id: string) => site.html(fileOfUrl(sectionUrl(lang, "projects", id)));

/** The project ids a home-page section's cards link to. */
function idsIn(lang: "sv" | "en" | "de", section: string): string[] {
  const $ = home(lang);
  return $(`section[aria-labelledby="${section}"] .project-cards h3 a`)
    .map((_, link) => ($(link).attr("href") ?? "").split("/").filter(Boolean).at(-1))
    .get()
    .sort();
}

describe("the home page", () => {
  it.each(["sv", "en", "de"] as const)(
    "in %s lists as ongoing exactly the projects the dates or a recent report call ongoing",
    (lang) => {
      expect(idsIn(lang, "ongoing")).toEqual(["nyligen-rapporterat", "pagar-enligt-datum", "rapporterat-manad"]);
    },
  );

  it.each(["sv", "en", "de"] as const)(
    "in %s shows, apart and labelled, the project last reported ongoing in 2017",
    (lang) => {
      expect(idsIn(lang, "last-reported")).toEqual(["gammal-uppgift"]);
    },
  );

  it("heads the group of old reports so no reader takes them for running work", () => {
    expect(home("en")("#last-reported").text()).toBe("Last reported ongoing – not confirmed since");
  });
});

describe("a project page", () => {
  it("dates an old report and says it is not confirmed since", () => {
    const status = projectPage("en", "gammal-uppgift")(".facts dt:contains('Status') + dd").text();
    expect(status).toBe("Reported ongoing as of 5 September 2017 – not confirmed since");
  });

  it("says the same in Swedish and German", () => {
    expect(projectPage("sv", "gammal-uppgift")(".facts dd").first().text()).toBe(
      "Rapporterat pågående per 5 september 2017 – inte bekräftat sedan dess",
    );
    expect(projectPage("de", "gammal-uppgift")(".facts dd").first().text()).toBe(
      "Als laufend gemeldet, Stand 5. September 2017 – seitdem nicht bestätigt",
    );
  });

  it("gives a recent report as today's status with the day it was reported", () => {
    expect(projectPage("en", "nyligen-rapporterat")(".facts dd").first().text()).toBe(
      "Ongoing (according to a source of 1 June 2026)",
    );
  });

  it("calls a project completed by its dates and still shows the source that called it ongoing", () => {
    const $ = projectPage("en", "slutat-enligt-langd");
    // The key facts give the status and, beneath it, how it was worked out.
    expect($(".facts dd").first().text()).toMatch(/^Completed\s*calculated from the project's dates on /);
    expect($("#conflicts").closest("section").text()).toContain("ongoing");
  });

  it("marks the facts the editor added without a source", () => {
    const $ = site.html(fileOfUrl(sectionUrl("en", "organisations", "testkommun")));
    expect($("ul.sources li.editorial").text()).toBe("Added by the editor (general knowledge, no source): Country.");
  });

  it("shows a phone number in international form on English and German pages, as written on Swedish ones, and dials E.164", () => {
    const link = (lang: "sv" | "en" | "de") => projectPage(lang, "slutat-enligt-langd")("ul.contacts a[href^='tel:']");
    expect(link("en").text()).toBe("+46 21 39 13 07");
    expect(link("de").text()).toBe("+46 21 39 13 07");
    expect(link("sv").text()).toBe("021-39 13 07");
    for (const lang of ["sv", "en", "de"] as const) expect(link(lang).attr("href")).toBe("tel:+4621391307");
  });
});

describe("the open data", () => {
  it("give each project a derived object with today's status, the worked-out end and the day", () => {
    const record = JSON.parse(site.read("/data/projects/slutat-enligt-langd.json")) as Record<string, unknown>;
    expect(record.derived).toEqual({ status: "completed", end: "2019-02", as_of: "2026-11-25" });
    expect(record.status).toBeUndefined();
  });

  it("carry derived_status, derived_end and derived_as_of in the projects CSV", () => {
    const table = TABLES.find((candidate) => candidate.name === "projects")!;
    const rows = new Map(readCsv(table, site.read("/data/csv/projects.csv")).map((row) => [row.id, row]));
    expect(rows.get("gammal-uppgift")).toMatchObject({ derived_status: "unconfirmed", derived_as_of: "2026-11-25" });
    expect(rows.get("gammal-uppgift")?.derived_end).toBeUndefined();
    expect(rows.get("pagar-enligt-datum")).toMatchObject({ derived_status: "ongoing", derived_end: "2027" });
    expect(rows.get("inget-kant")).toMatchObject({ derived_status: "unknown" });
    expect(rows.get("avbrutet")).toMatchObject({ derived_status: "cancelled" });
    expect(rows.get("planerat-enligt-datum")).toMatchObject({ derived_status: "planned" });
  });
});
