import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  deriveStatus,
  endFromDuration,
  endsBeforeStart,
  firstDay,
  lastDay,
  parseDuration,
  parsePartialDate,
} from "../../src/model/dates.js";

const date = (text: string) => {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};
const day = (text: string) => DateTime.fromISO(text, { zone: "utc" });

describe("partial dates", () => {
  it("reads a year, a month and a day with their precision", () => {
    expect(date("2016")).toMatchObject({ precision: "year", year: 2016 });
    expect(date("2016-03")).toMatchObject({ precision: "month", year: 2016, month: 3 });
    expect(date("2014-12-01")).toMatchObject({ precision: "day", year: 2014, month: 12, day: 1 });
  });

  it("rejects months and days that do not exist", () => {
    expect(parsePartialDate("2016-13")).toBeUndefined();
    expect(parsePartialDate("2015-02-29")).toBeUndefined();
    expect(parsePartialDate("2016-02-29")).toBeDefined();
    expect(parsePartialDate("16-03")).toBeUndefined();
    expect(parsePartialDate("mars 2016")).toBeUndefined();
  });

  it("covers a whole period: a year from 1 January to 31 December", () => {
    expect(firstDay(date("2016")).toISODate()).toBe("2016-01-01");
    expect(lastDay(date("2016")).toISODate()).toBe("2016-12-31");
    expect(lastDay(date("2016-02")).toISODate()).toBe("2016-02-29");
  });

  it("compares periods, not points: 2016 does not end before 2016-06 starts", () => {
    expect(endsBeforeStart(date("2016"), date("2016-06"))).toBe(false);
    expect(endsBeforeStart(date("2015-12"), date("2016-03"))).toBe(true);
  });
});

describe("durations", () => {
  it("accepts ISO 8601 durations in years, months, weeks and days", () => {
    expect(parseDuration("P3Y")?.years).toBe(3);
    expect(parseDuration("P1Y6M")?.months).toBe(6);
    expect(parseDuration("P")).toBeUndefined();
    expect(parseDuration("3 years")).toBeUndefined();
    expect(parseDuration("PT5H")).toBeUndefined();
  });

  it("ends a three-year project started March 2016 in February 2019", () => {
    expect(endFromDuration(date("2016-03"), parseDuration("P3Y")!).iso).toBe("2019-02");
  });

  it("keeps the start's precision: 2015 plus three years ends in 2017", () => {
    expect(endFromDuration(date("2015"), parseDuration("P3Y")!).iso).toBe("2017");
  });

  it("ends a five-year project started 1 December 2014 on 30 November 2019", () => {
    expect(endFromDuration(date("2014-12-01"), parseDuration("P5Y")!).iso).toBe("2019-11-30");
  });
});

describe("status derived from dates", () => {
  const today = day("2026-11-25");

  it("calls a project completed once its end has passed, whatever a source said earlier", () => {
    expect(
      deriveStatus(
        { start: date("2016-03"), end: date("2019-02"), reported: "ongoing", reportedAsOf: "2017-09-05" },
        today,
      ),
    ).toEqual({
      status: "completed",
      basis: "dates",
    });
  });

  it("calls a project ongoing between its start and its end", () => {
    expect(deriveStatus({ start: date("2025"), end: date("2027-06") }, today)).toEqual({
      status: "ongoing",
      basis: "dates",
    });
  });

  it("counts the last month of a project as ongoing until the month is over", () => {
    expect(deriveStatus({ start: date("2024"), end: date("2026-11") }, today).status).toBe("ongoing");
    expect(deriveStatus({ start: date("2024"), end: date("2026-10") }, today).status).toBe("completed");
  });

  it("calls a project planned before its start", () => {
    expect(deriveStatus({ start: date("2027-01") }, today)).toEqual({ status: "planned", basis: "dates" });
  });

  it("keeps a reported status with its date when no end date can decide", () => {
    expect(deriveStatus({ start: date("2006"), reported: "ongoing", reportedAsOf: "2017-09-05" }, today)).toEqual({
      status: "ongoing",
      basis: "reported",
      asOf: "2017-09-05",
    });
  });

  it("says unknown when there are neither dates nor a reported status", () => {
    expect(deriveStatus({}, today)).toEqual({ status: "unknown", basis: "dates" });
  });

  it("keeps a cancelled project cancelled even when its dates have passed", () => {
    expect(
      deriveStatus({ start: date("2016"), end: date("2017"), reported: "cancelled", reportedAsOf: "2016-05" }, today)
        .status,
    ).toBe("cancelled");
  });
});
