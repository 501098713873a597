// The search page's CSV, made in the browser from records' JSON files, is the open data's own table
// for those records: the same header and the same bytes as src/exports/csv.ts writes, whatever
// the text holds. Tested as the browser gets it: the script the build bundles.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type CsvDialect, writeCsv } from "../../src/exports/csv.js";
import { rowsOf, tablesFor } from "../../src/exports/tables.js";
import { csvExportScript, searchOutputs } from "../../src/search/plugin.js";
import { EXPORT_KINDS, exportColumns } from "../../src/site/export-link.js";

interface Column {
  readonly name: string;
  readonly path: readonly string[];
}
interface CsvExport {
  csvCell(text: string, dialect?: CsvDialect): string;
  recordsCsv(columns: readonly Column[], records: readonly object[], dialect?: CsvDialect): string;
  recordOfPage(
    url: string,
    siteUrl: string,
    sections: Record<string, string>,
  ): { kind: string; id: string } | undefined;
  exportFileName(kind: string, day: Date, dialect?: CsvDialect): string;
}

// The script as the site serves it, bundled from src/search/csv-export.ts, loaded as the browser loads it.
const script = await csvExportScript();
const work = mkdtempSync(join(tmpdir(), "utblick-csv-export-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, "csv-export.js"), script);
const csv = (await import(/* @vite-ignore */ pathToFileURL(join(work, "csv-export.js")).href)) as CsvExport;

describe("the search page's CSV module", () => {
  it("is one self-contained browser script beside search.js: no import, nothing of Node", async () => {
    expect(searchOutputs().map((output) => output.url)).toEqual(["/assets/search/csv-export.js"]);
    expect(await searchOutputs()[0]!.render()).toBe(script);
    expect(script).not.toMatch(/\bimport\s*[\s{*"'(]|\brequire\(|node:/);
  });
});

const LANGUAGES = ["sv", "en", "de"];

/** Texts that break naive CSV: quotes, delimiters, every line break, formula starts, edges of space. */
const HOSTILE = [
  'He said "yes", then left',
  "line one\nline two",
  "carriage\rreturn",
  "windows\r\nbreak",
  "next\u0085line",
  "line\u2028separator",
  "para\u2029separator",
  "tab\there",
  "vertical\vtab",
  "form\ffeed",
  "\vstarts with a vertical tab",
  "\fstarts with a form feed",
  "\v=1+1",
  " leading space",
  "trailing space ",
  "=1+1",
  "+46 70",
  "-minus",
  "@at",
  "'quoted",
  "semi;colon",
  "plain",
  "",
];

describe("CSV made in the browser", () => {
  it.each(["standard", "excel"] as const)(
    "writes the same bytes as the open data's %s CSV, for any text",
    (dialect) => {
      const columns = exportColumns(LANGUAGES.join(",")).projects;
      const table = tablesFor(LANGUAGES).find((candidate) => candidate.name === "projects")!;
      const records = new Map<string, Record<string, unknown>>(
        HOSTILE.map((text, index) => [
          `p${String(index).padStart(2, "0")}`,
          {
            title: { sv: text, en: `${text} (en)` },
            summary: { de: text },
            start: "2020-01",
            partner_count: index,
            budget: { total: { amount: index * 1.5, currency: "SEK", approximate: index % 2 === 0 } },
          },
        ]),
      );
      const expected = writeCsv(table, rowsOf(table, records), dialect);
      // The browser reads each record's JSON file: its id, then the record.
      const files = [...records].map(([id, record]) => JSON.parse(JSON.stringify({ $schema: "x", id, ...record })));
      expect(csv.recordsCsv(columns, files, dialect)).toBe(expected);
    },
  );

  it("has the open-data table's header for every kind", () => {
    const columns = exportColumns(LANGUAGES.join(","));
    for (const kind of EXPORT_KINDS) {
      const table = tablesFor(LANGUAGES).find((candidate) => candidate.name === kind)!;
      const header = csv.recordsCsv(columns[kind], []);
      expect(header).toBe(`${writeCsv(table, []).split("\r\n")[0]}\r\n`);
    }
  });

  it("quotes exactly the cells that need it", () => {
    expect(csv.csvCell("plain")).toBe("plain");
    expect(csv.csvCell('a "b"')).toBe('"a ""b"""');
    expect(csv.csvCell("a,b")).toBe('"a,b"');
    expect(csv.csvCell("a\nb")).toBe('"a\nb"');
    expect(csv.csvCell(" a")).toBe('" a"');
    expect(csv.csvCell("=1+1")).toBe("=1+1");
    expect(csv.csvCell("a,b", "excel")).toBe("a,b");
    expect(csv.csvCell("a;b", "excel")).toBe('"a;b"');
  });

  it("tells a record page's kind and id from its address, under any base path", () => {
    const sections = { projects: "/sv/projekt/", organisations: "/sv/organisationer/" };
    expect(csv.recordOfPage("/sv/projekt/waste-not/", "/", sections)).toEqual({ kind: "projects", id: "waste-not" });
    expect(csv.recordOfPage("https://x.example/utblick/sv/organisationer/icld/", "/utblick/", sections)).toEqual({
      kind: "organisations",
      id: "icld",
    });
    expect(csv.recordOfPage("/sv/projekt/", "/", sections)).toBeUndefined();
    expect(csv.recordOfPage("/sv/projekt/status/ongoing/", "/", sections)).toBeUndefined();
    expect(csv.recordOfPage("/en/projects/x/", "/", sections)).toBeUndefined();
  });

  it("names the file by kind and day", () => {
    expect(csv.exportFileName("projects", new Date("2026-12-04T10:00:00Z"))).toBe("projects-2026-12-04.csv");
    expect(csv.exportFileName("projects", new Date("2026-12-04T10:00:00Z"), "excel")).toBe(
      "projects-2026-12-04-excel.csv",
    );
  });
});
