/// <reference lib="dom" />
// What a reader sees in a real browser, at a phone's width (375 px) and a desktop's (1280 px) in
// every language: no page type scrolls sideways, chart text is never below 12 px, the first search
// result shows without scrolling, and the map has one named mark per place, the list beside it
// equal to the places in the data, and no script.

import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, type Lang } from "../../src/core/languages.js";
import { name } from "../../src/core/names.js";
import { dictionaryUrl, home, mapImageUrl, sectionUrl, statusUrl } from "../../src/core/routes.js";
import type { Dataset } from "../../src/model/dataset.js";
import { axeViolations, launchBrowser, type StaticServer, serve } from "../helpers/browser.js";
import { sharedSite } from "../helpers/built-site.js";

let server: StaticServer;
let browser: Browser;
let dataset: Dataset;
const contexts = new Map<number, BrowserContext>();
const WIDTHS = [375, 1280] as const;

// The shared build of data/: the frozen sample has no places, and the map needs them.
beforeAll(async () => {
  const site = sharedSite("real");
  dataset = site.dataset;
  server = await serve(site.dir);
  browser = await launchBrowser();
  for (const width of WIDTHS) contexts.set(width, await browser.newContext({ viewport: { width, height: 800 } }));
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser?.close();
  await server?.close();
});

function pageTypes(lang: Lang): string[] {
  return [
    home(lang),
    sectionUrl(lang, "projects"),
    statusUrl(lang, "completed"),
    sectionUrl(lang, "projects", "invanardialog"),
    sectionUrl(lang, "partnerships", "vasteras-jinan"),
    sectionUrl(lang, "networks", "demokratisk-resiliens"),
    sectionUrl(lang, "organisations", "vasteras-stad"),
    sectionUrl(lang, "programmes", "eruf"),
    sectionUrl(lang, "countries", "ua"),
    sectionUrl(lang, "themes", "vatten"),
    sectionUrl(lang, "sdgs", 16),
    sectionUrl(lang, "statistics"),
    sectionUrl(lang, "openData"),
    dictionaryUrl(lang),
    sectionUrl(lang, "map"),
    sectionUrl(lang, "search"),
    sectionUrl(lang, "about"),
  ];
}

/** Opens pages side by side in one context and gives back what `measure` found on each. */
async function onPages<T>(width: number, urls: readonly string[], measure: () => T): Promise<Map<string, T>> {
  const context = contexts.get(width)!;
  const found = await Promise.all(
    urls.map(async (url) => {
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
        return [url, await page.evaluate(measure)] as const;
      } finally {
        await page.close();
      }
    }),
  );
  return new Map(found);
}

describe.each(LANGUAGES)("in %s", (lang) => {
  it.each(WIDTHS)("no page type is wider than a window %i px wide", async (width) => {
    const overflow = await onPages(width, pageTypes(lang), () => document.documentElement.scrollWidth - innerWidth);
    expect([...overflow].filter(([, pixels]) => pixels > 0)).toEqual([]);
  });

  it("writes no chart text below 12 px on a phone", async () => {
    const sizes = await onPages(375, [sectionUrl(lang, "statistics")], () =>
      [...document.querySelectorAll(".chart *")]
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()))
        .map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    );
    const all = sizes.get(sectionUrl(lang, "statistics"))!;
    expect(all.length).toBeGreaterThan(10);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(12);
  });

  it("shows the first search result within the first screen of a phone, and keeps the query across languages", async () => {
    const page = await contexts.get(375)!.newPage();
    try {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${server.origin}${sectionUrl(lang, "search")}?q=Jinan`);
      await page.waitForSelector("#search-results li");
      const bottom = await page.evaluate(
        () => document.querySelector("#search-results li h2 a")!.getBoundingClientRect().bottom,
      );
      expect(bottom).toBeLessThanOrEqual(800);
      expect(await page.evaluate(() => scrollY)).toBe(0);
      const other = LANGUAGES.find((code) => code !== lang)!;
      expect(await page.getAttribute(`.languages a[hreflang="${other}"]`, "href")).toBe(
        `${sectionUrl(other, "search")}?q=Jinan`,
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
    } finally {
      await page.close();
    }
  });

  it("draws one named mark per place on the map, lists the same places, and runs no script", async () => {
    const page = await contexts.get(1280)!.newPage();
    try {
      await page.goto(`${server.origin}${sectionUrl(lang, "map")}`);
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
        gzipSync(Buffer.from(await (await fetch(`${server.origin}${path}`)).arrayBuffer())).length;
      expect((await gzipped(sectionUrl(lang, "map"))) + (await gzipped("/assets/style.css"))).toBeLessThanOrEqual(
        14 * 1024,
      );
      for (const image of images) expect(await gzipped(image.src!)).toBeLessThanOrEqual(40 * 1024);
      // The map that shows every place: the world map when there is one, else the only map.
      const svg = await (await fetch(`${server.origin}${images.at(-1)!.src}`)).text();
      const map = await browser.newPage();
      try {
        await map.setContent(svg);
        const marks = await map.$$eval("g.place", (groups) =>
          groups.map((group) => group.querySelector("title")?.textContent),
        );
        expect(marks.sort()).toEqual(expected);
        expect(await map.$$eval("script", (scripts) => scripts.length)).toBe(0);
      } finally {
        await map.close();
      }
    } finally {
      await page.close();
    }
  });

  it("passes axe on the map page and on a page with key facts and a small map", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    try {
      for (const url of [sectionUrl(lang, "map"), sectionUrl(lang, "projects", "invanardialog")]) {
        const page = await context.newPage();
        await page.goto(`${server.origin}${url}`);
        expect(await axeViolations(page), url).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});
