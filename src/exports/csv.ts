// CSV files: RFC 4180 (comma, CRLF, quotes) in UTF-8 without BOM, carrying every value exactly,
// and an Excel variant for Swedish users (BOM, semicolon, decimal comma, formula starts
// neutralised). Written and read with csv-stringify/csv-parse.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { type CsvDialect, cellText, DIALECTS, QUOTED, restoreFormula } from "../core/csv-cells.js";
import type { Row, Table } from "./tables.js";

// The cell rules (formula starts, which cells are quoted) live in src/core/csv-cells.ts, which the
// search page's script is bundled from too.
export { type CsvDialect, neutraliseFormula, restoreFormula } from "../core/csv-cells.js";

export function writeCsv(table: Table, rows: readonly Row[], dialect: CsvDialect = "standard"): string {
  const body = stringify(
    rows.map((row) => table.columns.map((column) => cellText(row[column.name], column.type, dialect))),
    {
      header: true,
      columns: table.columns.map((column) => column.name),
      delimiter: DIALECTS[dialect].delimiter,
      record_delimiter: "windows",
      // csv-stringify quotes a cell with the delimiter or a quote itself; QUOTED adds the rest.
      quoted_match: QUOTED,
    },
  );
  return `${DIALECTS[dialect].bom}${body}`;
}

/** Reads a CSV file of either dialect back into typed rows. */
export function readCsv(table: Table, text: string, dialect: CsvDialect = "standard"): Row[] {
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_quotes: false,
    delimiter: DIALECTS[dialect].delimiter,
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
