// The open data of a register that includes other publications: every published record says whose
// it is (`published_by`), and an included one where it comes from (`provenance`: the original's JSON
// file, and the pinned release it was read from). Read back from the built files of a copy of the
// register fixture, in which testkommun's publication is a pinned, vendored release (so its
// records have a release) and grannkommun's a local folder (so theirs have none), and the register
// has a project, a place and an IATI identifier of its own and one recorded release.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Package } from "datapackage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { readCsv } from "../../src/exports/csv.js";
import { type Row, recordsFromRows, releaseTablesFor, tablesFor } from "../../src/exports/tables.js";
import { PUBLIC_KINDS } from "../../src/model/published.js";
import { buildDay } from "../../src/model/today.js";
import { recordRelease } from "../../src/releases/record.js";
import { type BuiltSite, buildSite, sharedSite, TODAY } from "../helpers/built-site.js";
import { vendorTestkommun } from "../helpers/includes.js";
import { shaclFindings } from "../helpers/shacl.js";
import { STANDARDS_DIR } from "../helpers/standards.js";

const FIXTURES = "test/fixtures/includes";
/** The version of testkommun's release the register pins, and the day it was retrieved. */
const VERSION = "2026-11-01";
const RETRIEVED = "2026-11-02";
const BASE = "https://register.example.org/";
const TESTKOMMUN = "https://testkommun.example.org/";
const GRANNKOMMUN = "https://grannkommun.example.org/";
const ARCHIVE = `${TESTKOMMUN}data/releases/${VERSION}/utblick-${VERSION}.zip`;

type Json = Record<string, unknown>;
type Published = Record<string, Record<string, Json>> & { site: Json };

let root: string;
let site: BuiltSite;
let sha256: string;

/** A place record, as testkommun's release and the register's own folder give one. */
const place = (name: string) => ({
  name: { sv: name },
  country: "SE",
  lat: 59.6,
  lon: 16.5,
  editorial: ["lat", "lon"],
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "utblick-includes-open-data-"));
  const register = join(root, "register");
  cpSync(join(FIXTURES, "register"), register, { recursive: true });
  // The register's path include of grannkommun leads from its folder: the copy sits beside it.
  cpSync(join(FIXTURES, "grannkommun"), join(root, "grannkommun"), { recursive: true });
  sha256 = vendorTestkommun({
    register,
    version: VERSION,
    today: TODAY,
    change: (snapshot) => {
      snapshot.places = { teststaden: place("Teststaden") };
    },
  });
  const siteFile = join(register, "site.yaml");
  const settings = parseDocument(readFileSync(siteFile, "utf8"));
  settings.setIn(["includes", 0], {
    publisher: "testkommun",
    url: TESTKOMMUN,
    version: VERSION,
    sha256,
    retrieved: RETRIEVED,
  });
  settings.set("iati", { reporting_org: "testkommun" });
  writeFileSync(siteFile, settings.toString());
  mkdirSync(join(register, "projects"));
  writeFileSync(
    join(register, "projects", "egen-insats.yaml"),
    [
      "title:",
      "  sv: Registrets egen insats",
      "summary:",
      "  sv: Riksorganet stöder kommunerna.",
      "owners: [testkommun]",
      "status: ongoing",
      "status_as_of: 2026-09-01",
      "start: 2026-01",
      "sources:",
      "  - source: testkalla",
      "",
    ].join("\n"),
  );
  mkdirSync(join(register, "places"));
  writeFileSync(join(register, "places", "riksstaden.yaml"), JSON.stringify(place("Riksstaden")));
  recordRelease(register, buildDay("2026-11-20"));
  site = await buildSite(register);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const published = (): Published => JSON.parse(site.read("/data/utblick.json")) as Published;

/** The JSON of every record of utblick.json, by "kind/id". */
function everyRecord(data: Published): [string, string, Json][] {
  return PUBLIC_KINDS.flatMap((kind) => Object.entries(data[kind] ?? {}).map(([id, record]) => [kind, id, record]));
}

describe("the open data of a register with includes", () => {
  it("give every record its publisher, and an included one its provenance", () => {
    const records = everyRecord(published());
    expect(records.filter(([, id]) => id.includes("/")).length).toBeGreaterThan(15);
    for (const [kind, id, record] of records) {
      const [publisher, ownId] = id.includes("/") ? id.split("/") : ["riksorganet", id];
      expect(record.published_by, `${kind}/${id}`).toBe(publisher);
      if (publisher === "riksorganet") {
        expect(record.provenance, `${kind}/${id}`).toBeUndefined();
        continue;
      }
      const base = publisher === "testkommun" ? TESTKOMMUN : GRANNKOMMUN;
      expect(record.provenance, `${kind}/${id}`).toMatchObject({ original: `${base}data/${kind}/${ownId}.json` });
    }
    const data = published();
    expect(data.projects?.["testkommun/renare-vatten"]?.provenance).toEqual({
      publisher_name: { sv: "Testkommun" },
      original: `${TESTKOMMUN}data/projects/renare-vatten.json`,
      release: { url: ARCHIVE, version: VERSION, sha256, retrieved: RETRIEVED },
    });
    // A local folder is no release.
    expect(data.projects?.["grannkommun/renare-vatten"]?.provenance).toEqual({
      publisher_name: { sv: "Grannkommun" },
      original: `${GRANNKOMMUN}data/projects/renare-vatten.json`,
    });
    // The records reconciled into the register's own are its own.
    expect(data.organisations?.testkommun?.published_by).toBe("riksorganet");
    expect(data.projects?.["egen-insats"]?.published_by).toBe("riksorganet");
  });

  it("carry the same in each record's own JSON file", () => {
    const data = published();
    for (const [kind, id] of [
      ["projects", "testkommun/renare-vatten"],
      ["organisations", "grannkommun/grannkommun"],
      ["projects", "egen-insats"],
    ] as const) {
      const file = JSON.parse(site.read(`/data/${kind}/${id}.json`)) as Json;
      expect(file.id).toBe(id);
      expect(file.published_by).toBe(data[kind]?.[id]?.published_by);
      expect(file.provenance).toEqual(data[kind]?.[id]?.provenance);
    }
  });

  it("validate against the schemas the site publishes, with ajv 2020 as installed", () => {
    const files = site.files.filter((file) => file.startsWith("/data/") && file.endsWith(".json"));
    const ajv = new Ajv2020();
    for (const file of files.filter((name) => /^\/data\/schemas\/[a-z]+\.schema\.json$/.test(name)))
      ajv.addSchema(JSON.parse(site.read(file)) as Json);
    const checked = files.filter((file) => !file.includes("/schemas/") && !file.endsWith("/datapackage.json"));
    expect(checked).toContain("/data/projects/testkommun/renare-vatten.json");
    const failures = checked.flatMap((file) => {
      const data = JSON.parse(site.read(file)) as Json;
      const check = ajv.getSchema(data.$schema as string);
      return check?.(data) ? [] : [`${file}: ${JSON.stringify(check?.errors?.slice(0, 2))}`];
    });
    expect(failures).toEqual([]);
    // The schemas say what an included record's fields are.
    const schema = JSON.parse(site.read("/data/schemas/projects.schema.json")) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(Object.keys(schema.properties.provenance?.properties ?? {})).toEqual([
      "publisher_name",
      "original",
      "release",
    ]);
    const check = ajv.getSchema(`${BASE}data/schemas/projects.schema.json`)!;
    const record = JSON.parse(site.read("/data/projects/testkommun/renare-vatten.json")) as Json;
    expect(check({ ...record, provenance: { original: "not an address" } })).toBe(false);
    expect(check({ ...record, published_by: "Testkommun!" })).toBe(false);
  });

  it("carry publisher and provenance in the CSV tables, which give every record back", () => {
    const tables = tablesFor(site.dataset.site.languages);
    const rows = (name: string): Row[] =>
      readCsv(tables.find((table) => table.name === name)!, site.read(`/data/csv/${name}.csv`));
    const renare = rows("projects").find((row) => row.id === "testkommun/renare-vatten");
    expect(renare).toMatchObject({
      published_by: "testkommun",
      provenance_publisher_name_sv: "Testkommun",
      provenance_original: `${TESTKOMMUN}data/projects/renare-vatten.json`,
      provenance_release_url: ARCHIVE,
      provenance_release_version: VERSION,
      provenance_release_sha256: sha256,
      provenance_release_retrieved: RETRIEVED,
    });
    const own = rows("projects").find((row) => row.id === "egen-insats");
    expect(own?.published_by).toBe("riksorganet");
    expect(own?.provenance_original).toBeUndefined();
    const data = published();
    for (const kind of PUBLIC_KINDS) {
      const byTable = new Map(
        tables.filter((table) => table.kind === kind).map((table) => [table.name, rows(table.name)]),
      );
      expect(Object.fromEntries(recordsFromRows(kind, byTable)), kind).toEqual(data[kind] ?? {});
    }
  });

  it("describe the columns in the data dictionary's words, in every language of the site", () => {
    const projects = tablesFor(site.dataset.site.languages).find((table) => table.name === "projects")!;
    const column = projects.columns.find((candidate) => candidate.name === "provenance_release_sha256");
    expect(column?.descriptions.sv).toEqual({ text: expect.stringContaining("SHA-256"), lang: "sv" });
    expect(column?.descriptions.de?.lang).toBe("de");
    expect(projects.columns.find((candidate) => candidate.name === "published_by")?.required).toBe(true);
  });

  it("pass the Frictionless implementation, and name each included publication among the sources", async () => {
    const base = join(site.dir, "data");
    const dataPackage = await Package.load(join(base, "datapackage.json"), { basePath: base });
    expect(dataPackage.errors.map((error) => error.message)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    for (const resource of dataPackage.resources.filter((candidate) => candidate.tabular))
      await expect(resource.read({ relations: true }), resource.name).resolves.toBeDefined();
    const sources = (dataPackage.descriptor as { sources: Json[] }).sources;
    expect(sources.slice(-2)).toEqual([
      { title: "Test municipality's international work", path: ARCHIVE, version: VERSION },
      { title: "Neighbour municipality's international work", path: GRANNKOMMUN },
    ]);
  });

  it("give each place of the map its publisher, and an included one its provenance", () => {
    const geojson = JSON.parse(site.read("/data/places.geojson")) as {
      features: { id: string; properties: Json }[];
    };
    const properties = new Map(geojson.features.map((feature) => [feature.id, feature.properties]));
    expect(properties.get("riksstaden")).toMatchObject({ published_by: "riksorganet" });
    expect(properties.get("riksstaden")?.provenance).toBeUndefined();
    expect(properties.get("testkommun/teststaden")).toMatchObject({
      published_by: "testkommun",
      provenance: {
        original: `${TESTKOMMUN}data/places/teststaden.json`,
        release: { url: ARCHIVE, version: VERSION, sha256, retrieved: RETRIEVED },
      },
    });
  });

  it("report only the register's own projects in the IATI file", () => {
    const iati = site.read("/data/iati-activities.xml");
    const identifiers = [...iati.matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((match) => match[1]);
    // testkommun's projects are owned by the organisation the register reports as, reconciled into it.
    expect(site.dataset.records.projects.get("testkommun/renare-vatten")?.owners).toEqual(["testkommun"]);
    expect(identifiers).toEqual(["SE-ON-2120000100-egen-insats"]);
  });

  it("keep only the register's own records in its release, without publisher or provenance", () => {
    const [release] = site.dataset.releases;
    expect(release).toBeDefined();
    const folder = `/data/releases/${release!.version}/`;
    const data = JSON.parse(site.read(`${folder}utblick.json`)) as Published;
    const records = everyRecord(data);
    expect(records.map(([kind, id]) => `${kind}/${id}`)).toContain("projects/egen-insats");
    expect(records.filter(([, id, record]) => id.includes("/") || "published_by" in record)).toEqual([]);
    // Its tables are a release's, as they were before publishers: the archive others pin stays the same.
    const header = site.read(`${folder}csv/projects.csv`).split("\r\n")[0]!.split(",");
    const projects = releaseTablesFor(site.dataset.site.languages).find((table) => table.name === "projects")!;
    expect(header).toEqual(projects.columns.map((column) => column.name));
    expect(header).not.toContain("published_by");
    const datapackage = JSON.parse(site.read(`${folder}datapackage.json`)) as { sources: Json[] };
    expect(datapackage.sources).toEqual([
      { title: "Testkällans sida om projekt", path: "https://example.org/projekt" },
    ]);
  });
});

describe("the catalog of a register with includes", () => {
  const rdf = () => site.read("/data/catalog.rdf");
  const node = (fragment: string) => `${BASE}data/catalog.rdf#${fragment}`;

  it("names each included publication's catalog as a part of its own", () => {
    expect(rdf()).toContain(`<dct:hasPart rdf:resource="${TESTKOMMUN}data/catalog.rdf#catalog"/>`);
    expect(rdf()).toContain(`<dct:hasPart rdf:resource="${GRANNKOMMUN}data/catalog.rdf#catalog"/>`);
  });

  it("has a catalog record per included dataset, whose source is the publisher's own", () => {
    for (const [slug, source] of [
      ["testkommun", `${TESTKOMMUN}data/catalog.rdf#release-${VERSION}`],
      ["grannkommun", `${GRANNKOMMUN}data/catalog.rdf#dataset`],
    ] as const) {
      expect(rdf()).toContain(`<dcat:record rdf:resource="${node(`record-${slug}`)}"/>`);
      const record = new RegExp(
        `<dcat:CatalogRecord rdf:about="${node(`record-${slug}`)}">[^]*?</dcat:CatalogRecord>`,
      ).exec(rdf())?.[0];
      expect(record).toContain(`<foaf:primaryTopic rdf:resource="${node(`included-${slug}`)}"/>`);
      const dataset = new RegExp(`<dcat:Dataset rdf:about="${node(`included-${slug}`)}">[^]*?</dcat:Dataset>`).exec(
        rdf(),
      )?.[0];
      expect(dataset).toContain(`<dct:source rdf:resource="${source}"/>`);
    }
    // The pinned archive is the included dataset's distribution, with the SHA-256 pinned.
    expect(rdf()).toContain(`<dcat:downloadURL rdf:resource="${ARCHIVE}"/>`);
    expect(rdf()).toContain(`>${sha256}</spdx:checksumValue>`);
  });

  it.skipIf(STANDARDS_DIR === undefined)("has no finding of the DCAT-AP 3.0.1 and DCAT-AP-SE shapes", async () => {
    expect(await shaclFindings(rdf(), `${BASE}data/`)).toEqual([]);
  });
});

describe("a site without includes", () => {
  const fixture = () => sharedSite("site");

  it("gives every record its publisher's id and no provenance", () => {
    const data = JSON.parse(fixture().read("/data/utblick.json")) as Published;
    const records = everyRecord(data);
    expect(records.length).toBeGreaterThan(5);
    expect(
      records.filter(([, , record]) => record.published_by !== data.site.publisher || "provenance" in record),
    ).toEqual([]);
    const projects = fixture().read("/data/csv/projects.csv").split("\r\n")[0]!.split(",");
    expect(projects).toContain("published_by");
  });

  it("publishes its catalog, data package and places as before: nothing included, nothing named as a part", () => {
    const rdf = fixture().read("/data/catalog.rdf");
    for (const absent of ["dct:hasPart", "dcat:record", "dcat:CatalogRecord", "dct:source", "#included-"])
      expect(rdf, absent).not.toContain(absent);
    const datapackage = JSON.parse(fixture().read("/data/datapackage.json")) as { sources: Json[] };
    expect(datapackage.sources).toEqual(
      [...fixture().dataset.records.sources.values()].map((source) => ({
        title: source.title.en ?? source.title.sv,
        ...(source.url ? { path: source.url } : {}),
      })),
    );
  });
});
