// The one table of media types gives every file its Content-Type, as nginx (whose configuration is
// written from the same table; test/deploy/nginx.build.test.ts compares the two) and the editor's
// preview send it.
import { describe, expect, it } from "vitest";
import { contentTypeOf } from "../../src/core/media-types.js";
import { feedUrl, notFoundUrl, pageUrl, rootNotFoundUrl } from "../../src/core/routes.js";

describe("the Content-Type of a site path", () => {
  it("is the table's type, with the charset for text", () => {
    expect(contentTypeOf("/sv/projekt/")).toBe("text/html; charset=utf-8");
    expect(contentTypeOf(rootNotFoundUrl)).toBe("text/html; charset=utf-8");
    expect(contentTypeOf("/data/csv/projects.csv")).toBe("text/csv; charset=utf-8");
    expect(contentTypeOf("/data/catalog.jsonld")).toBe("application/ld+json; charset=utf-8");
    expect(contentTypeOf("/pagefind/pagefind.wasm")).toBe("application/wasm");
    expect(contentTypeOf("/data/places.geojson")).toBe("application/geo+json; charset=utf-8");
    expect(contentTypeOf("/data/releases/2026-11-25/utblick-2026-11-25.zip")).toBe("application/zip");
    expect(contentTypeOf("/pagefind/sv/index/sv_1a2b3c4.pf_index")).toBe("application/octet-stream");
  });

  it("is Atom for the feeds, and text for a file without an extension", () => {
    expect(contentTypeOf(feedUrl("de"))).toBe("application/atom+xml; charset=utf-8");
    expect(contentTypeOf("/sitemap.xml")).toBe("application/xml; charset=utf-8");
    expect(contentTypeOf("/data/SHA256SUMS")).toBe("text/plain; charset=utf-8");
  });
});

describe("the addresses written once", () => {
  it("number the pages of a list after the first", () => {
    expect(pageUrl("/sv/projekt/", 1)).toBe("/sv/projekt/");
    expect(pageUrl("/sv/projekt/", 3)).toBe("/sv/projekt/3/");
  });

  it("put each language's 404 page in the language's folder, and the root's at the root", () => {
    expect(notFoundUrl("en")).toBe("/en/404.html");
    expect(rootNotFoundUrl).toBe("/404.html");
  });
});
