import { describe, expect, it } from "vitest";
import {
  identifierProblem,
  organisationIatiIdentifier,
  SCHEME_PATTERN,
  swedishIdentifierMismatch,
  wikidataUrl,
} from "../../src/core/org-identifiers.js";

const iati = (id: string) => identifierProblem({ scheme: "iati", id });

describe("an organisation's identifiers", () => {
  it("take an IATI identifier with an org-id.guide prefix and the agency's id", () => {
    for (const id of ["SE-ON-2120001769", "GB-COH-01234567", "XM-DAC-41114", "XI-IATI-EC_INTPA", "NL-KVK-41150098"])
      expect(iati(id), id).toBeUndefined();
  });

  it("refuse an IATI identifier without a prefix, with spaces, or with a character IATI forbids", () => {
    for (const id of [
      "2120001769",
      "SE-2120001769",
      "se-on-2120001769",
      "SE ON 2120001769",
      "GB-COH-0123/4",
      "XM-DAC-",
    ])
      expect(iati(id), id).toBe("iatiForm");
  });

  it("check the Swedish organisation number after SE-ON-: ten digits, the last a Luhn check digit", () => {
    expect(iati("SE-ON-212000-1769")).toBe("swedishNumberForm");
    expect(iati("SE-ON-21200017")).toBe("swedishNumberForm");
    expect(iati("SE-ON-2120001768")).toBe("swedishNumberCheck");
    expect(iati("SE-ON-2021004888")).toBeUndefined();
  });

  it("take a Wikidata item as Q and a number, never its address or a zero first", () => {
    expect(identifierProblem({ scheme: "wikidata", id: "Q34" })).toBeUndefined();
    for (const id of ["q34", "Q034", "Q", "https://www.wikidata.org/wiki/Q34", "P31"])
      expect(identifierProblem({ scheme: "wikidata", id }), id).toBe("wikidataForm");
    expect(wikidataUrl("Q34")).toBe("https://www.wikidata.org/wiki/Q34");
  });

  it("take any id in another scheme, whose name is a lowercase slug", () => {
    expect(identifierProblem({ scheme: "ror", id: "05f0yaq80" })).toBeUndefined();
    const scheme = new RegExp(SCHEME_PATTERN);
    for (const name of ["iati", "wikidata", "gb-coh", "ror"]) expect(scheme.test(name), name).toBe(true);
    for (const name of ["Wikidata", "gb_coh", "-ror", "ror-", "9ror", ""]) expect(scheme.test(name), name).toBe(false);
  });

  it("give a Swedish body's IATI identifier: its own, else SE-ON- and its organisation number", () => {
    expect(organisationIatiIdentifier({ organisation_number: "212000-1769" })).toBe("SE-ON-2120001769");
    const own = { organisation_number: "212000-1769", identifiers: [{ scheme: "iati", id: "XM-DAC-1" }] };
    expect(organisationIatiIdentifier(own)).toBe("XM-DAC-1");
    expect(organisationIatiIdentifier({ organisation_number: "212000-1760" })).toBeUndefined();
    expect(organisationIatiIdentifier({ identifiers: [{ scheme: "wikidata", id: "Q34" }] })).toBeUndefined();
  });

  it("require a SE-ON identifier to be the organisation number's", () => {
    const body = { organisation_number: "212000-1769" };
    expect(swedishIdentifierMismatch({ scheme: "iati", id: "SE-ON-2021004888" }, body)).toBe("SE-ON-2120001769");
    expect(swedishIdentifierMismatch({ scheme: "iati", id: "SE-ON-2120001769" }, body)).toBeUndefined();
    // Another agency's identifier, or a body without a number, has nothing to match.
    expect(swedishIdentifierMismatch({ scheme: "iati", id: "XM-DAC-1" }, body)).toBeUndefined();
    expect(swedishIdentifierMismatch({ scheme: "iati", id: "SE-ON-2021004888" }, {})).toBeUndefined();
  });
});
