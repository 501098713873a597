// Every file of the open data, described once: the Eleventy plugin writes them, the open-data
// page lists them, and the catalog makes each a distribution.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import {
  absoluteUrl,
  allJsonUrl,
  catalogJsonLdUrl,
  catalogRdfUrl,
  checksumsUrl,
  csvUrl,
  datapackageUrl,
  excelCsvUrl,
  iatiUrl,
  recordJsonUrl,
  releaseJsonUrl,
  releasesJsonUrl,
  schemaUrl,
} from "../core/routes.js";
import { json, sha256 } from "../core/serialise.js";
import type { Dataset } from "../model/dataset.js";
import { publicRecords, publicSnapshot } from "../model/published.js";
import { readSchemas, SCHEMA_DIR } from "../model/schemas.js";
import type { Text } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";
import { catalogJsonLd, catalogRdfXml } from "./catalog.js";
import { writeCsv } from "./csv.js";
import type { DataFile } from "./data-file.js";
import { dataPackage } from "./datapackage.js";
import { iatiActivities } from "./iati.js";
import { type Row, rowsOf, type Table, tablesFor } from "./tables.js";

export interface OpenData {
  /** The files listed on the open-data page and in the catalog. */
  readonly files: readonly DataFile[];
  /** One JSON file per record, linked from its page. */
  readonly recordFiles: readonly DataFile[];
}

const text = (sv: string, en: string, de: string): Text => ({ sv, en, de });

/** The rows of every table, built once: the CSV files and the open-data page's counts share them. */
const rowsByTable = memoize((dataset: Dataset): ReadonlyMap<string, readonly Row[]> => {
  const records = publicRecords(dataset);
  return new Map(
    tablesFor(dataset.site.languages).map((table) => [table.name, rowsOf(table, records.get(table.kind) ?? new Map())]),
  );
});

export const tableRows = (dataset: Dataset, table: Table): readonly Row[] => rowsByTable(dataset).get(table.name) ?? [];

/** The open-data files of a dataset, described once (rendering stays lazy). */
export const openData = memoize((dataset: Dataset): OpenData => describeOpenData(dataset));

function iatiFiles(dataset: Dataset): DataFile[] {
  const xml = memoize(() => iatiActivities(dataset) ?? "");
  return dataset.site.iati
    ? [
        {
          url: iatiUrl,
          group: "metadata",
          mediaType: "application/xml",
          format: "XML",
          title: text("IATI-aktiviteter (IATI 2.03)", "IATI activities (IATI 2.03)", "IATI-Aktivitäten (IATI 2.03)"),
          render: xml,
        },
      ]
    : [];
}

function describeOpenData(dataset: Dataset): OpenData {
  const records = publicRecords(dataset);
  const history = releaseHistory(dataset);
  const tableFiles = (dialect: "standard" | "excel"): DataFile[] =>
    tablesFor(dataset.site.languages).map((table) => ({
      url: dialect === "standard" ? csvUrl(table.name) : excelCsvUrl(table.name),
      group: dialect === "standard" ? "csv" : "csv-excel",
      mediaType: "text/csv",
      format: "CSV",
      title:
        dialect === "standard"
          ? text(`Tabell ${table.name}`, `Table ${table.name}`, `Tabelle ${table.name}`)
          : text(`Tabell ${table.name} för Excel`, `Table ${table.name} for Excel`, `Tabelle ${table.name} für Excel`),
      table,
      render: memoize(() => writeCsv(table, tableRows(dataset, table), dialect)),
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
      render: memoize(() => json(publicSnapshot(dataset))),
    },
    ...tableFiles("standard"),
    ...tableFiles("excel"),
    {
      url: datapackageUrl,
      group: "metadata",
      mediaType: "application/json",
      format: "JSON",
      title: text("Data Package (Frictionless)", "Data Package (Frictionless)", "Data Package (Frictionless)"),
      render: memoize(() => json(dataPackage(dataset))),
    },
    ...schemaFiles,
    ...iatiFiles(dataset),
  ];
  const releaseFiles: DataFile[] = dataset.releases.map((release) => ({
    url: releaseJsonUrl(release.version),
    group: "release",
    mediaType: "application/json",
    format: "JSON",
    title: text(`Version ${release.version}`, `Release ${release.version}`, `Version ${release.version}`),
    render: () => json(release.data),
  }));
  const historyFile: DataFile = {
    url: releasesJsonUrl,
    group: "metadata",
    mediaType: "application/json",
    format: "JSON",
    title: text("Versioner och ändringar (JSON)", "Releases and changes (JSON)", "Versionen und Änderungen (JSON)"),
    // Readers of the file fetch releases from anywhere: their addresses are absolute.
    render: () =>
      json({
        ...history,
        releases: history.releases.map((release) => ({
          ...release,
          url: absoluteUrl(dataset.site.base_url, release.url),
        })),
      }),
  };
  const checksums: DataFile = {
    url: checksumsUrl,
    group: "metadata",
    mediaType: "text/plain",
    format: "TXT",
    title: text("SHA-256-kontrollsummor", "SHA-256 checksums", "SHA-256-Prüfsummen"),
    // In the format of sha256sum, so `sha256sum -c SHA256SUMS` checks a download.
    render: () =>
      files
        .filter((file) => file.group !== "schema")
        .map((file) => `${sha256(file.render() as string)}  ${file.url.replace(/^\/data\//, "")}\n`)
        .join(""),
  };
  const catalogFiles: DataFile[] = [
    {
      url: catalogRdfUrl,
      group: "metadata",
      mediaType: "application/rdf+xml",
      format: "RDF_XML",
      title: text(
        "Katalog enligt DCAT-AP-SE (RDF/XML)",
        "DCAT-AP-SE catalog (RDF/XML)",
        "Katalog nach DCAT-AP-SE (RDF/XML)",
      ),
      render: () => catalogRdfXml(dataset, files),
    },
    {
      url: catalogJsonLdUrl,
      group: "metadata",
      mediaType: "application/ld+json",
      format: "JSON_LD",
      title: text(
        "Katalog enligt DCAT-AP-SE (JSON-LD)",
        "DCAT-AP-SE catalog (JSON-LD)",
        "Katalog nach DCAT-AP-SE (JSON-LD)",
      ),
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
  return { files: [...files, historyFile, checksums, ...catalogFiles], recordFiles: [...recordFiles, ...releaseFiles] };
}

export function fileTitle(file: DataFile, lang: Lang): string {
  return file.title[lang] ?? file.title.sv;
}
