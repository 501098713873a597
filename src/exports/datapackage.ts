// datapackage.json: a Frictionless Tabular Data Package with one resource per CSV table, its
// Table Schema, primary and foreign keys, licence, sources and contributors.

import { name } from "../core/names.js";
import { absoluteUrl, csvUrl } from "../core/routes.js";
import type { Dataset } from "../model/dataset.js";
import { releaseHistory } from "../releases/history.js";
import { type Column, type Table, tablesFor } from "./tables.js";

const LICENCES: Record<string, { name: string; title: string }> = {
  "https://creativecommons.org/publicdomain/zero/1.0/": {
    name: "CC0-1.0",
    title: "Creative Commons Zero v1.0 Universal",
  },
  "https://creativecommons.org/licenses/by/4.0/": { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0" },
};

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
  const licence = LICENCES[site.data_licence] ?? { name: site.data_licence, title: site.data_licence };
  const publisher = dataset.records.organisations.get(site.publisher);
  const sources = [...dataset.records.sources].map(([, source]) => ({
    title: name(source.title, "en"),
    ...(source.url ? { path: source.url } : {}),
  }));
  return {
    profile: "tabular-data-package",
    name: "utblick",
    id: absoluteUrl(dataset.site.base_url, "/data/datapackage.json"),
    title: name(site.title, "en"),
    description: `${site.description?.en ?? site.description?.sv ?? ""} ${FORMULA_NOTE}`.trim(),
    homepage: site.base_url,
    version: releaseHistory(dataset).current.version,
    created: releaseHistory(dataset).current.date,
    licenses: [{ name: licence.name, path: site.data_licence, title: licence.title }],
    contributors: [
      { title: publisher ? name(publisher.name, "en") : site.publisher, role: "publisher", email: site.contact_email },
    ],
    sources,
    keywords: ["international cooperation", "municipal partnerships", "EU projects", "Sweden"],
    resources: tablesFor(dataset.site.languages).map((table) => ({
      profile: "tabular-data-resource",
      name: table.name,
      path: csvUrl(table.name).replace(/^\/data\//, ""),
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
