// Pagefind reads each bundle's pages straight from the site, chosen by a glob of exactly them.
import { describe, expect, it } from "vitest";
import { bundleGlob } from "../../src/search/indexer.js";

describe("the glob of a bundle", () => {
  it("names each page of each section once, under the language's folder", () => {
    expect(bundleGlob("sv", ["sv/projekt/a/index.html", "sv/projekt/b-2/index.html", "sv/program/c/index.html"])).toBe(
      "sv/{projekt/{a,b-2},program/{c}}/index.html",
    );
  });

  it("names an included record's page by its publisher's folder and its id", () => {
    expect(bundleGlob("sv", ["sv/projekt/a/index.html", "sv/projekt/testkommun/b/index.html"])).toBe(
      "sv/{projekt/{a,testkommun/b}}/index.html",
    );
  });

  it("takes the glob's special characters in a name literally", () => {
    expect(bundleGlob("en", ["en/projects/a{b,c}*/index.html"])).toBe("en/{projects/{a\\{b\\,c\\}\\*}}/index.html");
  });
});
