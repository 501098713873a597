// Pages say no more than the sources (issue #32): a date the editor inferred is marked wherever it
// dates a report, partners the sources speak of without naming are not "1 country", a record the
// sources describe without projects does not say "no projects yet", and a country the editor added
// to a place is marked as the editor's.
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { html } from "../../src/core/html.js";
import { type Dataset, linkFacts } from "../../src/model/dataset.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";
import type { Partnership, PlaceRecord, Project } from "../../src/model/types.js";
import { linkPeriodLabel, linkStatusLabel, placeCountryNote } from "../../src/site/components.js";
import { partnerFigures, projectKeyFacts } from "../../src/site/key-facts.js";
import { projectListPages } from "../../src/site/pages/projects.js";
import { partnershipPages } from "../../src/site/pages/registers.js";

const dataset = loadDataset("test/fixtures/valid/statuses", buildDay("2026-11-25"));
const textOf = (value: string) => load(value).text().replace(/\s+/g, " ").trim();

/** A partnership of the fixture with other fields, and the facts the site works out for it. */
function partnership(changes: Partial<Partnership>) {
  const record = { ...dataset.records.partnerships.get("odaterat-partnerskap")!, ...changes } as Partnership;
  const facts = linkFacts({
    id: "odaterat-partnerskap",
    record,
    records: dataset.records,
    today: dataset.today,
    window: dataset.statusWindow,
  });
  return { record, facts };
}

describe("a partnership's period resting on a date the editor inferred", () => {
  it("ends with the mark, as the status does, where status_as_of is listed under editorial", () => {
    const { record, facts } = partnership({ since: "1994", status_as_of: "2015", editorial: ["status_as_of"] });
    expect(textOf(linkPeriodLabel(facts, record, "sv").value)).toBe(
      "sedan 1994, aktivt per 2015 – inte bekräftat sedan dess (datumet är redaktionens slutsats)",
    );
    expect(textOf(linkStatusLabel(facts, record, "en").value)).toContain("(a date inferred by the editors)");
  });

  it("ends with the mark where the date is an inferred active_as_of", () => {
    const { record, facts } = partnership({ status: undefined, active_as_of: "2018", editorial: ["active_as_of"] });
    expect(textOf(linkPeriodLabel(facts, record, "en").value)).toBe(
      "active as of 2018 – not confirmed since (a date inferred by the editors)",
    );
    expect(textOf(linkStatusLabel(facts, record, "de").value)).toContain("(ein von der Redaktion erschlossenes Datum)");
  });

  it("has no mark where the source gives the date, or the editorial date is not the one the status rests on", () => {
    const dated = partnership({ status_as_of: "2015" });
    expect(textOf(linkPeriodLabel(dated.facts, dated.record, "en").value)).toBe(
      "active as of 2015 – not confirmed since",
    );
    const other = partnership({ status_as_of: "2015", active_as_of: "2018", editorial: ["status_as_of"] });
    expect(textOf(linkPeriodLabel(other.facts, other.record, "en").value)).not.toContain("inferred");
  });
});

describe("partners the sources speak of without naming them (partners_unnamed)", () => {
  const countryOf = (id: string) => ({ vasteras: "SE" })[id];
  const cycling = { owners: ["vasteras"], countries: ["SE"], partners_unnamed: true } as unknown as Project;

  it("give no number of countries: the owner's country is not all there are", () => {
    expect(partnerFigures({ project: cycling, countries: ["SE"], countryOf })).toEqual({
      partners: 0,
      partnersNamedOnly: false,
      partnersUnnamed: true,
    });
  });

  it("make the partners named only those named", () => {
    const project = { ...cycling, participants: [{ organisation: "riga", role: "partner" }] } as unknown as Project;
    expect(partnerFigures({ project, countries: ["SE", "LV"], countryOf })).toMatchObject({
      partners: 1,
      partnersNamedOnly: true,
    });
  });

  it("read in key facts as partners the sources do not name, never as 1 country", () => {
    const facts = dataset.project.get("gammal-uppgift")!;
    const said = (record: Project, lang: "sv" | "en") => {
      const $ = load(projectKeyFacts(dataset, { ...facts, record, countries: ["SE"] }, lang).value);
      const label = lang === "sv" ? "Partner och länder" : "Partners and countries";
      return $("dt")
        .filter((_, dt) => $(dt).text() === label)
        .next("dd")
        .text();
    };
    const plain = { ...facts.record, participants: [], countries: ["SE"] } as Project;
    expect(said(plain, "sv")).toBe("1 land: Sverige");
    expect(said({ ...plain, partners_unnamed: true }, "sv")).toBe(
      "partner som källorna inte namnger; länder som källorna nämner: Sverige",
    );
    expect(said({ ...plain, partners_unnamed: true }, "en")).toBe(
      "partners the sources do not name; countries the sources name: Sweden",
    );
  });
});

describe("a record's list of projects when it has none", () => {
  it("says the sources name none on the page of a record with sources, not that there are none yet", () => {
    const page = partnershipPages(dataset, "en").find((entry) => entry.url.endsWith("/okant-partnerskap/"));
    expect(page).toBeDefined();
    const text = textOf(page!.content().value);
    expect(text).toContain("No projects in the sources.");
    expect(text).not.toContain("No projects yet.");
  });

  it("says no projects yet on a list of all projects, where it is true", () => {
    const [page] = projectListPages({
      dataset,
      lang: "sv",
      ids: [],
      base: () => "/sv/projekt/",
      kind: "project-list",
      title: "Projekt",
      caption: "Projekt",
      intro: () => html`<h1>Projekt</h1>`,
    });
    expect(textOf(page!.content().value)).toContain("Inga projekt ännu.");
  });
});

describe("a place's country the editor added", () => {
  const place = (editorial: string[]): Dataset => {
    const sarajevo = { name: { sv: "Sarajevo" }, country: "BA", lat: 43.8, lon: 18.3, editorial } as PlaceRecord;
    const places = new Map([["sarajevo", sarajevo]]);
    return { ...dataset, records: { ...dataset.records, places } } as Dataset;
  };
  const named = { name: { sv: "Sarajevo", en: "Sarajevo" }, country: "BA" };

  it("is marked where the place's entry lists country under editorial", () => {
    expect(textOf(html`${placeCountryNote(place(["country", "lat", "lon"]), named, "sv")}`.value)).toBe(
      "(landet har redaktionen lagt till)",
    );
    expect(textOf(html`${placeCountryNote(place(["country", "lat", "lon"]), named, "en")}`.value)).toBe(
      "(country added by the editors)",
    );
  });

  it("is not marked where only the coordinates are the editor's, or the place has no entry", () => {
    expect(placeCountryNote(place(["lat", "lon"]), named, "sv")).toBe("");
    expect(placeCountryNote(place(["country"]), { ...named, country: "HR" }, "sv")).toBe("");
  });
});
