// npm run release [-- --today YYYY-MM-DD] [--data DIR] [--lang sv|en]
// Records the current open data as a new release in data/releases/ when they differ from the
// last one, and prints what changed. Builds then date the data by their release.
import { reportLines } from "../src/model/report.js";
import { validateDataDirectory } from "../src/model/validate.js";
import { recordRelease } from "../src/releases/record.js";
import { absolute, dayOf, readArguments, reportFailure } from "./cli.js";

const { values, lang, tr } = readArguments(
  { data: { type: "string", default: "data" }, today: { type: "string" } },
  "cli.release.usage",
);
const SHOWN = 50;

try {
  const dataDir = absolute(values.data);
  const today = dayOf(values.today, tr);
  // Validated here for the messages in the editor's language; recordRelease checks again before it writes.
  const validation = validateDataDirectory(dataDir, { today, lang });
  if (!validation.dataset) {
    console.log(reportLines(validation).join("\n"));
    console.log(tr("cli.release.nothingRecorded"));
    process.exitCode = 1;
  } else {
    const recorded = recordRelease(dataDir, today);
    if (!recorded.created) console.log(tr("cli.release.unchanged", { version: recorded.version }));
    else {
      console.log(tr("cli.release.recorded", { version: recorded.version, count: recorded.changes.length }));
      for (const change of recorded.changes.slice(0, SHOWN))
        console.log(
          `  ${tr(`cli.release.${change.change}`)} ${change.kind}/${change.id}` +
            (change.fields.length ? ` (${change.fields.join(", ")})` : ""),
        );
      if (recorded.changes.length > SHOWN)
        console.log(tr("cli.release.more", { count: recorded.changes.length - SHOWN }));
    }
  }
} catch (error) {
  // A release is written whole or not at all (see src/releases/record.ts): nothing is left to clean.
  console.error(tr("cli.release.failed"));
  reportFailure(error, tr);
}
