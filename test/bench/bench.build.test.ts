// The benchmark script runs end to end at a small size. Timings are printed, never asserted.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { AggregateRun } from "../../scripts/bench.js";

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "utblick-bench-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  machine: { cpus: number; node: string };
  runs: {
    projects: number;
    pages: number;
    searchable_pages: number;
    total_s: number;
    floor_s: number;
    total_ratio: number;
    peak_rss_mib: number;
    growth: unknown;
    stages: Record<string, { ours_s: number; peak_rss_mib: number; floor_s?: number; ratio?: number }>;
    floor: Record<string, { s: number; peak_rss_mib: number; pages?: number }>;
    weights: { kind: string; maxJsBytes: number; maxHtmlCssGzipBytes: number }[];
    first_search: { bytes: number; requests: number; ms: number } | { notMeasured: string } | null;
  }[];
  /** The aggregate case, as the script writes it. */
  aggregate?: AggregateRun;
}

describe("npm run bench", () => {
  it("measures ours and the same-work floor per stage and in total, and the page weight, for 100 projects", async () => {
    const out = join(work, "bench.json");
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/bench.ts",
        ...["--sizes", "100", "--publications", "3", "--projects", "12"],
        ...["--out", out, "--work-dir", work, "--no-sync"],
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`npm run bench failed: ${error.message}\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
    });
    expect(stdout).toContain("N = 100 projects");
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(report.runs).toHaveLength(1);
    const result = report.runs[0]!;
    expect(result.projects).toBe(100);
    expect(result.total_s).toBeGreaterThan(0);
    expect(result.floor_s).toBeGreaterThan(0);
    expect(result.total_ratio).toBeCloseTo(result.total_s / result.floor_s, 1);
    expect(result.peak_rss_mib).toBeGreaterThan(0);
    expect(result.growth).toBeNull();
    expect(Object.keys(result.stages).sort()).toEqual(["exports", "pages", "search", "validate"]);
    for (const stage of Object.values(result.stages)) {
      expect(stage.ours_s).toBeGreaterThan(0);
      expect(stage.peak_rss_mib).toBeGreaterThan(0);
    }
    // Every stage but validation has a floor doing the same work.
    for (const stage of ["pages", "exports", "search"]) expect(result.stages[stage]!.ratio, stage).toBeGreaterThan(0);
    // The floor writes exactly our pages and indexes exactly our searchable ones.
    expect(result.floor["floor-write"]!.pages).toBe(result.pages);
    expect(result.floor["floor-search"]!.pages).toBe(result.searchable_pages);
    expect(result.searchable_pages).toBeGreaterThan(3 * 100);
    expect(result.weights.filter((weight) => weight.maxJsBytes > 0).map((weight) => weight.kind)).toEqual(["search"]);
    // Every page within the first round trip: the heaviest of each type with its stylesheet, 14 kB gzipped.
    const heavy = result.weights.filter((weight) => weight.maxHtmlCssGzipBytes > 14 * 1024);
    expect(heavy.map((weight) => `${weight.kind}: ${weight.maxHtmlCssGzipBytes} bytes`)).toEqual([]);
    // Eight processes one after the other, then six for the aggregate: slow on a busy machine.
  }, 600_000);

  it("builds a register of 3 pinned publications and one publication of their 12 projects, and compares", () => {
    const report = JSON.parse(readFileSync(join(work, "bench.json"), "utf8")) as Report;
    const aggregate = report.aggregate;
    // By default each publication is a pinned release vendored under the register's includes/.
    expect(aggregate).toMatchObject({ publications: 3, projects: 12, includes: "vendored", records: { projects: 12 } });
    if (!aggregate) return;
    for (const side of [aggregate.register, aggregate.single])
      for (const figure of ["total_s", "cpu_s", "peak_rss_mib", "validate_s", "dataset_s"] as const)
        expect(side[figure], figure).toBeGreaterThan(0);
    // Every included record has its page in the register, as in the one publication.
    expect(aggregate.single.pages).toBeGreaterThan(12 * 3);
    expect(aggregate.register.pages).toBeGreaterThanOrEqual(aggregate.single.pages);
    expect(aggregate.ratio).toBeCloseTo(aggregate.register.total_s / aggregate.single.total_s, 1);
    expect(aggregate.builds).toEqual({ register: [aggregate.register.total_s], single: [aggregate.single.total_s] });
  });

  it("measures the search page and a first query in Chromium, or says why not", () => {
    const result = (JSON.parse(readFileSync(join(work, "bench.json"), "utf8")) as Report).runs[0]!;
    const search = result.first_search;
    // The reason (no Chromium, or Chromium failing) becomes the failure's message.
    if (search && "notMeasured" in search) throw new Error(`The first search was not measured: ${search.notMeasured}`);
    expect(search?.requests).toBeGreaterThan(3);
    expect(search?.bytes).toBeGreaterThan(10_000);
  });
});
