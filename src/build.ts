// The whole build: validate, render into a staging directory, and only when everything
// succeeded swap it in place of the output directory. A failed build leaves the old site as it was.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Eleventy } from "@11ty/eleventy";
import configure from "../eleventy.config.js";
import { openData } from "./exports/files.js";
import type { Dataset } from "./model/dataset.js";
import { rememberDataset } from "./model/index.js";
import { releaseHistory } from "./exports/release-info.js";
import { siteOutputs } from "./site/pages/index.js";
import { buildSearchIndex } from "./search/plugin.js";
import type { DateTime } from "luxon";
import { reportLines } from "./model/report.js";
import { formatCoverage, validateDataDirectory, type ValidationResult } from "./model/validate.js";

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
  if (!release.recorded) log(`The data differ from the last recorded release; they are published as ${release.version}. Record it with: npm run release`);
  const output = resolve(options.outputDir);
  const staging = join(dirname(output), `.${basename(output)}-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The Eleventy config reads the data directory and the day from the environment.
  process.env.UTBLICK_DATA = options.dataDir;
  process.env.UTBLICK_TODAY = options.today.toISODate() ?? undefined;
  try {
    const count = Math.max(1, Math.ceil(countOutputs(dataset) / OUTPUTS_PER_RUN));
    for (let index = 0; index < count; index++) {
      // The config is passed as a function: Node 20 cannot import a .ts config file by itself.
      const eleventy = new Eleventy("src/site", staging, { configPath: "", config: (config) => configure(config, { index, count }), quietMode: true });
      await eleventy.write();
      collectGarbage();
    }
    // Indexed after the last run, once Eleventy's memory is free for Pagefind's.
    await buildSearchIndex(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapInto(staging, output);
  return { ok: true, validation };
}

/** Eleventy holds each run's pages in memory; 2000 outputs per run keep a build of 10 000 projects under 1.5 GiB. */
export const OUTPUTS_PER_RUN = Number(process.env.UTBLICK_OUTPUTS_PER_RUN ?? 2000);

/**
 * Each Eleventy run leaves its pages behind as garbage. Collecting it before the next run keeps
 * the peak at one run's pages instead of letting V8 pile up several runs before it collects.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function countOutputs(dataset: Dataset): number {
  const { files, recordFiles } = openData(dataset);
  return siteOutputs(dataset).length + files.length + recordFiles.length;
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
