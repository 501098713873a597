// Pagefind's problems fail the build with a message that says what is wrong, and builds in one
// process do not stop each other's indexing.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIndex } from "pagefind";
import { describe, expect, it } from "vitest";
import { useSearchService } from "../../src/search/indexer.js";
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

describe("Pagefind's service, which all indexing in a process shares", () => {
  const page = '<html lang="sv"><body data-pagefind-body><h1>Vatten</h1></body></html>';

  it("is kept while one use still indexes, and stopped when the last use ends", async () => {
    const first = useSearchService();
    const second = useSearchService();
    const { index, errors } = await createIndex();
    if (!index) throw new Error(`Pagefind gave no index: ${errors.join("; ")}`);
    await index.addHTMLFile({ url: "/sv/projekt/x/", content: page });
    await first();
    expect((await index.getFiles()).errors).toEqual([]);
    await second();
    // A stopped service takes its indexes with it: the index is unknown to the next one.
    expect((await index.getFiles()).errors).not.toEqual([]);
    // That question started a new service, which this use stops again.
    await useSearchService()();
  });
});
