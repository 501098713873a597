// Partial ISO dates ("2016", "2016-03", "2014-12-01"), ISO 8601 durations, and the status of a
// project derived from them. Pure functions: no clock is read here; callers pass the reference day.
import { DateTime, Duration } from "luxon";
import { memoize } from "../core/memo.js";
import {
  type DerivedLinkStatusCode,
  type DerivedStatusCode,
  FINAL_STATUSES,
  LINK_STATUS_AS_PROJECT,
  PROJECT_STATUS_AS_LINK,
  type ReportedLinkStatus,
  type ReportedStatus,
} from "../core/vocabulary.js";

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
  /** Which of the dates only a plan gives (plannedDates): a planned date never decides the status. */
  readonly planned?: PlannedDates;
}

/** Which of a record's dates only a plan gives: the sources never reported them as what happened. */
export interface PlannedDates {
  readonly start: boolean;
  readonly end: boolean;
}

export const NOTHING_PLANNED: PlannedDates = { start: false, end: false };

export interface PlanInput {
  readonly start?: PartialDate | undefined;
  readonly end?: PartialDate | undefined;
  readonly reports: readonly StatusReport[];
  /** True when the end was worked out from start + duration, not written. */
  readonly endFromDuration: boolean;
  /** The dates of the record's sources (undefined for an undated one). */
  readonly sourceDates: readonly (PartialDate | undefined)[];
}

/**
 * Which dates of a record only a plan gives. The newest report speaks for the record: "planned"
 * makes its start and end plans, "ongoing" its end, since neither had come when it was said. A
 * source that reported the end as past ("completed", or any report dated after the end) makes the
 * end a fact. Without any report, an end worked out from start + duration is a plan when every
 * source is dated and the newest still lies before that end.
 */
export function plannedDates({ start, end, reports, endFromDuration, sourceDates }: PlanInput): PlannedDates {
  const newest = [...reports].sort(byRecency)[0];
  const endReported =
    end !== undefined &&
    reports.some((report) => report.status === "completed" || (report.asOf && firstDay(report.asOf) > lastDay(end)));
  if (newest) {
    const plan = newest.status === "planned";
    return {
      start: start !== undefined && plan,
      end: end !== undefined && !endReported && (plan || newest.status === "ongoing"),
    };
  }
  const dated = sourceDates.filter((date): date is PartialDate => date !== undefined);
  const spokeBefore =
    dated.length > 0 &&
    dated.length === sourceDates.length &&
    dated.every((date) => end !== undefined && lastDay(date) < lastDay(end));
  return { start: false, end: end !== undefined && endFromDuration && spokeBefore };
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
 * decide (ended: completed; not started: planned; between start and end: ongoing), but a date only
 * a plan gives never decides. Otherwise the newest report: "completed" and "cancelled" stay true;
 * "planned" and "ongoing" count only while the report is younger than `window`, after which the
 * project is "unconfirmed" since that report. A "planned" report for a project whose start has
 * passed, or an "ongoing" one for a project whose planned end has passed, is out of date at once.
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
  const planned = input.planned ?? NOTHING_PLANNED;
  const ended = input.end !== undefined && lastDay(input.end) < day;
  // A planned end that has passed says nothing of what happened: only a report can.
  if (ended && !planned.end) return { status: "completed", basis: "dates", disputedBy: [] };
  if (input.start && firstDay(input.start) > day) return { status: "planned", basis: "dates", disputedBy: [] };
  if (input.start && input.end && !planned.start && !planned.end) {
    return { status: "ongoing", basis: "dates", disputedBy: [] };
  }
  if (!newest) return { status: "unknown", basis: "none", disputedBy: [] };
  if (FINAL_STATUSES.has(newest.status)) return { status: newest.status, basis: "report", report: newest, disputedBy };
  const started = input.start !== undefined && firstDay(input.start) <= day;
  const recent = newest.asOf !== undefined && firstDay(newest.asOf).plus(window) > day;
  // A report of "planned" after the start, or of "ongoing" after the planned end, is out of date at once.
  const outrun = (newest.status === "planned" && started) || (newest.status === "ongoing" && ended);
  if (recent && !outrun) return { status: newest.status, basis: "report", report: newest, disputedBy };
  return { status: "unconfirmed", basis: "report", report: newest, disputedBy };
}

/** What one source reported about a partnership or a network: a status, and the day it was true. */
export interface LinkReport {
  readonly status: ReportedLinkStatus;
  readonly asOf?: PartialDate;
  readonly source?: string;
  /** True for the record's own status (and its active_as_of); false for a conflict's. */
  readonly kept: boolean;
}

/** Today's status of a partnership or a network, in their own words (see deriveLinkStatus). */
export interface DerivedLinkStatus {
  readonly status: DerivedLinkStatusCode;
  readonly basis: DerivedStatus["basis"];
  readonly report?: LinkReport;
  readonly disputedBy: readonly LinkReport[];
}

export interface LinkStatusInput {
  readonly since?: PartialDate | undefined;
  readonly until?: PartialDate | undefined;
  readonly reports: readonly LinkReport[];
}

/**
 * Today's status of a partnership or a network by the rule of a project's (deriveStatus): its
 * "active" is a project's "ongoing", its "ended" a project's "completed". A `since` still ahead
 * makes it planned, an `until` passed ended, unless only a plan gives that date.
 */
export function deriveLinkStatus(input: LinkStatusInput, today: DateTime, window: Duration): DerivedLinkStatus {
  const asProject = new Map<StatusReport, LinkReport>(
    input.reports.map((report) => [{ ...report, status: LINK_STATUS_AS_PROJECT[report.status] }, report]),
  );
  const reports = [...asProject.keys()];
  const planned = plannedDates({
    start: input.since,
    end: input.until,
    reports,
    endFromDuration: false,
    sourceDates: [],
  });
  const derived = deriveStatus({ start: input.since, end: input.until, reports, planned }, today, window);
  const report = derived.report ? asProject.get(derived.report) : undefined;
  return {
    status: PROJECT_STATUS_AS_LINK[derived.status],
    basis: derived.basis,
    ...(report ? { report } : {}),
    disputedBy: derived.disputedBy.flatMap((other) => asProject.get(other) ?? []),
  };
}

/** When a record's sources speak: the months they are dated by, oldest first, and how many are undated. */
export interface SourceDating {
  readonly months: readonly PartialDate[];
  readonly undated: number;
}

/**
 * The dates of a record's sources, as a text's date is told: to the month (a page updated on
 * 5 September 2017 describes things as they stood in September 2017), each month once.
 */
export function sourceDating(dates: readonly (PartialDate | undefined)[]): SourceDating {
  const months = new Map<string, PartialDate>();
  for (const date of dates) {
    if (!date) continue;
    const month =
      date.precision === "day" ? parsePartialDate(`${date.year}-${String(date.month).padStart(2, "0")}`) : date;
    if (month) months.set(month.iso, month);
  }
  return {
    months: [...months.values()].sort((a, b) => firstDayMillis(a) - firstDayMillis(b) || a.iso.localeCompare(b.iso)),
    undated: dates.filter((date) => date === undefined).length,
  };
}
