/// <reference lib="dom" />
// Words too long for a phone (a 49-letter name in facts lists and tables, an 80-letter title)
// break instead of widening the page: every page of the hostile corpus at 320 CSS pixels.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type StaticServer, serve } from "../helpers/browser.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = sharedSite("hostileTexts");
  server = await serve(site.dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the hostile corpus at 320 CSS pixels", () => {
  it("scrolls no page sideways", async () => {
    const pages = site.htmlFiles.map((file) => file.replace(/index\.html$/, ""));
    expect(pages).toContain("/sv/projekt/formler-och-listor/");
    const overflowing: string[] = [];
    for (const path of pages) {
      await page.goto(`${server.origin}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) overflowing.push(`${path}: ${overflow} px too wide`);
    }
    expect(overflowing).toEqual([]);
  });
});
