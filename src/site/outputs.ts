// Registers a list of generated files with Eleventy as one paginated virtual template: the
// govuk-eleventy-plugin way of making every generated file (pages, feeds, data) a template.
import type { UserConfig } from "@11ty/eleventy";

/** A file of the site: its URL and how to render it, on demand (one at a time, to keep memory flat). */
export interface Output {
  readonly url: string;
  readonly render: () => string | Promise<string>;
}

/**
 * Eleventy keeps every rendered page in memory until its run ends. A large site is therefore
 * written in several runs, each taking every count-th output; `index` says which share this run takes.
 */
export interface Batch {
  readonly index: number;
  readonly count: number;
}

export function inBatch<T>(items: readonly T[], batch: Batch | undefined): readonly T[] {
  return batch === undefined || batch.count === 1 ? items : items.filter((_, position) => position % batch.count === batch.index);
}

export function addOutputs(eleventyConfig: UserConfig, name: string, outputs: () => readonly Output[], batch?: Batch): void {
  const key = `outputs_${name.replace(/[^a-z0-9]/gi, "_")}`;
  eleventyConfig.addGlobalData(key, () => inBatch(outputs(), batch));
  eleventyConfig.addTemplate(`${name}.11ty.js`, {
    data: () => ({
      pagination: { data: key, size: 1, alias: "output" },
      permalink: (data: { output: Output }) => (data.output.url.endsWith("/") ? `${data.output.url}index.html` : data.output.url),
      eleventyExcludeFromCollections: true,
      // SHA256SUMS has no extension, by convention.
      eleventyAllowMissingExtension: true,
    }),
    render: (data: { output: Output }) => data.output.render(),
  });
}
