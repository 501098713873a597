// Publishing as an Eleventy plugin: every page's root-relative URLs moved below the site's base
// path (the one place that turns the site paths of pages into the hrefs a browser asks for), and
// the _redirects file for static hosts.
import type { UserConfig } from "@11ty/eleventy";
import { addOutputs, type Batch, type Output } from "../core/outputs.js";
import { basePath, hrefsUnder } from "../core/routes.js";
import type { Dataset } from "../model/dataset.js";
import { REDIRECTS_URL, redirectsFile } from "./redirects.js";
import { publicationOf } from "./rules.js";

export interface DeployPluginOptions {
  readonly dataset: () => Dataset;
  readonly batch?: Batch;
}

/** The files of the site that only hosts read. */
export const deployOutputs = (dataset: Dataset): Output[] => [
  { url: REDIRECTS_URL, render: () => redirectsFile(publicationOf(dataset.site)) },
];

export default function deployPlugin(eleventyConfig: UserConfig, options: DeployPluginOptions): void {
  eleventyConfig.addTransform("base-path", (content, outputPath) =>
    typeof outputPath === "string" && outputPath.endsWith(".html")
      ? hrefsUnder(basePath(options.dataset().site.base_url), content)
      : content,
  );
  addOutputs(eleventyConfig, { name: "deploy", outputs: () => deployOutputs(options.dataset()), batch: options.batch });
}
