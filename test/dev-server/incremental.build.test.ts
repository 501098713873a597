// The preview never shows a stale page: after a title is changed in a record file, every output
// that showed the old title (the project's page, the lists, the organisation's and the theme's
// pages, the feeds, the open data, in every language) shows the new one, and none the old.
// Also: `npm run serve -- --port N` serves on that port.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventually, freePort, previewOfFixture } from "./temp-data.js";

const OLD = { sv: "Renare vatten", en: "Cleaner water", de: "Saubereres Wasser" };
const NEW = { sv: "Klarare sjöar", en: "Clearer lakes", de: "Klarere Seen" };

const preview = previewOfFixture("test/fixtures/valid/site");

async function outputUrls(): Promise<string[]> {
  const state = await preview.server().state();
  if (!state.ok) throw new Error(state.report.join("\n"));
  return state.outputs.urls();
}

async function fetchAll(urls: readonly string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const url of urls) bodies.set(url, await (await fetch(new URL(url, preview.server().url))).text());
  return bodies;
}

const showing = (bodies: Map<string, string>, titles: Record<string, string>): string[] =>
  [...bodies].filter(([, body]) => Object.values(titles).some((title) => body.includes(title))).map(([url]) => url);

describe("the preview after a save", () => {
  it("shows the new title on every page and file that showed the old one, and the old title nowhere", async () => {
    const urls = await outputUrls();
    const before = showing(await fetchAll(urls), OLD);
    // The places a project's title appears, named by hand: a sanity check of the crawl itself.
    expect(before).toEqual(
      expect.arrayContaining([
        "/sv/projekt/renare-vatten/",
        "/en/projects/renare-vatten/",
        "/de/projekte/renare-vatten/",
        "/sv/projekt/",
        "/en/projects/",
        "/de/projekte/",
        "/sv/organisationer/testkommun/",
        "/en/organisations/testkommun/",
        "/de/organisationen/testkommun/",
        "/sv/teman/miljo/",
        "/sv/feed.xml",
        "/data/projects/renare-vatten.json",
      ]),
    );

    const file = join(preview.data().dataDir, "projects", "renare-vatten.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text
        .replace(`sv: ${OLD.sv}`, `sv: ${NEW.sv}`)
        .replace(`en: ${OLD.en}`, `en: ${NEW.en}`)
        .replace(`de: ${OLD.de}`, `de: ${NEW.de}`),
    );
    const page = new URL("/sv/projekt/renare-vatten/", preview.server().url);
    await eventually(
      async () => ((await (await fetch(page)).text()).includes(NEW.sv) ? true : undefined),
      15_000,
      "the project page showing the new title",
    );

    const after = await fetchAll(urls);
    expect(showing(after, OLD)).toEqual([]);
    expect(showing(after, NEW).sort()).toEqual([...before].sort());
  });

  it("serves on the port given with --port", async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/serve.ts",
        "--port",
        String(port),
        "--data",
        preview.data().dataDir,
        "--today",
        "2026-11-26",
      ],
      { stdio: "ignore" },
    );
    try {
      const body = await eventually(
        async () => (await fetch(`http://127.0.0.1:${port}/sv/`)).text(),
        30_000,
        "the server answering on the port",
      );
      expect(body).toContain('<html lang="sv"');
    } finally {
      child.kill();
    }
  });
});
