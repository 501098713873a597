// The data as an Eleventy plugin for the development server: the dataset is loaded on first use
// and loaded again after the editor saves a file in the data directory.
import type { UserConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import type { Dataset } from "./dataset.js";
import { loadDataset } from "./index.js";

export interface DataPluginOptions {
  readonly dataDir: string;
  readonly today: () => DateTime;
}

/** Registers the data directory with Eleventy's watcher and returns the dataset of the current run. */
export function watchedDataset(eleventyConfig: UserConfig, options: DataPluginOptions): () => Dataset {
  let current: Dataset | undefined;
  eleventyConfig.addWatchTarget(options.dataDir);
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  return () => {
    current ??= loadDataset(options.dataDir, options.today());
    return current;
  };
}
