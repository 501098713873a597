import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateData, writeData } from "../../scripts/bench/generate.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const work = mkdtempSync(join(tmpdir(), "utblick-generate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the benchmark data generator", () => {
  it("writes data that passes strict validation", () => {
    writeData(generateData(60, 7), work);
    const result = validateDataDirectory(work, { today: buildDay("2026-11-25"), strict: true });
    expect(result.problems).toEqual([]);
    expect(result.dataset?.records.projects.size).toBe(60);
  });

  it("gives the same files for the same seed, and others for another seed", () => {
    expect([...generateData(40, 3).files]).toEqual([...generateData(40, 3).files]);
    expect([...generateData(40, 3).files]).not.toEqual([...generateData(40, 4).files]);
  });

  it("scales the other kinds with the number of projects", () => {
    const small = generateData(100).counts;
    const large = generateData(1000).counts;
    expect(large.projects).toBe(1000);
    expect(large.organisations).toBeGreaterThan(small.organisations! * 5);
    expect(large.partnerships).toBeGreaterThan(small.partnerships! * 5);
  });
});
