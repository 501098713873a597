import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  AGGREGATE_FOLDERS,
  generateAggregate,
  generateData,
  writeAggregate,
  writeData,
} from "../../scripts/bench/generate.js";
import { KINDS } from "../../src/core/vocabulary.js";
import { datasetOf } from "../../src/model/index.js";
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

describe("the benchmark's aggregate", () => {
  it("is publications that build alone, a register including them all, and one publication of their records", () => {
    const dir = join(work, "aggregate");
    const aggregate = generateAggregate({ publications: 3, projects: 10, seed: 5 });
    writeAggregate(aggregate, dir);
    expect([...aggregate.publications.keys()]).toEqual(["pub-001", "pub-002", "pub-003"]);
    // The projects shared out as evenly as they go.
    expect([...aggregate.publications.values()].map((data) => data.counts.projects)).toEqual([4, 3, 3]);
    const today = buildDay("2026-11-25");
    for (const slug of aggregate.publications.keys()) {
      const result = validateDataDirectory(join(dir, AGGREGATE_FOLDERS.publications, slug), { today, strict: true });
      expect(result.problems, slug).toEqual([]);
    }
    const register = validateDataDirectory(join(dir, AGGREGATE_FOLDERS.register), { today, strict: true });
    const single = validateDataDirectory(join(dir, AGGREGATE_FOLDERS.single), { today, strict: true });
    expect(register.problems).toEqual([]);
    expect(single.problems).toEqual([]);
    const registered = datasetOf(today, register).records;
    const alone = datasetOf(today, single).records;
    // The same records on both sides: an included record's id "pub-001/pro-000001" is "pub-001-pro-000001"
    // there; themes are one vocabulary, kept in the register under the first publication to include them.
    for (const kind of KINDS) {
      const ids = [...(registered[kind] as Map<string, unknown>).keys()]
        .map((id) => (kind === "themes" ? id.replace("pub-001/", "") : id.replace("/", "-")))
        .sort();
      expect(ids, kind).toEqual([...(alone[kind] as Map<string, unknown>).keys()].sort());
    }
    expect(alone.projects.size).toBe(10);
    expect(aggregate.single.counts.projects).toBe(10);
    expect(aggregate.single.counts.themes).toBe(alone.themes.size);
  });

  it("asks for a project in every publication", () => {
    expect(() => generateAggregate({ publications: 4, projects: 3 })).toThrow();
  });
});
