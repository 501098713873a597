// Registers a list of generated files with Eleventy as one paginated virtual template: the
// govuk-eleventy-plugin way of making every generated file (pages, feeds, data) a template.
import type { UserConfig } from "@11ty/eleventy";

/** A file of the site: its URL and how to render it, on demand (one at a time, to keep memory flat). */
export interface Output {
  readonly url: string;
  readonly render: () => string | Promise<string>;
}

export function addOutputs(eleventyConfig: UserConfig, name: string, outputs: () => readonly Output[]): void {
  const key = `outputs_${name.replace(/[^a-z0-9]/gi, "_")}`;
  eleventyConfig.addGlobalData(key, outputs);
  eleventyConfig.addTemplate(`${name}.11ty.js`, {
    data: () => ({
      pagination: { data: key, size: 1, alias: "output" },
      permalink: (data: { output: Output }) => (data.output.url.endsWith("/") ? `${data.output.url}index.html` : data.output.url),
      eleventyExcludeFromCollections: true,
    }),
    render: (data: { output: Output }) => data.output.render(),
  });
}
