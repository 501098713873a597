// The IATI activity file: published only with a configured identifier, with the minimal
// elements in the order of the IATI 2.03 activity schema. The official XSD is not available to
// this project (it is in no npm package), so the schema's order and required attributes are
// checked here instead.

import { beforeAll, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

let site: BuiltSite;
let real: BuiltSite;
beforeAll(async () => {
  site = await buildSite("test/fixtures/valid/iati");
  real = await buildSite("test/fixtures/valid/minimal");
});

/** The order of iati-activity's children in the IATI 2.03 schema (the ones this file uses). */
const ORDER = [
  "iati-identifier",
  "reporting-org",
  "title",
  "description",
  "participating-org",
  "activity-status",
  "activity-date",
  "recipient-country",
  "budget",
];

interface XmlNode {
  [key: string]: unknown;
}

describe("the IATI activity file", () => {
  it("is published only when site.yaml gives the reporting organisation's IATI identifier", () => {
    expect(site.files).toContain("/data/iati-activities.xml");
    expect(real.files).not.toContain("/data/iati-activities.xml");
    expect(site.read("/data/catalog.rdf")).toContain("iati-activities.xml");
  });

  it("has the minimal elements, in the schema's order, with the required attributes", () => {
    const xml = site.read("/data/iati-activities.xml");
    const doc = create(xml).end({ format: "object" }) as { "iati-activities": XmlNode };
    const root = doc["iati-activities"];
    expect(root["@version"]).toBe("2.03");
    const activity = root["iati-activity"] as XmlNode;
    expect(activity["@last-updated-datetime"]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    const children = Object.keys(activity).filter((key) => !key.startsWith("@"));
    expect(children).toEqual(ORDER.filter((name) => children.includes(name)));
    expect(children).toEqual(
      expect.arrayContaining([
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "activity-status",
        "activity-date",
      ]),
    );
    expect(activity["iati-identifier"]).toBe("SE-ON-2120000000-renare-vatten");
    expect((activity["reporting-org"] as XmlNode)["@ref"]).toBe("SE-ON-2120000000");
    const titles = (activity.title as { narrative: XmlNode[] }).narrative.map((narrative) => narrative["@xml:lang"]);
    expect(titles).toEqual(["sv", "en", "de"]);
    const dates = ([] as XmlNode[])
      .concat(activity["activity-date"] as XmlNode)
      .map((date) => [date["@type"], date["@iso-date"]]);
    expect(dates).toEqual([
      ["2", "2016-03-01"],
      ["4", "2019-02-28"],
    ]);
    expect((activity["activity-status"] as XmlNode)["@code"]).toBe("4");
    const budget = activity.budget as XmlNode;
    expect((budget.value as XmlNode)["@currency"]).toBe("EUR");
    expect((budget.value as XmlNode)["#"]).toBe("3500000");
    const roles = ([] as XmlNode[]).concat(activity["participating-org"] as XmlNode).map((org) => org["@role"]);
    expect(roles).toContain("2");
    expect(roles).toContain("1");
  });

  it("holds no personal data", () => {
    expect(site.read("/data/iati-activities.xml")).not.toContain("Anna Test");
    expect(site.read("/data/iati-activities.xml")).not.toContain("anna.test@example.org");
  });
});
