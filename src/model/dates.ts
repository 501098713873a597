// Partial ISO dates ("2016", "2016-03", "2014-12-01"), ISO 8601 durations, and the status of a
// project derived from them. Pure functions: no clock is read here; callers pass the reference day.
import { DateTime, Duration } from "luxon";
import { memoize } from "../core/memo.js";
import { type DerivedStatusCode, FINAL_STATUSES, type ReportedStatus } from "../core/vocabulary.js";

export type DatePrecision = "year" | "month" | "day";

export interface PartialDate {
  /** The text as written in the data, e.g. "2016-03". */
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial ISO date; returns undefined for text that is not one or names no real day. */
/** Parsed once per text: the same few days are read on thousands of pages. */
export const parsePartialDate = memoize((text: string): PartialDate | undefined => {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  // The year 0000 is no year of the Gregorian calendar that xs:date and IATI use.
  if (year < 1) return undefined;
  if (m === undefined) return { iso: text, precision: "year", year };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { iso: text, precision: "month", year, month };
  const day = Number(d);
  if (!DateTime.fromObject({ year, month, day }, { zone: "utc" }).isValid) return undefined;
  return { iso: text, precision: "day", year, month, day };
});

/** The first day as milliseconds since 1970 (UTC), for sorting without building a DateTime. */
export function firstDayMillis(date: PartialDate): number {
  // Date.UTC reads the years 0–99 as 1900–1999; setUTCFullYear does not.
  return new Date(0).setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

// A DateTime is immutable and costly to make; a partial date (one object per text, see
// parsePartialDate) keeps its first and last day.

/** The first day the partial date covers. */
export const firstDay = memoize(
  (date: PartialDate): DateTime =>
    DateTime.fromObject({ year: date.year, month: date.month ?? 1, day: date.day ?? 1 }, { zone: "utc" }),
);

/** The last day the partial date covers ("2016" ends on 2016-12-31). */
export const lastDay = memoize((date: PartialDate): DateTime => firstDay(date).endOf(date.precision).startOf("day"));

/** Dates are written with four digits: the years 0001 to 9999. */
export const MAX_YEAR = 9999;

/** Formats a day as a partial date of the given precision; undefined past the year 9999. */
function toPartialDate(day: DateTime, precision: DatePrecision): PartialDate | undefined {
  if (!day.isValid || day.year > MAX_YEAR) return undefined;
  const iso =
    precision === "year" ? day.toFormat("yyyy") : precision === "month" ? day.toFormat("yyyy-MM") : day.toISODate()!;
  return parsePartialDate(iso);
}

export const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

/** Durations are measured from one day, so that the limit means the same for years, months and days. */
const DURATION_BASE = DateTime.utc(2000, 1, 1);
const LONGEST_DURATION = DURATION_BASE.plus({ years: MAX_YEAR });

/**
 * An ISO 8601 duration of years, months, weeks and days, at most 9999 years long; undefined for
 * any other text. A text DURATION matches is refused only for its length.
 */
export function parseDuration(text: string): Duration | undefined {
  if (!DURATION.test(text)) return undefined;
  const duration = Duration.fromISO(text);
  // Beyond what a JavaScript date holds, luxon gives an invalid DateTime.
  const end = DURATION_BASE.plus(duration);
  return duration.isValid && end.isValid && end <= LONGEST_DURATION ? duration : undefined;
}

/**
 * The end of a period that starts at `start` and lasts `duration`, at the start's precision:
 * "2016-03" + P3Y ends "2019-02" (March 2016 – February 2019), "2015" + P3Y ends "2017".
 * Undefined when the end falls after the year 9999.
 */
export function endFromDuration(start: PartialDate, duration: Duration): PartialDate | undefined {
  const afterEnd = firstDay(start).plus(duration);
  const last = afterEnd.minus({ [`${start.precision}s`]: 1 });
  return toPartialDate(last, start.precision);
}

/** Compares two partial dates as periods: negative when `a` lies wholly before `b` can start. */
export function endsBeforeStart(end: PartialDate, start: PartialDate): boolean {
  return lastDay(end) < firstDay(start);
}

/** What one source reported about a project: a status, and the day it was true. */
export interface StatusReport {
  readonly status: ReportedStatus;
  /** The day (or month, or year) the status was true; undefined when no one dated it. */
  readonly asOf?: PartialDate;
  /** The source that reported it, when the report is kept as a conflict with its own source. */
  readonly source?: string;
  /** True for the status the record keeps; false for another source's report kept as a conflict. */
  readonly kept: boolean;
}

export interface DerivedStatus {
  readonly status: DerivedStatusCode;
  /** "dates" when the dates decide; "report" when it rests on a report; "none" when nothing does. */
  readonly basis: "dates" | "report" | "none";
  /** The report the status rests on, or, for "unconfirmed", the last report that nothing confirms since. */
  readonly report?: StatusReport;
  /** Reports as recent as `report` that say something else: the sources disagree. */
  readonly disputedBy: readonly StatusReport[];
}

export interface StatusInput {
  readonly start?: PartialDate;
  /** The end as written, or worked out from start + duration. */
  readonly end?: PartialDate;
  readonly reports?: readonly StatusReport[];
}

// A report dated only by a year or a month counts from the first day of that period, so the site
// never takes a claim for more recent than its source lets it.
const reportDay = (report: StatusReport): number =>
  report.asOf ? firstDayMillis(report.asOf) : Number.NEGATIVE_INFINITY;

/** Newest first; on the same day the record's own status before another source's. */
function byRecency(a: StatusReport, b: StatusReport): number {
  return reportDay(b) - reportDay(a) || Number(b.kept) - Number(a.kept);
}

/**
 * Today's status of a project. A cancellation the record keeps stands. Otherwise known dates
 * decide (ended: completed; not started: planned; between start and end: ongoing). Otherwise the
 * newest report: "completed" and "cancelled" stay true; "planned" and "ongoing" count only while
 * the report is younger than `window`, after which the project is "unconfirmed" since that report.
 * A "planned" report for a project whose start has passed is out of date at once.
 */
export function deriveStatus(input: StatusInput, today: DateTime, window: Duration): DerivedStatus {
  const day = today.startOf("day");
  const reports = [...(input.reports ?? [])].sort(byRecency);
  const newest = reports[0];
  const disputedBy = newest
    ? reports.filter(
        (other) => other !== newest && reportDay(other) === reportDay(newest) && other.status !== newest.status,
      )
    : [];
  const cancelled = reports.find((report) => report.kept && report.status === "cancelled");
  if (cancelled) return { status: "cancelled", basis: "report", report: cancelled, disputedBy: [] };
  if (input.end && lastDay(input.end) < day) return { status: "completed", basis: "dates", disputedBy: [] };
  if (input.start && firstDay(input.start) > day) return { status: "planned", basis: "dates", disputedBy: [] };
  if (input.start && input.end) return { status: "ongoing", basis: "dates", disputedBy: [] };
  if (!newest) return { status: "unknown", basis: "none", disputedBy: [] };
  if (FINAL_STATUSES.has(newest.status)) return { status: newest.status, basis: "report", report: newest, disputedBy };
  const started = input.start !== undefined && firstDay(input.start) <= day;
  const recent = newest.asOf !== undefined && firstDay(newest.asOf).plus(window) > day;
  if (recent && !(newest.status === "planned" && started)) {
    return { status: newest.status, basis: "report", report: newest, disputedBy };
  }
  return { status: "unconfirmed", basis: "report", report: newest, disputedBy };
}
