// The records as published: personal data removed, in id order. Every export starts here.

import type { DateTime } from "luxon";
import { LANGUAGE_TAG, type Lang, sourceLanguage } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import type { Dataset, LinkFacts, ProjectFacts } from "./dataset.js";
import { recordKey } from "./include-merge.js";
import { readSchemas, resolveSchema as resolve, type Schema } from "./schemas.js";
import { SCHEMA_OF_KIND } from "./types.js";

const schemas = readSchemas();

/** Kinds whose records are personal data, and never published as open data. */
export const PERSONAL_KINDS: ReadonlySet<Kind> = new Set(
  KINDS.filter((kind) => (schemas.get(SCHEMA_OF_KIND[kind]) as Schema)["x-personal-data"] === true),
);

export function refersToPersonalData(schema: Schema): boolean {
  const target = schema.type === "array" && schema.items ? resolve(schema.items) : schema;
  return target["x-ref"] !== undefined && PERSONAL_KINDS.has(target["x-ref"]);
}

/** The property names of a kind that point at personal data (e.g. contacts). */
export const personalFields = memoize((kind: Kind | "site"): readonly string[] => {
  const schema = schemas.get(SCHEMA_OF_KIND[kind]) as Schema;
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => refersToPersonalData(resolve(property)))
    .map(([name]) => name);
});

export type PublicRecord = Record<string, unknown>;
export type PublicRecords = Map<Kind, Map<string, PublicRecord>>;

/** A translatable text: an object keyed by languages only, the source language among them. */
function isText(value: object): value is Record<Lang, string> {
  const keys = Object.keys(value);
  return keys.includes(sourceLanguage()) && keys.every((key) => LANGUAGE_TAG.test(key));
}

/**
 * Drops empty lists and groups, which carry no information and would not survive a CSV trip, and
 * the texts of languages the site does not publish.
 */
function compact(value: unknown, languages: readonly Lang[]): unknown {
  if (Array.isArray(value)) return value.map((item) => compact(item, languages));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([key]) => !isText(value) || languages.includes(key as Lang))
      .map(([key, inner]) => [key, compact(inner, languages)] as const)
      .filter(([, inner]) => inner !== undefined && !(Array.isArray(inner) && inner.length === 0));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

function published(kind: Kind | "site", record: object, languages: readonly Lang[]): PublicRecord {
  const hidden = new Set(personalFields(kind));
  const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !hidden.has(key)));
  return (compact(fields, languages) ?? {}) as PublicRecord;
}

export const PUBLIC_KINDS: readonly Kind[] = KINDS.filter((kind) => !PERSONAL_KINDS.has(kind));

/** The records as published; computed once per dataset, since pages and files all ask for them. */
export const publicRecords = memoize((dataset: Dataset): PublicRecords => computePublicRecords(dataset, true));

/** The records as recorded, without what the build derives: what a release keeps and compares. */
const recordedRecords = memoize((dataset: Dataset): PublicRecords => computePublicRecords(dataset, false));

/**
 * What the site can say of a project on the build day, published beside what the sources
 * reported (status, status_as_of), so no reader takes an old report for today's status.
 */
export function derivedOf(facts: ProjectFacts, today: DateTime): PublicRecord {
  return {
    status: facts.status.status,
    ...(facts.end ? { end: facts.end.iso } : {}),
    ...(facts.end && facts.planned.end ? { end_planned: true } : {}),
    ...(facts.start && facts.planned.start ? { start_planned: true } : {}),
    as_of: today.toISODate() ?? "",
  };
}

/** What the site can say of a partnership or network on the build day, beside what the sources reported. */
export function derivedOfLink(facts: LinkFacts, today: DateTime): PublicRecord {
  return { status: facts.status.status, as_of: today.toISODate() ?? "" };
}

/** The derived object of a record of a kind that has one, for the build day. */
function derivedFor(dataset: Dataset, kind: Kind, id: string): PublicRecord | undefined {
  if (kind === "projects") {
    const facts = dataset.project.get(id);
    return facts ? derivedOf(facts, dataset.today) : undefined;
  }
  const links = kind === "partnerships" ? dataset.partnerships : kind === "networks" ? dataset.networks : undefined;
  const facts = links?.get(id);
  return facts ? derivedOfLink(facts, dataset.today) : undefined;
}

function computePublicRecords(dataset: Dataset, derived: boolean): PublicRecords {
  return new Map(
    PUBLIC_KINDS.map((kind) => [
      kind,
      new Map(
        [...(dataset.records[kind] as Map<string, object>)]
          // A release holds the site's own records: others' are theirs to release, and are pinned here.
          .filter(([id]) => derived || !dataset.origins.has(recordKey(kind, id)))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([id, record]) => {
            const publicRecord = published(kind, record, dataset.site.languages);
            const worked = derived ? derivedFor(dataset, kind, id) : undefined;
            return [id, worked ? withDerived(publicRecord, worked) : publicRecord];
          }),
      ),
    ]),
  );
}

/** The derived object placed before the sources, where the schema describes it. */
function withDerived(record: PublicRecord, derived: PublicRecord): PublicRecord {
  const { sources, ...rest } = record;
  return { ...rest, derived, sources };
}

export function publicSite(dataset: Dataset): PublicRecord {
  return published("site", dataset.site, dataset.site.languages);
}

/**
 * Everything the open data publish, as one object: the content of utblick.json, with the derived
 * status of each project, partnership and network.
 */
export function publicSnapshot(dataset: Dataset): Record<string, unknown> {
  return snapshotOf(dataset, publicRecords(dataset));
}

/**
 * The content of a release: the records as recorded, without the derived objects, which change
 * with the day of the build while the facts stay the same.
 */
export function releaseSnapshot(dataset: Dataset): Record<string, unknown> {
  return snapshotOf(dataset, recordedRecords(dataset));
}

function snapshotOf(dataset: Dataset, records: PublicRecords): Record<string, unknown> {
  return {
    site: publicSite(dataset),
    ...Object.fromEntries([...records].map(([kind, byId]) => [kind, Object.fromEntries(byId)])),
  };
}
