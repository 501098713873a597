// Builds shared test sites one after the other in a process of its own (shared-sites.ts starts
// one such process per core). One process builds several: importing the build costs more than
// building a small site.
// Usage: tsx test/helpers/build-sites.ts '[{"name":…,"dataDir":…,"outputDir":…,"today":"YYYY-MM-DD",…}, …]'
import { build } from "../../src/build/build.js";
import { buildDay } from "../../src/model/today.js";
import type { SiteJob } from "./shared-sites.js";

for (const { name, today, ...options } of JSON.parse(process.argv[2] ?? "[]") as SiteJob[]) {
  const failure = await build({ ...options, today: buildDay(today) }).then(
    (result) => (result.ok ? undefined : "its data are invalid (the report is above)"),
    (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
  if (failure) {
    console.error(`The shared test site "${name}" (${options.dataDir}) did not build: ${failure}`);
    process.exit(1);
  }
}
