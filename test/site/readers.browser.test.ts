/// <reference lib="dom" />
// What a reader sees in a real browser, at a phone's width (375 px) and a desktop's (1280 px) in
// every language: no page type scrolls sideways, chart text is never below 12 px, the first search
// result shows without scrolling, and the map has one named mark per place, the list beside it
// equal to the places in the data, and no script. It reads the build of data/ and names no record:
// the pages and the searched word come from whatever data there are.

import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupBy } from "../../src/core/collections.js";
import type { Lang } from "../../src/core/languages.js";
import { memoize } from "../../src/core/memo.js";
import { name } from "../../src/core/names.js";
import { outputUrl } from "../../src/core/outputs.js";
import { mapImageUrl, sectionUrl } from "../../src/core/routes.js";
import type { Dataset } from "../../src/model/dataset.js";
import {
  axeViolations,
  horizontalOverflow,
  openInBrowser,
  type SiteInBrowser,
  type WithPage,
} from "../helpers/browser.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";
import { languagesOf, REAL_DATA } from "../helpers/shared-sites.js";

const LANGUAGES = languagesOf(REAL_DATA);

let site: BuiltSite;
let reader: SiteInBrowser;
let dataset: Dataset;
let withPage: WithPage;
/** Pages whose context lets axe's script in past the site's policy; only axe runs there. */
let withAxePage: WithPage;
const WIDTHS = [375, 1280] as const;
const PHONE = { width: 375, height: 800 };

// The shared build of data/: the frozen sample has no places, and the map needs them.
beforeAll(async () => {
  site = sharedSite("real");
  dataset = site.dataset;
  reader = await openInBrowser(site.dir);
  withPage = await reader.pages();
  withAxePage = await reader.pages({ bypassCSP: true });
});

afterAll(async () => {
  await reader?.close();
});

/** The pages of a language, by the page type their body names (`page-project`, …). */
// Read once per language: three checks ask for it.
const pagesByType = memoize((lang: Lang): Map<string, { file: string; url: string; html: string }[]> => {
  const pages = site.htmlFiles
    .filter((path) => path.startsWith(`/${lang}/`))
    .map((file) => ({ file, url: outputUrl(file.slice(1)), html: site.read(file) }));
  return groupBy(pages, ({ html }) => /<body class="page-([a-z-]+)"/.exec(html)?.[1] ?? "other");
});

/** One page of every page type in the language: the largest, which has the most to lay out. */
function pageTypes(lang: Lang): string[] {
  return [...pagesByType(lang).values()].map(
    (pages) => pages.reduce((largest, page) => (page.html.length > largest.html.length ? page : largest)).url,
  );
}

/** A project page with a small map of its places, if any project has places. */
function projectWithMap(lang: Lang): string[] {
  const page = pagesByType(lang)
    .get("project")
    ?.find(({ html }) => html.includes('class="small-map"'));
  return page ? [page.url] : [];
}

/**
 * A word the search finds: the longest word of the heading of a project's page, or of an
 * organisation's when there is no project (the publisher is always one).
 */
function searchWord(lang: Lang): string {
  const byType = pagesByType(lang);
  const page = (byType.get("project") ?? byType.get("organisation"))![0]!;
  const title = site.html(page.file)("h1").first().text();
  return title.split(/[^\p{L}\p{N}]+/u).reduce((longest, word) => (word.length > longest.length ? word : longest), "");
}

/**
 * Opens the pages side by side and gives back what `measure` finds on each at each width, made
 * wider on the same page as a reader widening a window would.
 */
async function onPages<T>(
  widths: readonly number[],
  urls: readonly string[],
  measure: (page: Page) => Promise<T>,
): Promise<{ url: string; width: number; value: T }[]> {
  const measured = await Promise.all(
    urls.map((url) =>
      withPage(
        async (page) => {
          await page.goto(`${reader.origin}${url}`, { waitUntil: "load" });
          const values: { url: string; width: number; value: T }[] = [];
          for (const width of widths) {
            await page.setViewportSize({ width, height: PHONE.height });
            values.push({ url, width, value: await measure(page) });
          }
          return values;
        },
        { width: widths[0]!, height: PHONE.height },
      ),
    ),
  );
  return measured.flat();
}

describe.each(LANGUAGES)("in %s", (lang) => {
  it(`no page type is wider than a window ${WIDTHS.join(" or ")} px wide`, async () => {
    const overflow = await onPages(WIDTHS, pageTypes(lang), horizontalOverflow);
    expect(overflow.filter(({ value }) => value > 0)).toEqual([]);
  });

  it("writes no chart text below 12 px on a phone", async () => {
    const [sizes] = await onPages([PHONE.width], [sectionUrl(lang, "statistics")], (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll(".chart *")]
          .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()))
          .map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
      ),
    );
    const all = sizes!.value;
    expect(all.length).toBeGreaterThan(10);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(12);
  });

  it("shows the first search result within the first screen of a phone, and keeps the query across languages", async () => {
    await withPage(async (page) => {
      const query = new URLSearchParams({ q: searchWord(lang) });
      await page.goto(`${reader.origin}${sectionUrl(lang, "search")}?${query}`);
      await page.waitForSelector("#search-results li");
      const bottom = await page.evaluate(
        () => document.querySelector("#search-results li h2 a")!.getBoundingClientRect().bottom,
      );
      expect(bottom).toBeLessThanOrEqual(800);
      expect(await page.evaluate(() => scrollY)).toBe(0);
      const other = LANGUAGES.find((code) => code !== lang)!;
      expect(await page.getAttribute(`.languages a[hreflang="${other}"]`, "href")).toBe(
        `${sectionUrl(other, "search")}?${query}`,
      );
      // The filters wait in a closed disclosure; options that would find nothing are hidden.
      expect(await page.evaluate(() => document.querySelector("details.search-filters")!.hasAttribute("open"))).toBe(
        false,
      );
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>("#search-filters input")]
          .filter((box) => !box.closest(".filter-option")!.hasAttribute("hidden"))
          .map((box) => {
            const label = box.nextElementSibling!.textContent ?? "";
            return { count: Number(/\((\d+)\)$/.exec(label)?.[1] ?? "0") };
          }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.filter((box) => box.count === 0)).toEqual([]);
      await page.click("details.search-filters summary");
      const size = await page.evaluate(() => {
        const box = [...document.querySelectorAll<HTMLInputElement>("#search-filters input")].find(
          (input) => !input.closest(".filter-option")!.hasAttribute("hidden"),
        )!;
        const rect = box.getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      });
      expect(size.width).toBeGreaterThanOrEqual(24);
      expect(size.height).toBeGreaterThanOrEqual(24);
    }, PHONE);
  });

  it("draws one named mark per place on the map, lists the same places, and runs no script", async () => {
    await withPage(async (page) => {
      await page.goto(`${reader.origin}${sectionUrl(lang, "map")}`);
      const expected = [...dataset.records.places.values()].map((place) => name(place.name, lang)).sort();
      const listed = await page.$$eval("ul.places .place-name", (names) => names.map((item) => item.textContent));
      expect(listed.sort()).toEqual(expected);
      expect(await page.$$eval("script", (scripts) => scripts.length)).toBe(0);
      const images = await page.$$eval("figure.map-figure img", (images) =>
        images.map((image) => ({ src: image.getAttribute("src"), alt: image.getAttribute("alt") ?? "" })),
      );
      expect(images[0]?.src).toBe(mapImageUrl(lang));
      for (const image of images) expect(image.alt.length).toBeGreaterThan(10);
      // The page with its stylesheet within 14 kB gzipped; each map a cached file within 40 kB.
      const gzipped = async (path: string) =>
        gzipSync(Buffer.from(await (await fetch(`${reader.origin}${path}`)).arrayBuffer())).length;
      expect((await gzipped(sectionUrl(lang, "map"))) + (await gzipped("/assets/style.css"))).toBeLessThanOrEqual(
        14 * 1024,
      );
      for (const image of images) expect(await gzipped(image.src!)).toBeLessThanOrEqual(40 * 1024);
      // The map that shows every place: the world map when there is one, else the only map.
      const svg = await (await fetch(`${reader.origin}${images.at(-1)!.src}`)).text();
      await page.setContent(svg);
      const marks = await page.$$eval("g.place", (groups) =>
        groups.map((group) => group.querySelector("title")?.textContent),
      );
      expect(marks.sort()).toEqual(expected);
      expect(await page.$$eval("script", (scripts) => scripts.length)).toBe(0);
    });
  });

  it("passes axe on the map page and on a page with key facts and a small map", async () => {
    for (const url of [sectionUrl(lang, "map"), ...projectWithMap(lang)])
      await withAxePage(async (page) => {
        await page.goto(`${reader.origin}${url}`);
        expect(await axeViolations(page), url).toEqual([]);
      });
  });
});
