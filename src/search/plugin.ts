// Search as an Eleventy plugin: after the pages are written, Pagefind indexes them, and the
// search page's script is copied along. A Pagefind error fails the build.
import type { UserConfig } from "@11ty/eleventy";
import type { Lang } from "../core/languages.js";
import type { Batch } from "../core/outputs.js";
import type { Dataset } from "../model/dataset.js";
import { closeSearchService, type IndexResult, indexLanguage, indexSite } from "./indexer.js";

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

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions): void {
  eleventyConfig.addPassthroughCopy({ "src/search/assets": "assets/search" });
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
 * Indexing that runs beside the writing of the site: the build hands over each language once its
 * pages are written, and Pagefind's process indexes it while Eleventy writes the next.
 */
export class SearchIndexing {
  #queue: Promise<IndexResult[]> = Promise.resolve([]);

  constructor(
    private readonly siteDir: string,
    private readonly pagesPerBundle: number,
  ) {}

  add(lang: Lang): void {
    this.#queue = this.#queue.then(async (done) =>
      done.some((result) => result.errors.length)
        ? done
        : [...done, await indexLanguage(this.siteDir, lang, this.pagesPerBundle)],
    );
    // A failure is reported by finish(); until then it must not count as unhandled.
    this.#queue.catch(() => undefined);
  }

  /** Waits for every language handed over, stops Pagefind, and fails the build on any error. */
  async finish(): Promise<void> {
    try {
      assertIndexed(await this.#queue);
    } finally {
      await closeSearchService();
    }
  }

  /** After a failed build: lets running work end and stops Pagefind, ignoring its results. */
  async abandon(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await closeSearchService();
  }
}
