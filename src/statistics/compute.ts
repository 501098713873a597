// The figures of the statistics page, computed from the validated records. Pure: the same
// functions the page uses can be checked against a recomputation from the published CSV files.

import { addTo } from "../core/collections.js";
import { DERIVED_LINK_STATUSES } from "../core/vocabulary.js";
import type { Dataset } from "../model/dataset.js";
import { parsePartialDate } from "../model/dates.js";
import { recordKey } from "../model/include-merge.js";
import type { Partnership } from "../model/types.js";

export interface Count {
  readonly key: string;
  readonly value: number;
}

export interface YearStatus {
  readonly year: number;
  /** Projects starting that year, by their status on the day of the build. */
  readonly ongoing: number;
  readonly completed: number;
  readonly other: number;
}

export interface Amount {
  /** A programme id, or an organisation id where the money came from a funder directly. */
  readonly key: string;
  readonly kind: "programme" | "organisation";
  readonly amount: number;
  /** How many funding lines the sum is made of. */
  readonly lines: number;
}

/** Charts show this many categories; the rest are summed into one "others" bar. */
export const TOP_CATEGORIES = 15;

/** The largest categories and, when there are more, one "others" entry with the rest. */
export function topWithOthers(counts: readonly Count[], limit = TOP_CATEGORIES): Count[] {
  if (counts.length <= limit + 1) return [...counts];
  const rest = counts.slice(limit).reduce((sum, count) => sum + count.value, 0);
  return [...counts.slice(0, limit), { key: OTHERS, value: rest }];
}

export const OTHERS = "__others__";

export interface Statistics {
  readonly projectsByStartYear: readonly YearStatus[];
  /** Projects without a known start (or with only a planned one), left out of the chart by year. */
  readonly projectsWithoutStart: number;
  readonly projectsByProgramme: readonly Count[];
  /** Sums of the granted amounts per currency: never added across currencies. */
  readonly fundingByCurrency: ReadonlyMap<string, readonly Amount[]>;
  /** Projects by the countries of their partners and places, the owners' own countries apart. */
  readonly projectsByPartnerCountry: readonly Count[];
  /** Projects by their owners' countries. */
  readonly projectsByOwnerCountry: readonly Count[];
  /** Projects whose partners and places are all in their owners' countries. */
  readonly projectsOnlyAtHome: number;
  readonly projectsBySdg: readonly Count[];
  readonly projectsByTheme: readonly Count[];
  /** Partnerships in existence each year, counted only in the years their dates or dated sources cover. */
  readonly partnershipsOverTime: readonly Count[];
  /** Partnerships no year can be given for: no start, and no dated source that saw them active. */
  readonly partnershipsWithoutStart: number;
  /** Partnerships by their status on the build day, in the order of DERIVED_LINK_STATUSES. */
  readonly partnershipsByStatus: readonly Count[];
}

const byValueThenKey = (a: Count, b: Count) => b.value - a.value || a.key.localeCompare(b.key);

function counts(index: ReadonlyMap<string, readonly string[]>): Count[] {
  return [...index].map(([key, ids]) => ({ key, value: ids.length })).sort(byValueThenKey);
}

const yearOf = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : parsePartialDate(text)?.year;

/**
 * The years a partnership can be said to exist: from its start, or the first day a source saw it
 * under way (active_as_of, or a reported "active" with its date), to its end, or else to the newest
 * year any of its dated sources speaks for (never beyond the build day). Years after that no source
 * covers, so they are not counted; a partnership reported ended is not carried on by its sources.
 */
export function coveredYears(partnership: Partnership, dataset: Dataset): { from: number; to: number } | undefined {
  const seenActive = [
    yearOf(partnership.active_as_of),
    partnership.status === "active" ? yearOf(partnership.status_as_of) : undefined,
  ].filter((year): year is number => year !== undefined);
  const from = yearOf(partnership.since) ?? (seenActive.length > 0 ? Math.min(...seenActive) : undefined);
  if (from === undefined) return undefined;
  const until = yearOf(partnership.until);
  if (until !== undefined) return { from, to: until };
  const sources =
    partnership.status === "ended"
      ? []
      : partnership.sources.map((ref) => yearOf(dataset.records.sources.get(ref.source)?.as_of) ?? from);
  return { from, to: Math.min(Math.max(from, ...seenActive, ...sources), dataset.today.year) };
}

function countryCounts(
  dataset: Dataset,
): Pick<Statistics, "projectsByPartnerCountry" | "projectsByOwnerCountry" | "projectsOnlyAtHome"> {
  const partner = new Map<string, string[]>();
  const owner = new Map<string, string[]>();
  let projectsOnlyAtHome = 0;
  for (const facts of dataset.projects) {
    const own = new Set(
      facts.record.owners.flatMap((id) => {
        const country = dataset.records.organisations.get(id)?.country;
        return country ? [country] : [];
      }),
    );
    for (const code of own) addTo(owner, code, facts.id);
    const abroad = facts.countries.filter((code) => !own.has(code));
    if (abroad.length === 0) projectsOnlyAtHome++;
    for (const code of abroad) addTo(partner, code, facts.id);
  }
  return { projectsByPartnerCountry: counts(partner), projectsByOwnerCountry: counts(owner), projectsOnlyAtHome };
}

export function computeStatistics(dataset: Dataset): Statistics {
  const years = new Map<number, { ongoing: number; completed: number; other: number }>();
  let projectsWithoutStart = 0;
  for (const facts of dataset.projects) {
    // A start only a plan gives is no year the project started in: it is counted apart.
    if (!facts.start || facts.planned.start) {
      projectsWithoutStart++;
      continue;
    }
    const entry = years.get(facts.start.year) ?? { ongoing: 0, completed: 0, other: 0 };
    if (facts.status.status === "ongoing") entry.ongoing++;
    else if (facts.status.status === "completed") entry.completed++;
    else entry.other++;
    years.set(facts.start.year, entry);
  }
  const projectsByStartYear = [...years].map(([year, entry]) => ({ year, ...entry })).sort((a, b) => a.year - b.year);

  const projectsByProgramme = new Map<string, Set<string>>();
  const sums = new Map<string, Map<string, Amount>>();
  for (const facts of dataset.projects) {
    for (const line of facts.record.funding ?? []) {
      const key = line.programme ?? line.funder ?? "";
      const kind = line.programme ? "programme" : "organisation";
      const projects = projectsByProgramme.get(`${kind}:${key}`) ?? new Set<string>();
      projects.add(facts.id);
      projectsByProgramme.set(`${kind}:${key}`, projects);
      if (line.amount === undefined || line.currency === undefined) continue;
      const inCurrency = sums.get(line.currency) ?? new Map<string, Amount>();
      const previous = inCurrency.get(`${kind}:${key}`);
      inCurrency.set(`${kind}:${key}`, {
        key,
        kind,
        amount: (previous?.amount ?? 0) + line.amount,
        lines: (previous?.lines ?? 0) + 1,
      });
      sums.set(line.currency, inCurrency);
    }
  }
  const fundingByCurrency = new Map(
    [...sums]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amounts]) => [
        currency,
        [...amounts.values()].sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)),
      ]),
  );

  const spans: { from: number; to: number }[] = [];
  let partnershipsWithoutStart = 0;
  for (const partnership of dataset.records.partnerships.values()) {
    const span = coveredYears(partnership, dataset);
    if (!span) partnershipsWithoutStart++;
    else spans.push(span);
  }
  // The chart ends with the last year a source covers: later years would show nothing but silence as zeros.
  const partnershipsOverTime: Count[] = [];
  const first = Math.min(...spans.map((span) => span.from));
  const last = Math.max(...spans.map((span) => span.to));
  for (let year = first; spans.length > 0 && year <= last; year++) {
    partnershipsOverTime.push({
      key: String(year),
      value: spans.filter((span) => span.from <= year && span.to >= year).length,
    });
  }

  return {
    projectsByStartYear,
    projectsWithoutStart,
    projectsByProgramme: [...projectsByProgramme].map(([key, ids]) => ({ key, value: ids.size })).sort(byValueThenKey),
    fundingByCurrency,
    ...countryCounts(dataset),
    projectsBySdg: counts(dataset.projectsBy.sdg).sort((a, b) => Number(a.key) - Number(b.key)),
    projectsByTheme: counts(dataset.projectsBy.theme),
    partnershipsOverTime,
    partnershipsWithoutStart,
    partnershipsByStatus: DERIVED_LINK_STATUSES.map((status) => ({
      key: status,
      value: dataset.partnershipsBy.status.get(status)?.length ?? 0,
    })).filter((count) => count.value > 0),
  };
}

/** How many records of each kind one publisher publishes on the site. */
export interface PublisherCount {
  /** The publisher's slug: the site's own (site.publisher) or an included publication's. */
  readonly publisher: string;
  readonly own: boolean;
  readonly projects: number;
  readonly partnerships: number;
  readonly networks: number;
  readonly organisations: number;
}

const PUBLISHER_COUNTED = ["projects", "partnerships", "networks", "organisations"] as const;

/**
 * The records of each publisher: the site's own first, then each included publication in
 * site.yaml's order. An organisation reconciled into another is counted once, as the one kept.
 * Empty on a site without includes.
 */
export function recordsByPublisher(dataset: Dataset): PublisherCount[] {
  if (dataset.includes.length === 0) return [];
  const counts = new Map<string, Record<(typeof PUBLISHER_COUNTED)[number], number>>(
    [dataset.site.publisher, ...dataset.includes.map((entry) => entry.publisher)].map((slug) => [
      slug,
      { projects: 0, partnerships: 0, networks: 0, organisations: 0 },
    ]),
  );
  for (const kind of PUBLISHER_COUNTED)
    for (const id of dataset.records[kind].keys()) {
      const slug = dataset.origins.get(recordKey(kind, id))?.publisher ?? dataset.site.publisher;
      const entry = counts.get(slug);
      if (entry) entry[kind]++;
    }
  return [...counts].map(([publisher, entry]) => ({ publisher, own: publisher === dataset.site.publisher, ...entry }));
}
