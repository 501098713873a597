// The fixed vocabularies every layer speaks: the kinds of record, the statuses of a project and
// their order, and the licences the open data may carry. Each fact here has no other home: the
// schemas' enums name the same values, and test/core/vocabulary.unit.test.ts fails tsc where they differ.

/** The record kinds that live one file per record in a folder of data/, in loading order. */
export const KINDS = [
  "sources",
  "themes",
  "places",
  "organisations",
  "programmes",
  "people",
  "networks",
  "partnerships",
  "projects",
] as const;
export type Kind = (typeof KINDS)[number];

/** The statuses a source can report for a project. */
export const REPORTED_STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

export const isReportedStatus = (value: string): value is ReportedStatus =>
  (REPORTED_STATUSES as readonly string[]).includes(value);

/** Reported statuses that stay true once reported: a completed or cancelled project stays so. */
export const FINAL_STATUSES: ReadonlySet<ReportedStatus> = new Set(["completed", "cancelled"]);

/**
 * What the site can say of a project today, in the order lists show them: what runs now first.
 * `unconfirmed`: a source reported it planned or ongoing longer ago than the site's window, and
 * nothing since confirms it; `unknown`: neither dates nor any source say anything.
 */
export const DERIVED_STATUSES = ["ongoing", "planned", "unconfirmed", "unknown", "completed", "cancelled"] as const;
export type DerivedStatusCode = (typeof DERIVED_STATUSES)[number];

/** The statuses a source can report for a partnership or a network. */
export const REPORTED_LINK_STATUSES = ["planned", "active", "ended"] as const;
export type ReportedLinkStatus = (typeof REPORTED_LINK_STATUSES)[number];

/**
 * What the site can say of a partnership or network today, in list order. They follow the same
 * rule as a project's: `active` is read as a project's `ongoing`, `ended` as its `completed`.
 */
export const DERIVED_LINK_STATUSES = ["active", "planned", "unconfirmed", "unknown", "ended"] as const;
export type DerivedLinkStatusCode = (typeof DERIVED_LINK_STATUSES)[number];

/** A partnership's or network's status in a project's words, so that one rule derives both. */
export const LINK_STATUS_AS_PROJECT: Readonly<Record<ReportedLinkStatus, ReportedStatus>> = {
  planned: "planned",
  active: "ongoing",
  ended: "completed",
};

/** A project's derived status in a partnership's or network's words (a cancellation reads as ended). */
export const PROJECT_STATUS_AS_LINK: Readonly<Record<DerivedStatusCode, DerivedLinkStatusCode>> = {
  planned: "planned",
  ongoing: "active",
  completed: "ended",
  cancelled: "ended",
  unconfirmed: "unconfirmed",
  unknown: "unknown",
};

/** How long a reported "planned" or "ongoing" is taken as today's status, unless site.yaml says otherwise. */
export const DEFAULT_STATUS_WINDOW = "P12M";

/** IATI ActivityStatus codes: 1 pipeline, 2 implementation, 4 closed, 5 cancelled; the others have none. */
export const IATI_ACTIVITY_STATUS: Partial<Record<DerivedStatusCode, string>> = {
  planned: "1",
  ongoing: "2",
  completed: "4",
  cancelled: "5",
};

export interface Licence {
  /** SPDX identifier. */
  readonly spdx: string;
  readonly title: string;
  /** The name people use for it ("CC BY 4.0"), as the open-data page says it. */
  readonly shortName: string;
  /** The licence in the EU Publications Office's licence vocabulary. */
  readonly euVocabulary: string;
}

/**
 * The data licences Utblick knows, by their canonical URL (the value of `data_licence`). Their URLs
 * are the schema's enum of `data_licence`: test/core/vocabulary.unit.test.ts fails tsc if they differ.
 */
export const LICENCES = {
  "https://creativecommons.org/publicdomain/zero/1.0/": {
    spdx: "CC0-1.0",
    title: "Creative Commons Zero v1.0 Universal",
    shortName: "CC0 1.0",
    euVocabulary: "http://publications.europa.eu/resource/authority/licence/CC0",
  },
  "https://creativecommons.org/licenses/by/4.0/": {
    spdx: "CC-BY-4.0",
    title: "Creative Commons Attribution 4.0 International",
    shortName: "CC BY 4.0",
    euVocabulary: "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
  },
} as const satisfies Readonly<Record<string, Licence>>;
export type LicenceUrl = keyof typeof LICENCES;

export const isKnownLicence = (url: string): url is LicenceUrl => Object.hasOwn(LICENCES, url);

/** The licence of a URL: known ones by name, any other named by its URL. */
export function licenceOf(url: string): Licence {
  return isKnownLicence(url) ? LICENCES[url] : { spdx: url, title: url, shortName: url, euVocabulary: url };
}
