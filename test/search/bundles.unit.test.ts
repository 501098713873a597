// The build plans the search bundles from the pages it is about to write: the same pages, in the
// same bundles, as indexing the written site finds.
import { describe, expect, it } from "vitest";
import type { Output } from "../../src/core/outputs.js";
import { planBundles, searchableFiles } from "../../src/search/indexer.js";

const page = (url: string, searchable = true): Output => ({ url, render: () => "", searchable });

describe("searchable pages", () => {
  const outputs = [
    page("/sv/program/icld/"),
    page("/sv/projekt/b/"),
    page("/sv/projekt/a/"),
    // A list page, a second page of a list, a page outside the searched sections, another language.
    page("/sv/projekt/", false),
    page("/sv/projekt/2/", false),
    page("/sv/program/icld/2/"),
    page("/sv/teman/miljo/"),
    page("/en/projects/a/"),
    page("/sv/projekt/c/", false),
    // An included record's page, under its publisher, and the list of that publisher's projects.
    page("/sv/projekt/testkommun/renare-vatten/"),
    page("/sv/projekt/testkommun/", false),
  ];

  it("are the marked record pages right below a searched section, section by section", () => {
    expect(searchableFiles("sv", outputs)).toEqual([
      "sv/projekt/a/index.html",
      "sv/projekt/b/index.html",
      "sv/projekt/testkommun/renare-vatten/index.html",
      "sv/program/icld/index.html",
    ]);
    expect(searchableFiles("en", outputs)).toEqual(["en/projects/a/index.html"]);
    expect(searchableFiles("de", outputs)).toEqual([]);
  });
});

describe("bundles", () => {
  const files = ["a", "b", "c", "d", "e"].map((id) => `sv/projekt/${id}/index.html`);

  it("hold at most the given number of pages, every page once, numbered from 1", () => {
    const bundles = planBundles("sv", files, 2);
    expect(bundles.map((bundle) => bundle.files)).toEqual([files.slice(0, 2), files.slice(2, 4), files.slice(4)]);
    expect(bundles.map((bundle) => [bundle.number, bundle.of])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("are one empty bundle for a language without searchable pages, so its search page finds an index", () => {
    expect(planBundles("de", [], 2)).toEqual([{ lang: "de", number: 1, files: [], of: 1 }]);
  });
});
