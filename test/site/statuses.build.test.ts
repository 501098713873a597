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
//   planerat-slut           2017-01 – 2024, ongoing as of 2017-09-05: the end only a plan gave, so
//                           unconfirmed (not completed), running in 2017, planned for 2018–2024
// and the partnerships and the network, by the same rule in their own words:
//   gammalt-partnerskap     since 2006, active as of 2017-09-05  unconfirmed
//   nytt-partnerskap        active as of 2026-06-01              active
//   odaterat-partnerskap    active, undated source               unconfirmed
//   okant-partnerskap       since 2010, no status                unknown
//   testnatverk             since 2015, active as of 2017-09-05  unconfirmed
import { beforeAll, describe, expect, it } from "vitest";
import { feedUrl, plannedInYearUrl, sectionUrl, yearUrl } from "../../src/core/routes.js";
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
    "in %s shows, apart and labelled, the projects last reported ongoing in 2017",
    (lang) => {
      expect(idsIn(lang, "last-reported")).toEqual(["gammal-uppgift", "planerat-slut"]);
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
      "Ongoing (according to a source dated 1 June 2026)",
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
    expect($("ul.sources li.editorial").text()).toBe("Added by the editors (general knowledge, no source): Country.");
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

type Lang = "sv" | "en" | "de";

/** The value of a key fact by its label, on a record's page. */
function keyFact(url: string, label: string): string {
  const $ = site.html(fileOfUrl(url));
  const term = $(".key-facts dt").filter((_, dt) => $(dt).text() === label);
  expect(term.length, `${label} on ${url}`).toBe(1);
  return term.next("dd").text().replace(/\s+/g, " ").trim();
}

const partnership = (lang: Lang, id: string) => sectionUrl(lang, "partnerships", id);

describe("a partnership's page", () => {
  it.each([
    [
      "sv",
      "Status",
      "Tid",
      "Rapporterat aktivt per 5 september 2017 – inte bekräftat sedan dess",
      "sedan 2006, aktivt per 5 september 2017 – inte bekräftat sedan dess",
    ],
    [
      "en",
      "Status",
      "Period",
      "Reported active as of 5 September 2017 – not confirmed since",
      "since 2006, active as of 5 September 2017 – not confirmed since",
    ],
    [
      "de",
      "Status",
      "Zeitraum",
      "Als aktiv gemeldet, Stand 5. September 2017 – seitdem nicht bestätigt",
      "seit 2006, aktiv, Stand 5. September 2017 – seitdem nicht bestätigt",
    ],
  ] as const)(
    "in %s follows 'since 2006' with what the newest source says and when",
    (lang, status, period, said, since) => {
      expect(keyFact(partnership(lang, "gammalt-partnerskap"), status)).toBe(said);
      expect(keyFact(partnership(lang, "gammalt-partnerskap"), period)).toBe(since);
    },
  );

  it("gives a report within the window as today's status, with its date", () => {
    const url = partnership("en", "nytt-partnerskap");
    expect(keyFact(url, "Status")).toBe("Active (according to a source dated 1 June 2026)");
    expect(keyFact(url, "Period")).toBe("active as of 1 June 2026");
  });

  it("never confirms what an undated source says, and says where no source reports a status", () => {
    const undated = partnership("en", "odaterat-partnerskap");
    expect(keyFact(undated, "Status")).toBe("Reported active, undated – not confirmed");
    expect(keyFact(undated, "Period")).toBe("active according to an undated source – not confirmed");
    const unknown = partnership("en", "okant-partnerskap");
    expect(keyFact(unknown, "Status")).toBe("Status unknown");
    expect(keyFact(unknown, "Period")).toBe("since 2010, no source says whether the cooperation continues");
    expect(keyFact(partnership("sv", "okant-partnerskap"), "Tid")).toBe(
      "sedan 2010, ingen källa säger om samarbetet fortsätter",
    );
  });

  it("carries its text's time: the month of a dated source, or that the source is undated", () => {
    const described = (lang: Lang, id: string) =>
      site
        .html(fileOfUrl(partnership(lang, id)))("p.described")
        .text();
    expect(described("en", "gammalt-partnerskap")).toBe("As described in September 2017.");
    expect(described("sv", "gammalt-partnerskap")).toBe("Beskrivet enligt källan från september 2017.");
    expect(described("de", "gammalt-partnerskap")).toBe("Beschrieben nach der Quelle vom September 2017.");
    expect(described("en", "odaterat-partnerskap")).toBe("As described in an undated source.");
  });

  it("says the same in the list of partnerships, after each period", () => {
    const $ = site.html(fileOfUrl(sectionUrl("en", "partnerships")));
    const meta = (id: string) => $(`ul.register li:has(a[href="${partnership("en", id)}"]) .meta`).text();
    expect(meta("nytt-partnerskap")).toBe("active as of 1 June 2026 · 0 projects");
    expect(meta("gammalt-partnerskap")).toBe(
      "since 2006, active as of 5 September 2017 – not confirmed since · 0 projects",
    );
  });
});

describe("a network's page", () => {
  it("dates its status like a partnership's", () => {
    const url = sectionUrl("en", "networks", "testnatverk");
    expect(keyFact(url, "Status")).toBe("Reported active as of 5 September 2017 – not confirmed since");
    expect(keyFact(url, "Period")).toBe("since 2015, active as of 5 September 2017 – not confirmed since");
  });
});

describe("an end only a plan gave", () => {
  it.each([
    ["sv", "Tid", "januari 2017 – planerat slut 2024"],
    ["en", "Period", "January 2017 – planned end 2024"],
    ["de", "Zeitraum", "Januar 2017 – geplantes Ende 2024"],
  ] as const)("is said as planned in %s, and the project is not called completed", (lang, label, period) => {
    const url = sectionUrl(lang, "projects", "planerat-slut");
    expect(keyFact(url, label)).toBe(period);
    expect(keyFact(url, "Status")).not.toMatch(/Avslutat|Completed|Abgeschlossen/);
  });

  it("leaves the status to the newest report, which is older than the window", () => {
    expect(keyFact(sectionUrl("en", "projects", "planerat-slut"), "Status")).toBe(
      "Reported ongoing as of 5 September 2017 – not confirmed since",
    );
  });

  it("names only who lists the project where the editor chose its owner", () => {
    const $ = site.html(fileOfUrl(sectionUrl("en", "projects", "planerat-slut")));
    expect($(".key-facts dt").text()).toContain("Listed under");
    expect($(".key-facts dt").text()).not.toContain("Owner");
  });

  it("puts the project on a planned year's page apart from those that ran, and says so", () => {
    const ran = (year: number) => {
      const $ = site.html(fileOfUrl(yearUrl("en", year)));
      return $("#projects-heading")
        .parent()
        .find(".project-cards h3 a")
        .map((_, a) => $(a).text())
        .get();
    };
    // Projects only planned for a year are listed on a page of their own, linked from the year's.
    const planned = (year: number) => {
      if (!site.exists(plannedInYearUrl("en", year))) return [];
      expect(
        site
          .html(fileOfUrl(yearUrl("en", year)))("section[aria-labelledby=planned-in-year] a")
          .attr("href"),
      ).toBe(plannedInYearUrl("en", year));
      const $ = site.html(fileOfUrl(plannedInYearUrl("en", year)));
      return $(".project-cards h3 a")
        .map((_, a) => $(a).text())
        .get();
    };
    expect(ran(2017)).toContain("Planned end");
    expect(planned(2017)).toEqual([]);
    expect(ran(2023)).not.toContain("Planned end");
    expect(planned(2023)).toEqual(["Planned end"]);
    expect(
      site
        .html(fileOfUrl(yearUrl("en", 2023)))("#planned-in-year")
        .text(),
    ).toBe("Planned to run in 2023 – no source says it did (1 project)");
  });

  it("is published as planned in the open data, and the feed dates the summary", () => {
    const record = JSON.parse(site.read("/data/projects/planerat-slut.json")) as Record<string, unknown>;
    expect(record.derived).toEqual({ status: "unconfirmed", end: "2024", end_planned: true, as_of: "2026-11-25" });
    expect(site.read(fileOfUrl(feedUrl("en")))).toContain(
      '&lt;p class="described"&gt;As described in September 2017.&lt;/p&gt;&lt;p&gt;A project that was to run',
    );
  });
});

describe("the open data of partnerships and networks", () => {
  it("give each a derived object with today's status and the day", () => {
    const record = JSON.parse(site.read("/data/partnerships/gammalt-partnerskap.json")) as Record<string, unknown>;
    expect(record.derived).toEqual({ status: "unconfirmed", as_of: "2026-11-25" });
    expect(record).toMatchObject({ status: "active", status_as_of: "2017-09-05" });
    const network = JSON.parse(site.read("/data/networks/testnatverk.json")) as Record<string, unknown>;
    expect(network.derived).toEqual({ status: "unconfirmed", as_of: "2026-11-25" });
  });

  it("carry derived_status and derived_as_of in the partnerships CSV", () => {
    const table = TABLES.find((candidate) => candidate.name === "partnerships")!;
    const rows = new Map(readCsv(table, site.read("/data/csv/partnerships.csv")).map((row) => [row.id, row]));
    expect(rows.get("nytt-partnerskap")).toMatchObject({ derived_status: "active", derived_as_of: "2026-11-25" });
    expect(rows.get("odaterat-partnerskap")).toMatchObject({ derived_status: "unconfirmed" });
    expect(rows.get("okant-partnerskap")).toMatchObject({ derived_status: "unknown" });
  });
});
