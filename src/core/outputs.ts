// Registers a list of generated files with Eleventy as one paginated virtual template: the
// govuk-eleventy-plugin way of making every generated file (pages, feeds, data) a template.
import type { UserConfig } from "@11ty/eleventy";

/** A file of the site: its URL and how to render it, on demand (one at a time, to keep memory flat). */
export interface Output {
  readonly url: string;
  readonly render: () => string | Promise<string>;
  /** A page for the search index (its content is marked data-pagefind-body). */
  readonly searchable?: boolean;
}

/** The file an output is written to, relative to the site: "/sv/projekt/x/" is "sv/projekt/x/index.html". */
export const outputPath = (url: string): string => (url.endsWith("/") ? `${url}index.html` : url).replace(/^\//, "");

/** The output a file of the site is written for: "sv/projekt/x/index.html" is "/sv/projekt/x/". */
export const outputUrl = (path: string): string => `/${path.replace(/(^|\/)index\.html$/, "$1")}`;

/**
 * Eleventy keeps every rendered page in memory until its run ends, so a large site is written in
 * several runs; a batch names the outputs one run writes.
 */
export interface Batch {
  readonly urls: ReadonlySet<string>;
}

export function inBatch<T extends { readonly url: string }>(
  items: readonly T[],
  batch: Batch | undefined,
): readonly T[] {
  return batch === undefined ? items : items.filter((item) => batch.urls.has(item.url));
}

/**
 * Consecutive runs of at most `perRun` outputs, in the order given. Each group gets runs of its
 * own, so that a group of a few heavy files (the whole dataset as JSON and CSV) is not written in
 * the same run as two thousand pages.
 */
export function planRuns(groups: readonly (readonly string[])[], perRun: number): Batch[] {
  const runs: Batch[] = [];
  for (const urls of groups) {
    for (let start = 0; start < urls.length; start += perRun)
      runs.push({ urls: new Set(urls.slice(start, start + perRun)) });
  }
  return runs.length ? runs : [{ urls: new Set() }];
}

/** The index of the last run that writes any of `urls`; 0 when none is written. */
export function lastRunOf(runs: readonly Batch[], urls: readonly string[]): number {
  return Math.max(
    0,
    runs.findLastIndex((run) => urls.some((url) => run.urls.has(url))),
  );
}

/** A list of outputs that Eleventy writes as one paginated template named `name`. */
export interface OutputSet {
  readonly name: string;
  readonly outputs: () => readonly Output[];
  /** Only the outputs of this run; all of them without one. */
  readonly batch?: Batch | undefined;
}

export function addOutputs(eleventyConfig: UserConfig, set: OutputSet): void {
  const key = `outputs_${set.name.replace(/[^a-z0-9]/gi, "_")}`;
  eleventyConfig.addGlobalData(key, () => inBatch(set.outputs(), set.batch));
  eleventyConfig.addTemplate(`${set.name}.11ty.js`, {
    data: () => ({
      pagination: { data: key, size: 1, alias: "output" },
      permalink: (data: { output: Output }) => `/${outputPath(data.output.url)}`,
      eleventyExcludeFromCollections: true,
      // SHA256SUMS has no extension, by convention.
      eleventyAllowMissingExtension: true,
    }),
    render: (data: { output: Output }) => data.output.render(),
  });
}
