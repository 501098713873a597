// Planned is not done: a date only a plan gives never decides a status, and the years it covers
// are told apart from the years a source reports. Partnerships and networks follow the same rule
// as projects, in their own words (active, ended). Sources' dates say when a text speaks.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ReportedStatus } from "../../src/core/vocabulary.js";
import { activeYears, linkReports } from "../../src/model/dataset.js";
import {
  deriveLinkStatus,
  deriveStatus,
  endFromDuration,
  type LinkReport,
  parseDuration,
  parsePartialDate,
  plannedDates,
  type StatusReport,
  sourceDating,
} from "../../src/model/dates.js";
import type { Records } from "../../src/model/types.js";

const date = (text: string) => {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};
const today = DateTime.fromISO("2026-11-25", { zone: "utc" });
const window = parseDuration("P12M")!;
const kept = (status: ReportedStatus, asOf?: string): StatusReport => ({
  status,
  kept: true,
  ...(asOf ? { asOf: date(asOf) } : {}),
});

describe("which dates only a plan gives", () => {
  const plan = (reports: StatusReport[], end = "2024", endFromDuration = false) =>
    plannedDates({ start: date("2017-01"), end: date(end), reports, endFromDuration, sourceDates: [] });

  it("takes the end as a plan while the newest report says ongoing before it (LIFE IP: 2024, said in 2019)", () => {
    expect(plan([kept("ongoing", "2019")])).toEqual({ start: false, end: true });
    // An undated report of ongoing was also made before the end came.
    expect(plan([kept("ongoing")])).toEqual({ start: false, end: true });
  });

  it("takes start and end as plans while the newest report says planned", () => {
    expect(plan([kept("planned", "2014")])).toEqual({ start: true, end: true });
  });

  it("takes the end as a fact once a source reports the project completed", () => {
    expect(plan([kept("ongoing", "2019"), { status: "completed", kept: false, source: "b" }])).toEqual({
      start: false,
      end: false,
    });
  });

  it("takes the end as a fact when a source speaks after it, even to call the project ongoing", () => {
    expect(plan([kept("ongoing", "2026-06-01")], "2019-02")).toEqual({ start: false, end: false });
  });

  it("without any report, takes an end from start + duration as a plan when every source predates it", () => {
    const end = "2019-02";
    const input = { start: date("2016-03"), end: date(end), reports: [], endFromDuration: true };
    expect(plannedDates({ ...input, sourceDates: [date("2017-09-05")] })).toEqual({ start: false, end: true });
    expect(plannedDates({ ...input, sourceDates: [date("2020")] }).end).toBe(false);
    // An undated source may have spoken after the end: nothing says it is a plan.
    expect(plannedDates({ ...input, sourceDates: [undefined] }).end).toBe(false);
    // A written end with no report stays as written.
    expect(plannedDates({ ...input, endFromDuration: false, sourceDates: [date("2017")] }).end).toBe(false);
  });
});

describe("a status never rests on a planned date", () => {
  it("does not call a project completed by an end only a plan gave (Resolve: April 2016 + 5 years)", () => {
    const end = endFromDuration(date("2016-04"), parseDuration("P5Y")!);
    const reports = [kept("ongoing", "2017-09-05")];
    const planned = plannedDates({ start: date("2016-04"), end, reports, endFromDuration: true, sourceDates: [] });
    expect(deriveStatus({ start: date("2016-04"), end, reports, planned }, today, window)).toEqual({
      status: "unconfirmed",
      basis: "report",
      report: reports[0],
      disputedBy: [],
    });
  });

  it("does not call a project ongoing by its dates between a start and a planned end", () => {
    const reports = [kept("ongoing", "2024-02")];
    const planned = { start: false, end: true };
    const input = { start: date("2024"), end: date("2027"), reports, planned };
    expect(deriveStatus(input, today, window).status).toBe("unconfirmed");
  });

  it("says unknown where a planned end has passed and no report says anything", () => {
    const planned = { start: false, end: true };
    expect(deriveStatus({ start: date("2016-03"), end: date("2019-02"), planned }, today, window).status).toBe(
      "unknown",
    );
  });

  it("takes a recent report of ongoing as out of date once the planned end has passed", () => {
    const reports = [kept("ongoing", "2026-06-01")];
    const planned = { start: false, end: true };
    expect(deriveStatus({ start: date("2024"), end: date("2026-09"), reports, planned }, today, window).status).toBe(
      "unconfirmed",
    );
  });
});

describe("the years a project ran and the years it was only planned to", () => {
  it("counts reported years up to the newest dated report, the rest up to a planned end as planned", () => {
    expect(
      activeYears({
        start: date("2017-01"),
        end: date("2024"),
        planned: { start: false, end: true },
        reports: [kept("ongoing", "2019")],
      }),
    ).toEqual({ years: [2017, 2018, 2019], plannedYears: [2020, 2021, 2022, 2023, 2024] });
  });

  it("counts only the start year as reported when the report of ongoing is undated", () => {
    const years = activeYears({
      start: date("2016"),
      end: date("2018"),
      planned: { start: false, end: true },
      reports: [kept("ongoing")],
    });
    expect(years).toEqual({ years: [2016], plannedYears: [2017, 2018] });
  });

  it("counts every year as planned when the start is a plan (Jinan 2014)", () => {
    const years = activeYears({
      start: date("2014"),
      end: undefined,
      planned: { start: true, end: false },
      reports: [],
    });
    expect(years).toEqual({ years: [], plannedYears: [2014] });
  });

  it("counts every year from start to end where the end is a fact", () => {
    const years = activeYears({
      start: date("2015"),
      end: date("2018"),
      planned: { start: false, end: false },
      reports: [kept("completed")],
    });
    expect(years).toEqual({ years: [2015, 2016, 2017, 2018], plannedYears: [] });
  });
});

describe("a partnership's or network's status, by the rule of a project's", () => {
  const link = (status: LinkReport["status"], asOf?: string): LinkReport => ({
    status,
    kept: true,
    ...(asOf ? { asOf: date(asOf) } : {}),
  });

  it("calls a partnership reported active in 2017 unconfirmed since then (Tlokwe)", () => {
    const report = link("active", "2017-09-05");
    expect(deriveLinkStatus({ since: date("2006"), reports: [report] }, today, window)).toEqual({
      status: "unconfirmed",
      basis: "report",
      report,
      disputedBy: [],
    });
  });

  it("calls it active within the window, with the report it rests on", () => {
    const report = link("active", "2026-06-01");
    expect(deriveLinkStatus({ since: date("2006"), reports: [report] }, today, window)).toMatchObject({
      status: "active",
      basis: "report",
      report,
    });
  });

  it("never confirms an undated report of active", () => {
    expect(deriveLinkStatus({ reports: [link("active")] }, today, window).status).toBe("unconfirmed");
  });

  it("keeps a report of ended, and lets the dates decide where they can", () => {
    expect(deriveLinkStatus({ reports: [link("ended", "2019")] }, today, window).status).toBe("ended");
    expect(deriveLinkStatus({ since: date("2010"), until: date("2015"), reports: [] }, today, window).status).toBe(
      "ended",
    );
    expect(deriveLinkStatus({ since: date("2027"), reports: [] }, today, window).status).toBe("planned");
  });

  it("says unknown where no source reports a status and the dates do not decide", () => {
    expect(deriveLinkStatus({ since: date("2010"), reports: [] }, today, window)).toEqual({
      status: "unknown",
      basis: "none",
      disputedBy: [],
    });
  });

  it("reads the day a source saw a partnership under way (active_as_of) as a dated report of active", () => {
    const records = { sources: new Map() } as unknown as Records;
    const reports = linkReports({ status: "active", active_as_of: "2016-07-01" }, records);
    expect(reports).toEqual([
      { status: "active", kept: true },
      { status: "active", kept: true, asOf: date("2016-07-01") },
    ]);
    expect(deriveLinkStatus({ reports }, today, window)).toMatchObject({
      status: "unconfirmed",
      report: { asOf: date("2016-07-01") },
    });
  });
});

describe("when a record's sources speak", () => {
  it("gives each month once, oldest first, a dated day as its month", () => {
    expect(sourceDating([date("2017-09-05"), undefined, date("2017-09"), date("2014")])).toEqual({
      months: [date("2014"), date("2017-09")],
      undated: 1,
    });
  });

  it("counts undated sources when none is dated", () => {
    expect(sourceDating([undefined, undefined])).toEqual({ months: [], undated: 2 });
  });
});
