import { describe, expect, it } from "vitest";
import {
  dataportalPublisherUri,
  iatiOrganisationIdentifier,
  organisationNumberDigits,
} from "../../src/core/organisation-number.js";

describe("the Swedish organisation number", () => {
  it("is ten digits with a Luhn check digit, written with or without the hyphen", () => {
    expect(organisationNumberDigits("212000-1769")).toBe("2120001769");
    expect(organisationNumberDigits("2120001769")).toBe("2120001769");
    expect(organisationNumberDigits("202100-4888")).toBe("2021004888");
  });

  it("is refused with a wrong check digit, a misplaced hyphen or the wrong length", () => {
    for (const value of ["212000-1760", "212000-1770", "21200-01769", "212000-176", "212000 1769", "SE2120001769"])
      expect(organisationNumberDigits(value), value).toBeUndefined();
  });

  it("names the publisher as the data portal and IATI do", () => {
    expect(dataportalPublisherUri("2120001769")).toBe("http://dataportal.se/organisation/SE2120001769");
    expect(iatiOrganisationIdentifier("2120001769")).toBe("SE-ON-2120001769");
  });
});
