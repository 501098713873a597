// Eleventy registers one plugin per concern; each lives beside the code it configures.
import type { UserConfig } from "@11ty/eleventy";
import dataPlugin, { currentDataset } from "./src/model/plugin.js";
import openDataPlugin from "./src/exports/plugin.js";
import sitePlugin from "./src/site/plugin.js";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(sitePlugin, { dataset: currentDataset });
  eleventyConfig.addPlugin(openDataPlugin, { dataset: currentDataset });
  eleventyConfig.setQuietMode(true);
  return {
    dir: { input: "src/site" },
    templateFormats: ["11ty.js"],
  };
}
