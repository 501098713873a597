// npm run release [-- --today YYYY-MM-DD] [--data DIR]
// Records the current open data as a new release in data/releases/ when they differ from the
// last one, and prints what changed. Builds then date the data by their release.
import { parseArgs } from "node:util";
import { InvalidDataError } from "../src/model/index.js";
import { reportLines } from "../src/model/report.js";
import { buildDay } from "../src/model/today.js";
import { recordRelease } from "../src/releases/record.js";

const { values } = parseArgs({ options: { data: { type: "string", default: "data" }, today: { type: "string" } } });
try {
  const recorded = recordRelease(values.data, buildDay(values.today ?? process.env.UTBLICK_TODAY));
  if (!recorded.created) console.log(`No change since release ${recorded.version}; nothing to record.`);
  else {
    console.log(`Recorded release ${recorded.version} with ${recorded.changes.length} changed records:`);
    for (const change of recorded.changes.slice(0, 50))
      console.log(
        `  ${change.change} ${change.kind}/${change.id}${change.fields.length ? ` (${change.fields.join(", ")})` : ""}`,
      );
    if (recorded.changes.length > 50) console.log(`  … and ${recorded.changes.length - 50} more`);
  }
} catch (error) {
  if (!(error instanceof InvalidDataError)) throw error;
  console.log(reportLines(error.result).join("\n"));
  console.log("Nothing was recorded: fix the data first.");
  process.exitCode = 1;
}
