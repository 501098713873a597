// npm run build from another working directory, with absolute paths: Eleventy finds the templates
// in the repository, the site lands where --out says.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const work = mkdtempSync(join(tmpdir(), "utblick-cli-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run build", () => {
  it("builds a site from a data folder given by its absolute path, started in another directory", () => {
    const output = join(work, "site");
    const data = join(ROOT, "test", "fixtures", "valid", "minimal");
    const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, ...env } = process.env;
    const result = spawnSync(
      process.execPath,
      ["--import", TSX, join(ROOT, "scripts", "build.ts"), "--data", data, "--out", output, "--today", "2026-11-25"],
      { cwd: work, env, encoding: "utf8" },
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toContain(`Byggde ${output} på`);
    expect(result.status).toBe(0);
    expect(existsSync(join(output, "sv", "index.html"))).toBe(true);
  });
});
