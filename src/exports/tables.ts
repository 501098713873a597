// The CSV tables of the open data, derived from the JSON Schemas: one main table per kind, one
// child table per list in a record, texts as a column per language (_sv, _en, _fi …). The same definitions turn
// records into rows and rows back into records, so nothing is lost on the way.

import { availableLanguages, DEFAULT_SOURCE_LANG, type Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { languageName } from "../i18n/format.js";
import { type Interpolation, t, type UiKey } from "../i18n/translate.js";
import { PERSONAL_KINDS, refersToPersonalData } from "../model/published.js";
import { isTextSchema, readSchemas, resolveSchema as resolve, type Schema } from "../model/schemas.js";
import { SCHEMA_OF_KIND } from "../model/types.js";
import { ID_PATTERN, PUBLISHED_ID_PATTERN, publishedFields, standardFormat } from "./published-schemas.js";

export type ColumnType = "string" | "integer" | "number" | "boolean";

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Where the value sits inside the row's source object. */
  readonly path: readonly string[];
  /** In English; `descriptions` has it in every language of the tables. */
  readonly description: string;
  readonly descriptions: Descriptions;
  readonly required: boolean;
  /** The kind this column refers to, when it holds a record id. */
  readonly references?: Kind;
  readonly enum?: readonly (string | number)[];
  /** JSON Schema format, e.g. partial-date. */
  readonly format?: string;
  /** The rules of the value, from the JSON Schema, in standard terms (a Table Schema's constraints). */
  readonly constraints?: Readonly<{
    enum?: readonly (string | number)[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
    minLength?: number;
  }>;
  /** The language of a text column. */
  readonly lang?: string;
}

/**
 * A description for readers of one language, and the language its words are really in: a schema
 * without words in that language has its English ones, which a page must mark as English.
 */
export interface Description {
  readonly text: string;
  /** The language of `text`: the reader's, or English standing in for it. */
  readonly lang: Lang;
  /** A sentence after `text`, always in the reader's language (a text column's "The text in German."). */
  readonly note?: string;
}

/** A description per language of the tables. */
export type Descriptions = Readonly<Record<Lang, Description>>;

/** A description as one plain text, when all of it is in the language it is for; undefined when part is not. */
export const descriptionIn = (description: Description | undefined, lang: Lang): string | undefined =>
  description?.lang === lang ? `${description.text}${description.note ?? ""}` : undefined;

export interface Table {
  readonly name: string;
  readonly kind: Kind;
  readonly description: string;
  readonly descriptions: Descriptions;
  /** For a child table: the path of the list in the record. */
  readonly list?: readonly string[];
  /** For a list of plain values (e.g. owners): the column holding each value. */
  readonly scalarItems?: boolean;
  readonly columns: readonly Column[];
  readonly primaryKey: readonly string[];
}

export const SINGULAR: Record<Kind, string> = {
  organisations: "organisation",
  programmes: "programme",
  people: "person",
  themes: "theme",
  places: "place",
  sources: "source",
  partnerships: "partnership",
  networks: "network",
  projects: "project",
};

const schemas = readSchemas();

/** The languages tables are described in and have text columns for, and the one every text has. */
interface TableLanguages {
  readonly languages: readonly Lang[];
  readonly source: Lang;
  /**
   * Whether the tables are the current open data's, whose rows carry their publisher (and an
   * included record's provenance) and whose references may name an included record; a release's
   * tables hold the site's own records as recorded, and stay as they were.
   */
  readonly published: boolean;
}

/** How a schema's description is told in each language, and what stands in when the schema has none. */
interface Describing {
  /** English words, or (`named`) the field's name, an identifier that is no language's words. */
  readonly fallback: string;
  readonly named?: boolean;
  /** A sentence after the description, in each reader's language. */
  readonly note?: (lang: Lang) => string;
}

/**
 * A schema's description in each language: `description` is English, `x-description` some others;
 * a language the schema has no words in reads the English, marked as English. A field the schema
 * does not describe at all is shown by its name, as the page shows every identifier: unmarked.
 */
function describe(schema: Schema, scope: TableLanguages, { fallback, named = false, note }: Describing): Descriptions {
  const english = schema.description ?? fallback;
  const untold = schema.description === undefined && named;
  const written: Partial<Record<Lang, string>> = { ...schema["x-description"], en: english };
  return Object.fromEntries(
    scope.languages.map((lang): [Lang, Description] => {
      const own = written[lang];
      const told = { text: own ?? english, lang: own === undefined && !untold ? "en" : lang };
      return [lang, note ? { ...told, note: note(lang) } : told];
    }),
  );
}

/** A UI string in each language of the tables: every catalogue has every key, so each is in its own language. */
const uiTexts = (scope: TableLanguages, key: UiKey, options: (lang: Lang) => Interpolation): Descriptions =>
  Object.fromEntries(scope.languages.map((lang) => [lang, { text: t(lang, key, options(lang)), lang }]));

function columnType(schema: Schema): ColumnType {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "integer" || type === "number" || type === "boolean") return type;
  return "string";
}

interface Walk {
  readonly scope: TableLanguages;
  columns: Column[];
  children: { path: string[]; schema: Schema }[];
}

/** A property being flattened into columns. */
interface Field {
  readonly schema: Schema;
  /** Where its value is in a record. */
  readonly path: string[];
  /** Its column's name, or the start of its columns' names. */
  readonly prefix: string;
  /** Whether every record has it. */
  readonly required: boolean;
}

/** Flattens an object schema into columns; lists become child tables. */
function walk({ schema, path, prefix, required }: Field, out: Walk): void {
  const resolved = resolve(schema);
  if (refersToPersonalData(resolved)) return;
  if (resolved.type === "array") {
    out.children.push({ path, schema: resolved });
    return;
  }
  if (isTextSchema(resolved)) {
    for (const lang of out.scope.languages) {
      // "The text in German.", said in each language of the description.
      const textIn = (said: Lang): string => ` ${t(said, "dataTables.textIn", { language: languageName(lang, said) })}`;
      const descriptions = describe(resolved, out.scope, { fallback: prefix, named: true, note: textIn });
      out.columns.push({
        name: `${prefix}_${lang}`,
        type: "string",
        path: [...path, lang],
        description: `${resolved.description ?? prefix}${textIn("en")}`,
        descriptions,
        required: required && lang === out.scope.source,
        lang,
      });
    }
    return;
  }
  if (resolved.type === "object" && resolved.properties) {
    for (const [name, property] of Object.entries(resolved.properties)) {
      walk(
        {
          schema: property,
          path: [...path, name],
          prefix: prefix ? `${prefix}_${name}` : name,
          required: required && (resolved.required ?? []).includes(name),
        },
        out,
      );
    }
    return;
  }
  out.columns.push({
    name: prefix,
    type: columnType(resolved),
    path,
    description: resolved.description ?? prefix,
    descriptions: describe(resolved, out.scope, { fallback: prefix, named: true }),
    required,
    ...(resolved["x-ref"] ? { references: resolved["x-ref"] } : {}),
    ...(resolved.enum ? { enum: resolved.enum } : {}),
    ...(resolved.format ? { format: resolved.format } : {}),
    constraints: constraintsOf(resolved, out.scope.published ? PUBLISHED_ID_PATTERN : ID_PATTERN),
  });
}

/** The JSON Schema's rules of a scalar, as Table Schema constraints: the same rules, in the terms CSV readers check. */
function constraintsOf(schema: Schema, idPattern: string): Column["constraints"] {
  const format = schema.format ? standardFormat(schema.format) : {};
  const pattern = schema["x-ref"] ? idPattern : ((format.pattern as string | undefined) ?? schema.pattern);
  const codes = (format.enum as string[] | undefined) ?? schema.enum;
  return {
    ...(codes ? { enum: codes } : {}),
    ...(typeof pattern === "string" && !schema.enum ? { pattern } : {}),
    ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
    ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}),
    ...(typeof schema.minLength === "number" && schema.minLength > 1 ? { minLength: schema.minLength } : {}),
  };
}

function tablesOfKind(kind: Kind, scope: TableLanguages): Table[] {
  const schema = resolve(schemas.get(SCHEMA_OF_KIND[kind]) as Schema);
  const singular = SINGULAR[kind];
  const root: Walk = { scope, columns: [], children: [] };
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    walk({ schema: property, path: [name], prefix: name, required: (schema.required ?? []).includes(name) }, root);
  // Last, after what the record says: whose it is (every current row has it) and where it comes from.
  if (scope.published)
    for (const [name, property] of Object.entries(publishedFields()))
      walk({ schema: property, path: [name], prefix: name, required: name === "published_by" }, root);
  const idDescriptions = uiTexts(scope, "dataTables.id", () => ({ kind }));
  const idColumn: Column = {
    name: "id",
    type: "string",
    path: ["id"],
    description: t("en", "dataTables.id", { kind }),
    descriptions: idDescriptions,
    required: true,
  };
  const parentDescriptions = uiTexts(scope, "dataTables.parent", () => ({ kind }));
  const parentColumn: Column = {
    name: `${singular}_id`,
    type: "string",
    path: ["__parent"],
    description: t("en", "dataTables.parent", { kind }),
    descriptions: parentDescriptions,
    required: true,
    references: kind,
  };
  const positionDescriptions = uiTexts(scope, "dataTables.position", () => ({}));
  const positionColumn: Column = {
    name: "position",
    type: "integer",
    path: ["__position"],
    description: t("en", "dataTables.position"),
    descriptions: positionDescriptions,
    required: true,
  };
  // The kind's title in each language: `title` is English, `x-title` the others; a language without
  // one names the table by its name (an identifier, as its heading shows it), not by an English word.
  const titles: Partial<Record<Lang, string>> = { ...schema["x-title"], en: schema.title };
  const mainDescriptions = uiTexts(scope, "dataTables.rows", (lang) => ({ title: titles[lang] ?? kind }));
  const tables: Table[] = [
    {
      name: kind,
      kind,
      description: t("en", "dataTables.rows", { title: titles.en ?? kind }),
      descriptions: mainDescriptions,
      columns: [idColumn, ...root.columns],
      primaryKey: ["id"],
    },
  ];
  for (const child of root.children) {
    const items = resolve(child.schema.items ?? {});
    const inner: Walk = { scope, columns: [], children: [] };
    const scalarItems = !(items.type === "object" && !isTextSchema(items));
    if (scalarItems) {
      const prefix = singularOf(child.path[child.path.length - 1] ?? "value");
      walk({ schema: items, path: [], prefix, required: true }, inner);
    } else
      for (const [name, property] of Object.entries(items.properties ?? {}))
        walk({ schema: property, path: [name], prefix: name, required: (items.required ?? []).includes(name) }, inner);
    if (inner.children.length > 0)
      throw new Error(`${kind}.${child.path.join(".")}: lists inside lists have no table yet`);
    tables.push({
      name: `${singular}_${child.path.join("_")}`,
      kind,
      description: child.schema.description ?? `${child.path.join(".")} of each ${singular}`,
      descriptions: describe(child.schema, scope, { fallback: `${child.path.join(".")} of each ${singular}` }),
      list: child.path,
      scalarItems,
      columns: [parentColumn, positionColumn, ...inner.columns],
      primaryKey: [parentColumn.name, positionColumn.name],
    });
  }
  return tables;
}

function singularOf(name: string): string {
  if (name.endsWith("ies")) return `${name.slice(0, -3)}y`;
  if (name === "sdgs") return "sdg";
  return name.endsWith("s") ? name.slice(0, -1) : name;
}

const tablesOfLanguages = memoize((key: string): readonly Table[] => {
  const [kind = "published", source = DEFAULT_SOURCE_LANG, ...others] = key.split(",");
  const scope = { languages: [source, ...others], source, published: kind === "published" };
  return KINDS.filter((kind) => !PERSONAL_KINDS.has(kind)).flatMap((kind) => tablesOfKind(kind, scope));
});

/**
 * The tables of a site, in a stable order: text columns and descriptions in the site's languages,
 * the first of them the source language, whose texts every record has. Each main table ends with
 * the record's publisher and an included record's provenance.
 */
export const tablesFor = (languages: readonly Lang[]): readonly Table[] =>
  tablesOfLanguages(["published", ...languages].join(","));

/**
 * The tables of a recorded release: the site's own records as recorded, without publisher or
 * provenance, so that a release's files (and the archive others pin by its checksum) stay the same.
 */
export const releaseTablesFor = (languages: readonly Lang[]): readonly Table[] =>
  tablesOfLanguages(["recorded", ...languages].join(","));

/** The tables with a text column for every language Utblick has a catalogue for, Swedish the source. */
export const TABLES: readonly Table[] = tablesFor([
  DEFAULT_SOURCE_LANG,
  ...availableLanguages().filter((lang) => lang !== DEFAULT_SOURCE_LANG),
]);

export type Cell = string | number | boolean | undefined;
export type Row = Record<string, Cell>;

function get(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function cellOf(value: unknown): Cell {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

/** The rows of one table for all records of its kind, in id order. */
export function rowsOf(table: Table, records: ReadonlyMap<string, object>): Row[] {
  const rows: Row[] = [];
  for (const [id, record] of [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!table.list) {
      rows.push(
        Object.fromEntries(
          table.columns.map((column) => [column.name, column.name === "id" ? id : cellOf(get(record, column.path))]),
        ),
      );
      continue;
    }
    const list = get(record, table.list);
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      const source = { __parent: id, __position: index + 1 };
      rows.push(
        Object.fromEntries(
          table.columns.map((column) => {
            if (column.path[0] === "__parent" || column.path[0] === "__position")
              return [column.name, source[column.path[0]]];
            return [column.name, cellOf(get(item, column.path))];
          }),
        ),
      );
    });
  }
  return rows;
}

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) node[key] = value;
    else {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
  });
}

/** Rebuilds the records of one kind from its tables: the inverse of rowsOf. */
export function recordsFromRows(
  kind: Kind,
  rowsByTable: ReadonlyMap<string, readonly Row[]>,
): Map<string, Record<string, unknown>> {
  const tables = TABLES.filter((table) => table.kind === kind);
  const records = new Map<string, Record<string, unknown>>();
  const main = tables.find((table) => !table.list);
  for (const row of rowsByTable.get(main?.name ?? "") ?? []) {
    const record: Record<string, unknown> = {};
    for (const column of main?.columns ?? []) {
      if (column.name === "id" || row[column.name] === undefined) continue;
      set(record, column.path, row[column.name]);
    }
    records.set(String(row.id), record);
  }
  for (const table of tables.filter((candidate) => candidate.list)) {
    const parentColumn = table.columns[0]!.name;
    const rows = [...(rowsByTable.get(table.name) ?? [])].sort((a, b) => Number(a.position) - Number(b.position));
    for (const row of rows) {
      const record = records.get(String(row[parentColumn]));
      if (!record) continue;
      let item: unknown;
      if (table.scalarItems && table.columns.length === 3 && table.columns[2]!.path.length === 0)
        item = row[table.columns[2]!.name];
      else {
        const object: Record<string, unknown> = {};
        for (const column of table.columns.slice(2))
          if (row[column.name] !== undefined) set(object, column.path, row[column.name]);
        item = object;
      }
      const existing = get(record, table.list!);
      if (Array.isArray(existing)) existing.push(item);
      else set(record, table.list!, [item]);
    }
  }
  return records;
}
