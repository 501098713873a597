// The data as an Eleventy plugin: where it is read from, and reloading it when the editor saves
// a file during `npm run serve`.
import type { UserConfig } from "@11ty/eleventy";
import { type Dataset } from "./dataset.js";
import { forgetLoadedData, loadDataset } from "./index.js";
import { buildDay } from "./today.js";

export const dataDirectory = (): string => process.env.UTBLICK_DATA ?? "data";

/** The validated data for this build; loaded on first use, shared by every plugin. */
export function currentDataset(): Dataset {
  return loadDataset(dataDirectory(), buildDay());
}

export default function dataPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addWatchTarget(dataDirectory());
  eleventyConfig.on("eleventy.before", ({ runMode }) => {
    if (runMode !== "build") forgetLoadedData();
  });
}
