// The website as an Eleventy plugin: every page in every language, the sitemap, the feeds and
// the stylesheet.
import type { UserConfig } from "@11ty/eleventy";
import { addOutputs, type Batch } from "../core/outputs.js";
import type { Dataset } from "../model/dataset.js";
import { siteOutputs } from "./pages/index.js";

export interface SitePluginOptions {
  readonly dataset: () => Dataset;
  readonly batch?: Batch;
}

export default function sitePlugin(eleventyConfig: UserConfig, options: SitePluginOptions): void {
  addOutputs(eleventyConfig, { name: "site", outputs: () => siteOutputs(options.dataset()), batch: options.batch });
  eleventyConfig.addPassthroughCopy({ "src/site/assets": "assets" });
}
