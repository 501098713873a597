// Builds one shared test site in a process of its own (shared-sites.ts runs two at a time).
// Usage: tsx test/helpers/build-one.ts '{"dataDir":…,"outputDir":…,"today":"YYYY-MM-DD",…}'
import { build } from "../../src/build.js";
import { buildDay } from "../../src/model/today.js";

const { today, ...options } = JSON.parse(process.argv[2] ?? "{}") as {
  dataDir: string;
  outputDir: string;
  today: string;
  outputsPerRun?: number;
  pagesPerBundle?: number;
};
const result = await build({ ...options, today: buildDay(today) });
process.exitCode = result.ok ? 0 : 1;
