/// <reference lib="dom" />
// Search past the first 30 results, in the order the reader chooses, and what was found downloaded
// as CSV: read back with Python's csv module, it has the open-data table's header and rows. The
// excerpts are the records' own text, none of the interface. On the frozen sample, whose search
// merges several bundles per language and has more than 30 projects.

import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/languages.js";
import { KIND_SECTIONS, sectionUrl } from "../../src/core/routes.js";
import { t } from "../../src/i18n/translate.js";
import { EXPORT_KINDS } from "../../src/site/export-link.js";
import { type StaticServer, serve, sharedBrowser } from "../helpers/browser.js";
import { sharedSite } from "../helpers/built-site.js";

const site = sharedSite("sample");
const PAGE_SIZE = 30;
const projects = site.dataset.projects;
const downloads = mkdtempSync(join(tmpdir(), "utblick-search-export-"));

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serve(site.dir);
  browser = await sharedBrowser();
  context = await browser.newContext({ acceptDownloads: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Opens the search page at an address and waits for at least `count` results. */
async function open(path: string, count = 1): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction((wanted) => document.querySelectorAll("#search-results li").length >= wanted, count);
  return page;
}

const resultPaths = (page: Page): Promise<string[]> =>
  page.$$eval("#search-results h2 a", (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );

/** A CSV file as Python's csv module reads it: rows of cells (the Excel variant: BOM and semicolons). */
function readWithPython(path: string, delimiter = ","): string[][] {
  const script = [
    "import csv, json, sys",
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as file:",
    "    print(json.dumps(list(csv.reader(file, delimiter=sys.argv[2], strict=True))))",
  ].join("\n");
  return JSON.parse(execFileSync("python3", ["-c", script, path, delimiter], { encoding: "utf8" })) as string[][];
}

const projectFilter = (lang: Lang) =>
  `${encodeURIComponent(t(lang, "field.recordType"))}=${encodeURIComponent(t(lang, "kind.projects"))}`;

describe("search results past the first page", () => {
  it("has more projects than one page shows, for the test to mean something", () => {
    expect(projects.length).toBeGreaterThan(PAGE_SIZE);
  });

  it("shows 30, then the rest on 'show more', moving focus to the first one added", async () => {
    const page = await open(`/en/search/?${projectFilter("en")}`, PAGE_SIZE);
    await page.waitForTimeout(300);
    expect(await page.locator("#search-results li").count()).toBe(PAGE_SIZE);
    expect(await page.textContent("#search-status")).toBe(
      t("en", "search.many", { count: projects.length, shown: PAGE_SIZE }),
    );
    await page.click("#search-more");
    await page.waitForFunction(
      (all) => document.querySelectorAll("#search-results li").length === all,
      projects.length,
    );
    expect(await page.textContent("#search-status")).toBe(
      t("en", "search.many", { count: projects.length, shown: projects.length }),
    );
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? "");
    const first = await page.$eval(
      `#search-results li:nth-child(${PAGE_SIZE + 1}) a`,
      (a) => (a as HTMLAnchorElement).href,
    );
    expect(focused).toBe(first);
    expect(await page.isHidden("#search-more")).toBe(true);
    const found = await resultPaths(page);
    expect(new Set(found).size).toBe(projects.length);
    // The address keeps how much is shown: a reload, or a shared link, shows as much again.
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    await page.reload();
    await page.waitForFunction(
      (all) => document.querySelectorAll("#search-results li").length === all,
      projects.length,
    );
    expect(await resultPaths(page)).toEqual(found);
    await page.close();
  });

  it("sorts by newest start, the records without a start after those with one", async () => {
    const partnerships = site.dataset.records.partnerships.size;
    const type = encodeURIComponent(t("en", "field.recordType"));
    const both = `${projectFilter("en")}&${type}=${encodeURIComponent(t("en", "kind.partnerships"))}`;
    const page = await open(`/en/search/?sort=start&page=9&${both}`, projects.length + partnerships);
    expect(await page.inputValue("#search-sort")).toBe("start");
    const starts = new Map(projects.map((facts) => [`/en/projects/${facts.id}/`, facts.start?.iso]));
    const order = (await resultPaths(page)).map((path) => starts.get(path));
    const withStart = order.filter((start): start is string => start !== undefined);
    expect(withStart.length).toBeGreaterThan(PAGE_SIZE / 2);
    // Every dated result comes first, the newest at the top.
    expect(order.slice(0, withStart.length)).toEqual(withStart);
    const years = withStart.map((start) => start.slice(0, 4));
    expect(years).toEqual([...years].sort().reverse());
    await page.close();
  });

  it("sorts by title, and keeps the order in the address", async () => {
    const page = await open(`/en/search/?${projectFilter("en")}`, PAGE_SIZE);
    await page.selectOption("#search-sort", "title");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("sort") === "title");
    await page.click("#search-more");
    await page.waitForFunction(
      (all) => document.querySelectorAll("#search-results li").length === all,
      projects.length,
    );
    const titles = await page.$$eval("#search-results h2 a", (links) => links.map((link) => link.textContent ?? ""));
    const keys = titles.map((title) => title.toLocaleLowerCase("en"));
    expect(keys).toEqual([...keys].sort());
    await page.close();
  });
});

describe("downloading what was found", () => {
  it("gives the found projects as the open data's CSV, header and rows", async () => {
    const page = await open(`/en/search/?sort=title&${projectFilter("en")}`, PAGE_SIZE);
    const label = t("en", "export.kindMany", { kind: t("en", "kind.projects"), count: projects.length });
    const button = page.locator("#search-export-links button", { hasText: label });
    await expect.poll(() => button.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.waitForFunction(() => document.querySelector("#search-export-status")?.textContent !== "");
    const exported = readWithPython(file);
    const openData = readWithPython(join(site.dir, "data/csv/projects.csv"));
    expect(exported[0]).toEqual(openData[0]);
    expect(exported).toHaveLength(projects.length + 1);
    // Each row is the open data's row of that record, cell for cell.
    const byId = new Map(openData.slice(1).map((row) => [row[0], row]));
    for (const row of exported.slice(1)) expect(row).toEqual(byId.get(row[0]));
    // In the order the results are shown (by title here).
    await page.click("#search-more");
    await page.waitForFunction(
      (all) => document.querySelectorAll("#search-results li").length === all,
      projects.length,
    );
    const shown = (await resultPaths(page)).map((path) => path.split("/")[3]);
    expect(exported.slice(1).map((row) => row[0])).toEqual(shown);
    // The same records for Excel: the open data's csv-excel table, row for row.
    await page.check("#export-excel");
    const [excel] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(excel.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}-excel\.csv$/);
    const excelFile = join(downloads, excel.suggestedFilename());
    await excel.saveAs(excelFile);
    const forExcel = readWithPython(excelFile, ";");
    const openExcel = readWithPython(join(site.dir, "data/csv-excel/projects.csv"), ";");
    expect(forExcel[0]).toEqual(openExcel[0]);
    const excelById = new Map(openExcel.slice(1).map((row) => [row[0], row]));
    expect(forExcel.slice(1).map((row) => excelById.get(row[0]))).toEqual(forExcel.slice(1));
    await page.close();
  });

  it("offers one file per kind found, each with its count", async () => {
    const page = await open("/sv/sok/?q=avfall&page=20");
    await page.waitForSelector("#search-export:not([hidden]) button");
    const labels = await page.$$eval("#search-export-links button", (buttons) => buttons.map((b) => b.textContent));
    const found = await resultPaths(page);
    const expected = EXPORT_KINDS.flatMap((kind) => {
      const count = found.filter((path) => path.startsWith(sectionUrl("sv", KIND_SECTIONS[kind]))).length;
      if (count === 0) return [];
      return [t("sv", count === 1 ? "export.kindOne" : "export.kindMany", { kind: t("sv", `kind.${kind}`), count })];
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(labels).toEqual(expected);
    await page.close();
  });

  it("links a list of every record of a kind to that kind's table, with its count", () => {
    const $ = site.html("/en/organisations/index.html");
    const link = $('a[href="/data/csv/organisations.csv"][download]');
    const count = site.dataset.records.organisations.size;
    expect(link.text()).toBe(t("en", "export.download", { count }));
    expect(readWithPython(join(site.dir, "data/csv/organisations.csv"))).toHaveLength(count + 1);
  });
});

describe("excerpts", () => {
  /** Interface text that once reached excerpts: the table hint and the funding table's header cells run together. */
  function interfaceTexts(lang: Lang): string[] {
    const headers = ["field.programme", "field.recipient", "field.amount", "field.note"] as const;
    return [
      t(lang, "projects.scrollHint"),
      ...headers.slice(1).map((header, index) => `${t(lang, headers[index]!)}${t(lang, header)}`),
      t(lang, "projects.details"),
      t(lang, "downloads.recordJson"),
    ];
  }

  // Words of the interface's own texts (table headers, the scroll hint, the downloads): the index
  // test reads every indexed page for them; here, what a reader's search shows.
  for (const [lang, path, queries] of [
    ["sv", "/sv/sok/", ["finansiering", "belopp"]],
    ["en", "/en/search/", ["funding", "amount"]],
  ] as const) {
    it(`hold the records' own text only (${lang})`, async () => {
      const excerpts: string[] = [];
      for (const query of queries) {
        const page = await open(`${path}?q=${query}&page=2`);
        await page.waitForFunction(() => !(document.querySelector("#search-status")?.textContent ?? "").includes("…"));
        await page.waitForTimeout(300);
        excerpts.push(
          ...(await page.$$eval("#search-results li > p:last-child", (items) => items.map((p) => p.textContent ?? ""))),
        );
        await page.close();
      }
      expect(excerpts.length).toBeGreaterThan(20);
      for (const text of interfaceTexts(lang)) expect(excerpts.filter((excerpt) => excerpt.includes(text))).toEqual([]);
      // Nor its start, where an excerpt cuts it.
      const hint = t(lang, "projects.scrollHint").split(":")[0]!;
      expect(excerpts.filter((excerpt) => excerpt.includes(hint))).toEqual([]);
    });
  }
});
