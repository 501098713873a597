// Dates in the reader's language, remembered per language: the same answer on every call.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDay, formatDuration, formatPartialDate } from "../../src/i18n/format.js";
import { parsePartialDate } from "../../src/model/dates.js";

describe("a calendar day in full", () => {
  it("is written in each language's own way", () => {
    const day = DateTime.fromISO("2026-11-25", { zone: "utc" });
    expect(formatDay(day, "sv")).toBe("25 november 2026");
    expect(formatDay(day, "en")).toBe("25 November 2026");
    expect(formatDay(day, "de")).toBe("25. November 2026");
  });

  it("is the day of the date's own time zone, also when a remembered instant is asked again", () => {
    // 23:30 on 25 November in UTC is already 26 November at UTC+5:30.
    const late = DateTime.fromISO("2026-11-25T23:30:00", { zone: "utc" });
    expect(formatDay(late, "en")).toBe("25 November 2026");
    expect(formatDay(late.setZone("UTC+5:30"), "en")).toBe("26 November 2026");
    expect(formatDay(late, "en")).toBe("25 November 2026");
  });
});

describe("a month of a year", () => {
  it("is written as its catalogue says: by name, or in Finnish as a number that needs no case", () => {
    const march = parsePartialDate("2016-03")!;
    expect(formatPartialDate(march, "sv")).toBe("mars 2016");
    expect(formatPartialDate(march, "de")).toBe("März 2016");
    expect(formatPartialDate(march, "fi")).toBe("3/2016");
  });
});

describe("a duration in words", () => {
  it("is written in the reader's language", () => {
    expect(formatDuration("P3Y", "en")).toBe("3 years");
    expect(formatDuration("P3Y", "sv")).toBe("3 år");
    expect(formatDuration("P30M", "de")).toBe("30 Monate");
  });
});
