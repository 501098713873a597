// A new record file written from its schema: every field present, each with a comment in
// Swedish saying what it means and giving an example, so the editor never reads JSON Schema.
// Required fields stand empty and must be filled; optional ones are commented out.

import { DEFAULT_EDITOR_LANG, publicationLanguages, sourceLanguage } from "../core/languages.js";
import type { Kind } from "../core/vocabulary.js";
import { isTextSchema, readSchemas, resolveSchema, type Schema } from "./schemas.js";
import { SCHEMA_OF_KIND } from "./types.js";

const EXAMPLES: Record<string, string> = {
  "partial-date": '"2016-03"',
  "iso-duration": "P3Y",
  iso3166: "SE",
  "iso3166-alpha2": "SE",
  iso4217: "SEK",
  "web-url": "https://www.example.se/",
  email: "namn@kommun.se",
  date: '"2017-09-05"',
};

function example(schema: Schema): string {
  if (schema.format && EXAMPLES[schema.format]) return EXAMPLES[schema.format]!;
  if (schema["x-ref"]) return `<id i data/${schema["x-ref"]}/>`;
  if (schema.enum) return String(schema.enum[0]);
  if (schema.type === "integer") return String(schema.minimum ?? 1);
  if (schema.type === "number") return "100000";
  if (schema.type === "boolean") return "true";
  return '"…"';
}

function comment(schema: Schema, required: boolean): string {
  const meaning = schema["x-description"]?.[DEFAULT_EDITOR_LANG] ?? schema.description ?? "";
  const values =
    schema.enum && !meaning.includes(String(schema.enum[0])) ? ` Möjliga värden: ${schema.enum.join(", ")}.` : "";
  return `# ${meaning}${values}${required ? " (Måste fyllas i.)" : ""}`;
}

interface FieldParams {
  readonly name: string;
  /** The field's schema as written, perhaps a reference; its own descriptions win over the target's. */
  readonly raw: Schema;
  readonly required: boolean;
  /** The spaces in front of each line. */
  readonly indent: string;
}

/** The lines for one field, at an indentation; optional fields come out commented. */
function field({ name, raw, required, indent }: FieldParams): string[] {
  const schema = resolveSchema(raw);
  const described: Schema = {
    ...schema,
    ...(raw.description ? { description: raw.description } : {}),
    ...(raw["x-description"] ? { "x-description": raw["x-description"] } : {}),
  };
  const lines = [`${indent}${comment(described, required)}`];
  const off = required ? "" : "# ";
  if (isTextSchema(schema)) {
    // The other languages stay commented until written, so a missing translation is reported, never published as "…".
    lines.push(`${indent}${off}${name}:`);
    lines.push(`${indent}${off}  ${sourceLanguage()}: ${required ? "" : '"…"'}`.trimEnd());
    for (const lang of publicationLanguages().filter((lang) => lang !== sourceLanguage()))
      lines.push(`${indent}#   ${lang}: "…"`);
  } else if (schema.type === "array") {
    const items = resolveSchema(schema.items ?? {});
    if (items.type === "object" && !isTextSchema(items)) {
      lines.push(`${indent}${off}${name}:`);
      const innerRequired = new Set(items.required ?? []);
      const props = Object.entries(items.properties ?? {}).sort(
        ([a], [b]) => Number(innerRequired.has(b)) - Number(innerRequired.has(a)),
      );
      props.forEach(([inner, innerSchema], index) => {
        const resolved = resolveSchema(innerSchema);
        const value = isTextSchema(resolved)
          ? `{ ${sourceLanguage()}: "…" }`
          : required && innerRequired.has(inner)
            ? ""
            : example(resolved);
        const innerOff = required && !innerRequired.has(inner) ? "# " : off;
        lines.push(`${indent}${innerOff}${index === 0 ? "  - " : "    "}${inner}: ${value}`.trimEnd());
      });
    } else {
      lines.push(`${indent}${off}${name}: [${required ? "" : example(items)}]`);
    }
  } else if (schema.type === "object" && schema.properties) {
    lines.push(`${indent}${off}${name}:`);
    for (const [inner, innerSchema] of Object.entries(schema.properties)) {
      const resolved = resolveSchema(innerSchema);
      const value = isTextSchema(resolved)
        ? `{ ${sourceLanguage()}: "…" }`
        : resolved.type === "object"
          ? "{ amount: 100000, currency: SEK }"
          : resolved.type === "array"
            ? "[{ amount: 100000, currency: SEK }]"
            : example(resolved);
      lines.push(`${indent}${off}  ${inner}: ${value}`);
    }
  } else {
    lines.push(`${indent}${off}${name}: ${required ? "" : example(schema)}`.trimEnd());
  }
  return lines;
}

/** The text of a new record file of a kind, with the schema line that YAML editors understand. */
export function recordTemplate(kind: Kind): string {
  const file = SCHEMA_OF_KIND[kind];
  const schema = readSchemas().get(file) as Schema;
  const title = schema["x-title"]?.[DEFAULT_EDITOR_LANG] ?? schema.title ?? kind;
  const required = new Set(schema.required ?? []);
  const lines = [
    `# yaml-language-server: $schema=../../src/model/schemas/${file}`,
    `# ${title}. Fyll i fälten som måste fyllas i och ta bort # framför de valfria fält du använder.`,
    "# Kontrollera filen med: npm run validate",
    "",
  ];
  // Fields the build works out (readOnly, e.g. a project's derived status) are never written by hand.
  const entries = Object.entries(schema.properties ?? {})
    .filter(([, property]) => (property as { readOnly?: boolean }).readOnly !== true)
    .sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)));
  for (const [name, property] of entries)
    lines.push(...field({ name, raw: property, required: required.has(name), indent: "" }), "");
  return `${lines.join("\n").trimEnd()}\n`;
}
