// Search as an Eleventy plugin: after the pages are written, Pagefind indexes them, and the
// search page's script is copied along. A Pagefind error fails the build.
import type { UserConfig } from "@11ty/eleventy";
import type { Batch } from "../site/outputs.js";
import { indexSite } from "./indexer.js";

export class SearchIndexError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`the search index could not be built:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    this.name = "SearchIndexError";
  }
}

export interface SearchPluginOptions {
  /** When the site is written in several runs, the build indexes it after the last one, not Eleventy. */
  readonly batch?: Batch;
}

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions = {}): void {
  eleventyConfig.addPassthroughCopy({ "src/search/assets": "assets/search" });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (options.batch) return;
    await buildSearchIndex(directories.output);
  });
}

/** Indexes a written site; a Pagefind error, or nothing to index, is an error of the build. */
export async function buildSearchIndex(siteDir: string): Promise<void> {
  const result = await indexSite(siteDir);
  if (result.errors.length) throw new SearchIndexError(result.errors);
  if (result.pages === 0) throw new SearchIndexError(["no page was marked for indexing (data-pagefind-body)"]);
}
