// Organisations likely to be one and the same: found for the editor, never merged by themselves.
import { describe, expect, it } from "vitest";
import { likelyDuplicates } from "../../src/model/reconcile.js";
import type { Organisation } from "../../src/model/types.js";

const organisation = (fields: Partial<Organisation> & Pick<Organisation, "name">): Organisation => ({
  kind: "ngo",
  country: "SE",
  ...fields,
});

describe("likely duplicate organisations", () => {
  it("are two with the same name in one country, written with other case, accents or punctuation", () => {
    const pairs = likelyDuplicates(
      new Map([
        ["vasteras-stad", organisation({ name: { sv: "Västerås stad" }, kind: "municipality" })],
        ["vasteras", organisation({ name: { sv: "Vasteras Stad", en: "City of Västerås" } })],
        ["vasteras-fi", organisation({ name: { sv: "Västerås stad" }, country: "FI" })],
      ]),
    );
    expect(pairs).toEqual([{ first: "vasteras", second: "vasteras-stad", reason: "name" }]);
  });

  it("are two municipalities of one town, whatever their names; a university in the same town is not", () => {
    const town = { sv: "Växjö" };
    const pairs = likelyDuplicates(
      new Map([
        ["vaxjo-kommun", organisation({ name: { sv: "Växjö kommun" }, kind: "municipality", city: town })],
        ["kommunen", organisation({ name: { sv: "Kommunen i Växjö" }, kind: "municipality", city: town })],
        ["lnu", organisation({ name: { sv: "Linnéuniversitetet" }, kind: "university", city: town })],
      ]),
    );
    expect(pairs).toEqual([{ first: "kommunen", second: "vaxjo-kommun", reason: "town" }]);
  });

  it("are none among organisations that differ", () => {
    const pairs = likelyDuplicates(
      new Map([
        ["a", organisation({ name: { sv: "Alfa" } })],
        ["b", organisation({ name: { sv: "Beta" } })],
      ]),
    );
    expect(pairs).toEqual([]);
  });
});
