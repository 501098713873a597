// The JSON Schemas of what is published, derived by code from the editors' schemas in
// src/model/schemas/, so those stay the one description of the data. A published schema is
// self-contained (2020-12, standard keywords only, no `format`): each record carries its id and
// its schema's address, personal fields are gone, and every format becomes a pattern or an enum
// any validator checks as installed (ajv's strict defaults refuse a format they do not know, and
// know none without a plugin). The editors' own keywords (`x-…`) stay out of every published
// schema, the editors' source schemas included: EXTENSION_KEYWORD is the one rule of what is left out.

import { availableLanguages } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { absoluteUrl, publishedSchemaUrl, sourceSchemaUrl } from "../core/routes.js";
import { SHA256_PATTERN } from "../core/serialise.js";
import type { Kind } from "../core/vocabulary.js";
import { t, type UiKey } from "../i18n/translate.js";
import { COUNTRIES, CURRENCIES, NON_ISO_COUNTRIES } from "../model/codes.js";
import { PUBLIC_KINDS, refersToPersonalData } from "../model/published.js";
import { RELEASE_VERSION_PATTERN } from "../model/releases.js";
import { type JsonSchema, readSchemas, resolveSchema, type Schema } from "../model/schemas.js";
import { SCHEMA_OF_KIND } from "../model/types.js";
import { ALL_RECORDS_SCHEMA } from "../releases/history.js";
import { CITATION_SCHEMA } from "./citation.js";

/** A record id, as the editors' common schema defines it. */
export const ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

/**
 * A record id as published: the site's own record's id, or an included record's, which is its
 * publisher's slug, a slash and its id there (testkommun/renare-vatten).
 */
export const PUBLISHED_ID_PATTERN = "^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** The name of the all-records file's schema beside the kinds' ones (its home is where the file is written). */
export { ALL_RECORDS_SCHEMA } from "../releases/history.js";

/** Month 01–12 and day 01–31: the day's existence in its month is the only rule left to the reader. */
const PARTIAL_DATE_PATTERN = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
const DURATION_PATTERN = "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$";

/** The editors' own keywords (`x-title`, `x-ref`, …): what the web form and our validator read, and no one else. */
export const EXTENSION_KEYWORD = /^x-/;

const DAY_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const EMAIL_PATTERN = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";

/** What a format of the editors' schemas becomes in a published one (and in a Table Schema). */
export function standardFormat(format: string): JsonSchema {
  switch (format) {
    case "date":
      return { pattern: DAY_PATTERN, $comment: "An RFC 3339 full-date: YYYY-MM-DD." };
    case "email":
      return { pattern: EMAIL_PATTERN, $comment: "An e-mail address." };
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
    case "se-organisation-number":
      return {
        pattern: "^\\d{6}-?\\d{4}$",
        $comment: "A Swedish organisation number; its last digit is a Luhn check digit.",
      };
    case "uri":
      return { pattern: "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*$", $comment: "An absolute URI (RFC 3986)." };
    default:
      throw new Error(`no published equivalent of the format ${format}: add one to standardFormat`);
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
      if (EXTENSION_KEYWORD.test(key) || key === "$id" || key === "$schema" || key === "$defs") continue;
      if (key === "$ref" && typeof value === "string") {
        this.define(value);
        out.$ref = `#/$defs/${definitionName(value)}`;
      } else if (key === "format" && typeof value === "string") Object.assign(out, standardFormat(value));
      else if (key === "properties") out.properties = this.properties(node);
      else if (key === "required") out.required = (value as string[]).filter((name) => this.kept(node, name));
      else if (VALUE_KEYWORDS.has(key)) out[key] = value;
      else out[key] = this.subschemas(value);
    }
    if (node["x-ref"]) out.pattern = PUBLISHED_ID_PATTERN;
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

/** A release's version: its day, and a number after a dot for a second release that day. */

/** A field's description as the editors' schemas give one: English, and every other language in x-description. */
function described(key: UiKey): Pick<Schema, "description" | "x-description"> {
  const others = availableLanguages().filter((lang) => lang !== "en");
  return {
    description: t("en", key),
    "x-description": Object.fromEntries(others.map((lang) => [lang, t(lang, key)])),
  };
}

/**
 * What the open data add to every record, as the editors' schemas would describe it (so that the
 * published schemas and the tables treat it as any field): whose the record is and, for an
 * included publication's record, where it comes from. A release holds the site's own records
 * without them, so neither is required.
 */
export const publishedFields = memoize(
  (): Readonly<Record<"published_by" | "provenance", Schema>> => ({
    published_by: { type: "string", pattern: ID_PATTERN, ...described("openDataProvenance.publishedBy") },
    provenance: {
      type: "object",
      ...described("openDataProvenance.provenance"),
      properties: {
        publisher_name: { $ref: "common.schema.json#/$defs/text", ...described("openDataProvenance.publisherName") },
        original: { type: "string", format: "web-url", ...described("openDataProvenance.original") },
        release: {
          type: "object",
          ...described("openDataProvenance.release"),
          properties: {
            url: { type: "string", format: "web-url", ...described("openDataProvenance.releaseUrl") },
            version: {
              type: "string",
              pattern: RELEASE_VERSION_PATTERN,
              ...described("openDataProvenance.releaseVersion"),
            },
            sha256: { type: "string", pattern: SHA256_PATTERN, ...described("openDataProvenance.releaseSha256") },
            retrieved: { $ref: "common.schema.json#/$defs/day", ...described("openDataProvenance.releaseRetrieved") },
          },
          required: ["url", "version", "sha256", "retrieved"],
          additionalProperties: false,
        },
      },
      required: ["original"],
      additionalProperties: false,
    },
  }),
);

/** A kind's published record object: the editors' schema's, with the fields the open data add. */
function publishedRecordObject(converter: Converter, file: string): JsonSchema {
  const record = recordObject(converter, file);
  const added = Object.fromEntries(
    Object.entries(publishedFields()).map(([name, schema]) => [name, converter.convert(schema)]),
  );
  return { ...record, properties: { ...(record.properties as JsonSchema), ...added } };
}

const releaseNote = {
  removed_in: {
    type: "string",
    pattern: RELEASE_VERSION_PATTERN,
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
  const record = publishedRecordObject(converter, SCHEMA_OF_KIND[kind]);
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
      id: {
        type: "string",
        pattern: PUBLISHED_ID_PATTERN,
        description: "The record's id, stable forever; an included publication's record's is <publisher>/<id>.",
      },
      ...(record.properties as JsonSchema),
      ...releaseNote,
      // The citation's schema is written by hand: its formats become rules here too.
      citation: withoutExtensions(CITATION_SCHEMA),
    },
    required: ["$schema", "id", ...((record.required as string[]) ?? [])],
    $defs: Object.fromEntries([...converter.defs].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The published schema of utblick.json (and of each release's copy of it). */
export function allRecordsSchema(baseUrl: string): JsonSchema {
  const converter = new Converter();
  const kinds = Object.fromEntries(
    PUBLIC_KINDS.map((kind) => [kind, publishedRecordObject(converter, SCHEMA_OF_KIND[kind])]),
  );
  const site = recordObject(converter, SCHEMA_OF_KIND.site);
  const url = absoluteUrl(baseUrl, publishedSchemaUrl(ALL_RECORDS_SCHEMA));
  return {
    $schema: DRAFT,
    $id: url,
    title: "Utblick open data",
    description: "utblick.json: the publication and every published record, by kind and id.",
    type: "object",
    properties: {
      // Not required: a copy of utblick.json written before files named their schema still passes.
      $schema: { const: url, description: "The address of this schema." },
      site: { $ref: "#/$defs/site" },
      ...Object.fromEntries(
        PUBLIC_KINDS.map((kind) => [
          kind,
          {
            type: "object",
            propertyNames: { pattern: PUBLISHED_ID_PATTERN },
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

/** Keywords whose values map names to subschemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);

/** A node of an editors' schema as published: no editors' keywords, every format as a standard rule. */
function withoutExtensions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExtensions);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (EXTENSION_KEYWORD.test(key)) continue;
    if (key === "format" && typeof value === "string") Object.assign(out, standardFormat(value));
    else if (VALUE_KEYWORDS.has(key) || key === "required" || key === "$ref") out[key] = value;
    else if (SCHEMA_MAPS.has(key))
      out[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, sub]) => [name, withoutExtensions(sub)]),
      );
    else out[key] = withoutExtensions(value);
  }
  // A reference to another record keeps its rule: an id.
  if ((node as JsonSchema)["x-ref"] !== undefined && out.pattern === undefined) out.pattern = ID_PATTERN;
  return out;
}

/**
 * An editors' schema as published under /data/schemas/source/: the same rules, its address as its
 * $id (so its references to common.schema.json resolve beside it), without the editors' keywords.
 */
export function sourceSchema(file: string, baseUrl: string): JsonSchema {
  const schema = withoutExtensions(schemas.get(file)) as JsonSchema;
  return { ...schema, $id: absoluteUrl(baseUrl, sourceSchemaUrl(file)) };
}

/** The name of releases.json's published schema. */
export const RELEASES_SCHEMA = "releases";

/** The published schema of releases.json: the current release and every release with its changes. */
export function releasesSchema(baseUrl: string): JsonSchema {
  const url = absoluteUrl(baseUrl, publishedSchemaUrl(RELEASES_SCHEMA));
  const day = { type: "string", ...standardFormat("date") };
  const release = {
    version: {
      type: "string",
      pattern: RELEASE_VERSION_PATTERN,
      description: "The release's version: its day, maybe .2, .3.",
    },
    date: { ...day, description: "The day of the release." },
    recorded: {
      type: "boolean",
      description: "Whether the release is recorded (false: the current data, unreleased).",
    },
  };
  return {
    $schema: DRAFT,
    $id: url,
    title: "Utblick releases",
    description: "releases.json: the current release and every release, newest first, with the records each changed.",
    type: "object",
    properties: {
      $schema: { const: url, description: "The address of this schema." },
      current: { type: "object", properties: release, required: Object.keys(release), additionalProperties: false },
      releases: { type: "array", items: { $ref: "#/$defs/release" } },
    },
    required: ["current", "releases"],
    additionalProperties: false,
    $defs: {
      change: {
        type: "object",
        properties: {
          kind: { type: "string", description: "The kind of the record, or site for the publication." },
          id: { type: "string", description: "The record's id." },
          change: { enum: ["added", "removed", "changed"] },
          fields: {
            type: "array",
            items: { type: "string" },
            description: "For a changed record: the fields that differ, as paths (title.en, funding[0].amount).",
          },
        },
        required: ["kind", "id", "change", "fields"],
        additionalProperties: false,
      },
      release: {
        type: "object",
        properties: {
          ...release,
          url: { type: "string", ...standardFormat("web-url"), description: "The release's utblick.json." },
          sha256: { type: "string", pattern: SHA256_PATTERN, description: "The SHA-256 of that file." },
          schema: {
            type: "string",
            ...standardFormat("web-url"),
            description: "The schema the release's utblick.json follows, where this publication publishes it.",
          },
          archive: {
            type: "object",
            description:
              "A recorded release's zip (its utblick.json, CSV tables and datapackage.json): " +
              "what another publication includes.",
            properties: {
              url: { type: "string", ...standardFormat("web-url"), description: "The zip's address." },
              sha256: { type: "string", pattern: SHA256_PATTERN, description: "The SHA-256 of the zip." },
              bytes: { type: "integer", minimum: 0, description: "The zip's size in bytes." },
            },
            required: ["url", "sha256", "bytes"],
            additionalProperties: false,
          },
          changes: { type: "array", items: { $ref: "#/$defs/change" } },
        },
        required: [...Object.keys(release), "url", "sha256", "schema", "changes"],
        additionalProperties: false,
      },
    },
  };
}
