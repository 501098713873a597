// npm run release on a disk that fills up: a located message, no half-written release left in
// data/releases/, and the next release works once there is space again.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, MINIMAL, runScript, shown } from "../scripts/run.js";

describe("npm run release on a full disk", () => {
  it("writes no part of the release, says where the disk was full, and records it on the next run", () => {
    const data = join(mkdtempSync(join(tmpdir(), "utblick-release-full-")), "data");
    cpSync(MINIMAL, data, { recursive: true });
    const args = ["--data", data, "--today", "2026-11-25"];
    const releases = join(data, "releases");

    const failed = runScript("release.ts", args, { fullDisk: { dir: data } });
    expect(failed.stderr).toContain(`${shown(join(releases, "2026-11-25.json"))}: disken är full`);
    expect(hasStackTrace(failed.stderr)).toBe(false);
    expect(failed.status, failed.stderr).toBe(1);
    expect(existsSync(releases) ? readdirSync(releases) : []).toEqual([]);

    const next = runScript("release.ts", args);
    expect(next.stdout).toContain("Registrerade release 2026-11-25");
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(releases)).toEqual(["2026-11-25.json"]);
    expect(JSON.parse(readFileSync(join(releases, "2026-11-25.json"), "utf8"))).toMatchObject({
      version: "2026-11-25",
    });
  });
});
