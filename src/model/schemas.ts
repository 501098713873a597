// The JSON Schemas of data/ (src/model/schemas/), compiled once with ajv. The schemas are the one
// description of the data: the validator, the published schemas and the data dictionary use them.
import type { SchemaValidateFunction } from "ajv";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { LANGUAGE_TAG, type Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { isOrganisationNumber } from "../core/organisation-number.js";
import { emailProblem, webUrlProblem } from "../core/url-rule.js";
import type { Kind } from "../core/vocabulary.js";
import { isCountry, isCurrency } from "./codes.js";
import { parseDuration, parsePartialDate } from "./dates.js";
import { refusedLinks } from "./markdown-links.js";
import { type JsonSchema, schemaFiles } from "./schema-source.js";
import { SCHEMA_OF_KIND } from "./types.js";

export { type JsonSchema, SCHEMA_DIR } from "./schema-source.js";

/** Every schema file, by file name; read once (schema-source.ts, the one reader of the files). */
export const readSchemas = memoize(schemaFiles);

/** The parts of a JSON Schema this project reads when it walks the schemas. */
export type Schema = JsonSchema & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  description?: string;
  title?: string;
  "x-description"?: { sv?: string; de?: string };
  "x-title"?: { sv?: string; de?: string };
  "x-enum-titles"?: { sv?: Readonly<Record<string, string>> };
  readOnly?: boolean;
  enum?: (string | number)[];
  format?: string;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  "x-ref"?: Kind;
  "x-personal-data"?: boolean;
  /** "inference": a value of this field that no source gives is the editor's conclusion from the sources. */
  "x-editorial"?: "inference";
  /** The command that writes the field (`include`); the web form does not offer it. */
  "x-command"?: string;
  uniqueItems?: boolean;
};

/**
 * The fields of a kind whose value, where no source gives it, is the editor's conclusion from the
 * sources (x-editorial: inference) rather than general knowledge: dates, owners, the sides of a
 * partnership. Pages say which of the two an editorial field is.
 */
export const inferredFields = memoize((kind: Kind): ReadonlySet<string> => {
  const schema = readSchemas().get(SCHEMA_OF_KIND[kind]) as Schema | undefined;
  return new Set(
    Object.entries(schema?.properties ?? {})
      .filter(([, property]) => property["x-editorial"] === "inference")
      .map(([name]) => name),
  );
});

/** A text by language (common.schema.json's text, markdown or name): an object keyed by language tags. */
export function isTextSchema(schema: Schema): boolean {
  return schema.type === "object" && "x-translatable" in schema;
}

/** Follows a $ref to its definition; a local description wins over the shared one. */
export function resolveSchema(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const [file, pointer] = schema.$ref.split("#");
  // Local references ("#/$defs/…") occur only inside the shared definitions.
  const target = readSchemas().get(file || "common.schema.json") as Schema | undefined;
  if (!target || !pointer) throw new Error(`cannot resolve ${schema.$ref}`);
  const resolved = pointer
    .split("/")
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], target) as Schema;
  return resolveSchema({
    ...resolved,
    ...(schema.description ? { description: schema.description } : {}),
    ...(schema["x-description"] ? { "x-description": schema["x-description"] } : {}),
  });
}

const lineBreaksByPath = new Map<string, boolean>();

/**
 * Whether the text at `path` of a file of `kind` may span lines, so that the text rule allows tabs
 * and line breaks in it: its schema says `x-multiline`. A path no schema describes may (the schema
 * reports the unknown field). Memoised per path without its list positions.
 */
export function allowsLineBreaks(kind: Kind | "site", path: readonly (string | number)[]): boolean {
  const key = JSON.stringify([kind, ...path.map((segment) => (typeof segment === "number" ? 0 : segment))]);
  let allowed = lineBreaksByPath.get(key);
  if (allowed === undefined) {
    let node = readSchemas().get(SCHEMA_OF_KIND[kind]) as Schema | undefined;
    for (const segment of path) {
      if (!node) break;
      const resolved = resolveSchema(node);
      const additional = resolved.additionalProperties;
      node =
        typeof segment === "number"
          ? resolved.items
          : (resolved.properties?.[segment] ?? (typeof additional === "object" ? (additional as Schema) : undefined));
    }
    allowed = node === undefined || resolveSchema(node)["x-multiline"] === true;
    lineBreaksByPath.set(key, allowed);
  }
  return allowed;
}

/** A reference to another record, noted while a file is validated (schema keyword `x-ref`). */
export interface ReferenceSeen {
  readonly kind: Kind;
  readonly id: string;
  readonly instancePath: string;
}

/**
 * A text by language, noted while a file is validated (schema keyword `x-translatable`: true for a
 * text that every site language should have, false for a proper name, translated only where it differs).
 */
export interface TextSeen {
  readonly instancePath: string;
  readonly languages: readonly Lang[];
  readonly translatable: boolean;
}

/** What validating one file notes besides errors; the schema keywords write into it. */
export class ValidationNotes {
  readonly references: ReferenceSeen[] = [];
  readonly texts: TextSeen[] = [];
}

interface DataContext {
  instancePath: string;
}

export const FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  "partial-date": (value) => parsePartialDate(value) !== undefined,
  "iso-duration": (value) => parseDuration(value) !== undefined,
  // ajv-formats' date accepts the year 0000, which no calendar of the outputs (IATI, xs:date) has.
  date: (value) => value.length === 10 && parsePartialDate(value)?.precision === "day",
  iso4217: isCurrency,
  "iso3166-alpha2": isCountry,
  // Only web addresses with a valid host: a `javascript:` or `data:` link must never reach a page;
  // nor a user name or password. The same rule judges links in Markdown (x-markdown).
  "web-url": (value) => webUrlProblem(value) === undefined,
  // A plain address: no ?, & or anything a mailto: link would read as a query (cc, body).
  email: (value) => emailProblem(value) === undefined,
  "se-organisation-number": isOrganisationNumber,
};

/** The keyword x-markdown: the links of a Markdown text, one error (naming the link) per refused one. */
const linksAllowed: SchemaValidateFunction = (_flag: boolean, data: unknown): boolean => {
  const refused = typeof data === "string" ? refusedLinks(data) : [];
  linksAllowed.errors = refused.map((link) => ({ keyword: "x-markdown", params: { link } }));
  return refused.length === 0;
};

/**
 * ajv checks `uniqueItems` with a hash only when the list's item type is written beside it; for
 * items given by $ref it compares every pair, which made 50 000 list entries take minutes. The
 * type of each such item is copied from its definition, in a copy of the schema.
 */
function withItemTypes(schema: JsonSchema): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)])) as Schema;
    const items = copy.items;
    if (copy.uniqueItems === true && items?.$ref && items.type === undefined && !items.$ref.startsWith("#")) {
      const type = resolveSchema(items).type;
      if (type === "string" || type === "integer" || type === "number") copy.items = { ...items, type };
    }
    return copy;
  };
  return walk(schema) as JsonSchema;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
    passContext: true,
  });
  // "email" and "date" are ours (FORMAT_CHECKS): ajv-formats accepts ? and & in the local part, which a mailto:
  // link would read as a query, and the year 0000.
  addFormats(ajv, ["uri"]);
  for (const [name, check] of Object.entries(FORMAT_CHECKS)) ajv.addFormat(name, check);
  ajv.addKeyword({ keyword: "x-error", schemaType: "object" });
  // Descriptions in Swedish and German beside the English `description`, for the editor's templates and the
  // data dictionary.
  ajv.addKeyword({ keyword: "x-description", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-title", schemaType: "object" });
  // Each fixed value's name in the web form ("lead" is shown as "Leder projektet").
  ajv.addKeyword({ keyword: "x-enum-titles", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-personal-data", schemaType: "boolean" });
  // A field whose editorial value is the editor's conclusion from the sources, not general knowledge.
  ajv.addKeyword({ keyword: "x-editorial", schemaType: "string" });
  // A field a command writes (site.yaml's includes: npm run include), which the web form leaves out.
  ajv.addKeyword({ keyword: "x-command", schemaType: "string" });
  ajv.addKeyword({
    keyword: "x-ref",
    schemaType: "string",
    validate(this: ValidationNotes | undefined, kind: string, data: unknown, _parent?: unknown, context?: DataContext) {
      if (this instanceof ValidationNotes && typeof data === "string" && context) {
        this.references.push({ kind: kind as Kind, id: data, instancePath: context.instancePath });
      }
      return true;
    },
  });
  ajv.addKeyword({
    keyword: "x-translatable",
    schemaType: "boolean",
    validate(
      this: ValidationNotes | undefined,
      flag: boolean,
      data: unknown,
      _parent?: unknown,
      context?: DataContext,
    ) {
      if (this instanceof ValidationNotes && data !== null && typeof data === "object" && context) {
        const languages = Object.entries(data)
          .filter(([lang, text]) => LANGUAGE_TAG.test(lang) && typeof text === "string")
          .map(([lang]) => lang);
        this.texts.push({ instancePath: context.instancePath, languages, translatable: flag });
      }
      return true;
    },
  });
  // A text that may span lines: the loader's text rule then allows tabs and line breaks in it.
  ajv.addKeyword({ keyword: "x-multiline", schemaType: "boolean" });
  // Links in a Markdown text follow the rule of URL fields: one error per refused link.
  ajv.addKeyword({ keyword: "x-markdown", schemaType: "boolean", errors: true, validate: linksAllowed });
  for (const schema of readSchemas().values()) ajv.addSchema(withItemTypes(schema));
  return ajv;
}

export type FileValidator = (value: unknown, notes: ValidationNotes) => ErrorObject[];

/** One validator per kind, compiled on first use and kept for the process. */
/** The one ajv instance, holding every record schema; compiled on first use. */
const sharedAjv = memoize(createAjv);

/** A validator for a schema that refers to the record schemas (the release file's, made in code). */
export function compileValidator(schema: JsonSchema): FileValidator {
  const validate = sharedAjv().compile(schema);
  return (value, notes) => (validate.call(notes, value) ? [] : [...(validate.errors ?? [])]);
}

const validators = memoize((): ReadonlyMap<Kind | "site", FileValidator> => {
  const ajv = sharedAjv();
  const compiled = new Map<Kind | "site", FileValidator>();
  for (const [name, file] of Object.entries(SCHEMA_OF_KIND)) {
    const validate = ajv.getSchema(file) as ValidateFunction | undefined;
    if (!validate) throw new Error(`schema ${file} is missing`);
    compiled.set(name as Kind | "site", (value, notes) =>
      validate.call(notes, value) ? [] : [...(validate.errors ?? [])],
    );
  }
  return compiled;
});

export function validatorFor(kind: Kind | "site"): FileValidator {
  const validator = validators().get(kind);
  if (!validator) throw new Error(`no schema for ${kind}`);
  return validator;
}
