import { DateTime } from "luxon";

/**
 * The day a build speaks for: statuses are derived and checked against it. The CLI passes the
 * day it was given (`--today`), or nothing for the clock's day; fixed days make builds reproducible.
 */
export function buildDay(text?: string): DateTime {
  if (text === undefined || text === "") return DateTime.utc().startOf("day");
  const day = DateTime.fromISO(text, { zone: "utc" });
  if (!day.isValid) throw new Error(`"${text}" is not a day (YYYY-MM-DD)`);
  return day.startOf("day");
}
