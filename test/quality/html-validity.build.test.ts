// Every built page passes the Nu HTML Checker (vnu-jar from npm, run with the machine's Java).
import { execFile } from "node:child_process";
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

/** Runs the checker once over all the given sites (one Java start), and returns each site's errors. */
async function vnuErrors(dirs: readonly string[]): Promise<string[][]> {
  // vnu exits non-zero when it finds errors; the report is on stderr either way.
  const result = await run(
    "java",
    ["-jar", vnuJar as unknown as string, "--errors-only", "--format", "json", "--skip-non-html", ...dirs],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { code?: string | number; stderr?: string }) => {
    if (error.code === "ENOENT")
      throw new Error("The Nu HTML Checker needs Java: apt-get install default-jre-headless");
    return { stderr: error.stderr ?? "" };
  });
  const report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  const of = (message: VnuMessage, dir: string) => message.url?.startsWith(`file:${dir}/`) ?? false;
  // A message of no site (the checker's own trouble) counts against every one of them.
  return dirs.map((dir) =>
    report.messages
      .filter((message) => of(message, dir) || !dirs.some((other) => of(message, other)))
      .map(
        (message) => `${message.url?.replace(`file:${dir}`, "") ?? "?"}:${message.lastLine ?? "?"} ${message.message}`,
      ),
  );
}

const sites = {} as Record<"real" | "changed" | "hostile", BuiltSite>;
let errors: Record<keyof typeof sites, string[]>;
beforeAll(async () => {
  for (const name of ["real", "changed", "hostile"] as const) sites[name] = sharedSite(name);
  const names = Object.keys(sites) as (keyof typeof sites)[];
  const found = await vnuErrors(names.map((name) => sites[name].dir));
  errors = Object.fromEntries(names.map((name, index) => [name, found[index]!])) as typeof errors;
});

describe("the HTML", () => {
  it.each([
    ["the real site", "real"],
    ["the real site after an editor's changes", "changed"],
  ] as const)("of every page of %s has no error in the Nu HTML Checker", (_name, name) => {
    // Whatever the data, there is a page per record in each language.
    expect(sites[name].htmlFiles.length).toBeGreaterThan(3 * sites[name].dataset.projects.length);
    expect(errors[name]).toEqual([]);
  });

  it("of every page built from hostile texts has no error either", () => {
    expect(errors.hostile).toEqual([]);
  });
});
