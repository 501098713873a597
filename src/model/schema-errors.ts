// Turns ajv's errors into sentences an editor understands, with the field and a suggestion.
import type { ErrorObject } from "ajv";
import countries from "i18n-iso-countries";
import { COUNTRIES, CURRENCIES } from "./codes.js";
import { type PathSegment } from "./problems.js";
import { didYouMean } from "./suggest.js";

export interface SchemaMessage {
  /** The path of the field at fault. */
  readonly path: PathSegment[];
  /** Point at the key (unknown fields) rather than the value. */
  readonly at: "key" | "value";
  readonly message: string;
}

/** JSON pointer "/funding/0/currency" to ["funding", 0, "currency"]. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const show = (value: unknown): string =>
  typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));

function typeName(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return String(value);
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list (lines starting with -)",
  object: "a group of fields",
};

function countryCodeFor(value: string): string | undefined {
  for (const lang of ["en", "sv", "de"]) {
    const code = countries.getAlpha2Code(value, lang);
    if (code) return code;
  }
  return undefined;
}

function formatMessage(format: string, value: unknown): string {
  const text = String(value);
  switch (format) {
    case "partial-date":
      return `${show(value)} is not a date: write a year (2016), a month (2016-03) or a day (2016-03-01)`;
    case "iso-duration":
      return `${show(value)} is not an ISO 8601 duration: write for example P3Y (three years), P18M (18 months) or P1Y6M`;
    case "iso4217":
      return `${show(value)} is not an ISO 4217 currency code${didYouMean(text.toUpperCase(), CURRENCIES)}`;
    case "iso3166-alpha2": {
      const byName = countryCodeFor(text);
      const hint = byName ? ` (did you mean "${byName}"?)` : didYouMean(text.toUpperCase(), COUNTRIES);
      return `${show(value)} is not an ISO 3166-1 alpha-2 country code${hint}`;
    }
    case "web-url":
      return /^(javascript|data|vbscript):/i.test(text.trim())
        ? `${show(value)} is not allowed: links must be web addresses starting with https:// or http://`
        : `${show(value)} is not a web address: write it in full, starting with https://`;
    case "email":
      return `${show(value)} is not an e-mail address`;
    case "date":
      return `${show(value)} is not a calendar day: write YYYY-MM-DD`;
    default:
      return `${show(value)} is not in the ${format} format`;
  }
}

type SchemaWithExtras = {
  properties?: Record<string, unknown>;
  "x-error"?: Record<string, string>;
  description?: string;
  format?: string;
};

/** One message per ajv error that the editor needs to see; errors implied by another are dropped. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaMessage[] {
  const explained = errors.filter((error) => {
    const parent = error.parentSchema as SchemaWithExtras | undefined;
    return (error.keyword === "anyOf" || error.keyword === "not") && parent?.["x-error"]?.[error.keyword];
  });
  const insideExplained = (error: ErrorObject): boolean =>
    explained.some(
      (outer) =>
        outer !== error &&
        error.instancePath === outer.instancePath &&
        error.schemaPath.startsWith(outer.schemaPath + "/"),
    );
  const messages: SchemaMessage[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (insideExplained(error)) continue;
    const message = describe(error);
    if (!message) continue;
    const key = `${message.path.join("/")}|${message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(message);
  }
  return messages;
}

function describe(error: ErrorObject): SchemaMessage | undefined {
  const path = pointerToPath(error.instancePath);
  const parent = error.parentSchema as SchemaWithExtras | undefined;
  const params = error.params as Record<string, unknown>;
  const value: unknown = error.data;
  switch (error.keyword) {
    case "required":
      return { path: [...path, String(params.missingProperty)], at: "value", message: "is required but missing" };
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      return {
        path: [...path, name],
        at: "key",
        message: `unknown field${didYouMean(name, known) || `; the fields here are ${known.join(", ")}`}`,
      };
    }
    case "type": {
      const expected = String(params.type)
        .split(",")
        .map((type) => EXPECTED[type] ?? type)
        .join(" or ");
      if (parent?.format === "partial-date" && typeof value === "number") {
        return { path, at: "value", message: `write the date in quotes, as text: "${value}"` };
      }
      return {
        path,
        at: "value",
        message: `must be ${expected}, not ${typeName(value)}${value === null ? " (is a value missing after the colon?)" : ""}`,
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        path,
        at: "value",
        message: `${show(value)} is not one of: ${allowed.join(", ")}${didYouMean(String(value), allowed)}`,
      };
    }
    case "const":
      return { path, at: "value", message: `must be ${show(params.allowedValue)}, not ${show(value)}` };
    case "format":
      return { path, at: "value", message: formatMessage(String(params.format), value) };
    case "pattern":
      return {
        path,
        at: "value",
        message: `${show(value)} does not have the expected form: ${parent?.["x-error"]?.pattern ?? parent?.description ?? "see the schema"}`,
      };
    case "minimum":
    case "maximum": {
      const schema = parent as { minimum?: number; maximum?: number } | undefined;
      if (schema?.minimum !== undefined && schema.maximum !== undefined) {
        return {
          path,
          at: "value",
          message: `${show(value)} is out of range: it must be between ${schema.minimum} and ${schema.maximum}`,
        };
      }
      return {
        path,
        at: "value",
        message:
          error.keyword === "minimum" && params.limit === 0
            ? `${show(value)} is negative; it cannot be`
            : `${show(value)} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(params.limit)}`,
      };
    }
    case "minItems":
      return {
        path,
        at: "value",
        message: `needs at least ${String(params.limit)} ${params.limit === 1 ? "entry" : "entries"}`,
      };
    case "uniqueItems":
      return {
        path: [...path, Number(params.i)],
        at: "value",
        message: `is listed twice (also entry ${String(params.j)}); keep one`,
      };
    case "minLength":
      return { path, at: "value", message: "must not be empty" };
    case "dependentRequired":
      return {
        path,
        at: "value",
        message: `has ${String(params.property)} but not ${String(params.missingProperty)}; give both`,
      };
    case "anyOf":
    case "not":
      return { path, at: "value", message: parent?.["x-error"]?.[error.keyword] ?? "does not match any allowed form" };
    default:
      return { path, at: "value", message: error.message ?? "is not valid" };
  }
}
