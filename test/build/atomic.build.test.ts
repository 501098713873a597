// A build either replaces the whole site or leaves the previous one exactly as it was.
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { buildDay } from "../../src/model/today.js";
import { siteSnapshot } from "../helpers/built-site.js";

const today = buildDay("2026-11-25");

describe("the build", () => {
  it("leaves the previous site untouched when the data has an error, and says so", async () => {
    const work = mkdtempSync(join(tmpdir(), "utblick-atomic-"));
    const output = join(work, "_site");
    const data = join(work, "data");
    cpSync("test/fixtures/valid/minimal", data, { recursive: true });
    expect((await build({ dataDir: data, outputDir: output, today, log: () => undefined })).ok).toBe(true);
    const before = siteSnapshot(output);
    expect(before.size).toBeGreaterThan(100);

    const project = join(data, "projects", "renare-vatten.yaml");
    writeFileSync(project, readFileSync(project, "utf8").replace("currency: EUR\n", "currency: EURO\n"));
    const log: string[] = [];
    const result = await build({ dataDir: data, outputDir: output, today, log: (line) => log.push(line) });

    expect(result.ok).toBe(false);
    expect(log.join("\n")).toContain('"EURO" är ingen valutakod enligt ISO 4217 (menade du "EUR"?)');
    expect(log.at(-1)).toContain("Inget byggdes");
    expect(siteSnapshot(output)).toEqual(before);
    expect(readdirSync(dirname(output)).sort()).toEqual([".site-builds", "_site", "data"]);
    // Neither a staging folder nor the lock is left: only the published build.
    expect(readdirSync(join(work, ".site-builds")).sort()).toEqual([basename(readlinkSync(output)), "output"].sort());
  });

  it("replaces the whole site when it succeeds, leaving no staging directory behind", async () => {
    const work = mkdtempSync(join(tmpdir(), "utblick-atomic-"));
    const output = join(work, "_site");
    await build({ dataDir: "test/fixtures/valid/minimal", outputDir: output, today, log: () => undefined });
    writeFileSync(join(output, "stale.html"), "from an older build");
    expect(
      (await build({ dataDir: "test/fixtures/valid/site", outputDir: output, today, log: () => undefined })).ok,
    ).toBe(true);
    expect(readdirSync(output)).not.toContain("stale.html");
    expect(readdirSync(work).sort()).toEqual([".site-builds", "_site"]);
    expect(readdirSync(join(work, ".site-builds")).sort()).toEqual([basename(readlinkSync(output)), "output"].sort());
    expect(siteSnapshot(output).has("/en/projects/bara-svenska/index.html")).toBe(true);
  });
});
