// CSV cells hold any text: a line break of any form stays inside its quoted cell, and a formula
// can start only where a spreadsheet reads one, at the start of a cell.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, readCsv, restoreFormula, writeCsv } from "../../src/exports/csv.js";
import type { Table } from "../../src/exports/tables.js";

/** Just what the writer reads of a table: two text columns and a number. */
const table = {
  name: "test",
  columns: [
    { name: "id", type: "string" },
    { name: "text", type: "string" },
    { name: "amount", type: "number" },
  ],
} as unknown as Table;

const LINE_BREAKS: Record<string, string> = {
  LF: "\n",
  CR: "\r",
  CRLF: "\r\n",
  "LF CR": "\n\r",
  VT: "\v",
  FF: "\f",
  NEL: "\u0085",
  LS: "\u2028",
  PS: "\u2029",
};

/** A strict reader: every record must have exactly the header's number of fields. */
const strict = (text: string, delimiter = ","): string[][] =>
  parse(text, { bom: true, delimiter, relax_column_count: false, relax_quotes: false, record_delimiter: "\r\n" });

describe("CSV files", () => {
  for (const [name, lineBreak] of Object.entries(LINE_BREAKS)) {
    it(`keep a text with a ${name} line break in one quoted cell, in both dialects`, () => {
      const text = `first line${lineBreak}second line`;
      for (const [dialect, delimiter] of [
        ["standard", ","],
        ["excel", ";"],
      ] as const) {
        const csv = writeCsv(table, [{ id: "a", text, amount: 1.5 }], dialect);
        expect(csv).toContain(`"${text}"`);
        const records = strict(csv, delimiter);
        expect(records).toHaveLength(2);
        expect(records[1]).toEqual(["a", text, dialect === "excel" ? "1,5" : "1.5"]);
      }
    });
  }

  it("keep a Markdown list whose line starts like a formula in one cell: exact for programs, neutralised only at the cell's start for Excel", () => {
    const list = "- first\n- =1+1 second\n@third";
    const rows = [{ id: "a", text: list, amount: undefined }];
    const standard = writeCsv(table, rows);
    expect(strict(standard)[1]).toEqual(["a", list, ""]);
    const excel = writeCsv(table, rows, "excel");
    expect(strict(excel, ";")[1]).toEqual(["a", `'${list}`, ""]);
    expect(readCsv(table, excel, "excel")).toEqual(rows);
  });

  it("keep a multi-line text that starts harmlessly as it is", () => {
    const text = "Rad ett\n=1+1 på rad två";
    expect(strict(writeCsv(table, [{ id: "a", text, amount: undefined }]))[1]?.[1]).toBe(text);
  });

  it("read back every text exactly, whatever it holds", () => {
    const texts = [
      'a,b;c "quoted" \'',
      " leading and trailing ",
      "\t=tab",
      "'already",
      "x\r\ny\rz\n",
      "",
      "ünïcødé 中文",
    ];
    const rows = texts.map((text, index) => ({ id: `r${index}`, text: text === "" ? undefined : text, amount: index }));
    const csv = writeCsv(table, rows);
    expect(strict(csv)).toHaveLength(texts.length + 1);
    expect(readCsv(table, csv)).toEqual(rows);
  });
});

describe("formula neutralisation", () => {
  it("puts an apostrophe before every start a spreadsheet reads as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", " =1", "\u00a0+1", "\t1", "\r1", "\n1", "'quoted"])
      expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it("leaves every other text alone, line breaks inside it included", () => {
    for (const text of ["Vatten", "1-2", "a=b", "text\n=1+1", "text\n- list", "e-post@example.org", " text"])
      expect(neutraliseFormula(text), JSON.stringify(text)).toBe(text);
  });

  it("is undone exactly by removing one apostrophe", () => {
    for (const text of ["=1", "'x", "''y", "plain", "\n=1"]) expect(restoreFormula(neutraliseFormula(text))).toBe(text);
  });
});
