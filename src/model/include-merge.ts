// The site's own records and its included publications' as one set of records. An included record
// keeps its publisher: its id becomes `<publisher>/<id>`, and every reference inside its package is
// rewritten to match (the schemas' `x-ref` say which fields refer), so references resolve within
// their package. Organisations are reconciled, never merged silently: an included organisation
// becomes the site's own where the site's editor confirmed it (`same_as`), or where it shares an
// identifier of a known scheme with one already present (the site's own first, then the includes
// in site.yaml's order). Themes, a vocabulary whose ids come from their labels, are one where their
// ids are equal. Pure: the packages come read and validated.
import { iatiOrganisationIdentifier, organisationNumberDigits } from "../core/organisation-number.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { readSchemas, resolveSchema, type Schema } from "./schemas.js";
import { type IncludedPackage, type Organisation, type Records, SCHEMA_OF_KIND } from "./types.js";

/** Where an included record comes from: its publisher's slug and its id there. */
export interface RecordOrigin {
  readonly publisher: string;
  readonly id: string;
}

export interface MergedRecords {
  readonly records: Records;
  /** Included records by "kind/id" as merged; the site's own records have none. */
  readonly origins: ReadonlyMap<string, RecordOrigin>;
  /**
   * Organisations that stand for other publications' records of the same organisation: by the id
   * kept, the records reconciled into it ("publisher/id") with how (same_as or the identifier).
   */
  readonly reconciled: ReadonlyMap<string, readonly Reconciled[]>;
}

export interface Reconciled {
  readonly origin: RecordOrigin;
  readonly record: Organisation;
  /** "same_as", or the identifier both carry ("iati SE-ON-2120001769"). */
  readonly by: string;
}

/** The kinds whose records may name their twins in included publications (`same_as`). */
export const SAME_AS_KINDS = ["organisations", "programmes", "networks"] as const satisfies readonly Kind[];
/** The kinds besides organisations, which have identifiers too: one only by the editor's same_as. */
const CONFIRMED_ONLY = ["programmes", "networks"] as const satisfies readonly SameAsKind[];
export type SameAsKind = (typeof SAME_AS_KINDS)[number];
export const isSameAsKind = (kind: string): kind is SameAsKind => (SAME_AS_KINDS as readonly string[]).includes(kind);

export const includedId = (publisher: string, id: string): string => `${publisher}/${id}`;
export const recordKey = (kind: Kind, id: string): string => `${kind}/${id}`;

type MapId = (kind: Kind, id: string) => string;

/** Every reference in a value, rewritten by `mapId`, following the schema's `x-ref` keywords. */
function mapReferences(value: unknown, schema: Schema, mapId: MapId): unknown {
  const node = resolveSchema(schema);
  if (node["x-ref"] && typeof value === "string") return mapId(node["x-ref"], value);
  if (Array.isArray(value)) return node.items ? value.map((item) => mapReferences(item, node.items!, mapId)) : value;
  if (value === null || typeof value !== "object") return value;
  const branches = [node, ...(((node as { anyOf?: Schema[] }).anyOf ?? []) as Schema[])];
  const properties = Object.assign({}, ...branches.map((branch) => resolveSchema(branch).properties ?? {})) as Record<
    string,
    Schema
  >;
  if (Object.keys(properties).length === 0) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      properties[key] ? mapReferences(inner, properties[key], mapId) : inner,
    ]),
  );
}

const schemaOf = (kind: Kind): Schema => readSchemas().get(SCHEMA_OF_KIND[kind]) as Schema;

/**
 * What an organisation is known by, each as a key and as the editor reads it: its identifiers, and
 * its Swedish organisation number as the IATI identifier it gives (SE-ON-…), so either matches.
 */
function identifierKeys(organisation: Organisation): [string, string][] {
  const digits = organisation.organisation_number && organisationNumberDigits(organisation.organisation_number);
  const identifiers = [
    ...(organisation.identifiers ?? []),
    ...(digits ? [{ scheme: "iati", id: iatiOrganisationIdentifier(digits) }] : []),
  ];
  return identifiers.map((identifier) => [
    `${identifier.scheme}\u0000${identifier.id.toUpperCase()}`,
    `${identifier.scheme} ${identifier.id}`,
  ]);
}

/** The site's records with its includes' records, each included one under its publisher. */
export function mergeIncludes(own: Records, packages: readonly IncludedPackage[]): MergedRecords {
  if (packages.length === 0) return { records: own, origins: new Map(), reconciled: new Map() };
  const records = Object.fromEntries(
    KINDS.map((kind) => [kind, new Map(own[kind] as Map<string, unknown>)]),
  ) as Records;
  const origins = new Map<string, RecordOrigin>();
  const reconciled = new Map<string, Reconciled[]>();

  // Which organisation each identifier already stands for, and what the site's editor confirmed.
  const byIdentifier = new Map<string, string>();
  const confirmed = new Map<string, string>();
  for (const [id, organisation] of own.organisations) {
    for (const [key] of identifierKeys(organisation)) if (!byIdentifier.has(key)) byIdentifier.set(key, id);
    for (const target of organisation.same_as ?? []) confirmed.set(target, id);
  }
  // Programmes and networks: the site's own record stands for each included one its same_as names.
  const confirmedOthers = new Map<string, string>(
    CONFIRMED_ONLY.flatMap((kind) =>
      [...(own[kind] as ReadonlyMap<string, { same_as?: string[] }>)].flatMap(([id, record]) =>
        (record.same_as ?? []).map((target): [string, string] => [`${kind}/${target}`, id]),
      ),
    ),
  );

  // A theme is one wherever its id is the same: the site's own first, else the first include's.
  const themeHome = new Map([...own.themes.keys()].map((id) => [id, id]));
  for (const entry of packages) {
    const { publisher } = entry.pin;
    const kept = new Map<string, string>();
    for (const [id, organisation] of entry.records.organisations) {
      const merged = includedId(publisher, id);
      const identifier = identifierKeys(organisation).find(([key]) => byIdentifier.has(key));
      const into = confirmed.get(merged) ?? (identifier ? byIdentifier.get(identifier[0]) : undefined);
      if (into !== undefined) {
        kept.set(id, into);
        // What it is known by leads to the organisation kept, for the includes after this one.
        for (const [key] of identifierKeys(organisation)) if (!byIdentifier.has(key)) byIdentifier.set(key, into);
        const list = reconciled.get(into) ?? [];
        list.push({
          origin: { publisher, id },
          record: organisation,
          by: identifier && !confirmed.has(merged) ? identifier[1] : "same_as",
        });
        reconciled.set(into, list);
      } else
        for (const [key] of identifierKeys(organisation)) if (!byIdentifier.has(key)) byIdentifier.set(key, merged);
    }
    const sharedThemes = new Map<string, string>();
    for (const id of entry.records.themes.keys()) {
      const home = themeHome.get(id);
      if (home === undefined) themeHome.set(id, includedId(publisher, id));
      else sharedThemes.set(id, home);
    }
    const keptOthers = new Map<string, string>();
    for (const kind of CONFIRMED_ONLY)
      for (const id of (entry.records[kind] as ReadonlyMap<string, unknown>).keys()) {
        const into = confirmedOthers.get(`${kind}/${includedId(publisher, id)}`);
        if (into !== undefined) keptOthers.set(`${kind}/${id}`, into);
      }
    const mapId: MapId = (kind, id) => {
      if (kind === "organisations" && kept.has(id)) return kept.get(id)!;
      const confirmedOther = keptOthers.get(`${kind}/${id}`);
      if (confirmedOther !== undefined) return confirmedOther;
      if (kind === "themes" && sharedThemes.has(id)) return sharedThemes.get(id)!;
      return (entry.records[kind] as ReadonlyMap<string, unknown>).has(id) ? includedId(publisher, id) : id;
    };
    for (const kind of KINDS) {
      for (const [id, record] of entry.records[kind] as ReadonlyMap<string, object>) {
        const reconciledAway =
          (kind === "organisations" && kept.has(id)) ||
          keptOthers.has(`${kind}/${id}`) ||
          (kind === "themes" && sharedThemes.has(id));
        if (reconciledAway) continue;
        const merged = includedId(publisher, id);
        (records[kind] as Map<string, unknown>).set(merged, mapReferences(record, schemaOf(kind), mapId));
        origins.set(recordKey(kind, merged), { publisher, id });
      }
    }
  }
  return { records: sortedById(records), origins, reconciled };
}

/** Records in id order, as the validator hands them over, so lists do not depend on include order. */
function sortedById(records: Records): Records {
  return Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      new Map([...(records[kind] as Map<string, unknown>)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ]),
  ) as Records;
}
