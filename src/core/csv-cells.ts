// The rules of one CSV cell, in one home: the open data's files (src/exports/csv.ts) and the CSV the
// search page makes in the browser (src/search/csv-export.ts, bundled at build time) both follow
// them. Pure: no Node, no imports, so that the browser runs the very same code.

/**
 * The open data's two dialects: csv/ carries every value exactly (comma, UTF-8 without BOM);
 * csv-excel/ is for spreadsheets (semicolon, BOM, decimal comma, formula starts neutralised).
 */
export type CsvDialect = "standard" | "excel";

export const DIALECTS: Readonly<Record<CsvDialect, { readonly delimiter: string; readonly bom: string }>> = {
  standard: { delimiter: ",", bom: "" },
  excel: { delimiter: ";", bom: "\uFEFF" },
};

/** A value a cell holds, and the type of its column (a Table Schema type). */
export type CellValue = string | number | boolean | undefined;
export type CellType = "string" | "integer" | "number" | "boolean";

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula, also after leading
 * white space, which some of them trim. Such text cells, and cells that start with a tab or a
 * line break (OWASP's list), get an apostrophe in front; a text that already starts with an apostrophe gets one
 * more, so removing exactly one leading apostrophe always gives back the value. Only the start of
 * a cell counts: a line inside a quoted cell is not a cell of its own, so a line "- =1+1" in the
 * middle of a list stays as it is (quoting keeps it inside its cell).
 */
const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r\n'])/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/**
 * Besides a cell holding the delimiter or a quote, which every writer quotes: a cell with any line
 * break (RFC 4180 names CR and LF; some readers also split on VT, FF, NEL, LS and PS), or with
 * white space at its start or end, which some readers trim.
 */
export const QUOTED = /[\r\n\v\f\u0085\u2028\u2029]|^\s|\s$/;

/** Whether a cell's text must be quoted in a dialect. */
export function needsQuotes(text: string, dialect: CsvDialect = "standard"): boolean {
  return text.includes('"') || text.includes(DIALECTS[dialect].delimiter) || QUOTED.test(text);
}

/** One cell as written: quoted when it must be, its quotes doubled. */
export function csvCell(text: string, dialect: CsvDialect = "standard"): string {
  return needsQuotes(text, dialect) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A value as its cell's text in a dialect (before quoting). */
export function cellText(value: CellValue, type: CellType, dialect: CsvDialect = "standard"): string {
  if (value === undefined) return "";
  // Programs read csv/ and must get the value itself; only the files meant for spreadsheets are guarded.
  if (type === "string") return dialect === "excel" ? neutraliseFormula(String(value)) : String(value);
  if (typeof value === "number" && dialect === "excel") return String(value).replace(".", ",");
  return String(value);
}
