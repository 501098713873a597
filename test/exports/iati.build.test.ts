// The IATI activity file: published only with a configured identifier and when a project
// qualifies, checked against the official IATI 2.03 activity schema (read from
// ../shared/standards, never copied into the repository) with libxml2 compiled to WebAssembly.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { validateXML } from "xmllint-wasm";
import { type BuiltSite, buildSite, sharedSite } from "../helpers/built-site.js";
import { STANDARDS_DIR, standardsFile } from "../helpers/standards.js";

let site: BuiltSite;
let real: BuiltSite;
beforeAll(() => {
  site = sharedSite("iati");
  real = sharedSite("minimal");
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

  officialIt("passes the official IATI 2.03 activity schema", async () => {
    expect(await schemaErrors(site.read("/data/iati-activities.xml"))).toEqual([]);
  });

  officialIt("is checked for real: the schema rejects a file whose activity lacks its status", async () => {
    const broken = site.read("/data/iati-activities.xml").replace(/<activity-status [^>]*\/>/, "");
    expect((await schemaErrors(broken)).length).toBeGreaterThan(0);
  });

  it("leaves out a project whose status is unknown instead of guessing one", async () => {
    const data = copyOf("test/fixtures/valid/iati");
    const project = readFileSync(join(data, "projects", "renare-vatten.yaml"), "utf8");
    writeFileSync(
      join(data, "projects", "okand-status.yaml"),
      project
        .replace(/^status: .*\n/m, "")
        .replace(/^status_as_of: .*\n/m, "")
        .replace(/^duration: .*\n/m, "")
        .replace(/^start: .*$/m, 'start: "2015"'),
    );
    const built = await buildSite(data);
    expect(built.dataset.projects.find((facts) => facts.id === "okand-status")?.status.status).toBe("unknown");
    const xml = built.read("/data/iati-activities.xml");
    expect(xml).toContain("SE-ON-2120000000-renare-vatten");
    expect(xml).not.toContain("okand-status");
    if (STANDARDS_DIR) expect(await schemaErrors(xml)).toEqual([]);
  });

  it("is not published when no project qualifies, since IATI rejects a file without activities", async () => {
    const data = copyOf("test/fixtures/valid/iati");
    const siteYaml = join(data, "site.yaml");
    writeFileSync(
      siteYaml,
      readFileSync(siteYaml, "utf8").replace("reporting_org: testkommun", "reporting_org: fonden"),
    );
    const built = await buildSite(data);
    expect(built.files).not.toContain("/data/iati-activities.xml");
    expect(built.read("/data/catalog.rdf")).not.toContain("iati-activities.xml");
  });

  it("names each organisation by the identifier its record gives, and none by a guessed one", async () => {
    const data = copyOf("test/fixtures/valid/iati");
    const siteYaml = join(data, "site.yaml");
    writeFileSync(siteYaml, readFileSync(siteYaml, "utf8").replace(/^ {2}identifier: .*\n/m, ""));
    const addIdentifier = (file: string, id: string) => {
      const path = join(data, "organisations", file);
      writeFileSync(path, `${readFileSync(path, "utf8")}identifiers:\n  - scheme: iati\n    id: ${id}\n`);
    };
    addIdentifier("testkommun.yaml", "SE-ON-2120000142");
    addIdentifier("fonden.yaml", "XE-EXAMPLE-FONDEN");
    const built = await buildSite(data);
    const xml = built.read("/data/iati-activities.xml");
    const root = (create(xml).end({ format: "object" }) as { "iati-activities": XmlNode })["iati-activities"];
    const activity = root["iati-activity"] as XmlNode;
    expect(activity["iati-identifier"]).toBe("SE-ON-2120000142-renare-vatten");
    expect((activity["reporting-org"] as XmlNode)["@ref"]).toBe("SE-ON-2120000142");
    const refs = ([] as XmlNode[])
      .concat(activity["participating-org"] as XmlNode)
      .map((org) => [org["@role"], org["@ref"]]);
    expect(refs).toContainEqual(["2", "SE-ON-2120000142"]);
    expect(refs).toContainEqual(["1", "XE-EXAMPLE-FONDEN"]);
    if (STANDARDS_DIR) expect(await schemaErrors(xml)).toEqual([]);
    // Without identifiers, only the reporting organisation has a ref, the file's: none is made up.
    const plain = create(site.read("/data/iati-activities.xml")).end({ format: "object" }) as {
      "iati-activities": XmlNode;
    };
    const plainActivity = plain["iati-activities"]["iati-activity"] as XmlNode;
    const orgs = ([] as XmlNode[]).concat(plainActivity["participating-org"] as XmlNode);
    expect(orgs.map((org) => [org["@role"], org["@ref"]])).toEqual([
      ["2", "SE-ON-2120000000"],
      ["1", undefined],
      ["4", "SE-ON-2120000000"],
    ]);
  });

  it("holds no personal data", () => {
    expect(site.read("/data/iati-activities.xml")).not.toContain("Anna Test");
    expect(site.read("/data/iati-activities.xml")).not.toContain("anna.test@example.org");
  });
});

/** The official schema's checks, skipped (and named by the test run) on a machine without it. */
const officialIt = it.skipIf(STANDARDS_DIR === undefined);

/** The errors of the official IATI 2.03 activity schema on a file (none when it is valid). */
async function schemaErrors(xml: string): Promise<string[]> {
  const file = (name: string) => ({ fileName: name, contents: readFileSync(standardsFile("iati-2.03", name), "utf8") });
  const result = await validateXML({
    xml: { fileName: "iati-activities.xml", contents: xml },
    schema: [file("iati-activities-schema.xsd")],
    preload: [file("iati-common.xsd"), file("xml.xsd")],
  });
  return result.errors.map((error) => error.message);
}

function copyOf(fixture: string): string {
  const data = join(mkdtempSync(join(tmpdir(), "utblick-iati-")), "data");
  cpSync(fixture, data, { recursive: true });
  return data;
}
