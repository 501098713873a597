// A recorded release's archive is what other publications pin by its SHA-256: its bytes depend on
// the release as recorded, never on what site.yaml says later (its address, its title).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { releaseFiles } from "../../src/exports/release-files.js";
import { sha256Hex } from "../../src/model/includes.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";

const today = buildDay("2026-12-05");
const root = mkdtempSync(join(tmpdir(), "utblick-release-archive-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const archiveHashes = (dataDir: string): string[] =>
  releaseFiles(loadDataset(dataDir, today)).archives.map((archive) => {
    const bytes = archive.render();
    return sha256Hex(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
  });

describe("a recorded release's archive", () => {
  it("keeps its bytes when site.yaml later changes the site's address and title", () => {
    const data = join(root, "data");
    cpSync("test/fixtures/valid/sample", data, { recursive: true });
    const before = archiveHashes(data);
    expect(before.length).toBeGreaterThan(0);
    const site = join(data, "site.yaml");
    writeFileSync(
      site,
      readFileSync(site, "utf8")
        .replace(/^base_url: .*$/m, "base_url: https://moved.example.org/internationellt/")
        .replace(/^ {2}sv: .*$/m, "  sv: En ny titel på webbplatsen"),
    );
    const after = loadDataset(data, today);
    expect(after.site.base_url).toBe("https://moved.example.org/internationellt/");
    expect(archiveHashes(data)).toEqual(before);
  });
});
