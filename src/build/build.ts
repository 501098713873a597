// The whole build: validate, render into a staging directory, and only when everything
// succeeded publish it in place of the output directory in one step (publish.ts). A failed
// build leaves the old site as it was; one build at a time holds the output. A failure is thrown
// located where it can be (a FileError naming the file or folder, see src/core/safe-write.ts).
import { fileURLToPath } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import { publishedAdminOutputs } from "../admin/plugin.js";
import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";
import { lastRunOf, outputUrl, planRuns } from "../core/outputs.js";
import { type Guarded, locatedIn } from "../core/safe-write.js";
import { deployOutputs } from "../deploy/plugin.js";
import {
  assertServerConfigDir,
  type ServerConfigOptions,
  type StagedServerConfig,
  stageServerConfig,
} from "../deploy/write.js";
import { openData } from "../exports/files.js";
import { writeArchives } from "../exports/plugin.js";
import type { Dataset } from "../model/dataset.js";
import { datasetOf } from "../model/index.js";
import { messages } from "../model/messages.js";
import { reportLines } from "../model/report.js";
import { formatCoverage, type ValidationResult, validateDataDirectory } from "../model/validate.js";
import { releaseHistory } from "../releases/history.js";
import { type Bundle, PAGES_PER_BUNDLE, planBundles, searchableFiles } from "../search/indexer.js";
import { SearchIndexing, searchOutputs } from "../search/plugin.js";
import { siteOutputs } from "../site/pages/index.js";
import { configureSite } from "./configure-site.js";
import { openPublication, type Publication, type StageHook } from "./publish.js";

export interface BuildOptions {
  readonly dataDir: string;
  readonly outputDir: string;
  readonly today: DateTime;
  readonly strict?: boolean;
  /** The language of the messages to the editor (default Swedish). */
  readonly lang?: EditorLang;
  readonly log?: (line: string) => void;
  /** Outputs Eleventy writes per run; it holds a run's pages in memory (default 2000). */
  readonly outputsPerRun?: number;
  /** Record pages per search bundle; Pagefind holds a bundle in memory while it indexes it. */
  readonly pagesPerBundle?: number;
  /** Heap growth after which a full garbage collection runs between runs (needs --expose-gc). */
  readonly garbageAllowanceMb?: number;
  /** Where to write the web server's configuration (beside the site, never in it); none if absent. */
  readonly serverConfig?: ServerConfigOptions;
  /** Called at each stage of publishing; the kill tests stop the build there. */
  readonly onStage?: StageHook;
}

/** The repository: a build never replaces it, nor a folder that holds it. */
const REPOSITORY = fileURLToPath(new URL("..", import.meta.url));

/** 2000 outputs per run keep a build of 10 000 projects well under 1.5 GiB. */
export const OUTPUTS_PER_RUN = 2000;

export interface BuildResult {
  readonly ok: boolean;
  readonly validation: ValidationResult;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Both folders are checked before anything is written: a refused build has changed nothing.
  if (options.serverConfig) assertServerConfigDir(options.serverConfig.dir, guardedBy(options));
  // The lock comes first: a second build stops here, before it reports anything about the output.
  const publication = openPublication(options.outputDir, {
    log,
    onStage: options.onStage,
    lang: options.lang ?? DEFAULT_EDITOR_LANG,
    guarded: guardedBy(options),
  });
  const stray = noteStrayFailures();
  let threw = true;
  try {
    await options.onStage?.("locked");
    const result = await buildInto(publication, options, log, stray);
    threw = false;
    return result;
  } catch (error) {
    throw locatedIn(error, publication.staging);
  } finally {
    stray.end(threw);
    publication.close();
  }
}

const guardedBy = (options: BuildOptions): Guarded => ({ data: options.dataDir, repository: REPOSITORY });

/**
 * Rejections nobody handled, noted while builds run. Eleventy goes on copying and writing for a
 * moment after one of its writes failed, and the failures of those writes (into a staging folder
 * already removed) are rejections nobody handles, which would end the process with a stack trace
 * before it has cleaned up. A build never publishes after one; once a build has failed, they are
 * its echo and are dropped; with no build failed or running, one ends the process as it would have.
 */
const strays = new Set<unknown[]>();
let failedBuilds = 0;
let listening = false;

function noteStrayFailures(): { readonly seen: readonly unknown[]; end(threw: boolean): void } {
  if (!listening) {
    listening = true;
    process.on("unhandledRejection", (reason) => {
      for (const seen of strays) seen.push(reason);
      if (strays.size === 0 && failedBuilds === 0) throw reason;
    });
  }
  const seen: unknown[] = [];
  strays.add(seen);
  return {
    seen,
    end(threw) {
      strays.delete(seen);
      if (threw) failedBuilds += 1;
    },
  };
}

async function buildInto(
  publication: Publication,
  options: BuildOptions,
  log: (line: string) => void,
  stray: { readonly seen: readonly unknown[] },
): Promise<BuildResult> {
  const lang = options.lang ?? DEFAULT_EDITOR_LANG;
  const tr = messages(lang);
  const validation = validateDataDirectory(options.dataDir, { today: options.today, strict: options.strict, lang });
  log(formatCoverage(validation.coverage, lang));
  for (const line of reportLines(validation)) log(line);
  if (!validation.dataset) {
    publication.abandon();
    log(tr("cli.build.nothingBuilt", { out: options.outputDir }));
    return { ok: false, validation };
  }

  const dataset = datasetOf(options.today, validation);
  const languages = dataset.site.languages;
  const release = releaseHistory(dataset).current;
  if (!release.recorded) log(tr("cli.build.unreleased", { version: release.version }));
  const staging = publication.staging;
  const pages = siteOutputs(dataset);
  const bundles = languages.flatMap((lang) =>
    planBundles(lang, searchableFiles(lang, pages), options.pagesPerBundle ?? PAGES_PER_BUNDLE),
  );
  const runs = planRuns(outputGroups(dataset, bundles), options.outputsPerRun ?? OUTPUTS_PER_RUN);
  const indexing = new SearchIndexing(staging);
  // A bundle can be indexed once the run that writes the last of its pages is done.
  const indexableAfter = bundles.map((bundle) => lastRunOf(runs, bundle.files.map(outputUrl)));
  const afterRun = garbageCollector(options.garbageAllowanceMb);
  let serverConfig: StagedServerConfig | undefined;
  try {
    for (const [index, batch] of runs.entries()) {
      // The config is passed as a function: Node 20 cannot import a .ts config file by itself.
      const eleventy = new Eleventy("src/site", staging, {
        configPath: "",
        config: (config) => configureSite(config, { dataset: () => dataset, batch }),
        quietMode: true,
      });
      await eleventy.write();
      afterRun();
      // Pagefind indexes the written bundles while Eleventy writes the rest.
      for (const [number, bundle] of bundles.entries())
        if (indexableAfter[number] === index) {
          indexing.add(bundle);
          await options.onStage?.("indexing");
        }
      if (index < runs.length - 1) await options.onStage?.("rendering");
    }
    writeArchives(dataset, staging);
    await indexing.finish();
    await options.onStage?.("staged");
    if (stray.seen.length) throw stray.seen[0];
    // Written before the site is switched, and put in place with it: whatever fails until then
    // leaves the published site and the server configuration as they were.
    serverConfig = options.serverConfig && stageServerConfig(dataset.site, options.serverConfig, guardedBy(options));
    await publication.publish(() => serverConfig?.commit());
  } catch (error) {
    serverConfig?.discard();
    await indexing.abandon();
    publication.abandon();
    throw error;
  }
  return { ok: true, validation };
}

/**
 * Each Eleventy run leaves its pages behind as garbage, and V8 would let several runs pile up
 * before it collects. A full collection marks the whole dataset (a fifth of a second at 10 000
 * projects), so after a run it is forced only once the heap has grown `allowanceMb` beyond what
 * the last collection kept: memory stays bounded without a collection after every run.
 */
export function garbageCollector(allowanceMb = 200): () => void {
  // `npm run build` starts Node with --expose-gc; without it (a test calling build) V8 collects alone.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return () => undefined;
  let kept = 0;
  return () => {
    if (process.memoryUsage().heapUsed - kept < allowanceMb * 2 ** 20) return;
    gc();
    kept = process.memoryUsage().heapUsed;
  };
}

/**
 * Every output in the order the runs write them: first the searchable pages, bundle by bundle,
 * so that Pagefind starts early and indexes while the rest is written; then the other pages; then
 * the open data.
 */
function outputGroups(dataset: Dataset, bundles: readonly Bundle[]): string[][] {
  const { files, recordFiles } = openData(dataset);
  const pages = siteOutputs(dataset).map((output) => output.url);
  const first = new Set(bundles.flatMap((bundle) => bundle.files.map(outputUrl)));
  return [
    [
      ...first,
      ...pages.filter((url) => !first.has(url)),
      ...deployOutputs(dataset).map((file) => file.url),
      ...searchOutputs().map((output) => output.url),
    ],
    files.map((file) => file.url),
    recordFiles.map((file) => file.url),
    // The web editor, when site.yaml names its git host: a few files, the CMS's bundle among them.
    publishedAdminOutputs(dataset).map((output) => output.url),
  ];
}
