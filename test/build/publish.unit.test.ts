// The publish step alone, without a build: one rename switches the site, one build at a time holds
// the lock, a dead build's lock and folders are taken over, and two outputs never share builds.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BuildLockedError, buildsFolder, type LockHolder, openPublication } from "../../src/build/publish.js";
import { RefusedFolderError } from "../../src/core/safe-write.js";

const quiet = { log: () => undefined };

function workDir(): string {
  return mkdtempSync(join(tmpdir(), "utblick-publish-"));
}

/** Publishes a site of one file saying `text`. */
async function publishSite(output: string, text: string, log: (line: string) => void = () => undefined) {
  const publication = openPublication(output, { log });
  writeFileSync(join(publication.staging, "index.html"), text);
  await publication.publish();
  publication.close();
}

/** The process id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("publishing", () => {
  it("makes the output a relative link to the new build, and removes the previous one", async () => {
    const output = join(workDir(), "_site");
    await publishSite(output, "first");
    const first = readlinkSync(output);
    expect(first).toMatch(/^\.site-builds\/[^/]+$/);
    await publishSite(output, "second");
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("second");
    expect(readlinkSync(output)).not.toBe(first);
    expect(readdirSync(buildsFolder(output)).sort()).toEqual([basename(readlinkSync(output)), "output"].sort());
  });

  it("turns an empty output folder into the link, and refuses a folder with files, leaving it as it was", async () => {
    const output = join(workDir(), "_site");
    mkdirSync(output);
    await publishSite(output, "new");
    expect(readlinkSync(output)).toMatch(/^\.site-builds\//);
    const plain = join(workDir(), "_site");
    mkdirSync(plain);
    writeFileSync(join(plain, "old.html"), "old");
    expect(() => openPublication(plain, quiet)).toThrow(RefusedFolderError);
    expect(readFileSync(join(plain, "old.html"), "utf8")).toBe("old");
    expect(existsSync(buildsFolder(plain))).toBe(false);
  });

  it("leaves the site as it was when a build is abandoned", async () => {
    const output = join(workDir(), "_site");
    await publishSite(output, "kept");
    const publication = openPublication(output, quiet);
    writeFileSync(join(publication.staging, "index.html"), "half");
    publication.abandon();
    publication.close();
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("kept");
    expect(existsSync(publication.staging)).toBe(false);
  });
});

describe("the lock", () => {
  it("stops a second build while the first holds it, naming the first, without touching anything", async () => {
    const output = join(workDir(), "_site");
    await publishSite(output, "published");
    const first = openPublication(output, quiet);
    let error: unknown;
    try {
      openPublication(output, quiet);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BuildLockedError);
    expect((error as Error).message).toContain(`en annan build (process ${process.pid} på ${hostname()}, startad `);
    expect(existsSync(first.staging)).toBe(true);
    first.close();
    expect(() => openPublication(output, quiet).close()).not.toThrow();
  });

  it("of a build whose process has ended is taken over, and the build's leftovers removed", async () => {
    const output = join(workDir(), "_site");
    await publishSite(output, "published");
    const builds = buildsFolder(output);
    const dead: LockHolder = { pid: deadPid(), host: hostname(), started: "2026-11-25T10:00:00.000Z", token: "x" };
    writeFileSync(join(builds, "lock"), JSON.stringify(dead));
    mkdirSync(join(builds, "2026-11-25T10-00-00-000Z-1"));
    symlinkSync("nowhere", join(builds, "2026-11-25T10-00-00-000Z-1.link"));
    const log: string[] = [];
    const publication = openPublication(output, { log: (line) => log.push(line) });
    publication.close();
    expect(log).toContain(
      `En build som avbröts (process ${dead.pid}, startad 2026-11-25 10:00:00 UTC) hade lämnat sitt lås kvar; det är borttaget.`,
    );
    expect(log.join("\n")).toContain(
      "Tog bort det som avbrutna builds lämnade efter sig: .site-builds/2026-11-25T10-00-00-000Z-1",
    );
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("published");
    expect(readdirSync(builds).sort()).toEqual([basename(readlinkSync(output)), "output"].sort());
  });

  it("of a process id now used by another process is recognised as a dead build's by the start time", () => {
    const output = join(workDir(), "_site");
    const builds = buildsFolder(output);
    mkdirSync(builds, { recursive: true });
    // This very process, but started at another time: the id was reused.
    const reused: LockHolder = {
      pid: process.ppid,
      host: hostname(),
      started: "2026-11-25T10:00:00.000Z",
      processStart: "1",
      token: "x",
    };
    writeFileSync(join(builds, "lock"), JSON.stringify(reused));
    expect(() => openPublication(output, quiet).close()).not.toThrow();
  });
});

describe("the builds folder", () => {
  it("belongs to one output: _site and site cannot share .site-builds", async () => {
    const work = workDir();
    await publishSite(join(work, "_site"), "one");
    expect(() => openPublication(join(work, "site"), quiet)).toThrow("hör till utdatamappen _site, inte till");
  });
});

describe("two builds opened by one process in the same millisecond", () => {
  it("get folders of their own", () => {
    const root = mkdtempSync(join(tmpdir(), "utblick-same-ms-"));
    try {
      const first = openPublication(join(root, "a"), { log: () => undefined });
      const second = openPublication(join(root, "b"), { log: () => undefined });
      const third = openPublication(join(root, "c"), { log: () => undefined });
      const names = [first, second, third].map((publication) => basename(publication.staging));
      expect(new Set(names).size).toBe(3);
      for (const publication of [first, second, third]) publication.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
