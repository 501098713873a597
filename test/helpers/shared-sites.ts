// The sites the build and browser tests read, each built once per `vitest run` before any test
// file starts by the real build(), in one process per core that builds its share of them one
// after the other (build-sites.ts). Test files read them through `sharedSite(name)`; no test file
// writes into them.
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

/** Builds the sites one after the other in a process of its own; rejects with the build's own report. */
function buildSitesInProcess(jobs: readonly SiteJob[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/build-sites.ts", JSON.stringify(jobs)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The shared test sites did not build (exit ${code}):\n${output}`)),
    );
  });
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
  // Unit tests alone (`vitest run --project unit`) need no site.
  if (project.vitest.projects.some((selected) => selected.name !== "unit")) {
    // Dealt out in turn, in the order of SHARED_SITES, whose largest sites come first.
    const processes = Math.max(1, availableParallelism());
    const jobs: SiteJob[] = Object.entries(sites).map(([name, site]) => ({
      name,
      dataDir: site.data,
      outputDir: site.out,
      today: TODAY,
      ...SHARED_SITES[name as SharedSiteName].options,
    }));
    const shares = Array.from({ length: processes }, (_, share) =>
      jobs.filter((_, index) => index % processes === share),
    );
    // Every process is waited for, and every failure reported, not only the first.
    const failures = (
      await Promise.allSettled(shares.filter((share) => share.length > 0).map(buildSitesInProcess))
    ).flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
    if (failures.length) throw new Error(failures.map((failure) => failure.message).join("\n\n"));
  }
  project.provide("sharedSites", sites);
  return () => rmSync(root, { recursive: true, force: true });
}

/** The languages a data directory's site.yaml publishes in, read when tests are collected. */
export function languagesOf(dataDir: string): readonly string[] {
  const site = parse(readFileSync(join(dataDir, "site.yaml"), "utf8")) as { languages: string[] };
  return site.languages;
}
