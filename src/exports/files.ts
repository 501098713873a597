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
  DATA_ROOT,
  datapackageUrl,
  excelCsvUrl,
  iatiUrl,
  placesUrl,
  publishedSchemaUrl,
  releasesJsonUrl,
  sourceSchemaUrl,
} from "../core/routes.js";
import { json } from "../core/serialise.js";
import type { Dataset } from "../model/dataset.js";
import { placeIndex } from "../model/places.js";
import { PUBLIC_KINDS, publicRecords, publicSnapshot } from "../model/published.js";
import { readSchemas, SCHEMA_DIR } from "../model/schemas.js";
import type { Text } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";
import { catalogGraph, catalogJsonLd, catalogRdfXml } from "./catalog.js";
import { writeCsv } from "./csv.js";
import { type DataFile, fingerprint } from "./data-file.js";
import { dataPackage } from "./datapackage.js";
import { type GeoPlace, placesGeoJson } from "./geojson.js";
import { iatiActivities } from "./iati.js";
import { ALL_RECORDS_SCHEMA, allRecordsSchema, recordSchema } from "./published-schemas.js";
import { recordFile } from "./record-file.js";
import { releaseFiles, removedRecordFiles } from "./release-files.js";
import { type Row, rowsOf, type Table, tablesFor } from "./tables.js";

export interface OpenData {
  /** The files listed on the open-data page and in the catalog. */
  readonly files: readonly DataFile[];
  /** One JSON file per record, linked from its page, and the files of each release. */
  readonly recordFiles: readonly DataFile[];
  /** Files Eleventy cannot write (bytes, not text): the build writes them beside the others. */
  readonly archives: readonly DataFile[];
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

/** The places of data/places/ with their coordinates and the records that name them, for /data/places.geojson. */
export function geoPlaces(dataset: Dataset): GeoPlace[] {
  const index = placeIndex(dataset);
  return index.all.map(({ id, record }) => ({
    id,
    name: record.name,
    country: record.country,
    lat: record.lat,
    lon: record.lon,
    namedBy: index.namedBy.get(id) ?? [],
  }));
}

function iatiFiles(dataset: Dataset): DataFile[] {
  const xml = memoize(() => iatiActivities(dataset) ?? "");
  // No file rather than an empty one: IATI rejects an activity file with no activity.
  return dataset.site.iati && iatiActivities(dataset) !== undefined
    ? [
        {
          url: iatiUrl,
          group: "metadata",
          mediaType: "application/xml",
          format: "XML",
          title: text("IATI-aktiviteter (IATI 2.03)", "IATI activities (IATI 2.03)", "IATI-Aktivitäten (IATI 2.03)"),
          description: text(
            "Projekten som IATI 2.03-aktiviteter, för IATI:s register och d-portal.",
            "The projects as IATI 2.03 activities, for the IATI registry and d-portal.",
            "Die Projekte als IATI-2.03-Aktivitäten, für das IATI-Register und d-portal.",
          ),
          render: xml,
        },
      ]
    : [];
}

/** The published schemas, one per kind and one for utblick.json, and the editors' schemas apart. */
function schemaFiles(dataset: Dataset): DataFile[] {
  const base = dataset.site.base_url;
  const published: DataFile[] = [
    ...PUBLIC_KINDS.map((kind) => ({
      url: publishedSchemaUrl(kind),
      schema: () => recordSchema(kind, base),
      title: text(
        `JSON Schema för ${kind}/<id>.json`,
        `JSON Schema of ${kind}/<id>.json`,
        `JSON-Schema für ${kind}/<id>.json`,
      ),
    })),
    {
      url: publishedSchemaUrl(ALL_RECORDS_SCHEMA),
      schema: () => allRecordsSchema(base),
      title: text("JSON Schema för utblick.json", "JSON Schema of utblick.json", "JSON-Schema für utblick.json"),
    },
  ].map((file) => ({
    url: file.url,
    group: "schema",
    mediaType: "application/schema+json",
    format: "JSON",
    title: file.title,
    description: text(
      "JSON Schema 2020-12 för de publicerade JSON-filerna, med enbart standardnyckelord och standardformat.",
      "JSON Schema 2020-12 of the published JSON files, with standard keywords and formats only.",
      "JSON Schema 2020-12 der veröffentlichten JSON-Dateien, nur mit Standard-Schlüsselwörtern und -Formaten.",
    ),
    render: memoize(() => json(file.schema())),
  }));
  const sources: DataFile[] = [...readSchemas().keys()].map((file) => ({
    url: sourceSchemaUrl(file),
    group: "schema",
    mediaType: "application/schema+json",
    format: "JSON",
    title: text(`Källschema ${file}`, `Source schema ${file}`, `Quellschema ${file}`),
    description: text(
      "Schemat som redaktörernas YAML-filer i data/ kontrolleras mot; det beskriver källfilerna, inte de publicerade filerna.",
      "The schema the editors' YAML files in data/ are checked against; it describes the source files, not the published ones.",
      "Das Schema, gegen das die YAML-Dateien der Redaktion in data/ geprüft werden; es beschreibt die Quelldateien, nicht die veröffentlichten.",
    ),
    render: memoize(() => readFileSync(join(SCHEMA_DIR, file), "utf8")),
  }));
  return [...published, ...sources];
}

const relativeToData = (url: string): string => url.slice(DATA_ROOT.length);

function describeOpenData(dataset: Dataset): OpenData {
  const records = publicRecords(dataset);
  const history = releaseHistory(dataset);
  const base = dataset.site.base_url;
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
      description:
        dialect === "standard"
          ? {
              sv: `${table.descriptions.sv} CSV enligt RFC 4180 i UTF-8; värdena exakt som i data.`,
              en: `${table.descriptions.en} CSV as RFC 4180 in UTF-8; values exactly as in the data.`,
              de: `${table.descriptions.de} CSV nach RFC 4180 in UTF-8; die Werte genau wie in den Daten.`,
            }
          : {
              sv: `${table.descriptions.sv} För Excel: semikolon, decimalkomma, BOM; text som börjar med = + - @ får en extra apostrof först.`,
              en: `${table.descriptions.en} For Excel: semicolons, decimal commas, a BOM; text beginning with = + - @ gets an extra leading apostrophe.`,
              de: `${table.descriptions.de} Für Excel: Semikolon, Dezimalkomma, BOM; Text, der mit = + - @ beginnt, erhält einen zusätzlichen Apostroph.`,
            },
      table,
      render: memoize(() => writeCsv(table, tableRows(dataset, table), dialect)),
    }));
  const standardTables = tableFiles("standard");
  const places: DataFile = {
    url: placesUrl,
    group: "json",
    mediaType: "application/geo+json",
    format: "GEOJSON",
    title: text("Platser (GeoJSON)", "Places (GeoJSON)", "Orte (GeoJSON)"),
    description: text(
      "Platserna som posterna nämner, som punkter med id för posterna som nämner dem. Koordinaterna är redaktionens tillägg.",
      "The places the records name, as points with the ids of the records that name them. The coordinates are the editors' addition.",
      "Die Orte, die die Einträge nennen, als Punkte mit den IDs der Einträge, die sie nennen. Die Koordinaten ergänzt die Redaktion.",
    ),
    render: memoize(() => placesGeoJson(geoPlaces(dataset))),
  };
  const packageFile: DataFile = {
    url: datapackageUrl,
    group: "metadata",
    mediaType: "application/json",
    format: "JSON",
    title: text("Data Package (Frictionless)", "Data Package (Frictionless)", "Data Package (Frictionless)"),
    description: text(
      "Beskrivningen av CSV-tabellerna och platserna enligt Frictionless Data Package: fält, regler, nycklar, storlek och kontrollsumma.",
      "The description of the CSV tables and the places as a Frictionless Data Package: fields, rules, keys, size and checksum.",
      "Die Beschreibung der CSV-Tabellen und der Orte als Frictionless Data Package: Felder, Regeln, Schlüssel, Größe und Prüfsumme.",
    ),
    render: memoize(() =>
      json(
        dataPackage(dataset, {
          version: history.current.version,
          date: history.current.date,
          id: absoluteUrl(base, datapackageUrl),
          tables: standardTables.map((file) => ({
            table: file.table!,
            path: relativeToData(file.url),
            ...fingerprint(file),
          })),
          places: { path: relativeToData(places.url), ...fingerprint(places) },
        }),
      ),
    ),
  };
  const files: DataFile[] = [
    {
      url: allJsonUrl,
      group: "json",
      mediaType: "application/json",
      format: "JSON",
      title: text("Alla poster som JSON", "All records as JSON", "Alle Einträge als JSON"),
      description: text(
        "Publikationen och alla publicerade poster i en JSON-fil, efter slag och id.",
        "The publication and every published record in one JSON file, by kind and id.",
        "Die Veröffentlichung und alle veröffentlichten Einträge in einer JSON-Datei, nach Art und ID.",
      ),
      conformsTo: publishedSchemaUrl(ALL_RECORDS_SCHEMA),
      render: memoize(() => json(publicSnapshot(dataset))),
    },
    places,
    ...standardTables,
    ...tableFiles("excel"),
    packageFile,
    ...schemaFiles(dataset),
    ...iatiFiles(dataset),
  ];
  const releases = releaseFiles(dataset);
  const historyFile: DataFile = {
    url: releasesJsonUrl,
    group: "metadata",
    mediaType: "application/json",
    format: "JSON",
    title: text("Versioner och ändringar (JSON)", "Releases and changes (JSON)", "Versionen und Änderungen (JSON)"),
    description: text(
      "Varje version med datum, kontrollsumma och de poster som lagts till, ändrats eller tagits bort.",
      "Every release with its date, checksum and the records added, changed or removed.",
      "Jede Version mit Datum, Prüfsumme und den hinzugefügten, geänderten oder entfernten Einträgen.",
    ),
    // Readers of the file fetch releases from anywhere: their addresses are absolute.
    render: memoize(() =>
      json({
        ...history,
        releases: history.releases.map((release) => ({
          ...release,
          url: absoluteUrl(dataset.site.base_url, release.url),
        })),
      }),
    ),
  };
  const checksums: DataFile = {
    url: checksumsUrl,
    group: "metadata",
    mediaType: "text/plain",
    format: "TXT",
    title: text("SHA-256-kontrollsummor", "SHA-256 checksums", "SHA-256-Prüfsummen"),
    description: text(
      "Kontrollsummor i formatet för sha256sum, så att `sha256sum -c SHA256SUMS` kontrollerar en nedladdning.",
      "Checksums in the format of sha256sum, so that `sha256sum -c SHA256SUMS` checks a download.",
      "Prüfsummen im Format von sha256sum, so dass `sha256sum -c SHA256SUMS` einen Download prüft.",
    ),
    // In the format of sha256sum, so `sha256sum -c SHA256SUMS` checks a download.
    render: memoize(() =>
      [...files.filter((file) => file.group !== "schema"), ...releases.archives]
        .map((file) => `${fingerprint(file).sha256}  ${relativeToData(file.url)}\n`)
        .join(""),
    ),
  };
  const described = [...files, historyFile, checksums];
  const catalogDescription = text(
    "Katalogen över dessa öppna data enligt DCAT-AP-SE, för Sveriges dataportal.",
    "The catalog of these open data as DCAT-AP-SE, for Sweden's data portal.",
    "Der Katalog dieser offenen Daten nach DCAT-AP-SE, für das schwedische Datenportal.",
  );
  const graph = memoize(() => catalogGraph(dataset, described, releases));
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
      description: catalogDescription,
      render: memoize(() => catalogRdfXml(graph())),
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
      description: catalogDescription,
      render: memoize(() => catalogJsonLd(graph())),
    },
  ];
  const recordFiles: DataFile[] = [...records].flatMap(([kind, byId]) =>
    [...byId].map(([id, record]) => recordFile(dataset, kind, id, record)),
  );
  return {
    files: [...described, ...catalogFiles],
    recordFiles: [...recordFiles, ...removedRecordFiles(dataset), ...releases.files],
    archives: releases.archives,
  };
}

export function fileTitle(file: DataFile, lang: Lang): string {
  return file.title[lang] ?? file.title.sv;
}
