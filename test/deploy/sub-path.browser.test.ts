/// <reference lib="dom" />
// Search in Chromium on a site published below a path: the page finds its bundles there, merges
// the later ones, and its results link below the path to pages that exist.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import sirv from "sirv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.js";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

const BASE = "/internationellt/";
const work = mkdtempSync(join(tmpdir(), "utblick-sub-path-search-"));
let site: BuiltSite;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const data = join(work, "data");
  cpSync("test/fixtures/valid/site", data, { recursive: true });
  const siteYaml = join(data, "site.yaml");
  writeFileSync(
    siteYaml,
    readFileSync(siteYaml, "utf8").replace(/^base_url: .*$/m, `base_url: https://www.example-kommun.se${BASE}`),
  );
  // Bundles of two pages, so that the search page merges several below the path.
  site = await buildSite(data, join(work, "site"), { pagesPerBundle: 2 });
  // The site's files answer only below the path, as on the municipality's host.
  const files = sirv(site.dir, { dev: true });
  server = createServer((request, response) => {
    const url = request.url ?? "/";
    const notFound = () => {
      response.statusCode = 404;
      response.end();
    };
    if (!url.startsWith(BASE)) return notFound();
    request.url = `/${url.slice(BASE.length)}`;
    files(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe("search below a path", () => {
  it("merges its bundles and links every result below the path, to a page that exists", async () => {
    const bundles = JSON.parse(site.read("/pagefind/en/bundles.json")) as string[];
    expect(bundles.length).toBeGreaterThan(1);
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(request.url()));
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${origin}${BASE}en/search/?q=testkommun`);
    await page.waitForSelector("#search-results a", { timeout: 30_000 });
    const links = await page.$$eval("#search-results a", (anchors) =>
      anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
    );
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      expect(link.startsWith(`${BASE}en/`)).toBe(true);
      expect(site.exists(`/${link.slice(BASE.length)}`)).toBe(true);
    }
    expect(failed).toEqual([]);
    await page.close();
  });
});
