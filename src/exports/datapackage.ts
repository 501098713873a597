// datapackage.json: a Frictionless Tabular Data Package with one resource per CSV table, its
// Table Schema, primary and foreign keys, licence, sources and contributors.

import { name } from "../core/names.js";
import { absoluteUrl, csvUrl, DATA_ROOT, datapackageUrl } from "../core/routes.js";
import { licenceOf } from "../core/vocabulary.js";
import type { Dataset } from "../model/dataset.js";
import { releaseHistory } from "../releases/history.js";
import { CATALOG_TEXTS } from "./catalog.js";
import { type Column, type Table, tablesFor } from "./tables.js";

export const FORMULA_NOTE =
  "Text cells that begin with =, +, -, @, a tab, a carriage return or an apostrophe carry one extra leading apostrophe, so that spreadsheet programs do not run them as formulas; remove one leading apostrophe to get the exact value.";

function field(column: Column): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (column.required) constraints.required = true;
  if (column.enum) constraints.enum = column.enum;
  if (column.format === "partial-date") constraints.pattern = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.format === "web-url" ? { format: "uri" } : {}),
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

export function dataPackage(dataset: Dataset): Record<string, unknown> {
  const site = dataset.site;
  const licence = licenceOf(site.data_licence);
  const sources = [...dataset.records.sources].map(([, source]) => ({
    title: name(source.title, "en"),
    ...(source.url ? { path: source.url } : {}),
  }));
  return {
    profile: "tabular-data-package",
    name: "utblick",
    id: absoluteUrl(dataset.site.base_url, datapackageUrl),
    title: name(site.title, "en"),
    description: `${site.description?.en ?? site.description?.sv ?? ""} ${FORMULA_NOTE}`.trim(),
    homepage: site.base_url,
    version: releaseHistory(dataset).current.version,
    created: releaseHistory(dataset).current.date,
    licenses: [{ name: licence.spdx, path: site.data_licence, title: licence.title }],
    contributors: [{ title: name(dataset.publisher.name, "en"), role: "publisher", email: site.contact_email }],
    sources,
    keywords: [...CATALOG_TEXTS.keywords.en],
    resources: tablesFor(dataset.site.languages).map((table) => ({
      profile: "tabular-data-resource",
      name: table.name,
      path: csvUrl(table.name).slice(DATA_ROOT.length),
      title: table.name,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
      schema: tableSchema(table),
    })),
  };
}
