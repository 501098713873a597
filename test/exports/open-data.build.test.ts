// The open data as a consumer receives it: read back from the built files, never from memory.

import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "csv-parse/sync";
import { Package } from "datapackage";
import { unzipSync } from "fflate";
import * as $rdf from "rdflib";
import { beforeAll, describe, expect, it } from "vitest";
import { contentTypeOf } from "../../src/core/media-types.js";
import { KINDS } from "../../src/core/vocabulary.js";
import { readCsv } from "../../src/exports/csv.js";
import { openData } from "../../src/exports/files.js";
import { type Row, recordsFromRows, TABLES } from "../../src/exports/tables.js";
import { type BuiltSite, buildSite, REAL_DATA, sharedSite } from "../helpers/built-site.js";
import { shaclFindings } from "../helpers/shacl.js";
import { STANDARDS_DIR } from "../helpers/standards.js";

let fixture: BuiltSite;
let real: BuiltSite;
let changed: BuiltSite;

beforeAll(() => {
  [fixture, real, changed] = [sharedSite("site"), sharedSite("real"), sharedSite("changed")];
});

const dataFiles = (site: BuiltSite) => site.files.filter((file) => file.startsWith("/data/"));

/** The records as the JSON file holds them. */
const allJson = (site: BuiltSite) =>
  JSON.parse(site.read("/data/utblick.json")) as Record<string, Record<string, unknown>>;

describe.each([
  ["the fixture data", () => fixture],
  ["the real data", () => real],
  ["the real data after an editor's changes", () => changed],
])("%s", (_name, site) => {
  it("declares each file with the media type the server sends it with (JSON Schemas by their own)", () => {
    const { files, recordFiles, archives } = openData(site().dataset);
    const served = (url: string) => contentTypeOf(url).split(";")[0];
    const declared = [...files, ...recordFiles, ...archives].filter((file) => file.group !== "schema");
    expect(declared.filter((file) => served(file.url) !== file.mediaType).map((file) => file.url)).toEqual([]);
    // A schema is JSON to a browser and application/schema+json to the catalog.
    for (const file of files.filter((candidate) => candidate.group === "schema"))
      expect([served(file.url), file.mediaType]).toEqual(["application/json", "application/schema+json"]);
  });

  it("never publishes a contact person's name, phone or e-mail in any download", () => {
    const leaks: string[] = [];
    for (const [id, person] of site().dataset.records.people) {
      const values = [person.name, person.phone, person.email, person.phone?.replace(/\D/g, ""), id].filter(
        (value): value is string => Boolean(value),
      );
      for (const file of dataFiles(site())) {
        const text = site().read(file);
        for (const value of values) if (text.includes(value)) leaks.push(`${file} contains ${value}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(dataFiles(site()).some((file) => file.includes("people"))).toBe(false);
  });

  it("publishes the validated records in JSON, without the references to people, with derived statuses", () => {
    const json = allJson(site());
    const today = site().dataset.today.toISODate();
    for (const kind of KINDS.filter((kind) => kind !== "people")) {
      const expected = Object.fromEntries(
        [...(site().dataset.records[kind] as unknown as Map<string, Record<string, unknown>>)].map(([id, record]) => {
          const { contacts: _contacts, people: _people, ...rest } = record;
          return [id, JSON.parse(JSON.stringify(rest))];
        }),
      );
      // What the build derives is published beside the record, never in place of a field of it.
      const recorded = Object.fromEntries(
        Object.entries(json[kind] as Record<string, Record<string, unknown>>).map(([id, record]) => {
          // Whose the record is (and an included one's provenance) is published beside it too.
          const { derived, published_by: publishedBy, provenance: _provenance, ...rest } = record;
          expect(publishedBy, id).toEqual(expect.any(String));
          // Projects, partnerships and networks carry today's status; no other kind has one.
          if (["projects", "partnerships", "networks"].includes(kind)) {
            expect((derived as { as_of?: string } | undefined)?.as_of, id).toBe(today);
          } else expect(derived, id).toBeUndefined();
          return [id, rest];
        }),
      );
      expect(recorded).toEqual(expected);
    }
    expect(JSON.stringify(json.site)).not.toContain("contacts");
  });

  it("gives back every record from the CSV tables, equal to the JSON", () => {
    const json = allJson(site());
    for (const kind of KINDS.filter((kind) => kind !== "people")) {
      const rows = new Map<string, Row[]>(
        TABLES.filter((table) => table.kind === kind).map((table) => [
          table.name,
          readCsv(table, site().read(`/data/csv/${table.name}.csv`)),
        ]),
      );
      expect(Object.fromEntries(recordsFromRows(kind, rows))).toEqual(json[kind]);
    }
  });

  it("writes RFC 4180 CSV: CRLF line ends, no BOM, a header equal to the Table Schema fields", () => {
    const datapackage = JSON.parse(site().read("/data/datapackage.json")) as {
      resources: { name: string; path: string; profile: string; schema: { fields: { name: string }[] } }[];
    };
    for (const resource of datapackage.resources.filter((candidate) => candidate.profile === "tabular-data-resource")) {
      const text = site().read(`/data/${resource.path}`);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.split("\r\n")[0]).toBe(resource.schema.fields.map((field) => field.name).join(","));
      expect(
        text.replace(/"[^"]*"/g, "").includes("\n") &&
          !text
            .replace(/"[^"]*"/g, "")
            .split("\n")
            .every((line, index, lines) => index === lines.length - 1 || line.endsWith("\r")),
      ).toBe(false);
    }
  });

  it("offers the same tables for Excel with a BOM, semicolons and decimal commas", () => {
    const excel = site().read("/data/csv-excel/projects.csv");
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(excel, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(site().dataset.records.projects.size);
  });

  it("describes a valid tabular data package", () => {
    const datapackage = JSON.parse(site().read("/data/datapackage.json")) as {
      profile: string;
      licenses: { path: string }[];
      resources: {
        name: string;
        path: string;
        profile: string;
        schema: {
          fields: { name: string; type: string }[];
          primaryKey: string[];
          foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
        };
      }[];
    };
    expect(datapackage.profile).toBe("data-package");
    expect(datapackage.licenses[0]?.path).toBe(site().dataset.site.data_licence);
    const names = datapackage.resources.map((resource) => resource.name);
    expect(new Set(names).size).toBe(names.length);
    for (const resource of datapackage.resources.filter((candidate) => candidate.profile === "tabular-data-resource")) {
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      expect(site().files).toContain(`/data/${resource.path}`);
      const fields = resource.schema.fields.map((field) => field.name);
      for (const field of resource.schema.fields)
        expect(["string", "integer", "number", "boolean", "date"]).toContain(field.type);
      for (const key of resource.schema.primaryKey) expect(fields).toContain(key);
      for (const foreignKey of resource.schema.foreignKeys ?? []) {
        const target = datapackage.resources.find((candidate) => candidate.name === foreignKey.reference.resource);
        expect(target, `${resource.name} → ${foreignKey.reference.resource}`).toBeDefined();
        for (const field of foreignKey.reference.fields)
          expect(target!.schema.fields.map((f) => f.name)).toContain(field);
      }
    }
  });

  it("keeps every foreign key of the tables pointing at an existing row", () => {
    const ids = new Map(
      TABLES.filter((table) => !table.list).map((table) => [
        table.kind,
        new Set(readCsv(table, site().read(`/data/csv/${table.name}.csv`)).map((row) => row.id)),
      ]),
    );
    const dangling: string[] = [];
    for (const table of TABLES) {
      for (const row of readCsv(table, site().read(`/data/csv/${table.name}.csv`))) {
        for (const column of table.columns.filter((candidate) => candidate.references)) {
          const value = row[column.name];
          if (value !== undefined && !ids.get(column.references!)?.has(value))
            dangling.push(`${table.name}.${column.name} = ${String(value)}`);
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  it("publishes one JSON file per record at a stable address, naming its schema and its id", () => {
    const project = [...site().dataset.records.projects.keys()][0]!;
    const record = JSON.parse(site().read(`/data/projects/${project}.json`)) as Record<string, unknown>;
    expect(record).toMatchObject({
      $schema: "https://utblick.example.org/data/schemas/projects.schema.json",
      id: project,
    });
    // "kind" would clash with an organisation's own kind field.
    expect(Object.keys(record)).not.toContain("kind");
  });
});

describe("values that are hard to carry in CSV", () => {
  it("survive the trip: quotes, commas, semicolons, line breaks, formula starts and other scripts", () => {
    const table = TABLES.find((candidate) => candidate.name === "projects")!;
    const row = readCsv(table, fixture.read("/data/csv/projects.csv")).find(
      (candidate) => candidate.id === "farliga-tecken",
    )!;
    const record = fixture.dataset.records.projects.get("farliga-tecken")!;
    expect(row.title_de).toBe(record.title.de);
    expect(row.title_en).toBe(record.title.en);
    expect(row.summary_en).toBe(record.summary.en);
    expect(row.summary_de).toBe("Ünïcödé 中文 русский");
  });

  it("stay exact in csv/, where programs read them: no apostrophe added in front of a formula start", () => {
    const raw = fixture.read("/data/csv/projects.csv");
    expect(raw).toContain(`"=HYPERLINK(""http://x"") ; a,b \r\n zeile"`);
    expect(raw).not.toContain("'=HYPERLINK");
    expect(raw).not.toContain("'-1 +2 @sum");
  });

  it("are neutralised in csv-excel/ only, and one leading apostrophe removed gives the value back", () => {
    const table = TABLES.find((candidate) => candidate.name === "projects")!;
    const raw = fixture.read("/data/csv-excel/projects.csv");
    expect(raw).toContain(`"'=HYPERLINK(""http://x"") ; a,b \r\n zeile"`);
    for (const line of raw.split("\r\n")) for (const cell of line.split(";")) expect(cell).not.toMatch(/^[=+@]/);
    const excel = readCsv(table, raw, "excel").find((candidate) => candidate.id === "farliga-tecken")!;
    const exact = readCsv(table, fixture.read("/data/csv/projects.csv")).find(
      (candidate) => candidate.id === "farliga-tecken",
    )!;
    expect(excel).toEqual(exact);
  });

  it("are declared: the data package says what csv-excel/ changes and how to undo it", () => {
    const datapackage = JSON.parse(fixture.read("/data/datapackage.json")) as {
      description: string;
      excel_variant: { path: string; formula_neutralisation: { prefix: string } };
    };
    expect(datapackage.excel_variant.path).toBe("csv-excel/");
    expect(datapackage.excel_variant.formula_neutralisation.prefix).toBe("'");
    expect(datapackage.description).toContain("csv-excel/");
  });
});

describe("the DCAT-AP-SE catalog", () => {
  const rdf = () => real.read("/data/catalog.rdf");

  it("is RDF/XML with absolute IRIs and no blank nodes", () => {
    expect(rdf().startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(rdf()).not.toMatch(/rdf:nodeID|rdf:about="(?!https?:)/);
    expect(rdf()).not.toMatch(/rdf:resource="(?!(https?|mailto):)/);
  });

  it("has the mandatory catalog and dataset properties, in three languages", () => {
    for (const lang of ["sv", "en", "de"]) {
      expect(rdf()).toMatch(new RegExp(`<dct:title xml:lang="${lang}">`));
      expect(rdf()).toMatch(new RegExp(`<dct:description xml:lang="${lang}">`));
    }
    for (const property of [
      "dcat:Catalog",
      "dcat:Dataset",
      "dcat:contactPoint",
      "dcat:theme",
      "dcat:landingPage",
      "dct:issued",
      "dct:modified",
      "dct:license",
      "dcat:distribution",
      "dcat:accessURL",
      "dcat:downloadURL",
      "dcat:mediaType",
      "vcard:hasEmail",
    ]) {
      expect(rdf(), property).toContain(`<${property}`);
    }
    expect(rdf()).toContain("http://publications.europa.eu/resource/authority/data-theme/INTR");
    expect(rdf()).toContain("http://publications.europa.eu/resource/authority/language/SWE");
    expect(rdf()).toContain("http://www.iana.org/assignments/media-types/text/csv");
  });

  it("names exactly one publisher, with an absolute IRI", () => {
    const publishers = new Set([...rdf().matchAll(/<dct:publisher rdf:resource="([^"]+)"/g)].map((match) => match[1]));
    expect(publishers.size).toBe(1);
    expect([...publishers][0]).toMatch(/^https:\/\//);
  });

  it("has a distribution for every CSV table and the JSON file, each with a download address that exists", () => {
    const urls = [...rdf().matchAll(/<dcat:downloadURL rdf:resource="([^"]+)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(TABLES.length + 1);
    for (const url of urls) expect(real.files).toContain(new URL(url).pathname);
  });

  it("is the same graph in JSON-LD as in RDF/XML, statement for statement", async () => {
    // The catalog has no blank nodes, so two graphs are the same when their sorted statements are.
    const statements = async (path: string, mediaType: string): Promise<string[]> => {
      const store = $rdf.graph();
      await new Promise<void>((done, fail) =>
        $rdf.parse(real.read(path), store, "https://utblick.example.org/data/", mediaType, (error) =>
          error ? fail(error) : done(),
        ),
      );
      return store.statements.map((statement) => statement.toNT()).sort();
    };
    const fromXml = await statements("/data/catalog.rdf", "application/rdf+xml");
    const fromJsonLd = await statements("/data/catalog.jsonld", "application/ld+json");
    expect(fromXml.length).toBeGreaterThan(50);
    expect(fromJsonLd).toEqual(fromXml);
  });
});

describe("builds", () => {
  it("are deterministic: two builds of the same data give byte-identical files", async () => {
    const again = await buildSite(REAL_DATA);
    const differing = dataFiles(real).filter((file) => real.read(file) !== again.read(file));
    expect(differing).toEqual([]);
    expect(again.files).toEqual(real.files);
  });
});

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A standard validator, strict: an unknown keyword or format is an error, not silently skipped.
 * Only two of ajv's lints are off, for standard constructs it flags: `not: { required: [...] }`
 * ("not both") and `prefixItems` followed by `items` (Swedish first, then any language).
 */
function strictValidator(schema: object) {
  const ajv = addFormats(
    new Ajv2020({ strict: true, strictRequired: false, strictTuples: false, allErrors: true, validateFormats: true }),
  );
  return ajv.compile(schema);
}

/** Each published JSON file with the schema its address says it follows. */
function publishedJson(site: BuiltSite): { file: string; schema: string }[] {
  return site.files.flatMap((file) => {
    const record = /^\/data\/([a-z]+)\/[a-z0-9-]+\.json$/.exec(file);
    if (record && record[1] !== "schemas") return [{ file, schema: `/data/schemas/${record[1]}.schema.json` }];
    if (/^\/data\/(releases\/[^/]+\/)?utblick\.json$/.test(file))
      return [{ file, schema: "/data/schemas/utblick.schema.json" }];
    return [];
  });
}

describe.each([
  ["the fixture data", () => fixture],
  ["the real data", () => real],
])("the published schemas, for %s,", (_name, site) => {
  it("validate every published JSON file with a standard validator configured strictly", () => {
    const failures: string[] = [];
    const validators = new Map<string, ReturnType<typeof strictValidator>>();
    const files = publishedJson(site());
    expect(files.length).toBeGreaterThan(site().dataset.records.projects.size);
    for (const { file, schema } of files) {
      let validate = validators.get(schema);
      if (!validate) {
        validate = strictValidator(JSON.parse(site().read(schema)) as object);
        validators.set(schema, validate);
      }
      if (!validate(JSON.parse(site().read(file))))
        failures.push(`${file}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    }
    expect(failures).toEqual([]);
  });

  it("use standard keywords only: no x- extensions and none of the editors' custom formats", () => {
    for (const file of site().files.filter((name) => /^\/data\/schemas\/[a-z]+\.schema\.json$/.test(name))) {
      const text = site().read(file);
      expect(text, file).not.toMatch(/"x-[a-z-]+":/);
      expect(text, file).not.toMatch(/"format": "(partial-date|iso-duration|iso4217|iso3166-alpha2|web-url)"/);
    }
  });

  it("publish the editors' source schemas apart, under schemas/source/", () => {
    expect(site().files).toContain("/data/schemas/source/project.schema.json");
    expect(site().files).toContain("/data/schemas/source/common.schema.json");
  });

  it("reject a record that breaks a rule the editors' formats stood for", () => {
    const schema = JSON.parse(site().read("/data/schemas/projects.schema.json")) as object;
    const validate = strictValidator(schema);
    const id = [...site().dataset.records.projects.keys()][0]!;
    const record = JSON.parse(site().read(`/data/projects/${id}.json`)) as Record<string, unknown>;
    expect(validate(record)).toBe(true);
    expect(validate({ ...record, start: "2016-13" })).toBe(false);
    expect(validate({ ...record, countries: ["QQ"] })).toBe(false);
    expect(validate({ ...record, duration: "3 years" })).toBe(false);
    expect(validate({ ...record, sdgs: [18] })).toBe(false);
    expect(validate({ ...record, kind: "projects" })).toBe(false);
  });

  it("say that XK is not an ISO 3166-1 code where they allow it", () => {
    const schema = JSON.parse(site().read("/data/schemas/projects.schema.json")) as {
      $defs: { country: { enum: string[]; $comment: string } };
    };
    expect(schema.$defs.country.enum).toContain("XK");
    expect(schema.$defs.country.$comment).toMatch(/XK.*not ISO 3166-1/);
  });
});

describe.each([
  ["the fixture data", () => fixture],
  ["the real data", () => real],
])("the data package, for %s,", (_name, site) => {
  it("passes the Frictionless implementation, foreign keys included", async () => {
    const dataPackage = await Package.load(join(site().dir, "data", "datapackage.json"), {
      basePath: join(site().dir, "data"),
    });
    expect(dataPackage.errors.map((error) => error.message)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    for (const resource of dataPackage.resources.filter((candidate) => candidate.tabular))
      await expect(resource.read({ relations: true }), resource.name).resolves.toBeDefined();
  });

  it("gives each resource the size and SHA-256 of the file it points at", () => {
    const datapackage = JSON.parse(site().read("/data/datapackage.json")) as {
      resources: { path: string; bytes: number; hash: string }[];
    };
    for (const resource of datapackage.resources) {
      const bytes = readFileSync(join(site().dir, "data", resource.path));
      expect(resource.bytes, resource.path).toBe(bytes.byteLength);
      expect(resource.hash, resource.path).toBe(`sha256:${sha256(bytes)}`);
    }
  });

  it("carries the JSON Schemas' rules as Table Schema constraints, full days as dates", () => {
    const datapackage = JSON.parse(site().read("/data/datapackage.json")) as {
      resources: {
        name: string;
        schema?: {
          fields: { name: string; type: string; description: string; constraints?: Record<string, unknown> }[];
        };
      }[];
    };
    const field = (table: string, name: string) =>
      datapackage.resources.find((resource) => resource.name === table)?.schema?.fields.find((f) => f.name === name);
    expect(field("project_sdgs", "sdg")?.constraints).toMatchObject({ minimum: 1, maximum: 17, required: true });
    expect(field("project_countries", "country")?.constraints?.enum).toContain("SE");
    expect(field("project_funding", "currency")?.constraints?.enum).toContain("SEK");
    expect(field("projects", "start")?.constraints?.pattern).toBeDefined();
    expect(field("projects", "duration")?.constraints?.pattern).toBeDefined();
    expect(field("themes", "label_sv")?.description).not.toContain("number");
    expect(field("themes", "label_en")?.description).toContain("English");
  });

  it("finds a dangling foreign key when there is one", async () => {
    const copy = mkdtempSync(join(tmpdir(), "utblick-package-"));
    cpSync(join(site().dir, "data"), copy, { recursive: true });
    const sdgs = join(copy, "csv", "project_sdgs.csv");
    const lines = readFileSync(sdgs, "utf8").split("\r\n");
    lines[1] = lines[1]!.replace(/^[^,]+/, "no-such-project");
    writeFileSync(sdgs, lines.join("\r\n"));
    const broken = await Package.load(join(copy, "datapackage.json"), { basePath: copy });
    const resource = broken.resources.find((candidate) => candidate.name === "project_sdgs")!;
    await expect(resource.read({ relations: true })).rejects.toThrow();
  });
});

describe.each([
  ["the fixture data", () => fixture],
  ["the real data", () => real],
])("the catalog, for %s,", (_name, site) => {
  it.skipIf(STANDARDS_DIR === undefined)(
    "has no violation and no warning against the DCAT-AP 3.0.1 and DCAT-AP-SE 3.0.1 shapes",
    async () => {
      const findings = await shaclFindings(site().read("/data/catalog.rdf"), "https://utblick.example.org/data/");
      expect(findings).toEqual([]);
    },
  );

  it("gives each distribution its size, SHA-256 and schema, and the licence from the EU vocabulary", () => {
    const rdf = site().read("/data/catalog.rdf");
    const json = site().read("/data/utblick.json");
    expect(rdf).toContain(`>${sha256(json)}</spdx:checksumValue>`);
    expect(rdf).toContain(`>${Buffer.byteLength(json)}</dcat:byteSize>`);
    expect(rdf).toContain(
      '<dct:conformsTo rdf:resource="https://utblick.example.org/data/schemas/utblick.schema.json"/>',
    );
    expect(rdf).toContain("http://publications.europa.eu/resource/authority/licence/CC0");
  });

  it("describes every recorded release as a version of the dataset, with its own archive", () => {
    const rdf = site().read("/data/catalog.rdf");
    for (const release of site().dataset.releases) {
      expect(rdf).toContain(
        `<dcat:hasVersion rdf:resource="https://utblick.example.org/data/catalog.rdf#release-${release.version}"/>`,
      );
      expect(rdf).toContain(
        `https://utblick.example.org/data/releases/${release.version}/utblick-${release.version}.zip`,
      );
    }
  });
});

describe.skipIf(STANDARDS_DIR === undefined)("the SHACL check", () => {
  it("finds the violation of a publisher without a type", async () => {
    const rdf = real
      .read("/data/catalog.rdf")
      .replace(/<dct:type rdf:resource="http:\/\/purl.org\/adms\/publishertype\/[^"]+"\/>/, "");
    const findings = await shaclFindings(rdf, "https://utblick.example.org/data/");
    expect(findings.map((finding) => [finding.severity, finding.path])).toContainEqual([
      "Violation",
      "http://purl.org/dc/terms/type",
    ]);
  });
});

describe("a recorded release", () => {
  it("keeps its whole data package: a zip whose files equal the published ones, and its checksum", () => {
    const release = real.dataset.releases.at(-1)!;
    const folder = `/data/releases/${release.version}/`;
    const zip = readFileSync(join(real.dir, folder, `utblick-${release.version}.zip`));
    const entries = unzipSync(zip);
    const names = Object.keys(entries).sort();
    expect(names).toContain(`utblick-${release.version}/datapackage.json`);
    expect(names).toContain(`utblick-${release.version}/utblick.json`);
    expect(names).toContain(`utblick-${release.version}/csv/projects.csv`);
    for (const name of names) {
      const published = readFileSync(join(real.dir, folder, name.slice(`utblick-${release.version}/`.length)));
      expect(Buffer.from(entries[name]!).equals(published), name).toBe(true);
    }
    expect(real.read("/data/SHA256SUMS")).toContain(
      `${sha256(zip)}  releases/${release.version}/utblick-${release.version}.zip`,
    );
  });

  it("has a data package of its own that passes Frictionless with its foreign keys", async () => {
    const release = real.dataset.releases.at(-1)!;
    const base = join(real.dir, "data", "releases", release.version);
    const dataPackage = await Package.load(join(base, "datapackage.json"), { basePath: base });
    expect(dataPackage.valid).toBe(true);
    expect(dataPackage.descriptor.version).toBe(release.version);
    for (const resource of dataPackage.resources.filter((candidate) => candidate.tabular))
      await expect(resource.read({ relations: true }), resource.name).resolves.toBeDefined();
  });
});

describe("the places", () => {
  it("are a GeoJSON FeatureCollection of points, listed in the data package and the catalog", () => {
    const geojson = JSON.parse(real.read("/data/places.geojson")) as {
      type: string;
      features: { type: string; geometry: { type: string; coordinates: number[] } }[];
    };
    expect(geojson.type).toBe("FeatureCollection");
    for (const feature of geojson.features) {
      expect(feature.geometry.type).toBe("Point");
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
    const datapackage = JSON.parse(real.read("/data/datapackage.json")) as { resources: { path: string }[] };
    expect(datapackage.resources.map((resource) => resource.path)).toContain("places.geojson");
    expect(real.read("/data/catalog.rdf")).toContain("https://utblick.example.org/data/places.geojson");
  });
});

describe("the pages of the open data", () => {
  it("link each record page to the record's JSON file, which exists", () => {
    const sample = sharedSite("sample");
    const page = sample.html("/en/projects/nonhazcity/index.html");
    const href = page('link[rel="alternate"][type="application/json"]').attr("href");
    expect(href).toBe("/data/projects/nonhazcity.json");
    expect(sample.exists(href!)).toBe(true);
  });

  it("date the schema.org Dataset by the release, as the catalog does, not by the build day", () => {
    const page = real.html("/en/open-data/index.html");
    const dataset = JSON.parse(page('script[type="application/ld+json"]').text()) as Record<string, string>;
    const history = JSON.parse(real.read("/data/releases.json")) as { current: { date: string; version: string } };
    expect(dataset.dateModified).toBe(history.current.date);
    expect(dataset.version).toBe(history.current.version);
    expect(dataset.datePublished).toBe(real.dataset.releases[0]?.date ?? history.current.date);
  });

  it("offer a feed of releases in each language, each entry the changelog in that language with the release's files", () => {
    for (const [lang, projects] of [
      ["sv", "Projekt"],
      ["en", "Projects"],
      ["de", "Projekte"],
    ] as const) {
      const feed = real.read(`/${lang}/data-releases.xml`);
      expect(feed).toContain(`<feed xmlns="http://www.w3.org/2005/Atom">`);
      const recorded = real.dataset.releases.at(-1)!.version;
      expect(feed).toContain(`<id>https://utblick.example.org/${lang}/`);
      expect(feed).toContain(`/data/releases/${recorded}/utblick-${recorded}.zip`);
      expect(feed).toContain(projects);
      const page = real.html(
        `/${lang}/${lang === "sv" ? "oppna-data" : lang === "en" ? "open-data" : "offene-daten"}/index.html`,
      );
      expect(
        page('link[rel="alternate"][type="application/atom+xml"]')
          .map((_, link) => page(link).attr("href"))
          .get(),
      ).toContain(`/${lang}/data-releases.xml`);
    }
  });

  it("show how to load the data package in Python and R, three lines each", () => {
    const page = real.html("/en/open-data/index.html");
    const blocks = page("#consume ~ pre code")
      .map((_, code) => page(code).text())
      .get()
      .slice(0, 3);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block.split("\n")).toHaveLength(3);
    expect(blocks.join("\n")).toContain("https://utblick.example.org/data/datapackage.json");
  });
});
