// Every file of the open data, described once: the Eleventy plugin writes them, the open-data
// page lists them, and the catalog makes each a distribution.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../model/dataset.js";
import { readSchemas, SCHEMA_DIR } from "../model/schemas.js";
import type { Lang, Text } from "../model/types.js";
import { catalogJsonLd, catalogRdfXml } from "./catalog.js";
import { writeCsv } from "./csv.js";
import { dataPackage } from "./datapackage.js";
import { allJsonUrl, catalogJsonLdUrl, catalogRdfUrl, csvUrl, datapackageUrl, excelCsvUrl, recordJsonUrl, schemaUrl } from "./paths.js";
import { publicRecords, publicSite } from "./records.js";
import { rowsOf, TABLES, type Table } from "./tables.js";

export type FileGroup = "json" | "csv" | "csv-excel" | "metadata" | "schema" | "record";

export interface DataFile {
  readonly url: string;
  readonly group: FileGroup;
  readonly mediaType: string;
  /** EU file-type authority code, for the catalog. */
  readonly format: string;
  readonly title: Text;
  readonly table?: Table;
  readonly render: () => string;
}

/** Stable, readable JSON: two-space indent and a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface OpenData {
  /** The files listed on the open-data page and in the catalog. */
  readonly files: readonly DataFile[];
  /** One JSON file per record, linked from its page. */
  readonly recordFiles: readonly DataFile[];
}

const text = (sv: string, en: string, de: string): Text => ({ sv, en, de });

const openDataOf = new WeakMap<Dataset, OpenData>();

/** The open-data files of a dataset, described once (rendering stays lazy). */
export function openData(dataset: Dataset): OpenData {
  let described = openDataOf.get(dataset);
  if (!described) {
    described = describeOpenData(dataset);
    openDataOf.set(dataset, described);
  }
  return described;
}

function describeOpenData(dataset: Dataset): OpenData {
  const records = publicRecords(dataset);
  const everything = () => ({
    site: publicSite(dataset),
    ...Object.fromEntries([...records].map(([kind, byId]) => [kind, Object.fromEntries(byId)])),
  });
  const tableFiles = (dialect: "standard" | "excel"): DataFile[] =>
    TABLES.map((table) => ({
      url: dialect === "standard" ? csvUrl(table.name) : excelCsvUrl(table.name),
      group: dialect === "standard" ? "csv" : "csv-excel",
      mediaType: "text/csv",
      format: "CSV",
      title: dialect === "standard" ? text(`Tabell ${table.name}`, `Table ${table.name}`, `Tabelle ${table.name}`) : text(`Tabell ${table.name} för Excel`, `Table ${table.name} for Excel`, `Tabelle ${table.name} für Excel`),
      table,
      render: () => writeCsv(table, rowsOf(table, records.get(table.kind) ?? new Map()), dialect),
    }));
  const schemaFiles: DataFile[] = [...readSchemas().keys()].map((file) => ({
    url: schemaUrl(file),
    group: "schema",
    mediaType: "application/schema+json",
    format: "JSON",
    title: text(`JSON Schema ${file}`, `JSON Schema ${file}`, `JSON-Schema ${file}`),
    render: () => readFileSync(join(SCHEMA_DIR, file), "utf8"),
  }));
  const files: DataFile[] = [
    {
      url: allJsonUrl,
      group: "json",
      mediaType: "application/json",
      format: "JSON",
      title: text("Alla poster som JSON", "All records as JSON", "Alle Einträge als JSON"),
      render: () => json(everything()),
    },
    ...tableFiles("standard"),
    ...tableFiles("excel"),
    {
      url: datapackageUrl,
      group: "metadata",
      mediaType: "application/json",
      format: "JSON",
      title: text("Data Package (Frictionless)", "Data Package (Frictionless)", "Data Package (Frictionless)"),
      render: () => json(dataPackage(dataset)),
    },
    ...schemaFiles,
  ];
  const catalogFiles: DataFile[] = [
    {
      url: catalogRdfUrl,
      group: "metadata",
      mediaType: "application/rdf+xml",
      format: "RDF_XML",
      title: text("Katalog enligt DCAT-AP-SE (RDF/XML)", "DCAT-AP-SE catalog (RDF/XML)", "Katalog nach DCAT-AP-SE (RDF/XML)"),
      render: () => catalogRdfXml(dataset, files),
    },
    {
      url: catalogJsonLdUrl,
      group: "metadata",
      mediaType: "application/ld+json",
      format: "JSON_LD",
      title: text("Katalog enligt DCAT-AP-SE (JSON-LD)", "DCAT-AP-SE catalog (JSON-LD)", "Katalog nach DCAT-AP-SE (JSON-LD)"),
      render: () => catalogJsonLd(dataset, files),
    },
  ];
  const recordFiles: DataFile[] = [...records].flatMap(([kind, byId]) =>
    [...byId].map(([id, record]) => ({
      url: recordJsonUrl(kind, id),
      group: "record" as const,
      mediaType: "application/json",
      format: "JSON",
      title: text(id, id, id),
      render: () => json({ id, kind, ...record }),
    })),
  );
  return { files: [...files, ...catalogFiles], recordFiles };
}

export function fileTitle(file: DataFile, lang: Lang): string {
  return file.title[lang] ?? file.title.sv;
}
