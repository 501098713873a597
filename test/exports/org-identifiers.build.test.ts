// An organisation's identifiers, from its record to every output: its page (the Wikidata item
// linked), the JSON, the CSV (checked by Frictionless, foreign keys included), and the catalog,
// where the publisher's stand as adms:Identifier and pass the DCAT-AP and DCAT-AP-SE shapes.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Package } from "datapackage";
import { beforeAll, describe, expect, it } from "vitest";
import { recordUrl } from "../../src/core/routes.js";
import { readCsv } from "../../src/exports/csv.js";
import { TABLES } from "../../src/exports/tables.js";
import { type BuiltSite, buildSite, fileOfUrl, sharedSite } from "../helpers/built-site.js";
import { shaclFindings } from "../helpers/shacl.js";
import { STANDARDS_DIR } from "../helpers/standards.js";

const PUBLISHER_IDENTIFIERS = [
  { scheme: "iati", id: "SE-ON-2120001769", source: "testregister" },
  // Wikidata's sandbox item: a fixture names no real organisation's identifier.
  { scheme: "wikidata", id: "Q4115189" },
  { scheme: "kommunkod", id: "9999" },
];

let site: BuiltSite;
beforeAll(async () => {
  const data = join(mkdtempSync(join(tmpdir(), "utblick-identifiers-")), "data");
  cpSync("test/fixtures/valid/site", data, { recursive: true });
  const publisher = join(data, "organisations", "testkommun.yaml");
  writeFileSync(
    publisher,
    readFileSync(publisher, "utf8").replace(
      "sources:\n  - source: testkalla\n",
      [
        "organisation_number: 212000-1769",
        "identifiers:",
        ...PUBLISHER_IDENTIFIERS.flatMap(({ scheme, id, source }) => [
          `  - scheme: ${scheme}`,
          `    id: "${id}"`,
          ...(source ? [`    source: ${source}`] : []),
        ]),
        "sources:",
        "  - source: testkalla",
        "  - source: testregister",
        "",
      ].join("\n"),
    ),
  );
  appendFileSync(
    join(data, "organisations", "partnerstad.yaml"),
    "identifiers:\n  - scheme: iati\n    id: XE-EXAMPLE-PARTNERSTAD\n",
  );
  writeFileSync(
    join(data, "sources", "testregister.yaml"),
    [
      "title:",
      "  sv: Testregistret",
      "publisher: testkommun",
      "url: https://example.org/register",
      "as_of: 2026-01-05",
      "language: sv",
      "",
    ].join("\n"),
  );
  site = await buildSite(data);
}, 120_000);

describe("an organisation's identifiers", () => {
  it("stand in its page's key facts, the Wikidata item linked to its page", () => {
    const sv = site.read(fileOfUrl(recordUrl("sv", "organisations", "testkommun")));
    const facts = sv.slice(sv.indexOf('class="key-facts"'), sv.indexOf("</section>", sv.indexOf('class="key-facts"')));
    expect(facts).toContain("<dt data-pagefind-ignore>IATI-identifierare</dt><dd>SE-ON-2120001769</dd>");
    expect(facts).toContain("<dt data-pagefind-ignore>Identifierare (kommunkod)</dt><dd>9999</dd>");
    expect(facts).toMatch(
      /<dt data-pagefind-ignore>Wikidata<\/dt><dd><a href="https:\/\/www\.wikidata\.org\/wiki\/Q4115189"/,
    );
    const en = site.read(fileOfUrl(recordUrl("en", "organisations", "testkommun")));
    expect(en).toContain("<dt data-pagefind-ignore>IATI organisation identifier</dt><dd>SE-ON-2120001769</dd>");
    // An organisation without identifiers has no such row.
    expect(site.read(fileOfUrl(recordUrl("sv", "organisations", "fonden")))).not.toContain("IATI-identifierare");
  });

  it("are carried in the JSON as the record gives them", () => {
    const json = JSON.parse(site.read("/data/utblick.json")) as {
      organisations: Record<string, { identifiers?: unknown }>;
    };
    expect(json.organisations.testkommun?.identifiers).toEqual(PUBLISHER_IDENTIFIERS);
    expect(json.organisations.fonden?.identifiers).toBeUndefined();
  });

  it("are a CSV table of their own, which Frictionless reads with its foreign keys", async () => {
    const table = TABLES.find((candidate) => candidate.name === "organisation_identifiers")!;
    const rows = readCsv(table, site.read("/data/csv/organisation_identifiers.csv"));
    expect(rows.map((row) => [row.organisation_id, row.scheme, row.id, row.source])).toEqual([
      ["partnerstad", "iati", "XE-EXAMPLE-PARTNERSTAD", undefined],
      ...PUBLISHER_IDENTIFIERS.map(({ scheme, id, source }) => ["testkommun", scheme, id, source]),
    ]);
    const base = join(site.dir, "data");
    const dataPackage = await Package.load(join(base, "datapackage.json"), { basePath: base });
    expect(dataPackage.valid).toBe(true);
    const resource = dataPackage.resources.find((candidate) => candidate.name === "organisation_identifiers");
    await expect(resource?.read({ relations: true })).resolves.toHaveLength(4);
  });

  it("of the publisher stand in the catalog as adms:Identifier, each with its notation", () => {
    const rdf = site.read("/data/catalog.rdf");
    for (const { scheme, id } of PUBLISHER_IDENTIFIERS) {
      const node = `https://utblick.example.org/data/catalog.rdf#publisher-identifier-${scheme}`;
      expect(rdf).toContain(`<adms:identifier rdf:resource="${node}"/>`);
      expect(rdf).toMatch(new RegExp(`<adms:Identifier rdf:about="${node}">[^]*?<skos:notation>${id}</skos:notation>`));
    }
    expect(rdf).not.toContain("XE-EXAMPLE-PARTNERSTAD");
  });

  it.skipIf(STANDARDS_DIR === undefined)("leave the catalog without a finding of the DCAT-AP shapes", async () => {
    expect(await shaclFindings(site.read("/data/catalog.rdf"), "https://utblick.example.org/data/")).toEqual([]);
  });

  it("are not in the catalog of a publisher without any", () => {
    expect(sharedSite("site").read("/data/catalog.rdf")).not.toContain("adms:Identifier");
  });
});
