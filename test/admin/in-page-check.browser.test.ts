/// <reference lib="dom" />
// The web form as published for a git host, where no local API checks a save: the project's
// validator, bundled for the browser, checks it in the page against the records the build wrote
// beside the form. The form is served as static files and saves through Decap's `test-repo`
// backend (records held in the page), so nothing but the page itself can refuse the save.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_URL, adminOutputs } from "../../src/admin/plugin.js";
import { readRecordYaml } from "../../src/admin/yaml.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { recordsSnapshot } from "../../src/model/validate-in-memory.js";
import { launchBrowser, type StaticServer, serve } from "../helpers/browser.js";
import { problemsAt, publish, saveEndBeforeStart } from "../helpers/form.js";

const FIXTURE = "test/fixtures/valid/site";
const today = buildDay("2026-11-26");
let root: string;
let server: StaticServer;
let browser: Browser;
const pageErrors: string[] = [];

/** The fixture's files as Decap's test-repo backend holds them: folders as objects, files by name. */
function repositoryFiles(dir: string): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    tree[name] = statSync(path).isDirectory() ? repositoryFiles(path) : { content: readFileSync(path, "utf8") };
  }
  return tree;
}

beforeAll(async () => {
  const { dataset } = validateDataDirectory(FIXTURE, { today });
  if (!dataset) throw new Error(`${FIXTURE} does not validate`);
  root = mkdtempSync(join(tmpdir(), "utblick-in-page-"));
  // The form as `npm run build` publishes it for a GitHub repository.
  const outputs = adminOutputs({
    backend: { name: "github", repo: "kommun/utblick" },
    dataFolder: "data",
    languages: dataset.site.languages,
    snapshot: () => recordsSnapshot("data", dataset.site, dataset.records),
  });
  for (const output of outputs) {
    const file = join(root, output.url.endsWith("/") ? `${output.url}index.html` : output.url);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await output.render());
  }
  writeFileSync(join(root, "404.html"), "not found");
  server = await serve(root);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The published form with Decap's test-repo backend holding the fixture, opened at a record. */
async function openForm(route: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.addInitScript((files) => {
    (window as unknown as { repoFiles: unknown }).repoFiles = { data: files };
  }, repositoryFiles(FIXTURE));
  // Only the backend is changed: the configuration, scripts and records.json are the build's.
  await page.route(`**${ADMIN_URL}config.json`, async (route) => {
    const answer = await route.fetch();
    const setup = (await answer.json()) as { config: Record<string, unknown> };
    expect(setup.config.local_backend).toBeUndefined();
    setup.config.backend = { name: "test-repo" };
    await route.fulfill({ response: answer, json: setup });
  });
  await page.goto(`${server.origin}${ADMIN_URL}`);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.goto(`${server.origin}${ADMIN_URL}#${route}`);
  return page;
}

/** The record's file as the test-repo backend holds it in the page. */
const savedFile = (page: Page, kind: string, id: string): Promise<string> =>
  page.evaluate(
    ([kind, id]) =>
      (window as unknown as { repoFiles: { data: Record<string, Record<string, { content: string }>> } }).repoFiles
        .data[kind as string]?.[`${id}.yaml`]?.content ?? "",
    [kind, id],
  );

describe("the published web form's own check, with no local API", () => {
  it("refuses an end before the start, the validator's Swedish message beside the field", async () => {
    const before = readFileSync(join(FIXTURE, "projects", "renare-vatten.yaml"), "utf8");
    const page = await openForm("/collections/projects/entries/renare-vatten");
    await saveEndBeforeStart(page);
    const atField = problemsAt(page, "end").and(page.locator(".utblick-error"));
    await expect
      .poll(() => atField.first().textContent(), { timeout: 30_000 })
      .toBe("projektet slutar (2001) innan det börjar (2016-03)");
    const refusal = page.getByText("Posten sparades inte. Rätta det som står vid fälten");
    await expect.poll(() => refusal.count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator(".utblick-problems li").allTextContents())
      .toContain("Slut: projektet slutar (2001) innan det börjar (2016-03)");
    // The refusal in Swedish alone, not after Decap's "Kunde inte spara inlägg: Error: ".
    expect(await refusal.first().textContent()).toBe(
      "Posten sparades inte. Rätta det som står vid fälten och spara igen.",
    );
    expect(await savedFile(page, "projects", "renare-vatten")).toBe(before);
    await page.context().close();
    // Decap reports its own refused save as an uncaught "Object": the refusal, not a fault.
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => error !== "Object"));
    expect(pageErrors).toEqual([]);
  });

  it("saves a record with only warnings, showing them", async () => {
    const page = await openForm("/collections/projects/entries/renare-vatten");
    const german = page.locator("[id^='de-field-']").first();
    await expect.poll(() => german.inputValue(), { timeout: 20_000 }).toBe("Saubereres Wasser");
    await german.fill("");
    await publish(page);
    await expect
      .poll(async () => (await savedFile(page, "projects", "renare-vatten")).includes("Saubereres"), {
        timeout: 30_000,
      })
      .toBe(false);
    expect(readRecordYaml(await savedFile(page, "projects", "renare-vatten"))).toMatchObject({ start: "2016-03" });
    await expect.poll(() => page.locator(".utblick-warning").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});

describe("where the form shows a problem", () => {
  const CONTROL = "[class*='-ControlContainer']";

  it("shows a mistake in a list's row beside the row's field, named by the form's labels", async () => {
    const page = await openForm("/collections/networks/entries/testnatverket");
    const events = page.locator(CONTROL, { has: page.locator("label[for^='events-field-']") });
    const title = events.locator(CONTROL, { has: page.locator("label[for^='title-field-']") });
    const german = title.locator("[id^='de-field-']");
    await expect.poll(() => german.inputValue(), { timeout: 20_000 }).toBe("Erstes Treffen");
    await german.fill("");
    await publish(page);
    const message =
      "ingen text på tyska ännu; sidorna på tyska visar texten på svenska och säger vilket språk den är " +
      "skriven på";
    await expect.poll(() => title.locator(".utblick-warning").first().textContent(), { timeout: 30_000 }).toBe(message);
    await expect
      .poll(() => page.locator(".utblick-problems li").allTextContents())
      .toContain(`Nätverkets möten 1, Titel: ${message}`);
    // Not also under the whole list, named by its code.
    expect(await page.getByText("events[0]").count()).toBe(0);
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});

describe("the published form's files", () => {
  it("holds no contact person's name, address or number in records.json", () => {
    const snapshot = readFileSync(join(root, relative("/", `${ADMIN_URL}records.json`)), "utf8");
    const person = readRecordYaml(readFileSync(join(FIXTURE, "people", "anna-test.yaml"), "utf8")) as Record<
      string,
      unknown
    >;
    const personal = ["name", "email", "phone"].map((field) => person[field]).filter((value) => value !== undefined);
    expect(personal.length).toBeGreaterThan(1);
    for (const value of personal) expect(snapshot).not.toContain(String(value));
    expect(JSON.parse(snapshot).records.people).toEqual({ "anna-test": null });
  });
});
