import { describe, expect, it } from "vitest";
import type { Release } from "../../src/model/releases.js";
import { currentRelease, diffSnapshots, nextVersion } from "../../src/releases/releases.js";

const release = (version: string, data: Record<string, unknown>): Release => ({
  version,
  date: version.slice(0, 10),
  data,
});

describe("release versions", () => {
  it("are the release day, numbered when a day has more than one", () => {
    expect(nextVersion([], "2026-11-25")).toBe("2026-11-25");
    expect(nextVersion([release("2026-11-25", {})], "2026-11-25")).toBe("2026-11-25.2");
    expect(nextVersion([release("2026-11-25", {}), release("2026-11-25.2", {})], "2026-11-26")).toBe("2026-11-26");
  });

  it("stay those of the last release while the data are unchanged", () => {
    const data = { projects: { a: { title: { sv: "A" } } } };
    expect(currentRelease([release("2026-01-10", data)], structuredClone(data), "2026-11-25")).toEqual({
      version: "2026-01-10",
      date: "2026-01-10",
      recorded: true,
    });
    expect(currentRelease([release("2026-01-10", data)], { projects: {} }, "2026-11-25")).toEqual({
      version: "2026-11-25",
      date: "2026-11-25",
      recorded: false,
    });
  });
});

describe("the changes between two releases", () => {
  it("name records added, removed and changed, with the changed fields", () => {
    const before = {
      projects: { a: { title: { sv: "A", en: "A" }, sdgs: [1, 2] }, b: { title: { sv: "B" } } },
      themes: { t: { label: { sv: "T" } } },
    };
    const after = {
      projects: { a: { title: { sv: "A", en: "A2" }, sdgs: [1, 3] }, c: { title: { sv: "C" } } },
      themes: { t: { label: { sv: "T" } } },
    };
    expect(diffSnapshots(before, after)).toEqual([
      { kind: "projects", id: "a", change: "changed", fields: ["sdgs[1]", "title.en"] },
      { kind: "projects", id: "b", change: "removed", fields: [] },
      { kind: "projects", id: "c", change: "added", fields: [] },
    ]);
  });

  it("are empty for equal snapshots", () => {
    const data = { site: { title: { sv: "x" } }, projects: { a: { start: "2016" } } };
    expect(diffSnapshots(data, structuredClone(data))).toEqual([]);
  });
});
