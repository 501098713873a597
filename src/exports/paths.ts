// Where the open data is published; pages, the catalog and the data package all link here.
import type { Kind } from "../model/types.js";

export const DATA_ROOT = "/data/";

export const recordJsonUrl = (kind: Kind, id: string): string => `${DATA_ROOT}${kind}/${id}.json`;
export const allJsonUrl = `${DATA_ROOT}utblick.json`;
export const csvUrl = (table: string): string => `${DATA_ROOT}csv/${table}.csv`;
export const excelCsvUrl = (table: string): string => `${DATA_ROOT}csv-excel/${table}.csv`;
export const datapackageUrl = `${DATA_ROOT}datapackage.json`;
export const catalogRdfUrl = `${DATA_ROOT}catalog.rdf`;
export const catalogJsonLdUrl = `${DATA_ROOT}catalog.jsonld`;
export const schemaUrl = (file: string): string => `${DATA_ROOT}schemas/${file}`;
export const releaseJsonUrl = (version: string): string => `${DATA_ROOT}releases/${version}/utblick.json`;
export const releasesJsonUrl = `${DATA_ROOT}releases.json`;
export const checksumsUrl = `${DATA_ROOT}SHA256SUMS`;
export const iatiUrl = `${DATA_ROOT}iati-activities.xml`;
