// A disk that fills up during a build, wherever it happens: the build ends with a located message
// (which file or folder, what happened, in Swedish), no stack trace; the published site and
// _deploy/ stay exactly as they were, no lock or staging folder is left, and the next build works
// once there is space again.
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type FullDisk, hasStackTrace, MINIMAL, runScript, shown, tree } from "../scripts/run.js";

const base = mkdtempSync(join(tmpdir(), "utblick-full-disk-"));
const newData = join(base, "new-data");

const build = (work: string, fullDisk?: Omit<FullDisk, "dir">) =>
  runScript(
    "build.ts",
    ["--data", newData, "--out", join(work, "_site"), "--deploy", join(work, "_deploy"), "--today", "2026-11-25"],
    fullDisk ? { fullDisk: { dir: work, ...fullDisk } } : {},
  );

/** The published build's folder and the owner file: no lock, staging folder or temporary file. */
const clean = (work: string) =>
  expect(readdirSync(join(work, ".site-builds")).sort()).toEqual(
    [basename(readlinkSync(join(work, "_site"))), "output"].sort(),
  );

let oldSite: Map<string, string>;
let oldDeploy: Map<string, string>;

beforeAll(() => {
  // The old site, built from the fixture; the new data differ in a title and the site's address,
  // so that both the pages and the server configuration change.
  cpSync(MINIMAL, newData, { recursive: true });
  const project = join(newData, "projects", "renare-vatten.yaml");
  writeFileSync(project, readFileSync(project, "utf8").replace(/^(title:\n {2}sv: ).*$/m, "$1Ännu renare vatten"));
  const site = join(newData, "site.yaml");
  writeFileSync(site, readFileSync(site, "utf8").replace("https://utblick.example.org/", "https://nytt.example.org/"));
  const old = join(base, "old");
  const built = runScript("build.ts", [
    ...["--data", MINIMAL, "--out", join(old, "_site"), "--deploy", join(old, "_deploy"), "--today", "2026-11-25"],
  ]);
  expect(built.status, built.stderr).toBe(0);
  oldSite = tree(join(old, "_site"));
  oldDeploy = tree(join(old, "_deploy"));
});

/** A copy of the old state: site link, builds folder and _deploy. */
function oldState(name: string): string {
  const work = join(base, name);
  cpSync(join(base, "old"), work, { recursive: true, verbatimSymlinks: true });
  return work;
}

const FULL_AT: [string, Omit<FullDisk, "dir">][] = [
  ["the lock", { after: 0 }],
  ["the first pages", { after: 3 }],
  ["a page further on", { after: 60 }],
  ["the open data", { at: "utblick.json" }],
  ["the first server configuration file", { at: "nginx-locations.conf" }],
  ["the second server configuration file", { at: "nginx-server.conf" }],
];

describe("a disk that fills up", () => {
  for (const [where, fault] of FULL_AT) {
    it(`while writing ${where} leaves site and _deploy as they were, and the next build works`, () => {
      const work = oldState(where.replaceAll(" ", "-"));
      const failed = build(work, fault);
      expect(failed.stderr).toContain(`Bygget misslyckades; ${join(work, "_site")} är oförändrad.`);
      expect(failed.stderr).toMatch(new RegExp(`^${shown(work)}/\\S*: disken är full`, "m"));
      expect(hasStackTrace(failed.stderr)).toBe(false);
      expect(failed.status, failed.stderr).toBe(1);
      expect(tree(join(work, "_site"))).toEqual(oldSite);
      expect(tree(join(work, "_deploy"))).toEqual(oldDeploy);
      clean(work);

      const next = build(work);
      expect(next.stderr).toBe("");
      expect(next.status, next.stderr).toBe(0);
      expect(tree(join(work, "_site"))).not.toEqual(oldSite);
      expect(tree(join(work, "_deploy")).get("nginx-server.conf")).toContain('server_name "nytt.example.org";');
      clean(work);
    });
  }

  it("at the very first write of a first build (the owner file) does not block the builds after it", () => {
    const work = join(base, "first");
    const failed = build(work, { after: 0 });
    expect(failed.stderr).toMatch(/: disken är full/);
    expect(failed.status, failed.stderr).toBe(1);
    const next = build(work);
    expect(next.stderr).toBe("");
    expect(next.status, next.stderr).toBe(0);
    clean(work);
  });
});
