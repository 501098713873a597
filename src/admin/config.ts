// The web editor's configuration (Decap CMS), derived from the JSON Schemas: one collection per
// kind of record, every field with its Swedish label and help text, texts as sv/en/de sub-fields,
// references as relation widgets, fixed values as selects, dates as text with the pattern the
// validator applies. The schemas stay the one description of the data; nothing here names a field.
import { DEFAULT_EDITOR_LANG, SOURCE_LANG } from "../core/languages.js";
import { hasPages, recordUrl } from "../core/routes.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { DURATION, PARTIAL_DATE } from "../model/dates.js";
import { isTextSchema, readSchemas, resolveSchema, type Schema } from "../model/schemas.js";
import { SCHEMA_OF_KIND } from "../model/types.js";
import { type KeyOrder, NEW_ID_FIELD } from "./yaml.js";

/** A field of the editor's form, as Decap CMS reads it. */
export interface CmsField {
  readonly name: string;
  readonly label: string;
  readonly widget: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly fields?: readonly CmsField[];
  readonly field?: CmsField;
  readonly options?: readonly string[];
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
}

export interface CmsSetup {
  readonly config: Record<string, unknown>;
  /** Per collection: the order in which the file's keys are written. */
  readonly order: Readonly<Record<string, KeyOrder>>;
}

const LANGUAGE_LABELS = { sv: "Svenska", en: "Engelska", de: "Tyska" } as const;

/** The message a form shows beside a field whose value does not match the pattern. */
const PATTERNS: Record<string, readonly [RegExp, string]> = {
  "partial-date": [PARTIAL_DATE, "Skriv ett år (2016), en månad (2016-03) eller en dag (2016-03-01)."],
  date: [/^\d{4}-\d{2}-\d{2}$/, "Skriv en dag som 2017-09-05."],
  "iso-duration": [DURATION, "Skriv en längd som P3Y (tre år) eller P18M (arton månader)."],
  "iso3166-alpha2": [/^[A-Z]{2}$/, "Skriv landskoden med två stora bokstäver, till exempel SE."],
  iso4217: [/^[A-Z]{3}$/, "Skriv valutakoden med tre stora bokstäver, till exempel SEK."],
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

/** The field that names a record of a kind in lists, relation widgets and its new id. */
export function namingField(kind: Kind): string {
  const schema = kindSchema(kind);
  const field = NAMING_FIELDS.find((name) => schema.properties?.[name]);
  if (!field) throw new Error(`The schema of ${kind} has none of the naming fields ${NAMING_FIELDS.join(", ")}`);
  const resolved = resolveSchema(schema.properties?.[field] ?? {});
  return resolved.type === "object" ? `${field}.${SOURCE_LANG}` : field;
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

/**
 * The widget of a value (without name and label): the heart of the mapping from schema to form.
 * `present` says whether the value must be there: the form asks for an optional object's required
 * parts only once… which it cannot tell, so inside an optional object nothing is required (Decap
 * would refuse to save an empty optional note for want of its Swedish text); the validator still
 * reports an incomplete one when the file is saved.
 */
function widgetOf(schema: Schema, multilineText: boolean, present: boolean): Omit<CmsField, "name" | "label"> {
  if (schema["x-ref"]) {
    const target = schema["x-ref"];
    const naming = namingField(target);
    return {
      widget: "relation",
      collection: target,
      value_field: "{{slug}}",
      search_fields: [naming],
      display_fields: [naming],
    };
  }
  if (schema.enum) return { widget: "select", options: schema.enum.map(String) };
  if (schema.const !== undefined) return { widget: "hidden", default: schema.const };
  if (isTranslatable(schema) || (schema.type === "object" && languageKeys(schema))) {
    const required = new Set(schema.required ?? []);
    return {
      widget: "object",
      collapsed: false,
      fields: (Object.keys(schema.properties ?? {}) as (keyof typeof LANGUAGE_LABELS)[]).map((lang) => ({
        name: lang,
        label: LANGUAGE_LABELS[lang],
        widget: multilineText ? "text" : "string",
        required: present && required.has(lang),
      })),
    };
  }
  if (schema.type === "object") return { widget: "object", collapsed: false, fields: fieldsOf(schema, present) };
  if (schema.type === "array") {
    const items = resolveProperty(schema.items ?? {});
    // An item of a list exists only once the editor has added it: its required parts are required.
    if (items["x-ref"]) return { ...widgetOf(items, false, true), multiple: true };
    if (items.type === "object" && !isTranslatable(items))
      return { widget: "list", collapsed: false, fields: fieldsOf(items, true) };
    return { widget: "list", field: { name: "value", label: "Värde", ...widgetOf(items, false, true) } };
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
  return { widget: "string", ...(pattern ? { pattern: [pattern[0].source, pattern[1]] as const } : {}) };
}

/** Whether an object's properties are some of the languages (a name: sv, and en/de where it differs). */
function languageKeys(schema: Schema): boolean {
  const keys = Object.keys(schema.properties ?? {});
  return keys.length > 0 && keys.every((key) => key in LANGUAGE_LABELS);
}

/** Markdown texts are edited as plain multi-line text: the site renders them, the form never rewrites them. */
const isMarkdown = (raw: Schema): boolean => raw.$ref?.endsWith("/markdown") === true;

function fieldsOf(schema: Schema, present: boolean): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, raw]) => {
    const property = resolveProperty(raw);
    const hint = swedish(property, "x-description") ?? property.description;
    const needed = present && required.has(name);
    return {
      name,
      label: fieldLabel(name, property),
      ...widgetOf(property, isMarkdown(raw), needed),
      required: needed,
      ...(hint ? { hint } : {}),
    };
  });
}

/** The order of keys of an object schema and its nested objects (through arrays). */
export function keyOrder(schema: Schema): KeyOrder {
  const nested: Record<string, KeyOrder> = {};
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    let property = resolveProperty(raw);
    if (property.type === "array") property = resolveProperty(property.items ?? {});
    if (property.type === "object" && property.properties) nested[name] = keyOrder(property);
  }
  return { keys: Object.keys(schema.properties ?? {}), nested };
}

/** The kind's label in Swedish: the schema's x-title. */
const kindLabel = (kind: Kind | "site"): string => {
  const schema = kindSchema(kind);
  return swedish(schema, "x-title") ?? schema.title ?? kind;
};

/** The record's Swedish page, for the form's link to it ("Visa live"); kinds without pages have none. */
function previewPath(kind: Kind): { preview_path?: string } {
  return hasPages(kind) ? { preview_path: recordUrl(SOURCE_LANG, kind, "{{slug}}").slice(1) } : {};
}

/** The name of the YAML format (registered by the admin script) that writes a collection's files. */
export const formatName = (collection: string): string => `utblick-${collection}`;

export function cmsSetup(options: CmsConfigOptions): CmsSetup {
  const folder = options.dataFolder.replace(/^\.\/|\/$/g, "");
  const order: Record<string, KeyOrder> = {};
  const collections: Record<string, unknown>[] = [];
  // Records that others refer to come first in KINDS; the form lists the most edited first.
  for (const kind of [...KINDS].reverse()) {
    const schema = kindSchema(kind);
    order[kind] = keyOrder(schema);
    collections.push({
      name: kind,
      label: kindLabel(kind),
      label_singular: kindLabel(kind),
      description:
        swedish(schema, "x-description") ??
        `En fil per post i ${folder}/${kind}/. Filnamnet är postens id: det görs av det svenska namnet ` +
          "när posten skapas och ändras aldrig.",
      folder: `${folder}/${kind}`,
      extension: "yaml",
      format: formatName(kind),
      create: true,
      delete: false,
      // The file name is the record's id: made once from the Swedish title or name, never changed.
      identifier_field: namingField(kind),
      slug: `{{fields.${NEW_ID_FIELD}}}`,
      summary: `{{${namingField(kind)}}}`,
      sortable_fields: [namingField(kind)],
      ...previewPath(kind),
      // The record's real page ("Visa live", on the preview server) replaces Decap's raw preview pane.
      editor: { preview: false },
      fields: fieldsOf(schema, true),
    });
  }
  const site = kindSchema("site");
  order.site = keyOrder(site);
  collections.push({
    name: "site",
    label: kindLabel("site"),
    format: formatName("site"),
    extension: "yaml",
    delete: false,
    editor: { preview: false },
    files: [{ name: "site", label: kindLabel("site"), file: `${folder}/site.yaml`, fields: fieldsOf(site, true) }],
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
