// The validated records, linked: derived dates and statuses, and every index the pages, the
// exports and the statistics need, computed once. Pure: no file or clock access here.

import type { DateTime, Duration } from "luxon";
import { type Lang, localeOf, publicationLanguages, usePublicationLanguages } from "../core/languages.js";
import { name, sourceText } from "../core/names.js";
import {
  DEFAULT_STATUS_WINDOW,
  DERIVED_STATUSES,
  type Kind,
  REPORTED_LINK_STATUSES,
  REPORTED_STATUSES,
  type ReportedLinkStatus,
  type ReportedStatus,
} from "../core/vocabulary.js";
import {
  type DerivedLinkStatus,
  type DerivedStatus,
  deriveLinkStatus,
  deriveStatus,
  endFromDuration,
  firstDayMillis,
  type LinkReport,
  type PartialDate,
  type PlannedDates,
  parseDuration,
  parsePartialDate,
  plannedDates,
  type StatusReport,
} from "./dates.js";
import { mergeIncludes, type Reconciled, type RecordOrigin, recordKey } from "./include-merge.js";
import { publicationLanguagesOf } from "./publication-languages.js";
import type { Release } from "./releases.js";
import type {
  Conflict,
  IncludePin,
  Network,
  Organisation,
  Partnership,
  Project,
  RawDataset,
  Records,
  Site,
  Text,
} from "./types.js";

/** A partnership once loaded: its name given or built from its partners'. */
export type NamedPartnership = Partnership & { readonly name: Text };
/** The records of a dataset: as validated, with every partnership named. */
export type LinkedRecords = Omit<Records, "partnerships"> & { partnerships: Map<string, NamedPartnership> };

/** How a partner is named in a partnership: by its town where it has one, else by its name. */
function placeName(organisation: Organisation | undefined, id: string, lang: Lang): string {
  if (!organisation) return id;
  return organisation.city ? name(organisation.city, lang) : name(organisation.name, lang);
}

/**
 * A partnership's name, built from its partners' records so each is spelt one way per language:
 * the first Swedish partner (whose partnership it is) – the partners abroad ("Västerås – Gaborone",
 * "Växjö – Niš, Kula och Varvarin"). A name the record gives wins.
 */
export function partnershipName(partnership: Partnership, organisations: ReadonlyMap<string, Organisation>): Text {
  if (partnership.name) return partnership.name;
  const built = (lang: Lang): string => {
    const [first] = partnership.swedish_partners;
    const home = first === undefined ? "" : placeName(organisations.get(first), first, lang);
    const abroad = partnership.international_partners.map((id) => placeName(organisations.get(id), id, lang));
    // Lists in the reader's language ("Niš, Kula och Varvarin"); British English has no serial comma.
    return `${home} – ${new Intl.ListFormat(localeOf(lang), { type: "conjunction" }).format(abroad)}`;
  };
  return Object.fromEntries(publicationLanguages().map((lang) => [lang, built(lang)]));
}

function named(records: Records): LinkedRecords {
  const partnerships = new Map(
    [...records.partnerships].map(([id, partnership]): [string, NamedPartnership] => [
      id,
      { ...partnership, name: partnershipName(partnership, records.organisations) },
    ]),
  );
  return { ...records, partnerships };
}

export interface ProjectFacts {
  readonly id: string;
  readonly record: Project;
  readonly start?: PartialDate;
  readonly end?: PartialDate;
  /** True when the end was computed from start + duration rather than written. */
  readonly endFromDuration: boolean;
  readonly status: DerivedStatus;
  /** What the sources reported: the record's own status and those kept as conflicts, as dated reports. */
  readonly reports: readonly StatusReport[];
  /** Which of the start and end only a plan gives (the sources never reported them as what happened). */
  readonly planned: PlannedDates;
  /**
   * Calendar years a source reports the project active in: from the start to the end, or, where
   * only a plan gives the end, to the year of the newest report (else the start year alone).
   */
  readonly years: readonly number[];
  /** The years after those up to an end only a plan gives: planned, never reported. */
  readonly plannedYears: readonly number[];
  readonly programmes: readonly string[];
  /** Funding organisations: of the programmes, and named directly. */
  readonly funders: readonly string[];
  /** Countries of the record, its participants, owners and places. */
  readonly countries: readonly string[];
  /** Every organisation the project names: owners, participants, funders, recipients. */
  readonly organisations: readonly string[];
}

type Index = ReadonlyMap<string, readonly string[]>;

/** Who publishes the site and the data: the organisation record `site.publisher` names. */
export interface Publisher {
  readonly id: string;
  /** The organisation's name, or its id where data/organisations/ has no record of it. */
  readonly name: Text;
  readonly organisation?: Organisation;
}

/** A partnership or a network with what the site says of it today. */
export interface LinkFacts {
  readonly id: string;
  readonly since?: PartialDate;
  readonly until?: PartialDate;
  readonly status: DerivedLinkStatus;
  /** What the sources reported: the record's own status, its active_as_of and its conflicts on the status. */
  readonly reports: readonly LinkReport[];
}

/** A publication site.yaml includes: its pin, its public settings and its publisher's name. */
export interface IncludedPublication {
  /** The slug its records are shown under. */
  readonly publisher: string;
  readonly pin: IncludePin;
  readonly site: Site;
  /** The name of the organisation that publishes it, as it names it. */
  readonly name: Text;
}

/** A partnership that another publication reports too: the other records, and where the records differ. */
export interface AlsoReported {
  readonly others: readonly string[];
  /** The fields whose values differ, with each record's value. */
  readonly differences: readonly {
    readonly field: string;
    readonly values: readonly { id: string; value: string }[];
  }[];
}

export interface Dataset {
  readonly site: Site;
  readonly publisher: Publisher;
  /** The publications this one includes, in site.yaml's order; empty for most sites. */
  readonly includes: readonly IncludedPublication[];
  /** Included records by "kind/id" (recordKey): whose they are and their id there. Own records have none. */
  readonly origins: ReadonlyMap<string, RecordOrigin>;
  /** Organisations that other publications' records of the same organisation were reconciled into. */
  readonly reconciled: ReadonlyMap<string, readonly Reconciled[]>;
  /** Partnerships that records of another publisher report too, by id. */
  readonly alsoReported: ReadonlyMap<string, AlsoReported>;
  /** The releases recorded in data/releases/, oldest first. */
  readonly releases: readonly Release[];
  readonly records: LinkedRecords;
  readonly today: DateTime;
  /** How long a reported "planned" or "ongoing" counts as today's status (site.yaml, default 12 months). */
  readonly statusWindow: Duration;
  /** Projects in reading order: ongoing first, then planned, then the rest; newest start first. */
  readonly projects: readonly ProjectFacts[];
  readonly project: ReadonlyMap<string, ProjectFacts>;
  /** Project ids by the id of what they refer to. */
  /** Every partnership and network with its status today, by id. */
  readonly partnerships: ReadonlyMap<string, LinkFacts>;
  readonly networks: ReadonlyMap<string, LinkFacts>;
  readonly projectsBy: {
    readonly organisation: Index;
    readonly owner: Index;
    readonly programme: Index;
    readonly funder: Index;
    readonly partnership: Index;
    readonly network: Index;
    readonly country: Index;
    readonly theme: Index;
    readonly sdg: Index;
    readonly status: Index;
    readonly year: Index;
    /** Projects by the years only a plan gives (plannedYears). */
    readonly plannedYear: Index;
    readonly person: Index;
    readonly source: Index;
    readonly parent: Index;
    /** Projects by the project they continue. */
    readonly follows: Index;
    /** Projects by the slug of the included publication they come from; the site's own are not listed. */
    readonly publisher: Index;
  };
  readonly partnershipsBy: {
    readonly organisation: Index;
    readonly network: Index;
    readonly programme: Index;
    readonly country: Index;
    readonly status: Index;
    readonly publisher: Index;
  };
  readonly programmesBy: { readonly funder: Index; readonly parent: Index };
  /** Organisations by the organisation they are part of. */
  readonly organisationsBy: { readonly parent: Index; readonly country: Index };
  /** Which records cite each source, as "kind/id". */
  readonly citations: Index;
}

function group(entries: Iterable<[string, string]>): Map<string, string[]> {
  // Sets, not arrays, while grouping: a programme or country may gather thousands of records.
  const sets = new Map<string, Set<string>>();
  for (const [key, value] of entries) {
    const set = sets.get(key);
    if (set) set.add(value);
    else sets.set(key, new Set([value]));
  }
  return new Map([...sets].map(([key, set]) => [key, [...set]]));
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

const isReportedStatus = (value: string): value is ReportedStatus =>
  (REPORTED_STATUSES as readonly string[]).includes(value);

const isReportedLinkStatus = (value: string): value is ReportedLinkStatus =>
  (REPORTED_LINK_STATUSES as readonly string[]).includes(value);

/**
 * The dated reports of a project's status: the one the record keeps (status, status_as_of) and
 * every other source's kept as a conflict on the field "status" (dated by the conflict's as_of,
 * else by its source's).
 */
const date = (text: string | undefined) => (text === undefined ? undefined : parsePartialDate(text));

export function statusReports(record: Project, records: Records): StatusReport[] {
  const reports: StatusReport[] = [];
  if (record.status) {
    const asOf = date(record.status_as_of);
    reports.push({ status: record.status, kept: true, ...(asOf ? { asOf } : {}) });
  }
  for (const conflict of record.conflicts ?? []) {
    if (conflict.field !== "status" || !isReportedStatus(conflict.value)) continue;
    const asOf = date(conflict.as_of ?? records.sources.get(conflict.source)?.as_of);
    reports.push({ status: conflict.value, kept: false, source: conflict.source, ...(asOf ? { asOf } : {}) });
  }
  return reports;
}

/**
 * The site's window for reported statuses; a malformed value cannot pass validation, so the
 * default covers only absence.
 */
export function statusWindow(site: Site): Duration {
  return (
    parseDuration(site.status_window ?? DEFAULT_STATUS_WINDOW) ?? (parseDuration(DEFAULT_STATUS_WINDOW) as Duration)
  );
}

const span = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);

/**
 * The years a project was active in as its sources report it, and the years after them that only
 * a plan gives. A planned start makes every year a plan; a planned end leaves the years up to the
 * newest dated report (at least the start year) reported, and the rest planned.
 */
export function activeYears({
  start,
  end,
  planned,
  reports,
}: {
  readonly start: PartialDate | undefined;
  readonly end: PartialDate | undefined;
  readonly planned: PlannedDates;
  readonly reports: readonly StatusReport[];
}): { years: number[]; plannedYears: number[] } {
  if (!start) return { years: [], plannedYears: [] };
  const last = end ? end.year : start.year;
  if (planned.start) return { years: [], plannedYears: span(start.year, last) };
  if (!planned.end) return { years: span(start.year, last), plannedYears: [] };
  const reported = Math.max(start.year, ...reports.flatMap((report) => (report.asOf ? [report.asOf.year] : [])));
  const confirmed = Math.min(reported, last);
  return { years: span(start.year, confirmed), plannedYears: span(confirmed + 1, last) };
}

/**
 * The dated reports of a partnership's or network's status: the one the record keeps (status,
 * status_as_of), the day a source saw a partnership under way (active_as_of, an "active" report),
 * and every other source's kept as a conflict on the field "status".
 */
export function linkReports(
  record: Pick<Partnership, "status" | "status_as_of" | "active_as_of" | "conflicts">,
  records: Records,
): LinkReport[] {
  const reports: LinkReport[] = [];
  if (record.status) {
    const asOf = date(record.status_as_of);
    reports.push({ status: record.status, kept: true, ...(asOf ? { asOf } : {}) });
  }
  const seen = date(record.active_as_of);
  if (seen) reports.push({ status: "active", kept: true, asOf: seen });
  for (const conflict of record.conflicts ?? ([] as Conflict[])) {
    if (conflict.field !== "status" || !isReportedLinkStatus(conflict.value)) continue;
    const asOf = date(conflict.as_of ?? records.sources.get(conflict.source)?.as_of);
    reports.push({ status: conflict.value, kept: false, source: conflict.source, ...(asOf ? { asOf } : {}) });
  }
  return reports;
}

export interface LinkFactsParams {
  readonly id: string;
  readonly record: Partnership | Network;
  readonly records: Records;
  readonly today: DateTime;
  readonly window: Duration;
}

export function linkFacts({ id, record, records, today, window }: LinkFactsParams): LinkFacts {
  const since = date(record.since);
  const until = date("until" in record ? record.until : undefined);
  const reports = linkReports(record, records);
  const status = deriveLinkStatus({ since, until, reports }, today, window);
  return { id, ...(since ? { since } : {}), ...(until ? { until } : {}), status, reports };
}

export interface ProjectFactsParams {
  readonly id: string;
  readonly record: Project;
  readonly records: Records;
  /** The day the facts speak for. */
  readonly today: DateTime;
  /** The site's window for reported statuses (statusWindow). */
  readonly window: Duration;
}

export function projectFacts({ id, record, records, today, window }: ProjectFactsParams): ProjectFacts {
  const start = record.start === undefined ? undefined : parsePartialDate(record.start);
  const written = record.end === undefined ? undefined : parsePartialDate(record.end);
  const duration = record.duration === undefined ? undefined : parseDuration(record.duration);
  const end = written ?? (start && duration ? endFromDuration(start, duration) : undefined);
  const reports = statusReports(record, records);
  const fromDuration = written === undefined && end !== undefined;
  const sourceDates = record.sources.map((ref) => date(records.sources.get(ref.source)?.as_of));
  const planned = plannedDates({ start, end, reports, endFromDuration: fromDuration, sourceDates });
  const status = deriveStatus({ start, end, reports, planned }, today, window);
  const { years, plannedYears } = activeYears({ start, end, planned, reports });
  const programmes = unique((record.funding ?? []).flatMap((line) => (line.programme ? [line.programme] : [])));
  const funders = unique([
    ...programmes.flatMap((programme) => {
      const funder = records.programmes.get(programme)?.funder;
      return funder ? [funder] : [];
    }),
    ...(record.funding ?? []).flatMap((line) => (line.funder ? [line.funder] : [])),
    ...(record.participants ?? [])
      .filter((participant) => participant.role === "funder")
      .map((participant) => participant.organisation),
  ]);
  const participantIds = (record.participants ?? []).map((participant) => participant.organisation);
  const organisations = unique([
    ...record.owners,
    ...participantIds,
    ...funders,
    ...(record.funding ?? []).flatMap((line) => (line.recipient ? [line.recipient] : [])),
  ]);
  const countries = unique([
    ...(record.countries ?? []),
    ...[...record.owners, ...participantIds].flatMap((org) => {
      const country = records.organisations.get(org)?.country;
      return country ? [country] : [];
    }),
    ...(record.places ?? []).map((place) => place.country),
  ]).sort();
  return {
    id,
    record,
    start,
    end,
    endFromDuration: fromDuration,
    status,
    reports,
    planned,
    years,
    plannedYears,
    programmes,
    funders,
    countries,
    organisations,
  };
}

/** At most this many other publishers' records of a partnership are linked from one record. */
const MAX_ALSO_REPORTED = 5;

/** The fields on which two publishers' records of one partnership are compared. */
const COMPARED_PARTNERSHIP_FIELDS = ["since", "until", "status", "network"] as const;

/**
 * Partnerships of the same partners in records of different publishers: each links to the others,
 * and the fields both give but differently are shown as conflicts between the publishers.
 */
export function alsoReported(
  partnerships: ReadonlyMap<string, Partnership>,
  publisherOf: (kind: Kind, id: string) => string | undefined,
): Map<string, AlsoReported> {
  // The same partnership: the same Swedish partner, whose it is, and the same partners abroad; a
  // publisher may name more Swedish partners (a municipal company) than another.
  const partnersKey = (partnership: Partnership) =>
    [partnership.swedish_partners[0], ...[...new Set(partnership.international_partners)].sort()].join("\u0000");
  const groups = group([...partnerships].map(([id, partnership]): [string, string] => [partnersKey(partnership), id]));
  const found = new Map<string, AlsoReported>();
  for (const ids of groups.values()) {
    if (new Set(ids.map((id) => publisherOf("partnerships", id) ?? "")).size < 2) continue;
    for (const id of ids) {
      // Bounded: a publication may hold many records of one pair of partners, and each would link to all.
      const others = ids
        .filter((other) => other !== id && publisherOf("partnerships", other) !== publisherOf("partnerships", id))
        .slice(0, MAX_ALSO_REPORTED);
      const differences = COMPARED_PARTNERSHIP_FIELDS.flatMap((field) => {
        const values = [id, ...others].flatMap((each) => {
          const value = partnerships.get(each)?.[field];
          return value === undefined ? [] : [{ id: each, value: String(value) }];
        });
        return new Set(values.map((entry) => entry.value)).size > 1 ? [{ field, values }] : [];
      });
      found.set(id, { others, differences });
    }
  }
  return found;
}

function compareProjects(a: ProjectFacts, b: ProjectFacts): number {
  const byStatus = DERIVED_STATUSES.indexOf(a.status.status) - DERIVED_STATUSES.indexOf(b.status.status);
  if (byStatus !== 0) return byStatus;
  const aStart = a.start ? firstDayMillis(a.start) : -Infinity;
  const bStart = b.start ? firstDayMillis(b.start) : -Infinity;
  return bStart - aStart || a.id.localeCompare(b.id);
}

export function buildDataset(raw: RawDataset, today: DateTime, releases: readonly Release[] = []): Dataset {
  const { site } = raw;
  // The publication whose dataset this is becomes the one in use: its texts fall back to its source language.
  usePublicationLanguages(publicationLanguagesOf(site));
  const merged = mergeIncludes(raw.records, raw.includes ?? []);
  const records = named(merged.records);
  const publisherOfRecord = (kind: Kind, id: string): string | undefined =>
    merged.origins.get(recordKey(kind, id))?.publisher;
  const window = statusWindow(site);
  const projects = [...records.projects]
    .map(([id, record]) => projectFacts({ id, record, records, today, window }))
    .sort(compareProjects);
  const by = <T>(
    items: readonly T[],
    keys: (item: T) => readonly (string | number)[],
    value: (item: T) => string,
  ): Index => group(items.flatMap((item) => keys(item).map((key): [string, string] => [String(key), value(item)])));
  const projectBy = (keys: (facts: ProjectFacts) => readonly (string | number | undefined)[]): Index =>
    by(
      projects,
      (facts) => keys(facts).filter((key): key is string | number => key !== undefined),
      (facts) => facts.id,
    );

  const links = <R extends Partnership | Network>(map: ReadonlyMap<string, R>) =>
    new Map([...map].map(([id, record]) => [id, linkFacts({ id, record, records, today, window })]));
  const partnershipFacts = links(records.partnerships);
  const networkFacts = links(records.networks);
  const partnerships = [...records.partnerships];
  const partnershipBy = (keys: (entry: (typeof partnerships)[number]) => readonly (string | undefined)[]): Index =>
    by(
      partnerships,
      (entry) => keys(entry).filter((key): key is string => key !== undefined),
      ([id]) => id,
    );

  const citing: [string, string][] = [];
  for (const kind of Object.keys(records) as Kind[]) {
    for (const [id, record] of records[kind] as Map<string, { sources?: { source: string }[] }>) {
      for (const ref of record.sources ?? []) citing.push([ref.source, `${kind}/${id}`]);
    }
  }

  const publisherRecord = records.organisations.get(site.publisher);
  return {
    site,
    publisher: {
      id: site.publisher,
      name: publisherRecord?.name ?? sourceText(site.publisher),
      ...(publisherRecord ? { organisation: publisherRecord } : {}),
    },
    includes: (raw.includes ?? []).map((entry) => ({
      publisher: entry.pin.publisher,
      pin: entry.pin,
      site: entry.site,
      name: entry.records.organisations.get(entry.site.publisher)?.name ?? sourceText(entry.site.publisher),
    })),
    origins: merged.origins,
    reconciled: merged.reconciled,
    alsoReported: alsoReported(records.partnerships, publisherOfRecord),
    releases,
    records,
    today,
    statusWindow: window,
    projects,
    project: new Map(projects.map((facts) => [facts.id, facts])),
    partnerships: partnershipFacts,
    networks: networkFacts,
    projectsBy: {
      organisation: projectBy((facts) => facts.organisations),
      owner: projectBy((facts) => facts.record.owners),
      programme: projectBy((facts) => facts.programmes),
      funder: projectBy((facts) => facts.funders),
      partnership: projectBy((facts) => [facts.record.partnership]),
      network: projectBy((facts) => [
        facts.record.network,
        facts.record.partnership ? records.partnerships.get(facts.record.partnership)?.network : undefined,
      ]),
      country: projectBy((facts) => facts.countries),
      theme: projectBy((facts) => facts.record.themes ?? []),
      sdg: projectBy((facts) => facts.record.sdgs ?? []),
      status: projectBy((facts) => [facts.status.status]),
      year: projectBy((facts) => facts.years),
      plannedYear: projectBy((facts) => facts.plannedYears),
      person: projectBy((facts) => facts.record.contacts ?? []),
      source: projectBy((facts) => facts.record.sources.map((ref) => ref.source)),
      parent: projectBy((facts) => [facts.record.part_of]),
      follows: projectBy((facts) => [facts.record.follows]),
      publisher: projectBy((facts) => [publisherOfRecord("projects", facts.id)]),
    },
    partnershipsBy: {
      organisation: partnershipBy(([, p]) => [...p.swedish_partners, ...p.international_partners]),
      network: partnershipBy(([, p]) => [p.network]),
      programme: partnershipBy(([, p]) => p.funders ?? []),
      status: partnershipBy(([id]) => [partnershipFacts.get(id)?.status.status]),
      publisher: partnershipBy(([id]) => [publisherOfRecord("partnerships", id)]),
      country: partnershipBy(([, p]) =>
        [...p.swedish_partners, ...p.international_partners].map((org) => records.organisations.get(org)?.country),
      ),
    },
    programmesBy: {
      funder: by(
        [...records.programmes],
        ([, programme]) => [programme.funder],
        ([id]) => id,
      ),
      parent: by(
        [...records.programmes],
        ([, programme]) => (programme.part_of ? [programme.part_of] : []),
        ([id]) => id,
      ),
    },
    organisationsBy: {
      parent: by(
        [...records.organisations],
        ([, organisation]) => (organisation.part_of ? [organisation.part_of] : []),
        ([id]) => id,
      ),
      country: by(
        [...records.organisations],
        ([, organisation]) => [organisation.country],
        ([id]) => id,
      ),
    },
    citations: group(citing),
  };
}
