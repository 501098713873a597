// The JSON Schemas of what is published, derived by code from the editors' schemas in
// src/model/schemas/, so those stay the one description of the data. A published schema is
// self-contained (2020-12, only standard keywords and formats): each record carries its id and
// its schema's address, personal fields are gone, and the custom formats the editors' validator
// knows become patterns and enums any validator checks.

import { absoluteUrl, publishedSchemaUrl } from "../core/routes.js";
import type { Kind } from "../core/vocabulary.js";
import { COUNTRIES, CURRENCIES, NON_ISO_COUNTRIES } from "../model/codes.js";
import { PUBLIC_KINDS, refersToPersonalData } from "../model/published.js";
import { type JsonSchema, readSchemas, resolveSchema, type Schema } from "../model/schemas.js";
import { SCHEMA_OF_KIND } from "../model/types.js";

/** A record id, as the editors' common schema defines it. */
export const ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** The name of the all-records file's schema beside the kinds' ones. */
export const ALL_RECORDS_SCHEMA = "utblick";

/** Month 01–12 and day 01–31: the day's existence in its month is the only rule left to the reader. */
const PARTIAL_DATE_PATTERN = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
const DURATION_PATTERN = "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$";

/** What a custom format of the editors' schemas becomes in a published one (and in a Table Schema). */
export function standardFormat(format: string): JsonSchema {
  switch (format) {
    case "partial-date":
      return { pattern: PARTIAL_DATE_PATTERN };
    case "iso-duration":
      return { pattern: DURATION_PATTERN };
    case "iso4217":
      return { enum: [...CURRENCIES].sort() };
    case "iso3166-alpha2":
      return {
        enum: [...COUNTRIES].sort(),
        $comment:
          `ISO 3166-1 alpha-2, plus ${[...NON_ISO_COUNTRIES].join(", ")}: ` +
          "user-assigned codes, not ISO 3166-1, used by the EU for Kosovo.",
      };
    case "web-url":
      // What browsers open, not RFC 3986: a web address may hold characters a strict URI may not.
      return { pattern: "^https?://[^\\s/$.?#][^\\s]*$" };
    default:
      return { format };
  }
}

const schemas = readSchemas();

/** Keywords whose values are data, not subschemas. */
const VALUE_KEYWORDS = new Set(["enum", "const", "default", "examples", "description", "title", "$comment", "pattern"]);

/** The name a $ref points at, as a local definition of the published schema. */
function definitionName(ref: string): string {
  return ref.split("/").at(-1) ?? ref;
}

class Converter {
  readonly defs = new Map<string, JsonSchema>();

  /** A copy of a schema node with standard keywords only and local references. */
  convert(node: Schema): JsonSchema {
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-") || key === "$id" || key === "$schema" || key === "$defs") continue;
      if (key === "$ref" && typeof value === "string") {
        this.define(value);
        out.$ref = `#/$defs/${definitionName(value)}`;
      } else if (key === "format" && typeof value === "string") Object.assign(out, standardFormat(value));
      else if (key === "properties") out.properties = this.properties(node);
      else if (key === "required") out.required = (value as string[]).filter((name) => this.kept(node, name));
      else if (VALUE_KEYWORDS.has(key)) out[key] = value;
      else out[key] = this.subschemas(value);
    }
    if (node["x-ref"]) out.pattern = ID_PATTERN;
    return out;
  }

  /** Subschemas under any other keyword (items, anyOf, if/then, …) are converted alike. */
  private subschemas(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.subschemas(item));
    if (value !== null && typeof value === "object") return this.convert(value as Schema);
    return value;
  }

  private kept(node: Schema, name: string): boolean {
    const property = node.properties?.[name];
    return property === undefined || !refersToPersonalData(resolveSchema(property));
  }

  private properties(node: Schema): JsonSchema {
    return Object.fromEntries(
      Object.entries(node.properties ?? {})
        .filter(([name]) => this.kept(node, name))
        .map(([name, property]) => [name, this.convert(property)]),
    );
  }

  private define(ref: string): void {
    const name = definitionName(ref);
    if (this.defs.has(name)) return;
    this.defs.set(name, {});
    const target = resolveSchema({ $ref: ref.startsWith("#") ? `common.schema.json${ref}` : ref });
    this.defs.set(name, this.convert(target));
  }
}

const releaseNote = {
  removed_in: {
    type: "string",
    pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(\\.[0-9]+)?$",
    description:
      "Only in the file of a record that has been removed: the release that no longer has it. " +
      "The rest is the record as its last release published it.",
  },
};

function recordObject(converter: Converter, file: string): JsonSchema {
  return converter.convert(schemas.get(file) as Schema);
}

/** The published schema of one kind's per-record JSON files. */
export function recordSchema(kind: Kind, baseUrl: string): JsonSchema {
  const converter = new Converter();
  const record = recordObject(converter, SCHEMA_OF_KIND[kind]);
  const url = absoluteUrl(baseUrl, publishedSchemaUrl(kind));
  return {
    $schema: DRAFT,
    $id: url,
    ...record,
    description:
      `${String(record.description ?? kind)} As published in /data/${kind}/<id>.json: ` +
      "the record with its id, without personal data.",
    properties: {
      $schema: { const: url, description: "The address of this schema." },
      id: { type: "string", pattern: ID_PATTERN, description: "The record's id, stable forever." },
      ...(record.properties as JsonSchema),
      ...releaseNote,
    },
    required: ["$schema", "id", ...((record.required as string[]) ?? [])],
    $defs: Object.fromEntries([...converter.defs].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The published schema of utblick.json (and of each release's copy of it). */
export function allRecordsSchema(baseUrl: string): JsonSchema {
  const converter = new Converter();
  const kinds = Object.fromEntries(PUBLIC_KINDS.map((kind) => [kind, recordObject(converter, SCHEMA_OF_KIND[kind])]));
  const site = recordObject(converter, SCHEMA_OF_KIND.site);
  return {
    $schema: DRAFT,
    $id: absoluteUrl(baseUrl, publishedSchemaUrl(ALL_RECORDS_SCHEMA)),
    title: "Utblick open data",
    description: "utblick.json: the publication and every published record, by kind and id.",
    type: "object",
    properties: {
      site: { $ref: "#/$defs/site" },
      ...Object.fromEntries(
        PUBLIC_KINDS.map((kind) => [
          kind,
          {
            type: "object",
            propertyNames: { pattern: ID_PATTERN },
            additionalProperties: { $ref: `#/$defs/record-${kind}` },
          },
        ]),
      ),
    },
    // A kind added to Utblick later is absent from the releases made before it: only the site is
    // required, so every release file keeps passing the schema of its own and of later versions.
    required: ["site"],
    additionalProperties: false,
    $defs: Object.fromEntries(
      [
        ["site", site] as const,
        ...Object.entries(kinds).map(([kind, schema]) => [`record-${kind}`, schema] as const),
        ...converter.defs,
      ].sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}
