// Eleventy registers one plugin per concern; each lives beside the code it configures. The build
// calls `configureSite` with the dataset it validated; the preview registers the same plugins
// without Eleventy to render each page on request.
import type { UserConfig } from "@11ty/eleventy";
import adminPlugin from "../admin/plugin.js";
import type { Batch } from "../core/outputs.js";
import deployPlugin from "../deploy/plugin.js";
import openDataPlugin from "../exports/plugin.js";
import type { Dataset } from "../model/dataset.js";
import searchPlugin from "../search/plugin.js";
import sitePlugin from "../site/plugin.js";

export interface SiteOptions {
  readonly dataset: () => Dataset;
  /** The outputs this run writes, when a large site is written in several runs. */
  readonly batch?: Batch;
}

export function configureSite(eleventyConfig: UserConfig, options: SiteOptions) {
  eleventyConfig.addPlugin(sitePlugin, options);
  eleventyConfig.addPlugin(openDataPlugin, options);
  eleventyConfig.addPlugin(searchPlugin, options);
  eleventyConfig.addPlugin(deployPlugin, options);
  eleventyConfig.addPlugin(adminPlugin, options);
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.setQuietMode(true);
  return { dir: { input: "src/site" } };
}
