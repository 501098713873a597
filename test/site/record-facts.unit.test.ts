// What a record's page says of its facts claims no more than the sources: every field an editorial
// line can name has a label, an editor's conclusion is not called general knowledge, an owner the
// editor chose is not called the owner, counts never contradict the sources' figures, a source
// that says two things is not "the sources differ", and a text carries its sources' time.
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { availableLanguages } from "../../src/core/languages.js";
import { KINDS } from "../../src/core/vocabulary.js";
import { loadDataset } from "../../src/model/index.js";
import { readSchemas, type Schema } from "../../src/model/schemas.js";
import { buildDay } from "../../src/model/today.js";
import type { Project } from "../../src/model/types.js";
import { SCHEMA_OF_KIND } from "../../src/model/types.js";
import {
  describedWhen,
  fieldLabel,
  linkPeriod,
  oneSourceDisputes,
  ownersLabel,
  periodOf,
  sourcesList,
  statusLabel,
} from "../../src/site/components.js";
import { partnerFigures } from "../../src/site/key-facts.js";

const dataset = loadDataset("test/fixtures/valid/statuses", buildDay("2026-11-25"));

describe("the labels of fields", () => {
  const fields = KINDS.flatMap((kind) =>
    Object.keys((readSchemas().get(SCHEMA_OF_KIND[kind]) as Schema).properties ?? {})
      .filter((field) => field !== "editorial" && field !== "sources")
      .map((field) => [kind, field] as const),
  );

  it.each(fields)("name %s' field %s in every language, never by its key", (_kind, field) => {
    for (const lang of availableLanguages()) expect(fieldLabel(field, lang), `${field} in ${lang}`).not.toBe(field);
  });

  it("say status_as_of and swedish_partners as words", () => {
    expect(fieldLabel("status_as_of", "sv")).toBe("Datum för status");
    expect(fieldLabel("status_as_of", "en")).toBe("Status date");
    expect(fieldLabel("swedish_partners", "en")).toBe("Swedish partners");
  });
});

describe("the line of what the editor added", () => {
  const line = (kind: "projects" | "organisations", editorial: string[]) =>
    load(sourcesList({ dataset, kind, refs: [], lang: "en", editorial }).value)("li.editorial")
      .map((_, li) => load(li).text())
      .get();

  it("calls an inferred date or owner the editor's conclusion, not general knowledge", () => {
    expect(line("projects", ["status_as_of", "owners"])).toEqual([
      "Inferred by the editors, not stated by any source: Status date, Owner.",
    ]);
  });

  it("keeps general knowledge for facts such as a country, apart from conclusions", () => {
    expect(line("organisations", ["country", "part_of"])).toEqual([
      "Added by the editors (general knowledge, no source): Country.",
      "Inferred by the editors, not stated by any source: Part of.",
    ]);
  });
});

describe("a project's owners", () => {
  const project = (editorial?: string[]) =>
    ({ owners: ["a"], ...(editorial ? { editorial } : {}) }) as unknown as Project;

  it("are the owner only where a source names them; an owner the editor chose is where it is listed", () => {
    expect(ownersLabel(project(), "sv")).toBe("Projektägare");
    expect(ownersLabel(project(["owners"]), "sv")).toBe("Redovisas under");
    expect(ownersLabel(project(["owners"]), "en")).toBe("Listed under");
    expect(ownersLabel(project(["owners"]), "de")).toBe("Geführt unter");
  });
});

describe("the partners and countries in key facts", () => {
  const countryOf = (id: string) => ({ vaxjo: "SE", lansstyrelsen: "SE", macken: "SE" })[id];
  const resolve = {
    owners: ["lansstyrelsen"],
    participants: [{ organisation: "vaxjo", role: "stakeholder" }],
    partner_count: 9,
  } as unknown as Project;

  it("never count the countries named as all there are when the sources give more partners than they name", () => {
    expect(partnerFigures({ project: resolve, countries: ["SE"], countryOf })).toEqual({
      partners: 9,
      partnersNamedOnly: false,
    });
  });

  it("give the sources' number of countries where they give one: nine partners from eight countries", () => {
    const project = { ...resolve, country_count: 8 } as Project;
    expect(partnerFigures({ project, countries: ["SE"], countryOf })).toEqual({
      partners: 9,
      partnersNamedOnly: false,
      countries: 8,
    });
  });

  it("say the partners as those named where countries are listed in which no partner is named (CENSE2020)", () => {
    const project = {
      owners: ["vaxjo"],
      participants: [
        { organisation: "vaxjo", role: "partner" },
        { organisation: "macken", role: "partner" },
      ],
    } as unknown as Project;
    const countries = ["GR", "HR", "IT", "MT", "NL", "RO", "SE"];
    expect(partnerFigures({ project, countries, countryOf })).toEqual({
      partners: 1,
      partnersNamedOnly: true,
      countries: 7,
    });
  });
});

describe("a status resting on a date the editor inferred", () => {
  it("says that the date is the editor's, not the source's", () => {
    const said = (id: string) => load(statusLabel(dataset.project.get(id)!, "en").value).text();
    expect(said("gammal-plan")).toBe(
      "Reported planned as of 2014 – not confirmed since (a date inferred by the editors)",
    );
    expect(said("gammal-uppgift")).toBe("Reported ongoing as of 5 September 2017 – not confirmed since");
  });
});

describe("a dispute among reports", () => {
  it("is one source contradicting itself when every report comes from the record's one source", () => {
    const reports = [{ kept: true }, { kept: false, source: "page" }];
    expect(oneSourceDisputes(reports, ["page"])).toBe(true);
    expect(oneSourceDisputes(reports, ["page", "other"])).toBe(false);
    expect(oneSourceDisputes([{ kept: true }, { kept: false, source: "other" }], ["page"])).toBe(false);
  });
});

describe("periods and texts in time", () => {
  it("says a planned end as planned, and a partnership's period with its newest source", () => {
    const planned = dataset.project.get("planerat-slut")!;
    expect(periodOf(planned, "en")).toBe("January 2017 – planned end 2024");
    expect(periodOf(dataset.project.get("pagar-enligt-datum")!, "en")).toBe("2025–2027");
    expect(linkPeriod(dataset.partnerships.get("gammalt-partnerskap")!, "en")).toBe(
      "since 2006, active as of 5 September 2017 – not confirmed since",
    );
  });

  it("dates a text by its sources: one month, a range, undated, or both", () => {
    const refs = (...ids: string[]) => ids.map((source) => ({ source }));
    expect(describedWhen(dataset, refs("testkalla"), "en")).toBe("As described in September 2017.");
    expect(describedWhen(dataset, refs("testkalla", "ny-kalla"), "en")).toBe(
      "As described between September 2017 and June 2026.",
    );
    expect(describedWhen(dataset, refs("odaterad-kalla"), "sv")).toBe("Beskrivet enligt en odaterad källa.");
    expect(describedWhen(dataset, refs("testkalla", "odaterad-kalla"), "en")).toBe(
      "As described in September 2017 and in an undated source.",
    );
  });
});
