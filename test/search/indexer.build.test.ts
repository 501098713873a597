// Pagefind's problems fail the build with a message that says what is wrong.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSearchIndex, SearchIndexError } from "../../src/search/plugin.js";

describe("building the search index", () => {
  it("fails with a clear message when no page is marked for indexing", async () => {
    const site = mkdtempSync(join(tmpdir(), "utblick-index-"));
    mkdirSync(join(site, "sv", "projekt", "x"), { recursive: true });
    writeFileSync(
      join(site, "sv", "projekt", "x", "index.html"),
      '<!doctype html><html lang="sv"><body><main><h1>x</h1></main></body></html>',
    );
    const failure = buildSearchIndex(site, ["sv"]);
    await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
    await expect(failure).rejects.toThrow(
      "the search index could not be built:\n  no page was marked for indexing (data-pagefind-body)",
    );
  });
});
