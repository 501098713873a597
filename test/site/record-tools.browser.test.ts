/// <reference lib="dom" />
// In Chromium: the citation and the error link at the end of a record's page (with the CSL-JSON
// opened) and the page in easy-to-read Swedish have no axe violation (WCAG 2.1 A and AA) and
// reflow at 320 CSS pixels. They read the build of data/, whose site.yaml has the easy-to-read text.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { easyReadUrl, recordUrl } from "../../src/core/routes.js";
import {
  axeViolations,
  horizontalOverflow,
  openInBrowser,
  type SiteInBrowser,
  type WithPage,
} from "../helpers/browser.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

// The pages are listed when the tests are collected, from the site built before any test file started.
const real: BuiltSite = sharedSite("real");
let site: SiteInBrowser;
let withPage: WithPage;

beforeAll(async () => {
  site = await openInBrowser(real.dir);
  withPage = await site.pages({ bypassCSP: true }, 2);
});

afterAll(async () => {
  await site?.close();
});

/** The first project's and the first partnership's page in each language, and the easy-to-read page if any. */
function pages(): string[] {
  const project = [...real.dataset.records.projects.keys()][0]!;
  const partnership = [...real.dataset.records.partnerships.keys()][0];
  return [
    ...real.dataset.site.languages.flatMap((lang) => [
      recordUrl(lang, "projects", project),
      ...(partnership ? [recordUrl(lang, "partnerships", partnership)] : []),
    ]),
    ...(real.exists(easyReadUrl()) ? [easyReadUrl()] : []),
  ];
}

describe("the record tools and the easy-to-read page", () => {
  it("are on the pages this test reads", () => {
    expect(pages()).toContain(easyReadUrl());
  });

  it.concurrent.for(pages())(
    "%s has no axe violation and reflows at 320 CSS pixels, the CSL-JSON opened",
    (path, { expect }) =>
      withPage(async (page) => {
        const response = await page.goto(`${site.origin}${path}`);
        expect(response?.status()).toBeLessThan(400);
        await page.evaluate(() => {
          for (const details of document.querySelectorAll("details")) details.open = true;
        });
        const violations = await axeViolations(page);
        expect.soft(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
        await page.setViewportSize({ width: 320, height: 640 });
        expect.soft(await horizontalOverflow(page), "pixels of horizontal scrolling").toBeLessThanOrEqual(0);
      }),
  );
});
