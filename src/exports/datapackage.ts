// datapackage.json: a Frictionless Data Package with one resource per CSV table (its Table
// Schema with the JSON Schemas' rules as constraints, primary and foreign keys), utblick.json
// with its JSON Schema, and the places as GeoJSON; each resource with its size and SHA-256, so a
// download can be checked.

import { name } from "../core/names.js";
import { licenceOf } from "../core/vocabulary.js";
import { t } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { recordKey } from "../model/include-merge.js";
import { catalogKeywords } from "./catalog.js";
import type { Column, Table } from "./tables.js";

/** A Data Package's texts carry no language tag: the package is written in English; its words are in locales/. */
export const PACKAGE_LANG = "en";

/** A file of the package as written: where it lies beside datapackage.json, and its bytes. */
export interface PackagedFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface PackageContents {
  readonly version: string;
  /** The day of the release, YYYY-MM-DD. */
  readonly date: string;
  /** The package's own address. */
  readonly id: string;
  readonly tables: readonly (PackagedFile & { readonly table: Table })[];
  /** utblick.json, with its JSON Schema as a path beside datapackage.json where the package has it. */
  readonly records?: PackagedFile & { readonly schema?: string };
  readonly places?: PackagedFile;
  /**
   * The publications whose records the package holds beside the site's own: the current package's
   * includes. A release holds the site's own records only, and has none.
   */
  readonly included?: readonly IncludedSource[];
}

/** An included publication as a source of the package: its title, its pinned archive (or its address) and version. */
export interface IncludedSource {
  readonly title: string;
  readonly path: string;
  readonly version?: string;
}

/** A Table Schema field: full days are dates; other codes keep the JSON Schema's rules as constraints. */
function field(column: Column): Record<string, unknown> {
  const constraints: Record<string, unknown> = { ...column.constraints };
  if (column.required) constraints.required = true;
  const isDay = column.format === "date";
  if (isDay) delete constraints.pattern;
  return {
    name: column.name,
    type: isDay ? "date" : column.type,
    ...(isDay ? { format: "default" } : {}),
    description: column.description,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

function tableSchema(table: Table): Record<string, unknown> {
  const foreignKeys = table.columns
    .filter((column) => column.references)
    .map((column) => ({ fields: [column.name], reference: { resource: column.references, fields: ["id"] } }));
  return {
    fields: table.columns.map(field),
    primaryKey: table.primaryKey,
    ...(foreignKeys.length ? { foreignKeys } : {}),
    missingValues: [""],
  };
}

const hash = (file: PackagedFile) => ({ bytes: file.bytes, hash: `sha256:${file.sha256}` });

export function dataPackage(dataset: Dataset, contents: PackageContents): Record<string, unknown> {
  const site = dataset.site;
  const licence = licenceOf(site.data_licence);
  const formulaNote = t(PACKAGE_LANG, "dataPackage.formulaNote");
  // The sources of the records the package holds (an included record's only where it holds those),
  // then each included publication.
  const sources = [
    ...[...dataset.records.sources]
      .filter(([id]) => contents.included !== undefined || !dataset.origins.has(recordKey("sources", id)))
      .map(([, source]) => ({
        title: name(source.title, PACKAGE_LANG),
        ...(source.url ? { path: source.url } : {}),
      })),
    ...(contents.included ?? []),
  ];
  return {
    profile: "data-package",
    name: "utblick",
    id: contents.id,
    title: name(site.title, PACKAGE_LANG),
    description: `${site.description ? name(site.description, PACKAGE_LANG) : ""} ${formulaNote}`.trim(),
    homepage: site.base_url,
    version: contents.version,
    created: contents.date,
    licenses: [{ name: licence.spdx, path: site.data_licence, title: licence.title }],
    contributors: [{ title: name(dataset.publisher.name, PACKAGE_LANG), role: "publisher", email: site.contact_email }],
    sources,
    keywords: catalogKeywords(PACKAGE_LANG),
    // Not a Frictionless property: what a program needs to know before it reads csv-excel/.
    excel_variant: {
      path: "csv-excel/",
      dialect: { delimiter: ";", decimalChar: ",", encoding: "utf-8-sig" },
      formula_neutralisation: {
        applies_to: "text cells beginning with = + - @ tab, carriage return or '",
        prefix: "'",
        undo: "remove exactly one leading apostrophe",
      },
      description: formulaNote,
    },
    resources: [
      ...contents.tables.map((file) => ({
        profile: "tabular-data-resource",
        name: file.table.name,
        path: file.path,
        title: file.table.name,
        description: file.table.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        ...hash(file),
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchema(file.table),
      })),
      ...(contents.records
        ? [
            {
              profile: "data-resource",
              name: "utblick",
              path: contents.records.path,
              title: "utblick (JSON)",
              description: t(PACKAGE_LANG, "dataFiles.all.description"),
              format: "json",
              mediatype: "application/json",
              encoding: "utf-8",
              ...hash(contents.records),
              ...(contents.records.schema ? { schema: contents.records.schema } : {}),
            },
          ]
        : []),
      ...(contents.places
        ? [
            {
              profile: "data-resource",
              // "places" names the table of place records; this is the same places as map points.
              name: "places-geojson",
              path: contents.places.path,
              title: "places (GeoJSON)",
              description: t(PACKAGE_LANG, "dataPackage.places"),
              format: "geojson",
              mediatype: "application/geo+json",
              encoding: "utf-8",
              ...hash(contents.places),
            },
          ]
        : []),
    ],
  };
}
