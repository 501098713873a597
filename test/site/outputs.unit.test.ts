// How the build splits the site into Eleventy runs, and when a section is completely written.
import { describe, expect, it } from "vitest";
import { inBatch, lastRunOf, outputPath, outputUrl, planRuns } from "../../src/core/outputs.js";

const urls = [
  "/",
  "/sv/",
  "/sv/projekt/a/",
  "/sv/projekt/b/",
  "/en/",
  "/en/projects/a/",
  "/en/projects/b/",
  "/sitemap.xml",
  "/data/all.json",
];

describe("runs of outputs", () => {
  it("take consecutive outputs, at most the given number each, every output once", () => {
    const runs = planRuns([urls], 4);
    expect(runs.map((run) => [...run.urls])).toEqual([urls.slice(0, 4), urls.slice(4, 8), urls.slice(8)]);
    expect(planRuns([[]], 4)).toHaveLength(1);
  });

  it("never mix two groups in one run", () => {
    const runs = planRuns([urls.slice(0, 5), urls.slice(5)], 4);
    expect(runs.map((run) => [...run.urls])).toEqual([urls.slice(0, 4), urls.slice(4, 5), urls.slice(5, 9)]);
  });

  it("let a run write only its own outputs", () => {
    const runs = planRuns([urls], 4);
    const outputs = urls.map((url) => ({ url }));
    expect(inBatch(outputs, runs[1]).map((output) => output.url)).toEqual(urls.slice(4, 8));
    expect(inBatch(outputs, undefined)).toHaveLength(urls.length);
  });

  it("tell after which run a set of outputs is completely written", () => {
    const runs = planRuns([urls], 3);
    expect(lastRunOf(runs, ["/sv/projekt/a/", "/sv/projekt/b/"])).toBe(1);
    expect(lastRunOf(runs, ["/en/projects/b/", "/sv/"])).toBe(2);
    // Nothing to wait for: ready after the first run.
    expect(lastRunOf(runs, ["/de/projekte/a/"])).toBe(0);
    expect(lastRunOf(runs, [])).toBe(0);
  });

  it("are written to index.html in a folder for a page, under their own name otherwise", () => {
    expect(outputPath("/sv/projekt/a/")).toBe("sv/projekt/a/index.html");
    expect(outputPath("/")).toBe("index.html");
    expect(outputPath("/data/SHA256SUMS")).toBe("data/SHA256SUMS");
    for (const url of ["/sv/projekt/a/", "/", "/data/SHA256SUMS", "/sv/404.html"])
      expect(outputUrl(outputPath(url))).toBe(url);
  });
});
