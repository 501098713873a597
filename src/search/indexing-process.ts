// The search indexer's own process, forked by SearchIndexing (plugin.ts). Pagefind's Node API
// talks to its service in round trips (create, add, write, delete per bundle); in the build's
// process each answer waited until Eleventy's run of two thousand pages let the event loop turn,
// so indexing barely overlapped rendering. Here the loop is free: Pagefind works while Eleventy
// renders. Bundles come as their pages are written and are indexed in the order they come.
import { type Bundle, type IndexResult, indexBundle, useSearchService } from "./indexer.js";

export type IndexingRequest =
  | { readonly kind: "index"; readonly siteDir: string; readonly bundle: Bundle }
  | { readonly kind: "close" };

export type IndexingReply = { readonly kind: "indexed"; readonly bundle: Bundle; readonly result: IndexResult };

const send = (reply: IndexingReply): Promise<void> =>
  new Promise((done, fail) => process.send?.(reply, undefined, {}, (error) => (error ? fail(error) : done())));

let queue: Promise<void> = Promise.resolve();
const releaseSearchService = useSearchService();

process.on("message", (request: IndexingRequest) => {
  queue = queue.then(async () => {
    if (request.kind === "close") return process.disconnect();
    await send({ kind: "indexed", bundle: request.bundle, result: await indexBundle(request.siteDir, request.bundle) });
  });
});

// The build's process ended (finished, failed, or killed): nothing is left to index for.
process.on("disconnect", () => {
  void releaseSearchService().finally(() => process.exit(0));
});
