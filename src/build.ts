// The whole build: validate, render into a staging directory, and only when everything
// succeeded swap it in place of the output directory. A failed build leaves the old site as it was.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Eleventy } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import configure from "../eleventy.config.js";
import { LANGUAGES, type Lang } from "./core/languages.js";
import { lastRunUnder, planRuns } from "./core/outputs.js";
import { openData } from "./exports/files.js";
import { type Dataset } from "./model/dataset.js";
import { rememberDataset } from "./model/index.js";
import { reportLines } from "./model/report.js";
import { formatCoverage, type ValidationResult, validateDataDirectory } from "./model/validate.js";
import { releaseHistory } from "./releases/history.js";
import { searchedSections } from "./search/indexer.js";
import { SearchIndexing } from "./search/plugin.js";
import { siteOutputs } from "./site/pages/index.js";

export interface BuildOptions {
  readonly dataDir: string;
  readonly outputDir: string;
  readonly today: DateTime;
  readonly strict?: boolean;
  readonly log?: (line: string) => void;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly validation: ValidationResult;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const validation = validateDataDirectory(options.dataDir, { today: options.today, strict: options.strict });
  log(formatCoverage(validation.coverage));
  for (const line of reportLines(validation)) log(line);
  if (!validation.dataset) {
    log(`Nothing was built; ${options.outputDir} is unchanged.`);
    return { ok: false, validation };
  }

  const dataset = rememberDataset(options.dataDir, options.today, validation);
  const release = releaseHistory(dataset).current;
  if (!release.recorded)
    log(
      `The data differ from the last recorded release; they are published as ${release.version}. Record it with: npm run release`,
    );
  const output = resolve(options.outputDir);
  const staging = join(dirname(output), `.${basename(output)}-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The Eleventy config reads the data directory and the day from the environment.
  process.env.UTBLICK_DATA = options.dataDir;
  process.env.UTBLICK_TODAY = options.today.toISODate() ?? undefined;
  const runs = planRuns(outputGroups(dataset), outputsPerRun());
  const indexing = new SearchIndexing(staging);
  // A language can be indexed once the run that writes the last of its searchable pages is done.
  const indexableAfter = new Map<Lang, number>(
    LANGUAGES.map((lang) => [lang, Math.max(0, ...searchedSections(lang).map((prefix) => lastRunUnder(runs, prefix)))]),
  );
  const afterRun = garbageCollector();
  try {
    for (const [index, batch] of runs.entries()) {
      // The config is passed as a function: Node 20 cannot import a .ts config file by itself.
      const eleventy = new Eleventy("src/site", staging, {
        configPath: "",
        config: (config) => configure(config, batch),
        quietMode: true,
      });
      await eleventy.write();
      afterRun();
      // Pagefind's process indexes a written language while Eleventy writes the rest.
      for (const lang of LANGUAGES) if (indexableAfter.get(lang) === index) indexing.add(lang);
    }
    await indexing.finish();
  } catch (error) {
    await indexing.abandon();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapInto(staging, output);
  return { ok: true, validation };
}

/** Eleventy holds each run's pages in memory; 2000 outputs per run keep a build of 10 000 projects well under 1.5 GiB. */
export const outputsPerRun = (): number => Number(process.env.UTBLICK_OUTPUTS_PER_RUN ?? 2000);

/**
 * Each Eleventy run leaves its pages behind as garbage, and V8 would let several runs pile up
 * before it collects. A full collection marks the whole dataset (a fifth of a second at 10 000
 * projects), so after a run it is forced only once the heap has grown `allowanceMb` beyond what
 * the last collection kept: memory stays bounded without a collection after every run.
 */
export function garbageCollector(allowanceMb = Number(process.env.UTBLICK_GARBAGE_ALLOWANCE_MB ?? 200)): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  let kept = 0;
  return () => {
    if (process.memoryUsage().heapUsed - kept < allowanceMb * 2 ** 20) return;
    gc();
    kept = process.memoryUsage().heapUsed;
  };
}

/**
 * Every output in the order the runs write them: first the searchable sections, language by
 * language, so that Pagefind starts early and indexes while the rest is written; then the other
 * pages; then the open data.
 */
function outputGroups(dataset: Dataset): string[][] {
  const { files, recordFiles } = openData(dataset);
  const pages = siteOutputs(dataset).map((output) => output.url);
  const searchable = LANGUAGES.map((lang) => {
    const prefixes = searchedSections(lang);
    return pages.filter((url) => prefixes.some((prefix) => url.startsWith(prefix)));
  });
  const first = new Set(searchable.flat());
  return [
    [...first, ...pages.filter((url) => !first.has(url))],
    files.map((file) => file.url),
    recordFiles.map((file) => file.url),
  ];
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Replaces `target` by `staging` with two renames, so readers never see a half-written site. */
function swapInto(staging: string, target: string): void {
  const previous = `${target}.previous-${process.pid}`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
