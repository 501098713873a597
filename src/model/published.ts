// The records as published: personal data removed, in id order. Every export starts here.

import type { DateTime } from "luxon";
import { LANGUAGE_TAG, type Lang, sourceLanguage } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { absoluteUrl, releaseArchiveUrl } from "../core/routes.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import type { Dataset, IncludedPublication, LinkFacts, ProjectFacts } from "./dataset.js";
import { includedId, type RecordOrigin, recordKey } from "./include-merge.js";
import { originalJsonUrl } from "./provenance.js";
import { readSchemas, resolveSchema as resolve, type Schema } from "./schemas.js";
import { releasePinOf, SCHEMA_OF_KIND, type Site } from "./types.js";

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

/**
 * The records as published, each with its publisher (and an included one with its provenance);
 * computed once per dataset, since pages and files all ask for them.
 */
export const publicRecords = memoize((dataset: Dataset): PublicRecords => computePublicRecords(dataset, true));

/**
 * The records as recorded, without what the build derives and without a publisher (a release is
 * its publisher's alone): what a release keeps and compares.
 */
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

/** A pinned release of an included publication: its archive's address, version, SHA-256 and day of retrieval. */
export interface IncludedRelease {
  readonly url: string;
  readonly version: string;
  readonly sha256: string;
  readonly retrieved: string;
}

/** Where an included record comes from: its publisher, the original's address and the release it was included from. */
export interface Provenance {
  /** The name of the organisation that publishes it, in the site's languages it has. */
  readonly publisher_name?: Readonly<Partial<Record<Lang, string>>>;
  /** The record's own JSON file at the original publication. */
  readonly original: string;
  /** The pinned release its records were read from; a local folder (path:) has none. */
  readonly release?: IncludedRelease;
}

/** The release an include pins, its archive at the publication's own address; none for a local folder (path:). */
export function includedRelease({ pin, site }: IncludedPublication): IncludedRelease | undefined {
  const release = releasePinOf(pin);
  if (!release) return undefined;
  const { version, sha256, retrieved } = release;
  return { url: absoluteUrl(site.base_url, releaseArchiveUrl(version)), version, sha256, retrieved };
}

/** What the records of one included publication share of their provenance: its address, publisher's name, release. */
interface IncludeProvenance {
  readonly site: Site;
  readonly name?: Provenance["publisher_name"];
  readonly release?: IncludedRelease;
}

/**
 * The shared provenance of each included publication, by its slug, worked out once per dataset. Its
 * publisher is named where that publication has a record of it (kept apart, or reconciled into one
 * of this site's), in the languages of this site it has a name in.
 */
const includeProvenance = memoize((dataset: Dataset): ReadonlyMap<string, IncludeProvenance> => {
  const reconciled = new Set(
    [...dataset.reconciled.values()].flatMap((list) =>
      list.map(({ origin }) => includedId(origin.publisher, origin.id)),
    ),
  );
  const languages = dataset.site.languages;
  return new Map(
    dataset.includes.map((include) => {
      const own = includedId(include.publisher, include.site.publisher);
      const recorded = dataset.origins.has(recordKey("organisations", own)) || reconciled.has(own);
      const name = Object.fromEntries(
        Object.entries(include.name).filter(([lang]) => languages.includes(lang as Lang)),
      );
      const release = includedRelease(include);
      return [
        include.publisher,
        {
          site: include.site,
          ...(recorded && Object.keys(name).length > 0 ? { name } : {}),
          ...(release ? { release } : {}),
        },
      ];
    }),
  );
});

/** The provenance of an included record: whose it is, where the original is, and the release it came in. */
function provenanceOf(dataset: Dataset, kind: Kind, origin: RecordOrigin): Provenance | undefined {
  const shared = includeProvenance(dataset).get(origin.publisher);
  if (!shared) return undefined;
  return {
    ...(shared.name ? { publisher_name: shared.name } : {}),
    original: originalJsonUrl(shared.site, kind, origin.id),
    ...(shared.release ? { release: shared.release } : {}),
  };
}

/**
 * Whose a published record is (`published_by`: a source's own `publisher` is the organisation that
 * published the source): the included publication's slug for its records, with their provenance;
 * the site's publisher for its own. Placed last, after what the record says.
 */
function withPublisher({
  dataset,
  kind,
  id,
  record,
}: {
  dataset: Dataset;
  kind: Kind;
  id: string;
  record: PublicRecord;
}): PublicRecord {
  const origin = dataset.origins.get(recordKey(kind, id));
  if (!origin) return { ...record, published_by: dataset.site.publisher };
  const provenance = provenanceOf(dataset, kind, origin);
  return { ...record, published_by: origin.publisher, ...(provenance ? { provenance } : {}) };
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
            if (!derived) return [id, publicRecord];
            const worked = derivedFor(dataset, kind, id);
            const full = worked ? withDerived(publicRecord, worked) : publicRecord;
            return [id, withPublisher({ dataset, kind, id, record: full })];
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
