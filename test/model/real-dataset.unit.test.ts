// The data in data/ have no validation error, whatever records an editor has added, changed or
// removed (warnings are hers to weigh: they never block publishing); the facts of specific records are checked on the frozen copy of the sample data
// (test/fixtures/valid/sample), read through the data layer the site and exports use.
import { describe, expect, inject, it } from "vitest";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { REAL_DATA } from "../helpers/shared-sites.js";

const today = buildDay("2026-11-25");
const dataset = loadDataset("test/fixtures/valid/sample", today);
const project = (id: string) => {
  const facts = dataset.project.get(id);
  if (!facts) throw new Error(`no project ${id}`);
  return facts;
};

describe("the data in data/", () => {
  it.each([
    ["as they are", () => REAL_DATA],
    ["after an editor's changes", () => inject("sharedSites").changed.data],
  ])("have no error, %s (a warning, such as a missing translation, never stops publishing)", (_name, data) => {
    const result = validateDataDirectory(data(), { today });
    expect(result.problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });
});

describe("the sample data", () => {
  it("holds 23 projects of Västerås stad and 11 of Växjö kommun", () => {
    expect(dataset.projectsBy.owner.get("vasteras-stad")).toHaveLength(23);
    expect(dataset.projectsBy.owner.get("vaxjo-kommun")).toHaveLength(11);
  });

  it("has twelve Swedish–Ukrainian partnerships in the Democratic Resilience network", () => {
    const members = dataset.partnershipsBy.network.get("demokratisk-resiliens") ?? [];
    expect(members).toHaveLength(12);
    const countries = members.flatMap((id) =>
      dataset.records.partnerships
        .get(id)!
        .international_partners.map((org) => dataset.records.organisations.get(org)!.country),
    );
    expect(new Set(countries)).toEqual(new Set(["UA"]));
    expect(dataset.records.networks.get("demokratisk-resiliens")?.events?.[0]).toMatchObject({
      participants: 75,
      place: { country: "BA" },
    });
  });

  it("ends NonHazCity in February 2019: started March 2016 for three years", () => {
    const nonHazCity = project("nonhazcity");
    expect(nonHazCity.end?.iso).toBe("2019-02");
    expect(nonHazCity.endFromDuration).toBe(true);
    expect(nonHazCity.record.partner_count).toBe(18);
    expect(nonHazCity.countries).toHaveLength(7);
    expect(nonHazCity.record.budget?.total).toEqual({ amount: 3500000, currency: "EUR", approximate: true });
  });

  it("never calls NonHazCity completed by an end that only the 2019 page's plan of three years gave", () => {
    expect(project("nonhazcity").record.status).toBe("ongoing");
    expect(project("nonhazcity").planned).toEqual({ start: false, end: true });
    expect(project("nonhazcity").status).toMatchObject({
      status: "unconfirmed",
      basis: "report",
      report: { status: "ongoing", asOf: { iso: "2019" } },
    });
    // 2019 is the year of the report, so the years up to the planned end (February 2019) are all reported.
    expect(project("nonhazcity").years).toEqual([2016, 2017, 2018, 2019]);
  });

  it("counts LIFE IP's years after the 2019 report only as planned (its end, 2024, was a plan)", () => {
    expect(project("life-ip-rich-waters").years).toEqual([2017, 2018, 2019]);
    expect(project("life-ip-rich-waters").plannedYears).toEqual([2020, 2021, 2022, 2023, 2024]);
  });

  it("ends READY on 30 November 2019: five years from 1 December 2014", () => {
    expect(project("ready").end?.iso).toBe("2019-11-30");
  });

  it("calls CitiZEN, without dates and last reported ongoing in September 2017, not confirmed since", () => {
    expect(project("citizen").status).toMatchObject({
      status: "unconfirmed",
      basis: "report",
      report: { status: "ongoing", kept: true, asOf: { iso: "2017-09-05" } },
    });
  });

  it("keeps the Växjö page's 'ongoing' for CENSE2020 as a conflict, and calls it completed by its dates", () => {
    expect(project("cense2020").end?.iso).toBe("2017-06");
    expect(project("cense2020").record.status).toBeUndefined();
    expect(project("cense2020").reports).toMatchObject([
      { status: "ongoing", kept: false, asOf: { iso: "2017-09-05" } },
    ]);
    expect(project("cense2020").status.status).toBe("completed");
  });

  it("records the first resident dialogue grant from ICLD as 2.4 million kronor", () => {
    expect(project("invanardialog").record.funding?.[0]).toMatchObject({
      programme: "icld-kommunala-partnerskap",
      amount: 2400000,
      currency: "SEK",
    });
    expect(project("invanardialog-2-0").record.follows).toBe("invanardialog");
  });

  it("files the two broadband sub-projects under broadband development", () => {
    expect([...(dataset.projectsBy.parent.get("bredbandsutveckling") ?? [])].sort()).toEqual([
      "digital-agenda-malardalen",
      "hallbar-it",
    ]);
  });

  it("keeps both start years of the Vushtrri partnership and chooses one", () => {
    const vushtrri = dataset.records.partnerships.get("vaxjo-vushtrri");
    expect(vushtrri?.since).toBe("2014");
    expect(vushtrri?.conflicts?.[0]).toMatchObject({ field: "since", value: "2013" });
  });
});
