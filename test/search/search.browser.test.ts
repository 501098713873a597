/// <reference lib="dom" />
// Search in a real browser: Pagefind's index per language, filters, shareable addresses and
// accessibility of the page with results shown.

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, type StaticServer, serve } from "../helpers/browser.js";
import { sharedSite } from "../helpers/built-site.js";

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // The frozen sample, built with small bundles: the search page has to merge several per language.
  server = await serve(sharedSite("sample").dir);
  browser = await launchBrowser();
  context = await browser.newContext({ bypassCSP: false });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForSelector("#search-form:not([hidden])");
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

async function search(page: Page, query: string): Promise<string[]> {
  await page.fill("#search-query", query);
  // The status keeps the last search's words until the new results are in: cleared here, it
  // tells when they are (a fixed wait is too short on a busy machine).
  await page.$eval("#search-status", (element) => {
    element.textContent = "";
  });
  await page.press("#search-query", "Enter");
  await page.waitForFunction(
    (text) =>
      document.querySelector("#search-status")?.textContent !== "" &&
      new URL(location.href).searchParams.get("q") === text,
    query,
  );
  await page.waitForTimeout(300);
  return page.$$eval("#search-results a", (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );
}

describe("search", () => {
  it("finds Swedish pages with a Swedish word on the Swedish search page", async () => {
    const page = await open("/sv/sok/");
    const found = await search(page, "kemikaliesmarta");
    expect(found).toContain("/sv/projekt/nonhazcity/");
    expect(found.every((path) => path.startsWith("/sv/"))).toBe(true);
    await page.close();
  });

  it("does not find the Swedish word in the English index", async () => {
    const page = await open("/en/search/");
    const found = await search(page, "kemikaliesmarta");
    expect(found).toEqual([]);
    expect(await search(page, "chemicals")).toContain("/en/projects/nonhazcity/");
    await page.close();
  });

  it("finds German pages with a German word", async () => {
    const page = await open("/de/suche/");
    const found = await search(page, "Mülltrennung");
    expect(found).toContain("/de/projekte/waste-not/");
    expect(found.every((path) => path.startsWith("/de/"))).toBe(true);
    await page.close();
  });

  it("narrows the results with a filter, and shows counts", async () => {
    const page = await open("/en/search/");
    const all = await search(page, "waste");
    const botswana = page.locator("#search-filters label", { hasText: /^Botswana \(\d+\)$/ });
    await expect.poll(() => botswana.count()).toBe(1);
    // The filters wait in a closed disclosure below the box; its summary counts the chosen ones.
    await page.click("details.search-filters summary");
    await page.$eval("#search-status", (element) => {
      element.textContent = "";
    });
    await botswana.click();
    await page.waitForFunction(
      () =>
        new URL(location.href).searchParams.has("Countries") &&
        document.querySelector("#search-status")?.textContent !== "",
    );
    expect(await page.textContent("#search-filter-count")).toBe("(1 selected)");
    const narrowed = await page.$$eval("#search-results a", (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed).toContain("/en/projects/waste-not/");
    expect(narrowed).not.toContain("/en/projects/an-giang-avfall/");
    await page.close();
  });

  it("restores query and filters from a shared address", async () => {
    const page = await open("/en/search/?q=waste&Countries=Botswana");
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0);
    expect(await page.inputValue("#search-query")).toBe("waste");
    expect(await page.isChecked('#search-filters input[name="Countries"][value="Botswana"]')).toBe(true);
    const found = await page.$$eval("#search-results a", (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(found).toContain("/en/projects/waste-not/");
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("has no accessibility violations with results shown", async () => {
    const axeContext = await browser.newContext({ bypassCSP: true });
    const page = await axeContext.newPage();
    await page.goto(`${server.origin}/sv/sok/?q=avfall`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0);
    expect(await axeViolations(page)).toEqual([]);
    await axeContext.close();
  });
});
