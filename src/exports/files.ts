// Every file of the open data, described once: the Eleventy plugin writes them, the open-data
// page lists them, and the catalog makes each a distribution. Their titles and descriptions are
// UI strings (dataFiles.* in locales/), in every language the site can have.
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { name } from "../core/names.js";
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
import { texts } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { placeIndex } from "../model/places.js";
import { includedRelease, PUBLIC_KINDS, publicRecords, publicSnapshot } from "../model/published.js";
import { readSchemas } from "../model/schemas.js";
import { releaseHistory, snapshotJson } from "../releases/history.js";
import { type CatalogReleases, catalogGraph, catalogJsonLd, catalogRdfXml } from "./catalog.js";
import { writeCsv } from "./csv.js";
import { type DataFile, fingerprint } from "./data-file.js";
import { dataPackage, PACKAGE_LANG } from "./datapackage.js";
import { type GeoPlace, placesGeoJson } from "./geojson.js";
import { iatiActivities } from "./iati.js";
import {
  ALL_RECORDS_SCHEMA,
  allRecordsSchema,
  RELEASES_SCHEMA,
  recordSchema,
  releasesSchema,
  sourceSchema,
} from "./published-schemas.js";
import { recordFile } from "./record-file.js";
import { releaseFiles, removedRecordFiles } from "./release-files.js";
import { descriptionIn, type Row, rowsOf, type Table, tablesFor } from "./tables.js";

export interface OpenData {
  /** The files listed on the open-data page and in the catalog. */
  readonly files: readonly DataFile[];
  /** One JSON file per record, linked from its page, and the files of each release. */
  readonly recordFiles: readonly DataFile[];
  /** Files Eleventy cannot write (bytes, not text): the build writes them beside the others. */
  readonly archives: readonly DataFile[];
}

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
  const published = publicRecords(dataset).get("places");
  return index.all.map(({ id, record }) => {
    const { published_by: publishedBy, provenance } = published?.get(id) ?? {};
    return {
      id,
      name: record.name,
      country: record.country,
      lat: record.lat,
      lon: record.lon,
      namedBy: index.namedBy.get(id) ?? [],
      ...(typeof publishedBy === "string" ? { publishedBy } : {}),
      ...(provenance === undefined ? {} : { provenance }),
    };
  });
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
          title: texts("dataFiles.iati.title"),
          description: texts("dataFiles.iati.description"),
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
      title: texts("dataFiles.schema.title", { file: `${kind}/<id>.json` }),
    })),
    {
      url: publishedSchemaUrl(ALL_RECORDS_SCHEMA),
      schema: () => allRecordsSchema(base),
      title: texts("dataFiles.schema.title", { file: relativeToData(allJsonUrl) }),
    },
    {
      url: publishedSchemaUrl(RELEASES_SCHEMA),
      schema: () => releasesSchema(base),
      title: texts("dataFiles.schema.title", { file: relativeToData(releasesJsonUrl) }),
    },
  ].map((file) => ({
    url: file.url,
    group: "schema",
    mediaType: "application/schema+json",
    format: "JSON",
    title: file.title,
    description: texts("dataFiles.schema.description"),
    render: memoize(() => json(file.schema())),
  }));
  const sources: DataFile[] = [...readSchemas().keys()].map((file) => ({
    url: sourceSchemaUrl(file),
    group: "schema",
    mediaType: "application/schema+json",
    format: "JSON",
    title: texts("dataFiles.sourceSchema.title", { file }),
    description: texts("dataFiles.sourceSchema.description"),
    render: memoize(() => json(sourceSchema(file, base))),
  }));
  return [...published, ...sources];
}

const relativeToData = (url: string): string => url.slice(DATA_ROOT.length);

function describeOpenData(dataset: Dataset): OpenData {
  const standardTables = tableFiles(dataset, "standard");
  const places = placesFile(dataset);
  const records = allRecordsFile(dataset);
  const files: DataFile[] = [
    records,
    places,
    ...standardTables,
    ...tableFiles(dataset, "excel"),
    packageFile(dataset, { tables: standardTables, records, places }),
    ...schemaFiles(dataset),
    ...iatiFiles(dataset),
  ];
  const releases = releaseFiles(dataset);
  const described = [...files, historyFile(dataset), checksumsFile([...files, ...releases.archives])];
  const recordFiles = [...publicRecords(dataset)].flatMap(([kind, byId]) =>
    [...byId].map(([id, record]) => recordFile(dataset, { kind, id, record })),
  );
  return {
    files: [...described, ...catalogFiles(dataset, described, releases)],
    recordFiles: [...recordFiles, ...removedRecordFiles(dataset), ...releases.files],
    archives: releases.archives,
  };
}

/** Every table as CSV, in the standard dialect or in the one Excel opens as it is. */
function tableFiles(dataset: Dataset, dialect: "standard" | "excel"): DataFile[] {
  const standard = dialect === "standard";
  return tablesFor(dataset.site.languages).map((table) => ({
    url: standard ? csvUrl(table.name) : excelCsvUrl(table.name),
    group: standard ? "csv" : "csv-excel",
    mediaType: "text/csv",
    format: "CSV",
    title: texts(standard ? "dataFiles.table.title" : "dataFiles.excelTable.title", { table: table.name }),
    description: tableFileDescription(table, standard),
    table,
    render: memoize(() => writeCsv(table, tableRows(dataset, table), dialect)),
  }));
}

/**
 * A table file's description in each language: the table's own words where they are in that
 * language, else only what the file is (the catalog tags each text with its language).
 */
function tableFileDescription(table: Table, standard: boolean): Record<Lang, string> {
  const key = standard ? "dataFiles.table.description" : "dataFiles.excelTable.description";
  const described = texts(key, (lang) => ({ description: descriptionIn(table.descriptions[lang], lang) ?? "" }));
  return Object.fromEntries(Object.entries(described).map(([lang, text]) => [lang, text.trim()]));
}

function allRecordsFile(dataset: Dataset): DataFile {
  return {
    url: allJsonUrl,
    group: "json",
    mediaType: "application/json",
    format: "JSON",
    title: texts("dataFiles.all.title"),
    description: texts("dataFiles.all.description"),
    conformsTo: publishedSchemaUrl(ALL_RECORDS_SCHEMA),
    render: memoize(() => snapshotJson(dataset, publicSnapshot(dataset))),
  };
}

function placesFile(dataset: Dataset): DataFile {
  return {
    url: placesUrl,
    group: "json",
    mediaType: "application/geo+json",
    format: "GEOJSON",
    title: texts("dataFiles.places.title"),
    description: texts("dataFiles.places.description"),
    render: memoize(() => placesGeoJson(geoPlaces(dataset))),
  };
}

/** datapackage.json, which names the CSV tables, utblick.json and the places with their checksums. */
function packageFile(
  dataset: Dataset,
  { tables, records, places }: { tables: readonly DataFile[]; records: DataFile; places: DataFile },
): DataFile {
  const { current } = releaseHistory(dataset);
  return {
    url: datapackageUrl,
    group: "metadata",
    mediaType: "application/json",
    format: "JSON",
    title: texts("dataFiles.datapackage.title"),
    description: texts("dataFiles.datapackage.description"),
    render: memoize(() =>
      json(
        dataPackage(dataset, {
          version: current.version,
          date: current.date,
          id: absoluteUrl(dataset.site.base_url, datapackageUrl),
          tables: tables.map((file) => ({
            table: file.table!,
            path: relativeToData(file.url),
            ...fingerprint(file),
          })),
          records: {
            path: relativeToData(records.url),
            ...fingerprint(records),
            schema: relativeToData(records.conformsTo!),
          },
          places: { path: relativeToData(places.url), ...fingerprint(places) },
          included: dataset.includes.map((include) => {
            const release = includedRelease(include);
            return {
              title: name(include.site.title, PACKAGE_LANG),
              path: release?.url ?? include.site.base_url,
              ...(release ? { version: release.version } : {}),
            };
          }),
        }),
      ),
    ),
  };
}

/** releases.json: every release with its changes. */
function historyFile(dataset: Dataset): DataFile {
  const history = releaseHistory(dataset);
  return {
    url: releasesJsonUrl,
    group: "metadata",
    mediaType: "application/json",
    format: "JSON",
    title: texts("dataFiles.releases.title"),
    description: texts("dataFiles.releases.description"),
    // Readers of the file fetch releases from anywhere: their addresses are absolute.
    conformsTo: publishedSchemaUrl(RELEASES_SCHEMA),
    render: memoize(() => {
      // A recorded release's zip, pinned by its checksum: what another publication includes.
      const archives = new Map(releaseFiles(dataset).packages.map((entry) => [entry.release.version, entry.archive]));
      return json({
        $schema: absoluteUrl(dataset.site.base_url, publishedSchemaUrl(RELEASES_SCHEMA)),
        ...history,
        releases: history.releases.map((release) => {
          const archive = archives.get(release.version);
          const { changes, ...facts } = release;
          return {
            ...facts,
            url: absoluteUrl(dataset.site.base_url, release.url),
            schema: absoluteUrl(dataset.site.base_url, publishedSchemaUrl(ALL_RECORDS_SCHEMA)),
            ...(release.recorded && archive
              ? { archive: { url: absoluteUrl(dataset.site.base_url, archive.url), ...fingerprint(archive) } }
              : {}),
            changes,
          };
        }),
      });
    }),
  };
}

/** SHA256SUMS of the files and release archives (not the schemas, which are not data). */
function checksumsFile(files: readonly DataFile[]): DataFile {
  return {
    url: checksumsUrl,
    group: "metadata",
    mediaType: "text/plain",
    format: "TXT",
    title: texts("dataFiles.checksums.title"),
    description: texts("dataFiles.checksums.description"),
    // In the format of sha256sum, so `sha256sum -c SHA256SUMS` checks a download.
    render: memoize(() =>
      files
        .filter((file) => file.group !== "schema")
        .map((file) => `${fingerprint(file).sha256}  ${relativeToData(file.url)}\n`)
        .join(""),
    ),
  };
}

/** The DCAT-AP-SE catalog of the described files, as RDF/XML and as JSON-LD. */
function catalogFiles(dataset: Dataset, described: readonly DataFile[], releases: CatalogReleases): DataFile[] {
  const description = texts("dataFiles.catalog.description");
  const graph = memoize(() => catalogGraph(dataset, described, releases));
  return [
    {
      url: catalogRdfUrl,
      group: "metadata",
      mediaType: "application/rdf+xml",
      format: "RDF_XML",
      title: texts("dataFiles.catalog.title", { format: "RDF/XML" }),
      description,
      render: memoize(() => catalogRdfXml(graph())),
    },
    {
      url: catalogJsonLdUrl,
      group: "metadata",
      mediaType: "application/ld+json",
      format: "JSON_LD",
      title: texts("dataFiles.catalog.title", { format: "JSON-LD" }),
      description,
      render: memoize(() => catalogJsonLd(graph())),
    },
  ];
}

export function fileTitle(file: DataFile, lang: Lang): string {
  return name(file.title, lang);
}
