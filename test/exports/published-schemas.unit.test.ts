// The published schemas derive from the editors' schemas: the custom formats become rules any
// standard validator checks, records carry their id and schema, personal fields are gone.

import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  allRecordsSchema,
  recordSchema,
  releasesSchema,
  sourceSchema,
  standardFormat,
} from "../../src/exports/published-schemas.js";
import { readSchemas } from "../../src/model/schemas.js";

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

  it("turns the standard date and email formats into patterns, which ajv checks without a plugin", () => {
    const day = new RegExp(standardFormat("date").pattern as string);
    for (const valid of ["2016-03-01", "2014-12-31"]) expect(day.test(valid), valid).toBe(true);
    for (const invalid of ["2016-03", "2016-13-01", "2016-03-32", "1.3.2016"])
      expect(day.test(invalid), invalid).toBe(false);
    const email = new RegExp(standardFormat("email").pattern as string);
    expect(email.test("international@vasteras.se")).toBe(true);
    expect(email.test("not an address")).toBe(false);
    for (const format of ["date", "email", "web-url", "partial-date"])
      expect(standardFormat(format).format).toBeUndefined();
  });

  it("refuses a format it has no published rule for, rather than publish a schema ajv's defaults refuse", () => {
    expect(() => standardFormat("hostname")).toThrow(/hostname/);
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

describe("sourceSchema", () => {
  it("publishes each editors' schema at its address, without the editors' own keywords, compiling with ajv's defaults", () => {
    const files = [...readSchemas().keys()];
    const published = files.map((file) => sourceSchema(file, BASE));
    for (const schema of published) {
      expect(schema.$id).toMatch(/^https:\/\/data\.example\.se\/data\/schemas\/source\/[a-z]+\.schema\.json$/);
      expect(JSON.stringify(schema)).not.toMatch(/"x-[a-z-]+":/);
      expect(JSON.stringify(schema)).not.toMatch(/"format":/);
    }
    const ajv = new Ajv2020();
    for (const schema of published) ajv.addSchema(schema);
    for (const schema of published) expect(() => ajv.getSchema(schema.$id as string)).not.toThrow();
  });

  it("keeps a reference to another record as the rule of an id", () => {
    const project = JSON.stringify(sourceSchema("project.schema.json", BASE));
    expect(project).toContain('"pattern":"^[a-z0-9]+(-[a-z0-9]+)*$"');
  });
});

describe("releasesSchema", () => {
  it("accepts the current release and a release with its changes, and refuses an unknown change", () => {
    const validate = new Ajv2020().compile(releasesSchema(BASE));
    const release = { version: "2026-11-25", date: "2026-11-25", recorded: true };
    const history = {
      $schema: "https://data.example.se/data/schemas/releases.schema.json",
      current: release,
      releases: [
        {
          ...release,
          url: "https://data.example.se/data/releases/2026-11-25/utblick.json",
          sha256: "0".repeat(64),
          schema: "https://data.example.se/data/schemas/utblick.schema.json",
          changes: [{ kind: "projects", id: "nonhazcity", change: "changed", fields: ["title.en"] }],
        },
      ],
    };
    expect(validate(history)).toBe(true);
    const renamed = {
      ...history.releases[0]!,
      changes: [{ kind: "projects", id: "x", change: "renamed", fields: [] }],
    };
    expect(validate({ ...history, releases: [renamed] })).toBe(false);
  });
});
