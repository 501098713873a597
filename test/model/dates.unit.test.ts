import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ReportedStatus } from "../../src/core/vocabulary.js";
import {
  deriveStatus,
  endFromDuration,
  endsBeforeStart,
  firstDay,
  lastDay,
  parseDuration,
  parsePartialDate,
  type StatusReport,
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
    expect(endFromDuration(date("2016-03"), parseDuration("P3Y")!)?.iso).toBe("2019-02");
  });

  it("keeps the start's precision: 2015 plus three years ends in 2017", () => {
    expect(endFromDuration(date("2015"), parseDuration("P3Y")!)?.iso).toBe("2017");
  });

  it("ends a five-year project started 1 December 2014 on 30 November 2019", () => {
    expect(endFromDuration(date("2014-12-01"), parseDuration("P5Y")!)?.iso).toBe("2019-11-30");
  });
});

describe("today's status, derived", () => {
  const today = day("2026-11-25");
  const window = parseDuration("P12M")!;
  const kept = (status: ReportedStatus, asOf?: string): StatusReport => ({
    status,
    kept: true,
    ...(asOf ? { asOf: date(asOf) } : {}),
  });
  const other = (status: ReportedStatus, asOf: string, source = "other-source"): StatusReport => ({
    status,
    kept: false,
    source,
    asOf: date(asOf),
  });

  describe("where the dates decide", () => {
    it("calls a project completed once its end has passed, whatever a source said earlier", () => {
      const derived = deriveStatus(
        { start: date("2016-03"), end: date("2019-02"), reports: [kept("ongoing", "2017-09-05")] },
        today,
        window,
      );
      expect(derived).toEqual({ status: "completed", basis: "dates", disputedBy: [] });
    });

    it("calls a project ongoing between its start and its end", () => {
      expect(deriveStatus({ start: date("2025"), end: date("2027-06") }, today, window)).toEqual({
        status: "ongoing",
        basis: "dates",
        disputedBy: [],
      });
    });

    it("calls a project planned before its start, whatever an older report said", () => {
      expect(deriveStatus({ start: date("2027-01"), reports: [kept("planned", "2020")] }, today, window)).toEqual({
        status: "planned",
        basis: "dates",
        disputedBy: [],
      });
    });

    it("keeps a cancellation the record keeps, whatever the dates say", () => {
      const cancelled = kept("cancelled", "2026-05");
      expect(deriveStatus({ start: date("2026"), end: date("2027"), reports: [cancelled] }, today, window)).toEqual({
        status: "cancelled",
        basis: "report",
        report: cancelled,
        disputedBy: [],
      });
    });
  });

  describe("partial dates: a period covers all its days", () => {
    it("counts a project ending in November 2026 as ongoing until November is over", () => {
      expect(deriveStatus({ start: date("2024"), end: date("2026-11") }, today, window).status).toBe("ongoing");
      expect(deriveStatus({ start: date("2024"), end: date("2026-10") }, today, window).status).toBe("completed");
    });

    it("counts a project ending in 2026 as ongoing until 31 December 2026", () => {
      expect(deriveStatus({ start: date("2020"), end: date("2026") }, today, window).status).toBe("ongoing");
      expect(deriveStatus({ start: date("2020"), end: date("2026") }, day("2027-01-01"), window).status).toBe(
        "completed",
      );
    });

    it("counts a project starting in December 2026 as planned in November", () => {
      expect(deriveStatus({ start: date("2026-12") }, today, window).status).toBe("planned");
    });
  });

  describe("durations: the end is worked out from start plus length", () => {
    // CENSE2020: started July 2015, two years, so it ran to June 2017.
    const end = endFromDuration(date("2015-07"), parseDuration("P2Y")!);

    it("ends a two-year project started July 2015 in June 2017", () => {
      expect(end?.iso).toBe("2017-06");
    });

    it("is ongoing on 30 June 2017 and completed on 1 July 2017", () => {
      const reports = [other("ongoing", "2017-09-05")];
      expect(deriveStatus({ start: date("2015-07"), end, reports }, day("2017-06-30"), window).status).toBe("ongoing");
      expect(deriveStatus({ start: date("2015-07"), end, reports }, day("2017-07-01"), window).status).toBe(
        "completed",
      );
    });
  });

  describe("where only reports can tell", () => {
    it("takes a report of ongoing from within the window as today's status, with its date", () => {
      const report = kept("ongoing", "2026-03-01");
      expect(deriveStatus({ start: date("2006"), reports: [report] }, today, window)).toEqual({
        status: "ongoing",
        basis: "report",
        report,
        disputedBy: [],
      });
    });

    it("calls a report of ongoing older than the window unconfirmed since that report", () => {
      const report = kept("ongoing", "2017-09-05");
      expect(deriveStatus({ start: date("2006"), reports: [report] }, today, window)).toEqual({
        status: "unconfirmed",
        basis: "report",
        report,
        disputedBy: [],
      });
    });

    it("lets a report count for exactly the window: 12 months after 26 November 2025 is still within", () => {
      expect(deriveStatus({ reports: [kept("ongoing", "2025-11-26")] }, today, window).status).toBe("ongoing");
      expect(deriveStatus({ reports: [kept("ongoing", "2025-11-25")] }, today, window).status).toBe("unconfirmed");
    });

    it("dates a report of a month or a year from its first day, never later than the source allows", () => {
      // December 2025 counts from 1 December 2025: within 12 months of 25 November 2026.
      expect(deriveStatus({ reports: [kept("ongoing", "2025-12")] }, today, window).status).toBe("ongoing");
      // 2025 counts from 1 January 2025: older than 12 months.
      expect(deriveStatus({ reports: [kept("ongoing", "2025")] }, today, window).status).toBe("unconfirmed");
    });

    it("uses the site's window: with six months, a report from March 2026 is no longer confirmed", () => {
      const report = kept("planned", "2026-03");
      expect(deriveStatus({ reports: [report] }, today, parseDuration("P6M")!).status).toBe("unconfirmed");
      expect(deriveStatus({ reports: [report] }, today, window).status).toBe("planned");
    });

    it("calls a report of planned out of date once the start has passed", () => {
      expect(
        deriveStatus({ start: date("2026-06"), reports: [kept("planned", "2026-03")] }, today, window).status,
      ).toBe("unconfirmed");
    });

    it("keeps a report of completed or cancelled, however old: those do not change", () => {
      expect(deriveStatus({ reports: [kept("completed", "2019")] }, today, window)).toMatchObject({
        status: "completed",
        basis: "report",
      });
      expect(deriveStatus({ reports: [kept("cancelled", "2014")] }, today, window).status).toBe("cancelled");
    });

    it("never confirms an undated report of ongoing", () => {
      expect(deriveStatus({ reports: [kept("ongoing")] }, today, window).status).toBe("unconfirmed");
    });

    it("says unknown when there are neither dates nor reports", () => {
      expect(deriveStatus({}, today, window)).toEqual({ status: "unknown", basis: "none", disputedBy: [] });
    });
  });

  describe("conflicting sources", () => {
    it("follows the newer source: completed in 2019 outweighs ongoing in 2017", () => {
      const newer = other("completed", "2019");
      expect(deriveStatus({ reports: [kept("ongoing", "2017-09-05"), newer] }, today, window)).toEqual({
        status: "completed",
        basis: "report",
        report: newer,
        disputedBy: [],
      });
    });

    it("keeps the record's own status on the same day, and names the source that disagrees", () => {
      const own = kept("ongoing", "2026-09-01");
      const disagreeing = other("planned", "2026-09-01");
      expect(deriveStatus({ reports: [disagreeing, own] }, today, window)).toEqual({
        status: "ongoing",
        basis: "report",
        report: own,
        disputedBy: [disagreeing],
      });
    });

    it("keeps a completed report that the same day's other report of ongoing disputes, and names it", () => {
      const own = kept("completed", "2019");
      const disagreeing = other("ongoing", "2019");
      expect(deriveStatus({ reports: [own, disagreeing] }, today, window)).toEqual({
        status: "completed",
        basis: "report",
        report: own,
        disputedBy: [disagreeing],
      });
    });
  });
});
