// Eleventy registers one plugin per concern; each lives beside the code it configures. The build
// (src/build.ts) calls `configureSite` with the dataset it validated; Eleventy's own command line
// (`npm run serve`) loads the default export through tsx, which reads data/ as of today.
import type { UserConfig } from "@11ty/eleventy";
import adminPlugin from "./src/admin/plugin.js";
import type { Batch } from "./src/core/outputs.js";
import deployPlugin from "./src/deploy/plugin.js";
import openDataPlugin from "./src/exports/plugin.js";
import type { Dataset } from "./src/model/dataset.js";
import { watchedDataset } from "./src/model/plugin.js";
import { buildDay } from "./src/model/today.js";
import searchPlugin from "./src/search/plugin.js";
import sitePlugin from "./src/site/plugin.js";

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

export default function configure(eleventyConfig: UserConfig) {
  const dataset = watchedDataset(eleventyConfig, { dataDir: "data", today: () => buildDay() });
  return configureSite(eleventyConfig, { dataset });
}
