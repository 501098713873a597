// The JSON Schemas of data/ (src/model/schemas/), compiled once with ajv. The schemas are the one
// description of the data: the validator, the published schemas and the data dictionary use them.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { isCountry, isCurrency } from "./codes.js";
import { parseDuration, parsePartialDate } from "./dates.js";
import { SCHEMA_OF_KIND, type Kind, type Lang } from "./types.js";

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "schemas");

export type JsonSchema = { [key: string]: unknown };

/** Every schema file, by file name. */
export function readSchemas(): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const name of readdirSync(SCHEMA_DIR).filter((file) => file.endsWith(".schema.json")).sort()) {
    schemas.set(name, JSON.parse(readFileSync(join(SCHEMA_DIR, name), "utf8")) as JsonSchema);
  }
  return schemas;
}

/** A reference to another record, noted while a file is validated (schema keyword `x-ref`). */
export interface ReferenceSeen {
  readonly kind: Kind;
  readonly id: string;
  readonly instancePath: string;
}

/** A translatable text, noted while a file is validated (schema keyword `x-translatable`). */
export interface TextSeen {
  readonly instancePath: string;
  readonly languages: readonly Lang[];
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
  iso4217: isCurrency,
  "iso3166-alpha2": isCountry,
  // Only web addresses: a `javascript:` or `data:` link must never reach a page.
  "web-url": (value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && URL.canParse(value),
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, strictRequired: false, allowUnionTypes: true, verbose: true, passContext: true });
  addFormats(ajv, ["date", "email", "uri"]);
  for (const [name, check] of Object.entries(FORMAT_CHECKS)) ajv.addFormat(name, check);
  ajv.addKeyword({ keyword: "x-error", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-personal-data", schemaType: "boolean" });
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
    validate(this: ValidationNotes | undefined, _flag: boolean, data: unknown, _parent?: unknown, context?: DataContext) {
      if (this instanceof ValidationNotes && data !== null && typeof data === "object" && context) {
        const languages = (["sv", "en", "de"] as const).filter((lang) => typeof (data as Record<string, unknown>)[lang] === "string");
        this.texts.push({ instancePath: context.instancePath, languages });
      }
      return true;
    },
  });
  for (const schema of readSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

export type FileValidator = (value: unknown, notes: ValidationNotes) => ErrorObject[];

let validators: Map<Kind | "site", FileValidator> | undefined;

/** One validator per kind; compiled on first use and kept for the process. */
export function validatorFor(kind: Kind | "site"): FileValidator {
  if (!validators) {
    const ajv = createAjv();
    validators = new Map();
    for (const [name, file] of Object.entries(SCHEMA_OF_KIND)) {
      const validate = ajv.getSchema(file) as ValidateFunction | undefined;
      if (!validate) throw new Error(`schema ${file} is missing`);
      validators.set(name as Kind | "site", (value, notes) => (validate.call(notes, value) ? [] : [...(validate.errors ?? [])]));
    }
  }
  const validator = validators.get(kind);
  if (!validator) throw new Error(`no schema for ${kind}`);
  return validator;
}
