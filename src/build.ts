// The whole build: validate, render into a staging directory, and only when everything
// succeeded swap it in place of the output directory. A failed build leaves the old site as it was.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Eleventy } from "@11ty/eleventy";
import configure from "../eleventy.config.js";
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

  const output = resolve(options.outputDir);
  const staging = join(dirname(output), `.${basename(output)}-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The Eleventy config reads the data directory and the day from the environment.
  process.env.UTBLICK_DATA = options.dataDir;
  process.env.UTBLICK_TODAY = options.today.toISODate() ?? undefined;
  try {
    // The config is passed as a function: Node 20 cannot import a .ts config file by itself.
    const eleventy = new Eleventy("src/site", staging, { configPath: "", config: configure, quietMode: true });
    await eleventy.write();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapInto(staging, output);
  return { ok: true, validation };
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
