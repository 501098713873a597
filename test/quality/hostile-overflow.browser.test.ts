/// <reference lib="dom" />
// Words too long for a phone (a 49-letter name in facts lists and tables, an 80-letter title)
// break instead of widening the page: every page of the hostile corpus at 320 CSS pixels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { horizontalOverflow, openInBrowser, type SiteInBrowser, type WithPage } from "../helpers/browser.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

let site: BuiltSite;
let reader: SiteInBrowser;
let withPage: WithPage;

beforeAll(async () => {
  site = sharedSite("hostileTexts");
  reader = await openInBrowser(site.dir);
  // Two pages at a time: while Chromium lays out one, the test reads the other.
  withPage = await reader.pages({}, 2);
});

afterAll(async () => {
  await reader?.close();
});

describe("the hostile corpus at 320 CSS pixels", () => {
  it("scrolls no page sideways", async () => {
    const pages = site.htmlFiles.map((file) => file.replace(/index\.html$/, ""));
    expect(pages).toContain("/sv/projekt/formler-och-listor/");
    // Every page is measured, even after one failed, before the browser closes.
    const measured = await Promise.allSettled(
      pages.map((path) =>
        withPage(
          async (page) => {
            await page.goto(`${reader.origin}${path}`);
            return { path, pixels: await horizontalOverflow(page) };
          },
          { width: 320, height: 640 },
        ),
      ),
    );
    const overflow = measured.map((result) => {
      if (result.status === "rejected") throw result.reason;
      return result.value;
    });
    expect(
      overflow.filter(({ pixels }) => pixels > 0).map(({ path, pixels }) => `${path}: ${pixels} px too wide`),
    ).toEqual([]);
  });
});
