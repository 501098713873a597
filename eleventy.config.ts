// Eleventy registers one plugin per concern; each lives beside the code it configures.
// The build (src/build.ts) passes this function to Eleventy directly; the CLI (`npm run serve`)
// loads this file through tsx.
import type { UserConfig } from "@11ty/eleventy";
import { type Batch } from "./src/core/outputs.js";
import openDataPlugin from "./src/exports/plugin.js";
import dataPlugin, { currentDataset } from "./src/model/plugin.js";
import searchPlugin from "./src/search/plugin.js";
import sitePlugin from "./src/site/plugin.js";

export default function configure(eleventyConfig: UserConfig, batch?: Batch) {
  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(sitePlugin, { dataset: currentDataset, batch });
  eleventyConfig.addPlugin(openDataPlugin, { dataset: currentDataset, batch });
  eleventyConfig.addPlugin(searchPlugin, { batch });
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.setQuietMode(true);
  return { dir: { input: "src/site" } };
}
