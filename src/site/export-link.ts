// "Download these N records as CSV": on a list of all records of a kind, a link to that kind's
// open-data table (the very file, no script); on the search page, what its script needs to make
// the same table for the records found, in the browser, from each record's JSON file. The columns
// are the open data's own (src/exports/tables.ts), written into the page at build time: one home.

import { escapeHtml, Html, html } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { csvUrl, DATA_ROOT, KIND_SECTIONS, sectionUrl } from "../core/routes.js";
import { type ColumnType, tablesFor } from "../exports/tables.js";
import { t } from "../i18n/translate.js";

/** The kinds whose records the search finds and a list shows: those with a page per record. */
export const EXPORT_KINDS = ["projects", "partnerships", "networks", "organisations", "programmes"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * The search index's filter by kind of record ("projects"), which the search page does not show:
 * its counts give the downloads on offer, and a download asks for one kind's records by it.
 */
export const SEARCH_KIND_FILTER = "_kind";

/** A column as the browser needs it: its header, where its value sits in the record's JSON, its type. */
export interface ExportColumn {
  readonly name: string;
  readonly path: readonly string[];
  readonly type: ColumnType;
}

/**
 * The columns of each kind's main open-data table (csv/<kind>.csv) for a site's languages, in
 * order. The record's JSON file carries the record as the table reads it, with its id.
 */
export const exportColumns = memoize((languages: string): Readonly<Record<ExportKind, readonly ExportColumn[]>> => {
  const tables = tablesFor(languages.split(",") as Lang[]);
  const columnsOf = (kind: ExportKind): ExportColumn[] => {
    const table = tables.find((candidate) => candidate.kind === kind && !candidate.list);
    if (!table) throw new Error(`the open data has no table of ${kind}`);
    return table.columns.map(({ name, path, type }) => ({ name, path, type }));
  };
  return {
    projects: columnsOf("projects"),
    partnerships: columnsOf("partnerships"),
    networks: columnsOf("networks"),
    organisations: columnsOf("organisations"),
    programmes: columnsOf("programmes"),
  };
});

/** On the list of every record of a kind: its open-data table is exactly these records. */
export function exportLink({ lang, kind, count }: { lang: Lang; kind: ExportKind; count: number }): Html {
  if (count === 0) return html``;
  return html`<p class="export-link">
  <a href="${csvUrl(kind)}" type="text/csv" download>${t(lang, "export.download", { count })}</a>
</p>`;
}

/**
 * The search page's download of what it found, one file per kind: hidden until the script has
 * results. The script reads the columns, the section of each kind (to tell a result's kind and
 * id) and its labels from the attributes; the data-…-url attributes get the site's base path.
 */
export function searchExport({ lang, languages }: { lang: Lang; languages: readonly Lang[] }): Html {
  const columns = exportColumns(languages.join(","));
  const kinds = Object.fromEntries(
    EXPORT_KINDS.map((kind) => [
      kind,
      { section: sectionUrl(lang, KIND_SECTIONS[kind]), label: t(lang, `kind.${kind}`), columns: columns[kind] },
    ]),
  );
  const attributes = {
    "data-data-url": DATA_ROOT,
    "data-kind-filter": SEARCH_KIND_FILTER,
    "data-label-one": t(lang, "export.kindOne"),
    "data-label-many": t(lang, "export.kindMany"),
    "data-label-working": t(lang, "export.working"),
    "data-label-done": t(lang, "export.done"),
    "data-label-failed": t(lang, "export.failed"),
    "data-kinds": JSON.stringify(kinds),
  };
  const written = new Html(
    Object.entries(attributes)
      .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
      .join(" "),
  );
  return html`<section id="search-export" class="search-export" aria-labelledby="search-export-heading" hidden
  ${written}>
  <h2 id="search-export-heading">${t(lang, "export.results")}</h2>
  <fieldset class="export-format">
    <legend>${t(lang, "export.format")}</legend>
    <div class="filter-option">
      <input type="radio" id="export-standard" name="export-format" value="standard" checked>
      <label for="export-standard">${t(lang, "export.standard")}</label>
    </div>
    <div class="filter-option">
      <input type="radio" id="export-excel" name="export-format" value="excel">
      <label for="export-excel">${t(lang, "openData.excel")}</label>
    </div>
  </fieldset>
  <ul id="search-export-links"></ul>
  <p id="search-export-status" role="status" aria-live="polite"></p>
</section>`;
}
