// --out and --deploy replace only what a build of Utblick made: never the data folder, the
// repository, a folder holding either, or a folder with files of its own. Refused, the build says
// which folder and why, exits non-zero, and has changed nothing at all.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, MINIMAL, type Ran, runScript, shown, tree } from "../scripts/run.js";

/** A clone of the repository in a folder of its own: .git, package.json, data/ and a folder of notes. */
function clone() {
  const work = mkdtempSync(join(tmpdir(), "utblick-out-safety-"));
  const repo = join(work, "clone");
  mkdirSync(join(repo, ".git"), { recursive: true });
  writeFileSync(join(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
  writeFileSync(join(repo, "package.json"), '{ "name": "utblick" }\n');
  cpSync(MINIMAL, join(repo, "data"), { recursive: true });
  mkdirSync(join(repo, "notes"));
  writeFileSync(join(repo, "notes", "plan.md"), "# Plan\n");
  return { work, repo, data: join(repo, "data"), notes: join(repo, "notes") };
}

const succeeds = (ran: Ran) => expect(ran.status, ran.stderr).toBe(0);

const build = (data: string, out: string, deploy: string, ...more: string[]) =>
  runScript("build.ts", ["--data", data, "--out", out, "--deploy", deploy, "--today", "2026-11-25", ...more]);

describe("--out", () => {
  it("refuses the data folder, and deletes nothing", () => {
    const { work, data } = clone();
    const before = tree(work);
    const result = build(data, data, join(work, "_deploy"));
    expect(result.stderr).toContain(`Inget byggdes och inget togs bort: ${shown(data)} är datamappen.`);
    expect(result.status, result.stderr).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(tree(work)).toEqual(before);
  });

  it("refuses the repository and a folder that holds it, and deletes nothing", () => {
    const { work, repo, data } = clone();
    const before = tree(work);
    const inRepo = build(data, repo, join(work, "_deploy"));
    expect(inRepo.stderr).toContain(`${shown(repo)} innehåller .git`);
    expect(inRepo.status, inRepo.stderr).toBe(1);
    const above = build(data, work, join(work, "_deploy"));
    expect(above.stderr).toContain(`${shown(work)} innehåller datamappen ${data}`);
    expect(above.status, above.stderr).toBe(1);
    expect(tree(work)).toEqual(before);
    expect(existsSync(join(tmpdir(), `.${work.split("/").at(-1)}-builds`))).toBe(false);
  });

  it("refuses a folder with files of its own, in English with --lang en", () => {
    const { work, data, notes } = clone();
    const before = tree(work);
    const result = build(data, notes, join(work, "_deploy"), "--lang", "en");
    expect(result.stderr).toContain(`Nothing was built and nothing removed: ${shown(notes)} holds files`);
    expect(result.stderr).toContain("plan.md");
    expect(result.status, result.stderr).toBe(1);
    expect(tree(work)).toEqual(before);
  });

  it("replaces what a build made: an empty folder, and the previous version's link without an owner file", () => {
    const { work, data } = clone();
    const empty = join(work, "empty");
    mkdirSync(empty);
    succeeds(build(data, empty, join(work, "_deploy")));
    expect(readlinkSync(empty)).toMatch(/^\.empty-builds\//);
    // Builds before the owner file (`.site-builds/output`) was written are still recognised by their link.
    const site = join(work, "_site");
    succeeds(build(data, site, join(work, "_deploy")));
    rmSync(join(work, ".site-builds", "output"));
    const first = readlinkSync(site);
    const again = build(data, site, join(work, "_deploy"));
    expect(again.stderr).toBe("");
    expect(again.status, again.stderr).toBe(0);
    expect(readlinkSync(site)).not.toBe(first);
  });
});

describe("--deploy", () => {
  it("refuses the data folder or a folder with files of its own before anything is built", () => {
    const { work, data, notes } = clone();
    const before = tree(work);
    const intoData = build(data, join(work, "_site"), data);
    expect(intoData.stderr).toContain(`Inget byggdes och inget togs bort: ${shown(data)} är datamappen.`);
    expect(intoData.status, intoData.stderr).toBe(1);
    const intoNotes = build(data, join(work, "_site"), notes);
    expect(intoNotes.stderr).toContain(
      `${shown(notes)} innehåller filer som ingen build av Utblick har skrivit (plan.md)`,
    );
    expect(intoNotes.status, intoNotes.stderr).toBe(1);
    expect(tree(work)).toEqual(before);
  });

  it("replaces a folder of its own files", () => {
    const { work, data } = clone();
    const deploy = join(work, "_deploy");
    succeeds(build(data, join(work, "_site"), deploy));
    const files = [...tree(deploy).keys()].sort();
    expect(files).toEqual(["nginx-locations.conf", "nginx-server.conf"]);
    writeFileSync(join(deploy, "nginx-server.conf"), "# edited by hand, replaced by the next build\n");
    succeeds(build(data, join(work, "_site"), deploy));
    expect(tree(deploy).get("nginx-server.conf")).toContain("server {");
  });
});
