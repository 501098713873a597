// Records as a CSV file in the browser: the columns come from the page (written at build time from
// the open data's own table definitions, src/exports/tables.ts), the values from each record's
// published JSON file. The file is the open data's csv/<kind>.csv (or csv-excel/<kind>.csv) for
// just these records: the same header, the same cells, the same quoting, by the same rules
// (src/core/csv-cells.ts). Bundled for the browser at build time (plugin.ts) and loaded by the
// search page with import(); pure functions, tested against the open data's own CSV writer.
import { type CellType, type CellValue, type CsvDialect, cellText, csvCell, DIALECTS } from "../core/csv-cells.js";

export { csvCell } from "../core/csv-cells.js";

/** A column as the page describes it (src/site/export-link.ts). */
export interface ExportedColumn {
  readonly name: string;
  readonly path: readonly string[];
  readonly type: CellType;
}

/** The value at a column's path in a record, when it is a value a cell can hold. */
export function valueAt(record: unknown, path: readonly string[]): CellValue {
  let node = record;
  for (const key of path)
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === "string" || typeof node === "number" || typeof node === "boolean" ? node : undefined;
}

/** The CSV text of records (JSON objects with their id) under the given columns. */
export function recordsCsv(
  columns: readonly ExportedColumn[],
  records: readonly object[],
  dialect: CsvDialect = "standard",
): string {
  const { delimiter, bom } = DIALECTS[dialect];
  const line = (cells: readonly string[]): string =>
    `${cells.map((cell) => csvCell(cell, dialect)).join(delimiter)}\r\n`;
  const rows = records.map((record) =>
    line(columns.map((column) => cellText(valueAt(record, column.path), column.type, dialect))),
  );
  return `${bom}${line(columns.map((column) => column.name))}${rows.join("")}`;
}

/**
 * The kind and id of a record page from its address ("/sv/projekt/nonhazcity/" under the site's
 * root), given the address of each kind's section; undefined for any other page.
 */
export function recordOfPage(
  url: string,
  siteUrl: string,
  sections: Readonly<Record<string, string>>,
): { kind: string; id: string } | undefined {
  const path = new URL(url, "http://site.invalid").pathname;
  const root = new URL(siteUrl, "http://site.invalid").pathname;
  if (!path.startsWith(root)) return undefined;
  const sitePath = `/${path.slice(root.length)}`;
  for (const [kind, section] of Object.entries(sections)) {
    if (!sitePath.startsWith(section)) continue;
    const id = sitePath.slice(section.length).replace(/\/$/, "");
    if (id !== "" && !id.includes("/")) return { kind, id };
  }
  return undefined;
}

/** A file name for the download: the kind, the day it was made, and the dialect if not the standard one. */
export function exportFileName(kind: string, day: Date, dialect: CsvDialect = "standard"): string {
  return `${kind}-${day.toISOString().slice(0, 10)}${dialect === "standard" ? "" : `-${dialect}`}.csv`;
}
