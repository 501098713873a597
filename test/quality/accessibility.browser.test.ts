/// <reference lib="dom" />
// WCAG 2.1 AA in a real browser: axe-core on one page of every page type in all three
// languages, plus what axe does not check: visible focus and reflow at 320 CSS pixels. The rules
// on the stylesheet's colours (STYLESHEET_RULES, three quarters of axe's time) run on every
// Swedish page type; the English and German ones are the same markup under the same stylesheet
// and get every other rule. The markup only they carry (the notes on texts and lists shown in
// Swedish) is on the fixture's pages, which get every rule in all three languages.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/languages.js";
import { dictionaryUrl, home, notFoundUrl, sectionUrl, statusUrl, yearUrl } from "../../src/core/routes.js";
import {
  axeViolations,
  horizontalOverflow,
  openInBrowser,
  type SiteInBrowser,
  STYLESHEET_RULES,
  type StaticServer,
  serve,
  type WithPage,
} from "../helpers/browser.js";
import { sharedSite } from "../helpers/built-site.js";
import { languagesOf, SHARED_SITES } from "../helpers/shared-sites.js";

const SAMPLE_LANGUAGES = languagesOf(SHARED_SITES.sample.data);

// The page types are shown by records of the frozen sample, which the addresses below name.
let sample: SiteInBrowser;
let fixture: StaticServer;
let withPage: WithPage;

beforeAll(async () => {
  sample = await openInBrowser(sharedSite("sample").dir);
  fixture = await serve(sharedSite("site").dir);
  // axe is injected as a script; the pages' own policy forbids that, so this context bypasses it.
  withPage = await sample.pages({ bypassCSP: true });
});

afterAll(async () => {
  await sample?.close();
  await fixture?.close();
});

function pageTypes(lang: Lang): string[] {
  return [
    home(lang),
    sectionUrl(lang, "projects"),
    statusUrl(lang, "completed"),
    yearUrl(lang, 2016),
    sectionUrl(lang, "projects", "nonhazcity"),
    sectionUrl(lang, "partnerships"),
    sectionUrl(lang, "partnerships", "vasteras-jinan"),
    sectionUrl(lang, "networks"),
    sectionUrl(lang, "networks", "demokratisk-resiliens"),
    sectionUrl(lang, "organisations"),
    sectionUrl(lang, "organisations", "vasteras-stad"),
    sectionUrl(lang, "programmes"),
    sectionUrl(lang, "programmes", "eruf"),
    sectionUrl(lang, "countries"),
    sectionUrl(lang, "countries", "bw"),
    sectionUrl(lang, "themes"),
    sectionUrl(lang, "themes", "vatten"),
    sectionUrl(lang, "sdgs"),
    sectionUrl(lang, "sdgs", 16),
    sectionUrl(lang, "openData"),
    dictionaryUrl(lang),
    sectionUrl(lang, "search"),
    sectionUrl(lang, "map"),
    sectionUrl(lang, "about"),
    sectionUrl(lang, "accessibility"),
    notFoundUrl(lang),
  ];
}

/** A page, its server, and the axe rules left out on it. */
type Checked = [string, () => { readonly origin: string }, readonly string[]];

const PAGES: Checked[] = [
  ...SAMPLE_LANGUAGES.flatMap((lang) =>
    pageTypes(lang).map((path): Checked => [path, () => sample, lang === SAMPLE_LANGUAGES[0] ? [] : STYLESHEET_RULES]),
  ),
  ["/", () => sample, []],
  ["/en/projects/bara-svenska/", () => fixture, []],
  ["/de/projekte/bara-svenska/", () => fixture, []],
  ["/en/projects/", () => fixture, []],
  ["/de/projekte/", () => fixture, []],
];

// Pages are checked a few at a time (vitest's maxConcurrency), each in a page of the pool: each one
// waits on Chromium's processes. The reflow is measured on the same page, made 320 pixels wide,
// as a reader zooming in would; this equals a page loaded at that width as long as no script
// reads the window's size when the page loads (none does).
describe("every page type in every language", () => {
  it.concurrent.for(PAGES)(
    "%s has no axe violation (WCAG 2.1 A and AA) and reflows at 320 CSS pixels without horizontal scrolling",
    ([path, server, except], { expect }) =>
      withPage(async (page) => {
        const response = await page.goto(`${server().origin}${path}`);
        expect(response?.status()).toBeLessThan(400);
        const violations = await axeViolations(page, except);
        expect
          .soft(
            violations.map(
              (violation) =>
                `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`,
            ),
          )
          .toEqual([]);
        await page.setViewportSize({ width: 320, height: 640 });
        expect
          .soft(await horizontalOverflow(page), "pixels of horizontal scrolling at 320 CSS pixels")
          .toBeLessThanOrEqual(0);
      }),
  );
});

describe("keyboard use", () => {
  it("shows where the focus is, starting with the skip link", async () => {
    await withPage(async (page) => {
      await page.goto(`${sample.origin}/en/projects/nonhazcity/`);
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          text: element.textContent,
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          top: box.top,
        };
      });
      expect(focused.text).toBe("Skip to content");
      expect(focused.outline).not.toBe("none");
      expect(focused.width).toBeGreaterThanOrEqual(2);
      expect(focused.top).toBeGreaterThanOrEqual(0);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
      await page.keyboard.press("Tab");
      const next = await page.evaluate(() => getComputedStyle(document.activeElement as HTMLElement).outlineStyle);
      expect(next).not.toBe("none");
    });
  });
});
