// The sitemap splits into an index of parts past the protocol-friendly size; robots.txt points to
// it; feeds carry the newest projects only.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateData, writeData } from "../../scripts/bench/generate.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";
import { FEED_ENTRIES, projectFeed, robotsTxt, SITEMAP_URLS_PER_FILE, sitemapOutputs } from "../../src/site/feeds.js";
import type { Page } from "../../src/site/page.js";

const today = buildDay("2026-11-25");
const work = mkdtempSync(join(tmpdir(), "utblick-feeds-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeData(generateData(FEED_ENTRIES + 20, 3), work);
const dataset = loadDataset(work, today);

/** Just what the sitemap reads of a page. */
const fakePage = (index: number, unlisted = false): Page =>
  ({
    url: `/en/p/${index}/`,
    alternates: { sv: `/sv/p/${index}/`, en: `/en/p/${index}/`, de: `/de/p/${index}/` },
    unlisted,
  }) as unknown as Page;

const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

describe("the sitemap", () => {
  it("is one file while the site is small, without unlisted pages", async () => {
    const outputs = sitemapOutputs(dataset, [fakePage(1), fakePage(2, true), fakePage(3)]);
    expect(outputs.map((output) => output.url)).toEqual(["/sitemap.xml"]);
    const xml = await outputs[0]!.render();
    expect(xml).toContain("<urlset");
    expect(locs(xml)).toEqual([`${dataset.site.base_url}en/p/1/`, `${dataset.site.base_url}en/p/3/`]);
  });

  it("becomes an index of parts past the size of one file, every page in exactly one part", async () => {
    const count = SITEMAP_URLS_PER_FILE * 2 + 5;
    const outputs = sitemapOutputs(
      dataset,
      Array.from({ length: count }, (_, index) => fakePage(index)),
    );
    expect(outputs.map((output) => output.url)).toEqual([
      "/sitemap.xml",
      "/sitemap-1.xml",
      "/sitemap-2.xml",
      "/sitemap-3.xml",
    ]);
    const index = await outputs[0]!.render();
    expect(index).toContain("<sitemapindex");
    expect(locs(index)).toEqual(outputs.slice(1).map((output) => `${dataset.site.base_url}${output.url.slice(1)}`));
    const parts = await Promise.all(outputs.slice(1).map(async (output) => locs(await output.render())));
    expect(parts.map((part) => part.length)).toEqual([SITEMAP_URLS_PER_FILE, SITEMAP_URLS_PER_FILE, 5]);
    expect(new Set(parts.flat()).size).toBe(count);
  });

  it("is named in robots.txt with its absolute address", () => {
    expect(robotsTxt(dataset)).toContain(`Sitemap: ${dataset.site.base_url}sitemap.xml\n`);
  });
});

describe("the feed of projects", () => {
  it(`carries the ${FEED_ENTRIES} newest projects, newest first`, () => {
    const feed = projectFeed(dataset, "en");
    const dates = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((match) => match[1]!);
    expect(dataset.projects.length).toBeGreaterThan(FEED_ENTRIES);
    expect(dates).toHaveLength(FEED_ENTRIES);
    expect([...dates].sort().reverse()).toEqual(dates);
    const newest = Math.max(
      ...dataset.projects.map((facts) =>
        facts.start ? Date.UTC(facts.start.year, (facts.start.month ?? 1) - 1, facts.start.day ?? 1) : 0,
      ),
    );
    expect(Date.parse(dates[0]!)).toBe(newest);
  });
});
