/// <reference lib="dom" />
// Words too long for a phone (a 49-letter name in facts lists and tables, an 80-letter title)
// break instead of widening the page: every page of the hostile corpus at 320 CSS pixels.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, pagePool, type StaticServer, serve, type WithPage } from "../helpers/browser.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let withPage: WithPage;

beforeAll(async () => {
  site = sharedSite("hostileTexts");
  server = await serve(site.dir);
  browser = await launchBrowser();
  // Two pages at a time: while Chromium lays out one, the test reads the other.
  withPage = pagePool(await browser.newContext({ viewport: { width: 320, height: 640 } }), 2);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the hostile corpus at 320 CSS pixels", () => {
  it("scrolls no page sideways", async () => {
    const pages = site.htmlFiles.map((file) => file.replace(/index\.html$/, ""));
    expect(pages).toContain("/sv/projekt/formler-och-listor/");
    const overflow = await Promise.all(
      pages.map((path) =>
        withPage(async (page) => {
          await page.goto(`${server.origin}${path}`);
          const pixels = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          return { path, pixels };
        }),
      ),
    );
    expect(
      overflow.filter(({ pixels }) => pixels > 0).map(({ path, pixels }) => `${path}: ${pixels} px too wide`),
    ).toEqual([]);
  });
});
