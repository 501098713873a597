// Records as a CSV file in the browser: the columns come from the page (written at build time from
// the open data's own table definitions, src/exports/tables.ts), the values from each record's
// published JSON file. The file is the open data's csv/<kind>.csv (or csv-excel/<kind>.csv) for
// just these records: the same header, the same cells, the same quoting. Pure functions, loaded by
// the search page with import() and tested against the open data's own CSV writer.

/**
 * The open data's two dialects (src/exports/csv.ts): csv/ carries every value exactly (comma,
 * UTF-8); csv-excel/ is for spreadsheets (semicolon, BOM, decimal comma, formula starts
 * neutralised). A cell is quoted as csv-stringify quotes it there: when it holds the delimiter, a
 * quote or any line break, or starts or ends with white space.
 */
const DIALECTS = {
  standard: { delimiter: ",", bom: "", quote: /[",\r\n\v\f\u0085\u2028\u2029]|^\s|\s$/ },
  excel: { delimiter: ";", bom: "\uFEFF", quote: /[";\r\n\v\f\u0085\u2028\u2029]|^\s|\s$/ },
};

/** What a spreadsheet would run as a formula: such a text gets one apostrophe in front (csv.ts). */
const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r\n'])/;

/** One cell, quoted when it must be, its quotes doubled. */
export function csvCell(text, dialect = "standard") {
  return DIALECTS[dialect].quote.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The value at a column's path in a record, when it is a value a cell can hold. */
export function valueAt(record, path) {
  let node = record;
  for (const key of path) node = node !== null && typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" || typeof node === "number" || typeof node === "boolean" ? node : undefined;
}

/** A value as the cell's text, as the open data writes it in each dialect. */
export function cellText(value, type, dialect = "standard") {
  if (value === undefined) return "";
  if (type === "string") {
    const text = String(value);
    return dialect === "excel" && FORMULA_START.test(text) ? `'${text}` : text;
  }
  if (typeof value === "number" && dialect === "excel") return String(value).replace(".", ",");
  return String(value);
}

/** The CSV text of records (JSON objects with their id) under the given columns ({ name, path, type }). */
export function recordsCsv(columns, records, dialect = "standard") {
  const { delimiter, bom } = DIALECTS[dialect];
  const line = (cells) => `${cells.map((cell) => csvCell(cell, dialect)).join(delimiter)}\r\n`;
  const rows = records.map((record) =>
    line(columns.map((column) => cellText(valueAt(record, column.path), column.type, dialect))),
  );
  return `${bom}${line(columns.map((column) => column.name))}${rows.join("")}`;
}

/**
 * The kind and id of a record page from its address ("/sv/projekt/nonhazcity/" under the site's
 * root), given the address of each kind's section; undefined for any other page.
 */
export function recordOfPage(url, siteUrl, sections) {
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
export function exportFileName(kind, day, dialect = "standard") {
  return `${kind}-${day.toISOString().slice(0, 10)}${dialect === "standard" ? "" : `-${dialect}`}.csv`;
}
