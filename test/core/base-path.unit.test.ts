// The base path: site paths become hrefs below it, in one place, and nothing else in a page moves.
import { describe, expect, it } from "vitest";
import { absoluteUrl, basePath, hrefOf, hrefsUnder } from "../../src/core/routes.js";

describe("the base path", () => {
  it("is the path of base_url: / at a host's root, the folder below it otherwise", () => {
    expect(basePath("https://utblick.example.org/")).toBe("/");
    expect(basePath("https://www.kommun.se/internationellt/")).toBe("/internationellt/");
  });

  it("comes before a site path in an href, and before nothing else", () => {
    expect(hrefOf("/internationellt/", "/sv/projekt/x/")).toBe("/internationellt/sv/projekt/x/");
    expect(hrefOf("/", "/sv/")).toBe("/sv/");
    expect(hrefOf("/internationellt/", "https://example.org/")).toBe("https://example.org/");
    expect(hrefOf("/internationellt/", "//cdn.example.org/x")).toBe("//cdn.example.org/x");
  });

  it("comes before every root-relative URL attribute of a page, including data-…-url ones", () => {
    const page =
      '<a href="/sv/">a</a><link rel="stylesheet" href="/assets/style.css"><script src="/assets/search/search.js"></script>' +
      '<form action="/sv/sok/"></form><div id="search" data-site-url="/" data-bundle-url="/pagefind/sv/"></div>';
    expect(hrefsUnder("/int/", page)).toBe(
      '<a href="/int/sv/">a</a><link rel="stylesheet" href="/int/assets/style.css"><script src="/int/assets/search/search.js"></script>' +
        '<form action="/int/sv/sok/"></form><div id="search" data-site-url="/int/" data-bundle-url="/int/pagefind/sv/"></div>',
    );
  });

  it("comes before the address a refresh leads to", () => {
    expect(hrefsUnder("/int/", '<meta http-equiv="refresh" content="0; url=/sv/">')).toBe(
      '<meta http-equiv="refresh" content="0; url=/int/sv/">',
    );
  });

  it("leaves fragments, absolute and protocol-relative URLs, other attributes and text alone", () => {
    const page =
      '<a href="#main">x</a><a href="https://example.org/sv/">y</a><a href="//example.org/">z</a>' +
      '<span data-value="/sv/ not a link" title="/sv/">href="/sv/"</span><p>see href=&quot;/sv/&quot;</p>' +
      '<meta name="description" content="0; url=/sv/ is text here">';
    expect(hrefsUnder("/int/", page)).toBe(page);
  });

  it("changes nothing at a host's root", () => {
    const page = '<a href="/sv/">a</a>';
    expect(hrefsUnder("/", page)).toBe(page);
  });

  it("is kept by absolute URLs, which are resolved against base_url", () => {
    expect(absoluteUrl("https://www.kommun.se/internationellt/", "/data/catalog.rdf")).toBe(
      "https://www.kommun.se/internationellt/data/catalog.rdf",
    );
  });
});

describe("an absolute URL", () => {
  const bases = [
    "https://utblick.example.org/",
    "https://www.kommun.se/internationellt/",
    "https://www.kommun.se/internationellt",
    "https://www.kommun.se/a/?q=1",
    "http://[::1]:8080/x/",
  ];
  const paths = [
    "/",
    "",
    "/sv/projekt/nonhazcity/",
    "/data/utblick.json",
    "/sv/projekt/a b/",
    "/sv/länder/se/",
    "/sv/../en/",
    "/./sv/",
    "/sv/.hidden/",
    "//example.org/x",
    "/sv//projekt/",
    "/sv/projekt/x?y=1#z",
    "/sv/%41/",
  ];

  it("is what the URL parser makes of the site path against the base, for plain and odd paths alike", () => {
    for (const base of bases)
      for (const path of paths) expect(absoluteUrl(base, path)).toBe(new URL(path.replace(/^\//, ""), base).href);
  });
});
