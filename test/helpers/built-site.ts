// Builds a data directory into a temporary site once per test file, and reads what it wrote.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type CheerioAPI, load } from "cheerio";
import { type BuildOptions, build } from "../../src/build.js";
import type { Dataset } from "../../src/model/dataset.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";

export const TODAY = "2026-11-25";

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

export async function buildSite(
  dataDir: string,
  outputDir = mkdtempSync(join(tmpdir(), "utblick-site-")),
  options: Pick<BuildOptions, "outputsPerRun" | "pagesPerBundle"> = {},
): Promise<BuiltSite> {
  const today = buildDay(TODAY);
  const result = await build({ dataDir, outputDir, today, log: () => undefined, ...options });
  if (!result.ok) throw new Error(`the build of ${dataDir} failed`);
  const files = walk(outputDir).map((file) => `/${relative(outputDir, file)}`);
  const cache = new Map<string, CheerioAPI>();
  const read = (path: string) => readFileSync(join(outputDir, path), "utf8");
  return {
    dir: outputDir,
    dataset: loadDataset(dataDir, today),
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
