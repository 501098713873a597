// The citation of a record: a CSL-JSON item of type dataset that names the publisher as author
// and publisher, the title, the release as version and issued date, and the stable address; the
// published schema describes it and refuses what CSL-JSON would not read.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { CITATION_SCHEMA, type CitationFacts, cslItem, dateParts } from "../../src/exports/citation.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const FACTS: CitationFacts = {
  kind: "projects",
  id: "nonhazcity",
  title: "NonHazCity – kemikaliesmarta städer",
  publisher: "Västerås stad",
  site: "Internationellt arbete",
  version: "2026-11-25.2",
  date: "2026-11-25",
  url: "https://data.example.se/sv/projekt/nonhazcity/",
  lang: "sv",
};

function validator() {
  const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true, validateFormats: true }));
  return ajv.compile({ $schema: "https://json-schema.org/draft/2020-12/schema", ...CITATION_SCHEMA });
}

describe("cslItem", () => {
  it("makes a CSL-JSON dataset with the publisher, title, release, date and address", () => {
    expect(cslItem(FACTS)).toEqual({
      id: "projects/nonhazcity@2026-11-25.2",
      type: "dataset",
      title: "NonHazCity – kemikaliesmarta städer",
      author: [{ literal: "Västerås stad" }],
      publisher: "Västerås stad",
      "container-title": "Internationellt arbete",
      issued: { "date-parts": [[2026, 11, 25]] },
      version: "2026-11-25.2",
      URL: "https://data.example.se/sv/projekt/nonhazcity/",
      language: "sv",
    });
  });

  it("writes no accessed date: the file cannot know the day it is read", () => {
    expect(Object.keys(cslItem(FACTS))).not.toContain("accessed");
  });
});

describe("dateParts", () => {
  it("gives CSL's date parts of a day as numbers, and refuses what is not a day", () => {
    expect(dateParts("2017-09-01")).toEqual([[2017, 9, 1]]);
    expect(() => dateParts("2017")).toThrow(/not a day/);
  });
});

describe("CITATION_SCHEMA", () => {
  it("compiles with ajv in strict mode and accepts the item cslItem makes", () => {
    const validate = validator();
    expect(validate(cslItem(FACTS)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses another type, a date given as text, a split name and a field CSL does not know", () => {
    const validate = validator();
    const item = cslItem(FACTS);
    expect(validate({ ...item, type: "webpage" })).toBe(false);
    expect(validate({ ...item, issued: { "date-parts": [["2026", "11", "25"]] } })).toBe(false);
    expect(validate({ ...item, author: [{ given: "Västerås", family: "stad" }] })).toBe(false);
    expect(validate({ ...item, kind: "projects" })).toBe(false);
    const { URL: _, ...withoutAddress } = item;
    expect(validate(withoutAddress)).toBe(false);
  });
});
