// The open data as an Eleventy plugin: every file under /data/, written with the pages.
import type { UserConfig } from "@11ty/eleventy";
import { addOutputs, type Batch } from "../core/outputs.js";
import type { Dataset } from "../model/dataset.js";
import { openData } from "./files.js";

export interface OpenDataPluginOptions {
  readonly dataset: () => Dataset;
  readonly batch?: Batch;
}

export default function openDataPlugin(eleventyConfig: UserConfig, options: OpenDataPluginOptions): void {
  addOutputs(
    eleventyConfig,
    "open-data",
    () => {
      const { files, recordFiles } = openData(options.dataset());
      return [...files, ...recordFiles];
    },
    options.batch,
  );
}
