// The sites the tests read: the shared ones, built once per run (see shared-sites.ts), or one a
// test file builds itself from data it made; and what they hold.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type CheerioAPI, load } from "cheerio";
import { inject } from "vitest";
import { type BuildOptions, build } from "../../src/build/build.js";
import type { Dataset } from "../../src/model/dataset.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";
import { type SharedSiteName, TODAY } from "./shared-sites.js";

export { REAL_DATA, TODAY } from "./shared-sites.js";

export interface BuiltSite {
  readonly dir: string;
  readonly dataset: Dataset;
  /** Site paths ("/sv/projekt/x/index.html") of every file written. */
  readonly files: readonly string[];
  readonly htmlFiles: readonly string[];
  read(path: string): string;
  html(path: string): CheerioAPI;
  exists(url: string): boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The file a site URL is served from: /sv/ → /sv/index.html. */
export function fileOfUrl(url: string): string {
  const path = decodeURI(url.split("#")[0]!.split("?")[0]!);
  return path.endsWith("/") ? `${path}index.html` : path;
}

/** Builds a data directory of a test's own into a temporary site. */
export async function buildSite(
  dataDir: string,
  outputDir = mkdtempSync(join(tmpdir(), "utblick-site-")),
  options: Pick<BuildOptions, "outputsPerRun" | "pagesPerBundle"> = {},
): Promise<BuiltSite> {
  const result = await build({ dataDir, outputDir, today: buildDay(TODAY), log: () => undefined, ...options });
  if (!result.ok) throw new Error(`the build of ${dataDir} failed`);
  return openSite(dataDir, outputDir);
}

/** One of the sites built once for the whole run, before any test file started. */
export function sharedSite(name: SharedSiteName): BuiltSite {
  const site = inject("sharedSites")?.[name];
  if (!site || !existsSync(site.out))
    throw new Error(
      `No shared site "${name}": the tests that read built sites run under vitest's build and browser projects, ` +
        `whose globalSetup (test/helpers/shared-sites.ts) builds those that the selected test files name ("${name}").`,
    );
  return openSite(site.data, site.out);
}

/** What a finished build of `dataDir` wrote into `outputDir`. */
export function openSite(dataDir: string, outputDir: string): BuiltSite {
  const files = walk(outputDir).map((file) => `/${relative(outputDir, file)}`);
  const cache = new Map<string, CheerioAPI>();
  const read = (path: string) => readFileSync(join(outputDir, path), "utf8");
  return {
    dir: outputDir,
    dataset: loadDataset(dataDir, buildDay(TODAY)),
    files,
    htmlFiles: files.filter((file) => file.endsWith(".html")),
    read,
    html(path) {
      let parsed = cache.get(path);
      if (!parsed) {
        parsed = load(read(path));
        cache.set(path, parsed);
      }
      return parsed;
    },
    exists: (url) => existsSync(join(outputDir, fileOfUrl(url))),
  };
}

/** Every file of a site (through its link, by its path below `dir`) and a hash of its bytes. */
export function siteSnapshot(dir: string): Map<string, string> {
  return new Map(
    walk(dir).map((path) => [path.slice(dir.length), createHash("sha256").update(readFileSync(path)).digest("hex")]),
  );
}
