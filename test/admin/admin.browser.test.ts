/// <reference lib="dom" />
// The web editor in Chromium against the preview server's local backend on a copy of a fixture: a
// project created through the form lands on disk as a valid YAML file, and editing one field of an
// existing record changes that field's line and nothing else.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRecordYaml } from "../../src/admin/yaml.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { type DevServer, startDevServer } from "../../src/preview/server.js";
import { copyFixture, eventually, type TempData } from "../dev-server/temp-data.js";
import { sharedBrowser } from "../helpers/browser.js";
import { problemsAt, publish, saveEndBeforeStart } from "../helpers/form.js";

const today = buildDay("2026-11-26");
let data: TempData;
let server: DevServer;
let browser: Browser;
const pageErrors: string[] = [];

// A record as an editor writes it by hand, not quite as the form would: a comment, quotes, a block
// list, a date without quotes.
const HAND_WRITTEN = `# Källa: kommunens sida.
title:
  sv: 'Gångbroar över ån'
  en: Footbridges across the river
summary:
  sv: Kommunen bygger två gångbroar.
  en: The municipality builds two footbridges.
owners:
  - testkommun
start: 2016-03   # månad enligt källan
duration: P2Y
countries: [SE]
sources:
  - source: testkalla
`;

beforeAll(async () => {
  data = copyFixture("test/fixtures/valid/site");
  writeFileSync(join(data.dataDir, "projects", "gangbroar.yaml"), HAND_WRITTEN);
  server = await startDevServer({ dataDir: data.dataDir, today, port: 0, editing: true, log: () => undefined });
  browser = await sharedBrowser();
});

/** The admin at a route, in a fresh browser profile; the local backend's login is one click, no password. */
async function openAdmin(route: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(`${server.url}admin/`);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.goto(`${server.url}admin/#${route}`);
  return page;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  data?.remove();
});

/** Chooses a record in a relation widget by typing part of its name. */
async function choose(page: Page, field: string, typed: string, option: string): Promise<void> {
  await page.locator(`[id^='${field}-field-']`).first().click();
  await page.keyboard.type(typed);
  await page.locator("[id*='-option-']", { hasText: option }).first().click();
}

describe("the web editor at /admin/", () => {
  it("creates a project through the form as a valid YAML file named after the Swedish title", async () => {
    const page = await openAdmin("/collections/projects/new");
    await page.locator("[id^='sv-field-']").first().fill("Nya broar över ån");
    await page.locator("[id^='sv-field-']").nth(1).fill("Kommunen bygger **två** nya gångbroar.");
    await choose(page, "owners", "Testkommun", "Testkommun");
    await page.locator("[id^='start-field-']").fill("2016-03");
    await page.getByRole("button", { name: /^Lägg till källdokument/ }).click();
    await choose(page, "source", "Test", "Testkällan");
    await publish(page);

    // å becomes a: the id's alphabet is a–z, digits and hyphens.
    const file = join(data.dataDir, "projects", "nya-broar-over-an.yaml");
    const text = await eventually(() => (existsSync(file) ? readFileSync(file, "utf8") : undefined), 30_000, "saving");
    expect(readRecordYaml(text)).toEqual({
      title: { sv: "Nya broar över ån" },
      summary: { sv: "Kommunen bygger **två** nya gångbroar." },
      owners: ["testkommun"],
      start: "2016-03",
      sources: [{ source: "testkalla" }],
    });
    expect(text).toContain('start: "2016-03"\n');
    const result = validateDataDirectory(data.dataDir, { today });
    expect(result.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("changes only the edited field's line when an existing record is edited, keeping the others as written", async () => {
    const file = join(data.dataDir, "projects", "gangbroar.yaml");
    const page = await openAdmin("/collections/projects/entries/gangbroar");
    const english = page.locator("[id^='en-field-']").first();
    await expect.poll(() => english.inputValue(), { timeout: 20_000 }).toBe("Footbridges across the river");
    await english.fill("Two footbridges across the river");
    await publish(page);

    const text = await eventually(
      () => (readFileSync(file, "utf8") !== HAND_WRITTEN ? readFileSync(file, "utf8") : undefined),
      30_000,
      "saving",
    );
    expect(text).toBe(HAND_WRITTEN.replace("  en: Footbridges across", "  en: Two footbridges across"));
    expect(pageErrors).toEqual([]);
  });
});

describe("the web editor's saves, as the editor makes them", () => {
  it("names a new theme after its label, in any script, and never with an empty or borrowed name", async () => {
    for (const [label, id] of [
      ["Hållbar turism", "hallbar-turism"],
      ["Сталий туризм", "staliy-turizm"],
    ] as const) {
      const page = await openAdmin("/collections/themes/new");
      await page.locator("[id^='sv-field-']").first().fill(label);
      await publish(page);
      const file = join(data.dataDir, "themes", `${id}.yaml`);
      const text = await eventually(() => (existsSync(file) ? readFileSync(file, "utf8") : undefined), 30_000, id);
      expect(readRecordYaml(text)).toEqual({ label: { sv: label } });
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  it("checks a change before saving it: an end before the start is refused, its message shown at the field", async () => {
    const file = join(data.dataDir, "projects", "renare-vatten.yaml");
    const before = readFileSync(file, "utf8");
    const page = await openAdmin("/collections/projects/entries/renare-vatten");
    await saveEndBeforeStart(page);
    const atField = problemsAt(page, "end");
    await expect
      .poll(() => atField.first().textContent(), { timeout: 20_000 })
      .toBe("projektet slutar (2001) innan det börjar (2016-03)");
    await expect
      .poll(() => page.getByText("Posten sparades inte. Rätta det som står vid fälten").count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/shots/refused-save.png" });
    expect(readFileSync(file, "utf8")).toBe(before);
    await page.context().close();
    // Decap rejects its own save promise when a save is refused, which the page reports as an
    // uncaught "Object": the refusal itself, not a fault.
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => error !== "Object"));
    expect(pageErrors).toEqual([]);
  });

  it("saves a record with only warnings, showing them", async () => {
    const file = join(data.dataDir, "projects", "renare-vatten.yaml");
    const page = await openAdmin("/collections/projects/entries/renare-vatten");
    const german = page.locator("[id^='de-field-']").first();
    await expect.poll(() => german.inputValue(), { timeout: 20_000 }).toBe("Saubereres Wasser");
    await german.fill("");
    await publish(page);
    await eventually(() => (readFileSync(file, "utf8").includes("Saubereres") ? undefined : true), 30_000, "saving");
    await expect.poll(() => page.locator(".utblick-warning").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.context().close();
  });

  it("saves a record into its own file after the editor typed another record's address", async () => {
    const network = join(data.dataDir, "networks", "testnatverket.yaml");
    const networkBefore = readFileSync(network, "utf8");
    const page = await openAdmin("/collections/networks/entries/testnatverket");
    const english = page.locator("[id^='en-field-']").first();
    await expect.poll(() => english.inputValue(), { timeout: 20_000 }).toBe("The test network");
    await page.evaluate(() => {
      location.hash = "#/collections/projects/entries/gangbroar";
    });
    await expect.poll(() => english.inputValue(), { timeout: 20_000 }).toMatch(/footbridges/i);
    await english.fill("Footbridges over the river");
    await publish(page);
    const project = join(data.dataDir, "projects", "gangbroar.yaml");
    await eventually(() => (readFileSync(project, "utf8").includes("over the river") ? true : undefined), 30_000);
    expect(readFileSync(network, "utf8")).toBe(networkBefore);
    expect(readRecordYaml(readFileSync(project, "utf8"))).toMatchObject({ owners: ["testkommun"] });
    await page.context().close();
  });
});

describe("the web editor on a phone (390 px)", () => {
  it("fits the screen, scrolls to every field and answers taps: a source added by tap is saved", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(`${server.url}admin/`);
    await page.getByRole("button", { name: "Logga in" }).tap();
    await page.goto(`${server.url}admin/#/collections/projects/entries/gangbroar`);
    const add = page.getByRole("button", { name: /^Lägg till källdokument/ });
    await add.scrollIntoViewIfNeeded({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await add.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await add.tap();
    await page.screenshot({ path: "/tmp/shots/phone-added-source.png" });
    const sources = page.locator("[id^='source-field-']");
    await expect.poll(() => sources.count(), { timeout: 10_000 }).toBe(2);
    await sources.nth(1).tap();
    await page.keyboard.type("Test");
    await page.locator("[id*='-option-']", { hasText: "Testkällan" }).first().tap();
    await page.getByRole("button", { name: "Publicera", exact: true }).first().tap();
    await page.getByText("Publicera nu").tap();
    const file = join(data.dataDir, "projects", "gangbroar.yaml");
    const saved = await eventually(() => {
      const record = readRecordYaml(readFileSync(file, "utf8")) as { sources: unknown[] };
      return record.sources.length === 2 ? record : undefined;
    }, 30_000);
    expect(saved.sources).toEqual([{ source: "testkalla" }, { source: "testkalla" }]);
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
