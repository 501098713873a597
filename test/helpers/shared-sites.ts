// The sites the build and browser tests read, each built once per `vitest run` before any test
// file starts by the real build(), in one process per core that builds one after the other the
// next site not yet taken (build-sites.ts). Only the sites the selected test files read are built.
// Test files read them through `sharedSite(name)`; no test file writes into them.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { parse } from "yaml";
import type { BuildOptions } from "../../src/build/build.js";
import { changeAsAnEditorWould, type DataChange } from "./changed-data.js";
import { CHECKS_NEEDING_STANDARDS, STANDARDS_DIR } from "./standards.js";

/** The day every shared site speaks for, so that statuses and dates in the tests never drift. */
export const TODAY = "2026-11-25";

/**
 * The data directory of the checks that must hold for ANY data: `data/` unless
 * UTBLICK_TEST_DATA names another one (the data-independence test runs those checks on a copy
 * of `data/` that an editor has changed).
 */
export const REAL_DATA = process.env.UTBLICK_TEST_DATA ?? "data";

/** Small bundles and runs for the frozen sample: the paths a large site takes, at a small size. */
export const SAMPLE_PAGES_PER_BUNDLE = 40;
export const SAMPLE_OUTPUTS_PER_RUN = 300;

export const SHARED_SITES = {
  /** `data/` as it is now: only checks that hold for any data read it. */
  real: { data: REAL_DATA, options: {} },
  /** A copy of `data/` after an editor added, changed and removed records (changed-data.ts): the same checks. */
  changed: { data: "", options: {} },
  /** The frozen copy of the sample data: checks of specific records, texts and counts. */
  sample: {
    data: "test/fixtures/valid/sample",
    options: { pagesPerBundle: SAMPLE_PAGES_PER_BUNDLE, outputsPerRun: SAMPLE_OUTPUTS_PER_RUN },
  },
  site: { data: "test/fixtures/valid/site", options: {} },
  hostile: { data: "test/fixtures/valid/hostile", options: {} },
  /** The hostile output corpus: texts shaped like markup and formulas, words too long for a phone. */
  hostileTexts: { data: "test/fixtures/hostile", options: {} },
  iati: { data: "test/fixtures/valid/iati", options: {} },
  minimal: { data: "test/fixtures/valid/minimal", options: {} },
} satisfies Record<string, { data: string; options: Pick<BuildOptions, "outputsPerRun" | "pagesPerBundle"> }>;

export type SharedSiteName = keyof typeof SHARED_SITES;

/** One site for build-sites.ts to build. */
export interface SiteJob {
  readonly name: string;
  readonly dataDir: string;
  readonly outputDir: string;
  readonly today: string;
  readonly outputsPerRun?: number;
  readonly pagesPerBundle?: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Data and output directory of each shared site. */
    sharedSites: Record<SharedSiteName, { data: string; out: string }>;
    /** What the editor changed in the copy of `data/` that the "changed" site is built from. */
    dataChange: DataChange;
  }
}

/** What build-sites.ts says: that it is ready for a site (no name), or that it has built one. */
export interface SiteBuilt {
  readonly name?: string;
  /** Why the site did not build; absent if it did. */
  readonly failure?: string;
}

/**
 * Builds the sites in `processes` processes (build-sites.ts), each sent the next site in the order
 * given as soon as it has built its last: the largest first, the small ones even out the end (a
 * fixed share per process left one core idle for seconds). Every site is tried and every failure
 * reported, each with its process's output.
 */
async function buildSites(jobs: readonly SiteJob[], processes: number): Promise<void> {
  const queue = [...jobs];
  const failures: string[] = [];
  const builder = () =>
    new Promise<void>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/build-sites.ts"], {
        stdio: ["ignore", "pipe", "pipe", "ipc"],
      });
      let output = "";
      let failed = false;
      child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const next = () => {
        const job = queue.shift();
        if (job) child.send(job);
        else child.disconnect();
      };
      // It asks for its first site once it listens, then for the next with each answer.
      child.on("message", (built: SiteBuilt) => {
        if (built.failure) failures.push(`The shared test site "${built.name}" did not build: ${built.failure}`);
        failed ||= built.failure !== undefined;
        next();
      });
      child.on("error", (error) => {
        failures.push(`The shared test sites could not be built: ${error.message}`);
        resolve();
      });
      // Its end, and the end of its output. ("close" may never come: the parent closed the channel.)
      const ended = Promise.all(
        [child.stdout, child.stderr].map((stream) => new Promise((read) => stream?.once("end", read))),
      );
      child.on("exit", async (code, signal) => {
        await ended;
        if (code !== 0) failures.push(`A process building shared test sites ended (${signal ?? `exit ${code}`})`);
        if (failed || code !== 0) failures.push(`The output of that process:\n${output}`);
        resolve();
      });
    });
  await Promise.all(Array.from({ length: Math.min(processes, jobs.length) }, builder));
  if (failures.length) throw new Error(`The shared test sites did not build:\n${failures.join("\n\n")}`);
}

/**
 * The shared sites that the selected test files read: in a build or browser test file that reads
 * shared sites, those whose names it writes as strings ("sample"), or all of them if it writes
 * none. Unit tests read none.
 */
export function sitesRead(files: readonly string[]): SharedSiteName[] {
  const names = Object.keys(SHARED_SITES) as SharedSiteName[];
  const read = new Set<SharedSiteName>();
  for (const file of files.filter((path) => /\.(build|browser)\.test\.ts$/.test(path))) {
    const text = readFileSync(file, "utf8");
    if (!/\bsharedSites?\b/.test(text)) continue;
    const named = names.filter((name) => text.includes(`"${name}"`) || text.includes(`'${name}'`));
    for (const name of named.length > 0 ? named : names) read.add(name);
  }
  return names.filter((name) => read.has(name));
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!STANDARDS_DIR)
    console.warn(
      `Skipped for want of the official artefacts: ${CHECKS_NEEDING_STANDARDS}. ` +
        "Set UTBLICK_STANDARDS to the folder of ../shared/standards to run them.",
    );
  const root = mkdtempSync(join(tmpdir(), "utblick-shared-sites-"));
  const changedData = join(root, "changed-data");
  project.provide("dataChange", changeAsAnEditorWould(REAL_DATA, changedData));
  const sites = Object.fromEntries(
    Object.entries(SHARED_SITES).map(([name, site]) => [
      name,
      { data: name === "changed" ? changedData : site.data, out: join(root, name) },
    ]),
  ) as Record<SharedSiteName, { data: string; out: string }>;
  // Vitest's list of the files this run selected (an experimental API): without it, every site is
  // built. Unit tests alone (`vitest run --project unit`) need none.
  const selected = project.vitest.state.getPaths();
  const names = selected.length > 0 ? sitesRead(selected) : (Object.keys(SHARED_SITES) as SharedSiteName[]);
  if (project.vitest.projects.some((chosen) => chosen.name !== "unit"))
    // In the order of SHARED_SITES, whose largest sites come first.
    await buildSites(
      names.map((name) => ({
        name,
        dataDir: sites[name].data,
        outputDir: sites[name].out,
        today: TODAY,
        ...SHARED_SITES[name].options,
      })),
      Math.max(1, availableParallelism()),
    );
  project.provide("sharedSites", sites);
  return () => rmSync(root, { recursive: true, force: true });
}

/** The languages a data directory's site.yaml publishes in, read when tests are collected. */
export function languagesOf(dataDir: string): readonly string[] {
  const site = parse(readFileSync(join(dataDir, "site.yaml"), "utf8")) as { languages: string[] };
  return site.languages;
}
