/// <reference lib="dom" />
// The editor's preview in Chromium, on a copy of a fixture: it starts with broken data and shows
// the validator's report; a fix brings the site; a save reloads the open page with the change; a
// new mistake shows the report again, and its fix brings the page back. No step needs a manual
// reload, and the page's own Content-Security-Policy lets the reload client (and nothing else) run.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportLines } from "../../src/model/report.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { type DevServer, startDevServer } from "../../src/preview/server.js";
import { launchBrowser } from "../helpers/browser.js";
import { copyFixture, type TempData } from "./temp-data.js";

const today = buildDay("2026-11-26");
let data: TempData;
let server: DevServer;
let browser: Browser;
let file: string;
let original: string;

beforeAll(async () => {
  data = copyFixture("test/fixtures/valid/site");
  file = join(data.dataDir, "projects", "renare-vatten.yaml");
  original = readFileSync(file, "utf8");
  // Broken before the server starts: the server must start all the same.
  writeFileSync(file, original.replace("status: ongoing", "status: pågår"));
  server = await startDevServer({ dataDir: data.dataDir, today, port: 0, log: () => undefined });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  data?.remove();
});

/** The validator's own report for the data as they are now, as `npm run validate` prints it. */
const report = (): string => reportLines(validateDataDirectory(data.dataDir, { today })).join("\n");

const heading = (page: Page) => page.locator("h1").first().textContent();

describe("the preview (npm run serve)", () => {
  it("shows data errors in the browser, reloads after each save and recovers when the file is fixed", async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${server.url}sv/projekt/renare-vatten/`);

    // Broken at start: the report, located, exactly as the validator writes it; no stack trace.
    expect(await heading(page)).toBe("Uppgifterna behöver rättas");
    const problems = await page.locator("#problems").textContent();
    expect(problems).toBe(report());
    expect(problems).toMatch(/projects\/renare-vatten\.yaml:\d+:\d+ /);
    expect(problems).not.toMatch(/\n\s+at /);

    // Fixed: the page comes by itself.
    writeFileSync(file, original);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe("Renare vatten");

    // Saved: the open page reloads with the change.
    writeFileSync(file, original.replace("sv: Renare vatten", "sv: Klarare sjöar"));
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe("Klarare sjöar");

    // Broken again (YAML that cannot be read): the report replaces the page.
    writeFileSync(file, `${original}title: [\n`);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe("Uppgifterna behöver rättas");
    expect(await page.locator("#problems").textContent()).toBe(report());

    // Fixed again.
    writeFileSync(file, original);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe("Renare vatten");

    // Saved by rename, twice, as many editors and `sed -i` do: each reaches the open page.
    for (const title of ["Klarare vatten", "Renare sjöar"]) {
      const temporary = `${file}.saving`;
      writeFileSync(temporary, original.replace("sv: Renare vatten", `sv: ${title}`));
      renameSync(temporary, file);
      await expect.poll(() => heading(page), { timeout: 30_000 }).toBe(title);
    }
    writeFileSync(file, original);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe("Renare vatten");
    // The reload client ran under the page's policy: nothing was blocked.
    expect(consoleErrors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
    await page.close();
  });

  it("reloads a page that was rendered before a save it connects after", async () => {
    writeFileSync(file, original);
    const url = `${server.url}sv/projekt/renare-vatten/`;
    await expect.poll(async () => (await fetch(url)).status, { timeout: 30_000 }).toBe(200);
    const before = await (await fetch(url)).text();
    expect(before).toContain("Renare vatten");
    writeFileSync(file, original.replace("sv: Renare vatten", "sv: Sjöar som förr"));
    await expect
      .poll(async () => (await (await fetch(url)).text()).includes("Sjöar som förr"), { timeout: 30_000 })
      .toBe(true);

    // The page as it was served before the save, its reload client connecting only now.
    const page = await browser.newPage();
    await page.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: before }), {
      times: 1,
    });
    await page.goto(url);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe("Sjöar som förr");
    await page.close();
  });

  it("allows scripts from the site itself in development only; the page loads no other script", async () => {
    writeFileSync(file, original);
    const page = await browser.newPage();
    await page.goto(`${server.url}sv/`);
    await expect.poll(() => heading(page), { timeout: 30_000 }).not.toBe("Uppgifterna behöver rättas");
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe");
    const scripts = await page
      .locator("script[src]")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("src")));
    expect(scripts).toEqual(["/__utblick/reload.js"]);
    await page.close();
  });
});
