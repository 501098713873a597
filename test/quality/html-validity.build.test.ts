// Every built page passes the Nu HTML Checker (vnu-jar from npm, run with the machine's Java).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import vnuJar from "vnu-jar";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

const run = promisify(execFile);

interface VnuMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

/**
 * Runs the checker once (one Java start) over the given paths of each site (its directory, or
 * some of its files), and returns each site's errors.
 */
async function vnuErrors(sites: readonly { dir: string; paths: readonly string[] }[]): Promise<string[][]> {
  // vnu exits non-zero when it finds errors; the report is on stderr either way.
  const result = await run(
    "java",
    [
      // One short run: Java's quick compiler alone halves the checker's processor time (the
      // optimising one compiles code the run has no time left to use). Its larger frames need a
      // larger stack than the 512 kB the checker asks for.
      "-XX:TieredStopAtLevel=1",
      "-Xss16m",
      "-jar",
      vnuJar as unknown as string,
      "--errors-only",
      "--format",
      "json",
      "--skip-non-html",
      ...sites.flatMap((site) => site.paths),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { code?: string | number; stderr?: string }) => {
    if (error.code === "ENOENT")
      throw new Error("The Nu HTML Checker needs Java: apt-get install default-jre-headless");
    return { stderr: error.stderr ?? "" };
  });
  const report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  const of = (message: VnuMessage, dir: string) => message.url?.startsWith(`file:${dir}/`) ?? false;
  // A message of no site (the checker's own trouble) counts against every one of them.
  return sites.map(({ dir }) =>
    report.messages
      .filter((message) => of(message, dir) || !sites.some((other) => of(message, other.dir)))
      .map(
        (message) => `${message.url?.replace(`file:${dir}`, "") ?? "?"}:${message.lastLine ?? "?"} ${message.message}`,
      ),
  );
}

let real: BuiltSite;
let changed: BuiltSite;
let hostile: BuiltSite;
/** The pages of the changed copy that differ from the real site's: the rest were checked there. */
let changedPages: string[];
let errors: { real: string[]; changed: string[]; hostile: string[] };
beforeAll(async () => {
  [real, changed, hostile] = [sharedSite("real"), sharedSite("changed"), sharedSite("hostile")];
  changedPages = changed.htmlFiles.filter(
    (page) => !real.files.includes(page) || real.read(page) !== changed.read(page),
  );
  const [ofReal, ofChanged, ofHostile] = await vnuErrors([
    { dir: real.dir, paths: [real.dir] },
    { dir: changed.dir, paths: changedPages.map((page) => join(changed.dir, page)) },
    { dir: hostile.dir, paths: [hostile.dir] },
  ]);
  errors = { real: ofReal!, changed: ofChanged!, hostile: ofHostile! };
});

describe("the HTML", () => {
  it("of every page of the real site has no error in the Nu HTML Checker", () => {
    // Whatever the data, there is a page per record in each language.
    expect(real.htmlFiles.length).toBeGreaterThan(3 * real.dataset.projects.length);
    expect(errors.real).toEqual([]);
  });

  it("of every page an editor's changes to the real data change has no error either", () => {
    // At least the new project's page in each language.
    expect(changedPages.length).toBeGreaterThanOrEqual(3);
    expect(errors.changed).toEqual([]);
  });

  it("of every page built from hostile texts has no error either", () => {
    expect(errors.hostile).toEqual([]);
  });
});
