// The benchmark script runs end to end at a small size. Timings are printed, never asserted.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run bench", () => {
  it("measures every stage, the floor and the page weight for 100 projects", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "utblick-bench-test-")), "bench.json");
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/bench.ts", "--sizes", "100", "--out", out],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toContain("N = 100 projects");
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      results: {
        projects: number;
        pages: number;
        stages: Record<string, { ms: number; peakRssMb: number }>;
        floor: { pages: { pages: number }; sameBytes: { pages: number; ms: number } };
        weights: { kind: string; maxJsBytes: number }[];
        firstSearch?: { bytes: number; requests: number; ms: number };
      }[];
    };
    const result = report.results[0]!;
    expect(result.projects).toBe(100);
    expect(Object.keys(result.stages).sort()).toEqual(["exports", "pages", "search", "total", "validate"]);
    for (const stage of Object.values(result.stages)) {
      expect(stage.ms).toBeGreaterThan(0);
      expect(stage.peakRssMb).toBeGreaterThan(0);
    }
    expect(result.floor.pages.pages).toBe(result.pages);
    // The second floor writes as many pages as ours, of the same sizes.
    expect(result.floor.sameBytes.pages).toBe(result.pages);
    expect(result.floor.sameBytes.ms).toBeGreaterThan(0);
    // The search page and a first query, measured in the browser the browser tests use.
    expect(result.firstSearch?.requests).toBeGreaterThan(3);
    expect(result.firstSearch?.bytes).toBeGreaterThan(10_000);
    expect(result.weights.filter((weight) => weight.maxJsBytes > 0).map((weight) => weight.kind)).toEqual(["search"]);
  });
});
