import { DateTime } from "luxon";

/**
 * The day a build speaks for: statuses are derived and checked against it. Taken from the
 * argument, else UTBLICK_TODAY, else the clock; fixed days make builds reproducible.
 */
export function buildDay(override?: string): DateTime {
  const text = override ?? process.env.UTBLICK_TODAY;
  if (text === undefined || text === "") return DateTime.utc().startOf("day");
  const day = DateTime.fromISO(text, { zone: "utc" });
  if (!day.isValid) throw new Error(`"${text}" is not a day (YYYY-MM-DD)`);
  return day.startOf("day");
}
