// Partial ISO dates ("2016", "2016-03", "2014-12-01"), ISO 8601 durations, and the status of a
// project derived from them. Pure functions: no clock is read here; callers pass the reference day.
import { DateTime, Duration } from "luxon";
import type { DerivedStatusCode, ReportedStatus } from "../core/vocabulary.js";

export type DatePrecision = "year" | "month" | "day";

export interface PartialDate {
  /** The text as written in the data, e.g. "2016-03". */
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial ISO date; returns undefined for text that is not one or names no real day. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return { iso: text, precision: "year", year };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { iso: text, precision: "month", year, month };
  const day = Number(d);
  if (!DateTime.fromObject({ year, month, day }, { zone: "utc" }).isValid) return undefined;
  return { iso: text, precision: "day", year, month, day };
}

/** The first day the partial date covers. */
/** The first day as milliseconds since 1970 (UTC), for sorting without building a DateTime. */
export function firstDayMillis(date: PartialDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

export function firstDay(date: PartialDate): DateTime {
  return DateTime.fromObject({ year: date.year, month: date.month ?? 1, day: date.day ?? 1 }, { zone: "utc" });
}

/** The last day the partial date covers ("2016" ends on 2016-12-31). */
export function lastDay(date: PartialDate): DateTime {
  return firstDay(date).endOf(date.precision).startOf("day");
}

/** Formats a day as a partial date of the given precision. */
function toPartialDate(day: DateTime, precision: DatePrecision): PartialDate {
  const iso =
    precision === "year" ? day.toFormat("yyyy") : precision === "month" ? day.toFormat("yyyy-MM") : day.toISODate()!;
  return parsePartialDate(iso)!;
}

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

export function parseDuration(text: string): Duration | undefined {
  if (!DURATION.test(text)) return undefined;
  const duration = Duration.fromISO(text);
  return duration.isValid ? duration : undefined;
}

/**
 * The end of a period that starts at `start` and lasts `duration`, at the start's precision:
 * "2016-03" + P3Y ends "2019-02" (March 2016 – February 2019), "2015" + P3Y ends "2017".
 */
export function endFromDuration(start: PartialDate, duration: Duration): PartialDate {
  const afterEnd = firstDay(start).plus(duration);
  const last = afterEnd.minus({ [`${start.precision}s`]: 1 });
  return toPartialDate(last, start.precision);
}

/** Compares two partial dates as periods: negative when `a` lies wholly before `b` can start. */
export function endsBeforeStart(end: PartialDate, start: PartialDate): boolean {
  return lastDay(end) < firstDay(start);
}

export interface DerivedStatus {
  readonly status: DerivedStatusCode;
  /** "dates" when today's status follows from the dates; "reported" when it rests on what a source said. */
  readonly basis: "dates" | "reported";
  /** For a reported status: the day the source said it. */
  readonly asOf?: string;
}

export interface StatusInput {
  readonly start?: PartialDate;
  readonly end?: PartialDate;
  readonly reported?: ReportedStatus;
  readonly reportedAsOf?: string;
}

/**
 * Today's status of a project. Known dates decide; where they cannot (no end date), the status a
 * source reported stays, with the day it was reported, so the reader sees how old the claim is.
 */
export function deriveStatus(input: StatusInput, today: DateTime): DerivedStatus {
  const day = today.startOf("day");
  if (input.reported === "cancelled") return reported(input);
  if (input.end && lastDay(input.end) < day) return { status: "completed", basis: "dates" };
  if (input.start && firstDay(input.start) > day) return { status: "planned", basis: "dates" };
  if (input.start && input.end) return { status: "ongoing", basis: "dates" };
  if (input.reported) return reported(input);
  return { status: "unknown", basis: "dates" };
}

function reported(input: StatusInput): DerivedStatus {
  return input.reportedAsOf === undefined
    ? { status: input.reported ?? "unknown", basis: "reported" }
    : { status: input.reported ?? "unknown", basis: "reported", asOf: input.reportedAsOf };
}
