// The published schemas derive from the editors' schemas: the custom formats become rules any
// standard validator checks, records carry their id and schema, personal fields are gone.
import { describe, expect, it } from "vitest";
import { allRecordsSchema, recordSchema, standardFormat } from "../../src/exports/published-schemas.js";

const BASE = "https://data.example.se/";

describe("standardFormat", () => {
  it("turns a partial date into a pattern of a year, a month 01–12 and a day 01–31", () => {
    const pattern = new RegExp(standardFormat("partial-date").pattern as string);
    for (const valid of ["2016", "2016-03", "2014-12-01"]) expect(pattern.test(valid), valid).toBe(true);
    for (const invalid of ["16", "2016-13", "2016-00", "2016-03-32", "2016-3"])
      expect(pattern.test(invalid), invalid).toBe(false);
  });

  it("turns an ISO 8601 duration into a pattern that refuses the empty P", () => {
    const pattern = new RegExp(standardFormat("iso-duration").pattern as string);
    for (const valid of ["P3Y", "P18M", "P1Y6M", "P2W"]) expect(pattern.test(valid), valid).toBe(true);
    for (const invalid of ["P", "3Y", "P3Y6", "PT3H"]) expect(pattern.test(invalid), invalid).toBe(false);
  });

  it("turns currency and country codes into enums", () => {
    expect(standardFormat("iso4217").enum).toEqual(expect.arrayContaining(["SEK", "EUR", "USD"]));
    expect(standardFormat("iso3166-alpha2").enum).toEqual(expect.arrayContaining(["SE", "BW", "XK"]));
  });

  it("keeps the standard date and email formats", () => {
    expect(standardFormat("date")).toEqual({ format: "date" });
    expect(standardFormat("email")).toEqual({ format: "email" });
  });
});

describe("recordSchema", () => {
  it("requires the schema's address and the id, and knows no contacts", () => {
    const schema = recordSchema("projects", BASE) as {
      $id: string;
      required: string[];
      properties: Record<string, { const?: string }>;
    };
    expect(schema.$id).toBe("https://data.example.se/data/schemas/projects.schema.json");
    expect(schema.required.slice(0, 2)).toEqual(["$schema", "id"]);
    expect(schema.properties.$schema?.const).toBe(schema.$id);
    expect(Object.keys(schema.properties)).not.toContain("contacts");
    expect(Object.keys(schema.properties)).toContain("removed_in");
  });

  it("refers only to its own definitions", () => {
    const text = JSON.stringify(recordSchema("partnerships", BASE));
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) expect(ref).toMatch(/^#\/\$defs\/[A-Za-z-]+$/);
  });
});

describe("allRecordsSchema", () => {
  it("describes the publication and every public kind, and no contact persons; only the publication is required, so releases made before a kind existed still pass", () => {
    const schema = allRecordsSchema(BASE) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(["site"]);
    expect(Object.keys(schema.properties)).toContain("projects");
    expect(Object.keys(schema.properties)).not.toContain("people");
  });
});
