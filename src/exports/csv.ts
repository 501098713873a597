// CSV files: RFC 4180 (comma, CRLF, quotes) in UTF-8 without BOM, carrying every value exactly,
// and an Excel variant for Swedish users (BOM, semicolon, decimal comma, formula starts
// neutralised). Written and read with csv-stringify/csv-parse.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Cell, Row, Table } from "./tables.js";

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula, also after leading
 * white space, which some of them trim. Such text cells, and cells that start with a tab or a
 * line break (OWASP's list), get an apostrophe in front; a text that already starts with an apostrophe gets one
 * more, so removing exactly one leading apostrophe always gives back the value. Only the start of
 * a cell counts: a line inside a quoted cell is not a cell of its own, so a line "- =1+1" in the
 * middle of a list stays as it is (quoting, below, keeps it inside its cell).
 */
const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r\n'])/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/**
 * RFC 4180 requires quotes around a field with CR or LF; csv-stringify quotes only fields that
 * contain its record delimiter (CRLF), so a lone LF or CR would break the row. Every other form
 * of line break (VT, FF, NEL, LS, PS), which some readers also split on, and leading or trailing
 * white space, which some trim, are quoted too.
 */
export const QUOTED = /[\r\n\v\f\u0085\u2028\u2029]|^\s|\s$/;

export type CsvDialect = "standard" | "excel";

function cellText(cell: Cell, type: Table["columns"][number]["type"], dialect: CsvDialect): string {
  if (cell === undefined) return "";
  // Programs read csv/ and must get the value itself; only the files meant for spreadsheets are guarded.
  if (type === "string") return dialect === "excel" ? neutraliseFormula(String(cell)) : String(cell);
  if (typeof cell === "number" && dialect === "excel") return String(cell).replace(".", ",");
  return String(cell);
}

export function writeCsv(table: Table, rows: readonly Row[], dialect: CsvDialect = "standard"): string {
  const body = stringify(
    rows.map((row) => table.columns.map((column) => cellText(row[column.name], column.type, dialect))),
    {
      header: true,
      columns: table.columns.map((column) => column.name),
      delimiter: dialect === "excel" ? ";" : ",",
      record_delimiter: "windows",
      quoted_match: QUOTED,
    },
  );
  return dialect === "excel" ? `\uFEFF${body}` : body;
}

/** Reads a CSV file of either dialect back into typed rows. */
export function readCsv(table: Table, text: string, dialect: CsvDialect = "standard"): Row[] {
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_quotes: false,
    delimiter: dialect === "excel" ? ";" : ",",
  }) as Record<string, string>[];
  return records.map((record) =>
    Object.fromEntries(
      table.columns.map((column) => {
        const raw = record[column.name] ?? "";
        if (raw === "") return [column.name, undefined];
        if (column.type === "string") return [column.name, dialect === "excel" ? restoreFormula(raw) : raw];
        if (column.type === "boolean") return [column.name, raw === "true"];
        return [column.name, Number(dialect === "excel" ? raw.replace(",", ".") : raw)];
      }),
    ),
  );
}
