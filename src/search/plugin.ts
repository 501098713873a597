// Search as an Eleventy plugin: after the pages are written, Pagefind indexes them, and the
// search page's scripts go along: search.js as it is, csv-export.js bundled from csv-export.ts
// with the CSV cell rules it shares with the open data. A Pagefind error fails the build.
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { bundleForBrowser } from "../core/browser-bundle.js";
import type { Lang } from "../core/languages.js";
import { addOutputs, type Batch, type Output } from "../core/outputs.js";
import type { Dataset } from "../model/dataset.js";
import { type Bundle, type IndexResult, indexSite } from "./indexer.js";
import type { IndexingReply, IndexingRequest } from "./indexing-process.js";

export class SearchIndexError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`the search index could not be built:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    this.name = "SearchIndexError";
  }
}

export interface SearchPluginOptions {
  readonly dataset: () => Dataset;
  /** When the site is written in several runs, the build indexes it after the last one, not Eleventy. */
  readonly batch?: Batch;
}

/** Where the search page's scripts are; search.js loads csv-export.js from beside itself. */
const ASSETS_URL = "/assets/search/";

/** The search page's script, which the search page loads. */
export const SEARCH_SCRIPT = `${ASSETS_URL}search.js`;

let csvExport: Promise<string> | undefined;

/** The search page's CSV module, bundled once per process; a failed bundling is tried again next time. */
export function csvExportScript(): Promise<string> {
  csvExport ??= bundleForBrowser({ entry: fileURLToPath(new URL("./csv-export.ts", import.meta.url)) }).catch(
    (error: unknown) => {
      csvExport = undefined;
      throw error;
    },
  );
  return csvExport;
}

/** The search page's scripts that the build makes (search.js itself is copied as it is). */
export const searchOutputs = (): Output[] => [{ url: `${ASSETS_URL}csv-export.js`, render: csvExportScript }];

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions): void {
  eleventyConfig.addPassthroughCopy({ "src/search/assets": ASSETS_URL.slice(1, -1) });
  addOutputs(eleventyConfig, { name: "search", outputs: searchOutputs, batch: options.batch });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (options.batch) return;
    await buildSearchIndex(directories.output, options.dataset().site.languages);
  });
}

/** Indexes a written site; a Pagefind error, or nothing to index, is an error of the build. */
export async function buildSearchIndex(siteDir: string, languages: readonly Lang[]): Promise<void> {
  assertIndexed(await indexSite(siteDir, languages));
}

function assertIndexed(results: IndexResult | readonly IndexResult[]): void {
  const all = Array.isArray(results) ? results : [results];
  const errors = all.flatMap((result) => result.errors);
  if (errors.length) throw new SearchIndexError(errors);
  if (all.every((result) => result.pages === 0))
    throw new SearchIndexError(["no page was marked for indexing (data-pagefind-body)"]);
}

/**
 * Indexing that runs beside the writing of the site: the build hands over each bundle once its
 * pages are written, and the indexer's own process (indexing-process.ts) indexes it while Eleventy
 * writes the next pages. In the build's process, Pagefind's round trips would wait for Eleventy.
 */
export class SearchIndexing {
  readonly #child: ChildProcess;
  readonly #results: Promise<IndexResult>[] = [];
  /** By bundle ("sv/2"). */
  readonly #waiting = new Map<string, { resolve: (result: IndexResult) => void; reject: (error: Error) => void }>();
  readonly #exited: Promise<void>;
  /** Why the indexer is no longer there, once it is not. */
  #gone: Error | undefined;

  constructor(private readonly siteDir: string) {
    this.#child = fork(fileURLToPath(new URL("./indexing-process.ts", import.meta.url)), [], {
      // Resolved from here, so that the indexer starts whatever the working directory.
      execArgv: ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href],
      // No shared output: a build killed mid-way must not be kept open by its indexer.
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    this.#child.on("message", (reply: IndexingReply) => {
      this.#waiting.get(bundleKey(reply.bundle))?.resolve(reply.result);
      this.#waiting.delete(bundleKey(reply.bundle));
    });
    this.#exited = new Promise((done) => {
      const gone = (error: Error) => {
        this.#gone ??= error;
        for (const waiting of this.#waiting.values()) waiting.reject(this.#gone);
        this.#waiting.clear();
        done();
      };
      this.#child.once("error", gone);
      this.#child.once("exit", (code, signal) =>
        gone(new Error(`the search indexer stopped (${signal ?? `exit code ${code}`})`)),
      );
    });
  }

  add(bundle: Bundle): void {
    const result = this.#gone
      ? Promise.reject(this.#gone)
      : new Promise<IndexResult>((resolve, reject) => this.#waiting.set(bundleKey(bundle), { resolve, reject }));
    // A failure is reported by finish(); until then it must not count as unhandled.
    result.catch(() => undefined);
    this.#results.push(result);
    this.#request({ kind: "index", siteDir: this.siteDir, bundle });
  }

  /** Waits for every bundle handed over, stops the indexer, and fails the build on any error. */
  async finish(): Promise<void> {
    try {
      assertIndexed(await Promise.all(this.#results));
    } finally {
      await this.#stop();
    }
  }

  /** After a failed build: stops the indexer, ignoring its results. */
  async abandon(): Promise<void> {
    this.#child.kill();
    await this.#exited;
  }

  #request(request: IndexingRequest): void {
    if (this.#child.connected) this.#child.send(request);
  }

  async #stop(): Promise<void> {
    this.#request({ kind: "close" });
    await this.#exited;
  }
}

const bundleKey = (bundle: Bundle): string => `${bundle.lang}/${bundle.number}`;
