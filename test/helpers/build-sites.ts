// Builds shared test sites one after the other in a process of its own (shared-sites.ts starts
// one such process per core). One process builds several: importing the build costs more than
// building a small site. It asks for a site once it listens; each site comes as a message (a
// SiteJob), and the answer names it and says why it did not build, if it did not. Once no more
// sites come (the channel is closed), the process ends.
// Usage: node --import tsx test/helpers/build-sites.ts, started with an IPC channel.
import { build } from "../../src/build/build.js";
import { buildDay } from "../../src/model/today.js";
import type { SiteBuilt, SiteJob } from "./shared-sites.js";

process.on("message", async ({ name, today, ...options }: SiteJob) => {
  const failure = await build({ ...options, today: buildDay(today) }).then(
    (result) => (result.ok ? undefined : "its data are invalid (the report is above)"),
    (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
  process.send?.({ name, ...(failure ? { failure } : {}) } satisfies SiteBuilt);
});
process.send?.({} satisfies SiteBuilt);
