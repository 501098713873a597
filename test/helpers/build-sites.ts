// Builds shared test sites one after the other in a process of its own (shared-sites.ts starts
// one such process per core). One process builds several: importing the build costs more than
// building a small site.
// Usage: tsx test/helpers/build-sites.ts '[{"name":…,"dataDir":…,"outputDir":…,"today":"YYYY-MM-DD",…}, …]'
import { build } from "../../src/build.js";
import { buildDay } from "../../src/model/today.js";

export interface SiteJob {
  readonly name: string;
  readonly dataDir: string;
  readonly outputDir: string;
  readonly today: string;
  readonly outputsPerRun?: number;
  readonly pagesPerBundle?: number;
}

for (const { name, today, ...options } of JSON.parse(process.argv[2] ?? "[]") as SiteJob[]) {
  const result = await build({ ...options, today: buildDay(today) });
  if (!result.ok) {
    console.error(`The shared test site "${name}" (${options.dataDir}) did not build.`);
    process.exit(1);
  }
}
