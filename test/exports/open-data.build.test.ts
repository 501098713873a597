// The open data as a consumer receives it: read back from the built files, never from memory.

import { parse } from "csv-parse/sync";
import * as $rdf from "rdflib";
import { beforeAll, describe, expect, it } from "vitest";
import { KINDS } from "../../src/core/vocabulary.js";
import { readCsv } from "../../src/exports/csv.js";
import { type Row, recordsFromRows, TABLES } from "../../src/exports/tables.js";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

let fixture: BuiltSite;
let real: BuiltSite;

beforeAll(async () => {
  [fixture, real] = [await buildSite("test/fixtures/valid/site"), await buildSite("data")];
});

const dataFiles = (site: BuiltSite) => site.files.filter((file) => file.startsWith("/data/"));

/** The records as the JSON file holds them. */
const allJson = (site: BuiltSite) =>
  JSON.parse(site.read("/data/utblick.json")) as Record<string, Record<string, unknown>>;

describe.each([
  ["the fixture data", () => fixture],
  ["the real data", () => real],
])("%s", (_name, site) => {
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

  it("publishes the validated records in JSON, without the references to people, each project with its derived status", () => {
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
          const { derived, ...rest } = record;
          if (kind === "projects") expect((derived as { as_of?: string } | undefined)?.as_of, id).toBe(today);
          else expect(derived, id).toBeUndefined();
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
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    for (const resource of datapackage.resources) {
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
    expect(datapackage.profile).toBe("tabular-data-package");
    expect(datapackage.licenses[0]?.path).toBe(site().dataset.site.data_licence);
    const names = datapackage.resources.map((resource) => resource.name);
    expect(new Set(names).size).toBe(names.length);
    for (const resource of datapackage.resources) {
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      expect(resource.profile).toBe("tabular-data-resource");
      expect(site().files).toContain(`/data/${resource.path}`);
      const fields = resource.schema.fields.map((field) => field.name);
      for (const field of resource.schema.fields)
        expect(["string", "integer", "number", "boolean"]).toContain(field.type);
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

  it("publishes one JSON file per record at a stable address", () => {
    const project = [...site().dataset.records.projects.keys()][0]!;
    const record = JSON.parse(site().read(`/data/projects/${project}.json`)) as { id: string; kind: string };
    expect(record).toMatchObject({ id: project, kind: "projects" });
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

  it("neutralise formula starts in the file itself", () => {
    const raw = fixture.read("/data/csv/projects.csv");
    expect(raw).toContain(`"'=HYPERLINK(""http://x"") ; a,b \r\n zeile"`);
    expect(raw).toContain("'-1 +2 @sum");
    const lines = raw.split("\r\n");
    for (const line of lines) for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+@]/);
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
    const again = await buildSite("data");
    const differing = dataFiles(real).filter((file) => real.read(file) !== again.read(file));
    expect(differing).toEqual([]);
    expect(again.files).toEqual(real.files);
  });
});
