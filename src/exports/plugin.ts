// The open data as an Eleventy plugin: every file under /data/, written with the pages.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { addOutputs, type Batch, type Output } from "../core/outputs.js";
import type { Dataset } from "../model/dataset.js";
import { type DataFile, isBinary } from "./data-file.js";
import { openData } from "./files.js";

export interface OpenDataPluginOptions {
  readonly dataset: () => Dataset;
  readonly batch?: Batch;
}

export default function openDataPlugin(eleventyConfig: UserConfig, options: OpenDataPluginOptions): void {
  addOutputs(eleventyConfig, {
    name: "open-data",
    outputs: () => {
      const { files, recordFiles } = openData(options.dataset());
      // Archives are bytes, which Eleventy would write as text: the build writes them (writeArchives).
      return [...files, ...recordFiles].filter((file) => !isBinary(file)).map(textOutput);
    },
    batch: options.batch,
  });
}

function textOutput(file: DataFile): Output {
  return { url: file.url, render: () => file.render() as string };
}

/** Writes the open data's binary files (the release archives) into the site directory. */
export function writeArchives(dataset: Dataset, siteDir: string): void {
  for (const file of openData(dataset).archives) {
    const path = join(siteDir, file.url);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.render());
  }
}
