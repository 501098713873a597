// The web editor's configuration (Decap CMS), derived from the JSON Schemas: one collection per
// kind of record, every field with its Swedish label and help text, texts as one sub-field per site language,
// references as relation widgets, fixed values as selects, dates as text with the pattern the
// validator applies. The schemas stay the one description of the data; nothing here names a field.

import formTexts from "../../locales/admin/sv.json" with { type: "json" };
import {
  availableLanguages,
  DEFAULT_EDITOR_LANG,
  DEFAULT_SOURCE_LANG,
  isLang,
  LANGUAGE_TAG,
  type Lang,
} from "../core/languages.js";
import { hasPages, recordUrl } from "../core/routes.js";
import { isKnownLicence, KINDS, type Kind, LICENCES } from "../core/vocabulary.js";
import { COUNTRIES, CURRENCIES } from "../model/codes.js";
import { DURATION, PARTIAL_DATE } from "../model/dates.js";
import { isTextSchema, readSchemas, resolveSchema, type Schema } from "../model/schemas.js";
import { SCHEMA_OF_KIND } from "../model/types.js";
import { type KeyOrder, NEW_ID_FIELD } from "./yaml.js";

/** A field of the editor's form, as Decap CMS reads it. */
export interface CmsField {
  readonly name: string;
  readonly label: string;
  /** A list's name for one of its rows: "Lägg till källdokument", "1 källdokument". */
  readonly label_singular?: string;
  readonly widget: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly fields?: readonly CmsField[];
  readonly field?: CmsField;
  readonly options?: readonly (string | CmsOption)[];
  readonly multiple?: boolean;
  readonly collection?: string;
  readonly value_field?: string;
  readonly search_fields?: readonly string[];
  readonly display_fields?: readonly string[];
  readonly pattern?: readonly [string, string];
  readonly value_type?: "int" | "float";
  readonly min?: number;
  readonly max?: number;
  readonly collapsed?: boolean;
  readonly summary?: string;
  readonly default?: unknown;
}

/** A fixed value and its name in the form. */
export interface CmsOption {
  readonly label: string;
  readonly value: string;
}

/** Where the CMS reads and writes: the local repository through decap-server, or a git host. */
export type CmsBackend =
  | { readonly name: "local"; readonly url: string }
  | {
      readonly name: "github" | "gitlab" | "gitea";
      readonly repo: string;
      readonly branch?: string;
      readonly base_url?: string;
      readonly api_root?: string;
      readonly app_id?: string;
      readonly auth_type?: string;
    };

export interface CmsConfigOptions {
  readonly backend: CmsBackend;
  /** The data folder as a path inside the repository the backend serves ("data"). */
  readonly dataFolder: string;
  /** Where the saved record can be seen: the preview server, or the published site. */
  readonly siteUrl?: string;
  /** The publication's languages (site.yaml), the source language first: a text has a field for each. */
  readonly languages: readonly Lang[];
}

export interface CmsSetup {
  readonly config: Record<string, unknown>;
  /** Per collection: the order in which the file's keys are written. */
  readonly order: Readonly<Record<string, KeyOrder>>;
}

/** The message a form shows beside a field whose value does not match the pattern. */
const PATTERNS: Record<string, readonly [RegExp, string]> = {
  "partial-date": [PARTIAL_DATE, "Skriv ett år (2016), en månad (2016-03) eller en dag (2016-03-01)."],
  date: [/^\d{4}-\d{2}-\d{2}$/, "Skriv en dag som 2017-09-05."],
  "iso-duration": [DURATION, "Skriv en längd som P3Y (tre år) eller P18M (arton månader)."],
  "web-url": [/^https?:\/\/\S+$/, "Skriv hela adressen, med https:// först."],
  email: [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "Skriv en e-postadress, till exempel namn@kommun.se."],
};

/** A schema's text in the form's language: the editor works in Swedish. */
const swedish = (schema: Schema, key: "x-title" | "x-description"): string | undefined =>
  schema[key]?.[DEFAULT_EDITOR_LANG];

/**
 * A short label for a field: its Swedish title if the schema gives one, else the first clause of
 * its Swedish description ("Start: år …" → "Start", "Beloppet, ett tal …" → "Beloppet").
 */
export function fieldLabel(name: string, schema: Schema): string {
  const title = swedish(schema, "x-title");
  if (title) return title;
  // A yes/no field is described by when it is true ("true när källan säger …"): that condition is its label.
  const description = (swedish(schema, "x-description") ?? schema.description)?.replace(/^true (när |when )?/i, "");
  const clause = description?.split(/[:,.;(]\s|\s\(|\.$/)[0]?.trim();
  if (clause && clause.length <= 48) return clause.charAt(0).toUpperCase() + clause.slice(1);
  return name.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());
}

/** The fields that name a record, by kind: the first one a kind's schema has names it. */
const NAMING_FIELDS = ["title", "name", "label"] as const;

/** The field that names a record of a kind in lists, relation widgets and its new id: in the source language. */
export function namingField(kind: Kind, source: Lang): string {
  const schema = kindSchema(kind);
  const field = NAMING_FIELDS.find((name) => schema.properties?.[name]);
  if (!field) throw new Error(`The schema of ${kind} has none of the naming fields ${NAMING_FIELDS.join(", ")}`);
  const resolved = resolveSchema(schema.properties?.[field] ?? {});
  return resolved.type === "object" ? `${field}.${source}` : field;
}

function kindSchema(kind: Kind | "site"): Schema {
  return readSchemas().get(SCHEMA_OF_KIND[kind]) as Schema;
}

/** The raw property with the resolved definition, the property's own descriptions winning. */
function resolveProperty(raw: Schema): Schema {
  const resolved = resolveSchema(raw);
  return {
    ...resolved,
    ...(raw["x-title"] ? { "x-title": raw["x-title"] } : {}),
    ...(raw["x-description"] ? { "x-description": raw["x-description"] } : {}),
    ...(raw.description ? { description: raw.description } : {}),
  };
}

const isTranslatable = (schema: Schema): boolean => isTextSchema(schema);

const displayNames = (type: "language" | "region" | "currency") =>
  new Intl.DisplayNames([DEFAULT_EDITOR_LANG], { type, fallback: "code" });
const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase(DEFAULT_EDITOR_LANG) + text.slice(1);
const byLabel = (a: CmsOption, b: CmsOption) => a.label.localeCompare(b.label, DEFAULT_EDITOR_LANG);

/** Countries and currencies by their Swedish names, with the code the file keeps. */
const CODE_LISTS: Record<string, () => CmsOption[]> = {
  "iso3166-alpha2": () =>
    [...COUNTRIES]
      .map((code) => ({ value: code, label: `${displayNames("region").of(code)} (${code})` }))
      .sort(byLabel),
  iso4217: () =>
    [...CURRENCIES]
      .map((code) => ({ value: code, label: `${code} – ${displayNames("currency").of(code)}` }))
      .sort((a, b) => a.value.localeCompare(b.value)),
};

/**
 * A value chosen from a list, each choice by its Swedish name: the schema's own names for its
 * fixed values (x-enum-titles), a language or a licence by its name, a country or a currency from
 * its code list. The file keeps the code.
 */
function optionsOf(schema: Schema): CmsOption[] | undefined {
  if (schema.format && CODE_LISTS[schema.format]) return CODE_LISTS[schema.format]?.();
  // A language: one of those Utblick has a catalogue for (a document in another is written in the YAML).
  if (schema.pattern === LANGUAGE_TAG.source) return availableLanguages().map((value) => languageOption(value));
  if (!schema.enum) return undefined;
  const titles = schema["x-enum-titles"]?.[DEFAULT_EDITOR_LANG];
  return schema.enum.map(String).map((value) => {
    const licence = isKnownLicence(value) ? LICENCES[value].title : undefined;
    return { value, label: titles?.[value] ?? licence ?? (isLang(value) ? languageOption(value).label : value) };
  });
}

const languageOption = (value: Lang): CmsOption => ({
  value,
  label: capitalised(displayNames("language").of(value) ?? value),
});

/**
 * The widget of a value (without name and label): the heart of the mapping from schema to form.
 * `present` says whether the value must be there: the form asks for an optional object's required
 * parts only once… which it cannot tell, so inside an optional object nothing is required (Decap
 * would refuse to save an empty optional note for want of its Swedish text); the validator still
 * reports an incomplete one when the file is saved.
 */
function widgetOf(
  languages: readonly Lang[],
  { schema, multilineText, present }: { schema: Schema; multilineText: boolean; present: boolean },
): Omit<CmsField, "name" | "label"> {
  if (schema["x-ref"]) {
    const target = schema["x-ref"];
    const naming = namingField(target, languages[0] ?? DEFAULT_SOURCE_LANG);
    return {
      widget: "relation",
      collection: target,
      value_field: "{{slug}}",
      search_fields: [naming],
      display_fields: [naming],
    };
  }
  const options = optionsOf(schema);
  if (options) return { widget: "select", options };
  if (schema.const !== undefined) return { widget: "hidden", default: schema.const };
  // A text: one field per language of the publication, the source language first and required.
  if (isTranslatable(schema))
    return {
      widget: "object",
      collapsed: false,
      fields: languages.map((lang) => ({
        name: lang,
        label: capitalised(displayNames("language").of(lang) ?? lang),
        widget: multilineText ? "text" : "string",
        required: present && lang === languages[0],
      })),
    };
  if (schema.type === "object")
    return { widget: "object", collapsed: false, fields: fieldsOf(languages, schema, present) };
  if (schema.type === "array") {
    const items = resolveProperty(schema.items ?? {});
    // An item of a list exists only once the editor has added it: its required parts are required.
    if (items["x-ref"])
      return { ...widgetOf(languages, { schema: items, multilineText: false, present: true }), multiple: true };
    const choices = optionsOf(items);
    if (choices) return { widget: "select", options: choices, multiple: true };
    if (items.type === "object" && !isTranslatable(items))
      return { widget: "list", collapsed: false, fields: fieldsOf(languages, items, true) };
    const item = widgetOf(languages, { schema: items, multilineText: false, present: true });
    return { widget: "list", field: { name: "value", label: "Värde", ...item } };
  }
  // No default: a default value would make Decap add list items and objects the editor never filled.
  if (schema.type === "boolean") return { widget: "boolean" };
  if (schema.type === "integer" || schema.type === "number")
    return {
      widget: "number",
      value_type: schema.type === "integer" ? "int" : "float",
      ...(schema.minimum === undefined ? {} : { min: schema.minimum }),
      ...(schema.maximum === undefined ? {} : { max: schema.maximum }),
    };
  const pattern = schema.format ? PATTERNS[schema.format] : undefined;
  // A Markdown text in one language (the easy-to-read pages) keeps its lines: a box, not a line.
  if (multilineText) return { widget: "text" };
  return { widget: "string", ...(pattern ? { pattern: [pattern[0].source, pattern[1]] as const } : {}) };
}

/** Markdown texts are edited as plain multi-line text: the site renders them, the form never rewrites them. */
const isMarkdown = (raw: Schema): boolean => raw.$ref?.endsWith("/markdown") === true || raw["x-markdown"] === true;

/** Whether a help text says more than the label it would stand under ("Namnet." under "Namnet" does not). */
function saysMore(hint: string, label: string): boolean {
  const bare = (text: string) =>
    text
      .toLocaleLowerCase(DEFAULT_EDITOR_LANG)
      .replace(/[\s.:]+$/u, "")
      .trim();
  return bare(hint) !== bare(label);
}

/**
 * A schema's description as help in the form, without what only a YAML file needs: where the ids
 * of references live ("(id från data/themes/)"; the form offers the records by name), the codes
 * of a list the form offers by name ("Rollen: lead, partner …"), and a yes/no field's condition,
 * which is already its label ("true när …").
 */
function formHint(description: string | undefined, widget: Omit<CmsField, "name" | "label">): string | undefined {
  if (!description || widget.widget === "boolean") return undefined;
  const named = widget.widget === "select" && widget.options?.some((option) => typeof option !== "string");
  const hint = description.replace(/\s*\((?:id från|fil i) data\/[^)]*\)/gu, "");
  return named ? hint.replace(/(?:enligt ISO [\d-]+|:[^.;]*\b[a-z]+, [a-z]+\b[^.;]*)/u, "").trim() : hint;
}

/**
 * A list's names in the form (locales/admin/sv.json): Decap heads a list with the number of its rows
 * and the list's label, and offers to add a row by the row's name, both in lower case ("4 källdokument",
 * "Lägg till källdokument"), so a list is named by a noun, not by a description ("Dokumenten som …").
 */
const LIST_NAMES: Readonly<Record<string, { readonly label: string; readonly row: string }>> = formTexts.utblick.lists;

/**
 * The form's fields of an object: what the editor owns, never what the build works out (readOnly)
 * nor what a command writes (x-command: the includes, pinned by npm run include).
 */
function fieldsOf(languages: readonly Lang[], schema: Schema, present: boolean): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([, raw]) => !resolveProperty(raw).readOnly && resolveProperty(raw)["x-command"] === undefined)
    .map(([name, raw]) => {
      const property = resolveProperty(raw);
      const needed = present && required.has(name);
      const widget = widgetOf(languages, { schema: property, multilineText: isMarkdown(raw), present: needed });
      const list = widget.widget === "list" ? LIST_NAMES[name] : undefined;
      const label = list?.label ?? fieldLabel(name, property);
      const hint = formHint(swedish(property, "x-description") ?? property.description, widget);
      return {
        name,
        label,
        ...(list ? { label_singular: list.row } : {}),
        ...widget,
        required: needed,
        ...(hint && saysMore(hint, label) ? { hint } : {}),
      };
    });
}

/** The order of keys of an object schema and its nested objects (through arrays); a text's are its languages. */
export function keyOrder(schema: Schema, languages: readonly Lang[]): KeyOrder {
  if (isTranslatable(schema)) return { keys: [...languages], nested: {} };
  const nested: Record<string, KeyOrder> = {};
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    let property = resolveProperty(raw);
    if (property.type === "array") property = resolveProperty(property.items ?? {});
    if (property.type === "object") nested[name] = keyOrder(property, languages);
  }
  return { keys: Object.keys(schema.properties ?? {}), nested };
}

/** The kind's label in Swedish: the schema's x-title. */
const kindLabel = (kind: Kind | "site"): string => {
  const schema = kindSchema(kind);
  return swedish(schema, "x-title") ?? schema.title ?? kind;
};

/** A collection's name in the form: its records in the plural (locales/admin/sv.json), "Organisationer". */
const COLLECTION_NAMES: Readonly<Record<string, string>> = formTexts.utblick.collections;

const collectionLabel = (kind: Kind): string => COLLECTION_NAMES[kind] ?? kindLabel(kind);

/** The record's Swedish page, for the form's link to it ("Visa sidan"); kinds without pages have none. */
function previewPath(kind: Kind, source: Lang): { preview_path?: string } {
  return hasPages(kind) ? { preview_path: recordUrl(source, kind, "{{slug}}").slice(1) } : {};
}

/** The name of the YAML format (registered by the admin script) that writes a collection's files. */
export const formatName = (collection: string): string => `utblick-${collection}`;

export function cmsSetup(options: CmsConfigOptions): CmsSetup {
  const folder = options.dataFolder.replace(/^\.\/|\/$/g, "");
  // The language every record has: records are named, found and given their ids by it.
  const source = options.languages[0] ?? DEFAULT_SOURCE_LANG;
  const order: Record<string, KeyOrder> = {};
  const collections: Record<string, unknown>[] = [];
  // Records that others refer to come first in KINDS; the form lists the most edited first.
  for (const kind of [...KINDS].reverse()) {
    const schema = kindSchema(kind);
    order[kind] = keyOrder(schema, options.languages);
    collections.push({
      name: kind,
      label: collectionLabel(kind),
      label_singular: kindLabel(kind),
      description:
        swedish(schema, "x-description") ??
        formTexts.utblick.collectionFiles
          .replace("{{folder}}", `${folder}/${kind}`)
          .replace("{{language}}", displayNames("language").of(source) ?? source),
      folder: `${folder}/${kind}`,
      extension: "yaml",
      format: formatName(kind),
      create: true,
      delete: false,
      // The file name is the record's id: made once from the Swedish title or name, never changed.
      identifier_field: namingField(kind, source),
      slug: `{{fields.${NEW_ID_FIELD}}}`,
      summary: `{{${namingField(kind, source)}}}`,
      // The list shows records by name, not by file name.
      sortable_fields: [{ field: namingField(kind, source), default_sort: "asc" }],
      ...previewPath(kind, source),
      // The record's real page ("Visa sidan", on the preview server) replaces Decap's raw preview pane.
      editor: { preview: false },
      fields: fieldsOf(options.languages, schema, true),
    });
  }
  const site = kindSchema("site");
  order.site = keyOrder(site, options.languages);
  collections.push({
    name: "site",
    label: kindLabel("site"),
    format: formatName("site"),
    extension: "yaml",
    delete: false,
    editor: { preview: false },
    files: [
      {
        name: "site",
        label: kindLabel("site"),
        file: `${folder}/site.yaml`,
        fields: fieldsOf(options.languages, site, true),
      },
    ],
  });
  const backend =
    options.backend.name === "local"
      ? // Decap needs a backend name even when the local backend replaces it.
        { backend: { name: "git-gateway" }, local_backend: { url: options.backend.url } }
      : { backend: { ...options.backend, branch: options.backend.branch ?? "main" } };
  return {
    config: {
      load_config_file: false,
      ...backend,
      locale: DEFAULT_EDITOR_LANG,
      ...(options.siteUrl ? { site_url: options.siteUrl.replace(/\/$/, ""), display_url: options.siteUrl } : {}),
      // Media (images) are not part of the data model.
      media_folder: `${folder}/media`,
      // File names as the validator wants ids: lowercase a–z, digits and hyphens; å, ä, ö as a, a, o.
      slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
      publish_mode: "simple",
      collections,
    },
    order,
  };
}
