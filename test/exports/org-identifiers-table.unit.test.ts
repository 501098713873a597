// An organisation's identifiers in the open data: a child table of the CSV, made from the schema,
// that gives the records back exactly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEME_PATTERN } from "../../src/core/org-identifiers.js";
import { recordsFromRows, rowsOf, TABLES } from "../../src/exports/tables.js";

const organisations = new Map<string, object>([
  [
    "testkommun",
    {
      name: { sv: "Testkommun" },
      kind: "municipality",
      country: "SE",
      identifiers: [
        { scheme: "iati", id: "SE-ON-2120001769", source: "register" },
        { scheme: "wikidata", id: "Q34" },
      ],
    },
  ],
  ["fonden", { name: { sv: "Fonden" }, kind: "funder", country: "BE" }],
]);

describe("the identifiers of organisations in the CSV", () => {
  const table = TABLES.find((candidate) => candidate.name === "organisation_identifiers");

  it("are a child table of organisations: one row per identifier, its scheme, id and source", () => {
    expect(table?.list).toEqual(["identifiers"]);
    expect(table?.columns.map((column) => column.name)).toEqual([
      "organisation_id",
      "position",
      "scheme",
      "id",
      "source",
    ]);
    expect(table?.columns.find((column) => column.name === "source")?.references).toBe("sources");
    expect(rowsOf(table!, organisations)).toEqual([
      { organisation_id: "testkommun", position: 1, scheme: "iati", id: "SE-ON-2120001769", source: "register" },
      { organisation_id: "testkommun", position: 2, scheme: "wikidata", id: "Q34", source: undefined },
    ]);
  });

  it("give the records' identifiers back from the rows", () => {
    const rows = new Map(
      TABLES.filter((candidate) => candidate.kind === "organisations").map((candidate) => [
        candidate.name,
        rowsOf(candidate, organisations),
      ]),
    );
    const records = recordsFromRows("organisations", rows);
    expect(records.get("testkommun")?.identifiers).toEqual(
      (organisations.get("testkommun") as { identifiers: unknown }).identifiers,
    );
    expect(records.get("fonden")?.identifiers).toBeUndefined();
  });

  it("name a scheme by the pattern the checks use (one home for the rule)", () => {
    const schema = JSON.parse(readFileSync("src/model/schemas/organisation.schema.json", "utf8"));
    expect(schema.properties.identifiers.items.properties.scheme.pattern).toBe(SCHEME_PATTERN);
  });
});
