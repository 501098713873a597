// npm run reconcile [-- --data DIR] [--lang sv|en]
// Lists the organisations of a data folder and of the publications it includes that are likely one
// and the same (the same name in one country, or two authorities of one town), for the editor to
// merge, to confirm with same_as, or to leave apart. Changes nothing. Exit 1 when the data have
// errors, as validate reports them.

import { join } from "node:path";
import { buildDataset } from "../src/model/dataset.js";
import { likelyDuplicates } from "../src/model/reconcile.js";
import { reportLines } from "../src/model/report.js";
import { validateDataDirectory } from "../src/model/validate.js";
import { absolute, dayOf, readArguments, reportInternalError } from "./cli.js";

const { values, lang, tr } = readArguments(
  { data: { type: "string", default: process.env.UTBLICK_DATA ?? "data" } },
  "cli.reconcile.usage",
);

try {
  const today = dayOf(undefined, tr);
  const result = validateDataDirectory(absolute(values.data), { today, lang });
  if (!result.dataset) {
    console.log(reportLines(result).join("\n"));
    process.exit(1);
  }
  // Made as the build makes it, so that names fall back to the publication's source language.
  const { records } = buildDataset(result.dataset, today);
  const pairs = likelyDuplicates(records.organisations);
  if (pairs.length === 0) console.log(tr("cli.reconcile.none", { count: records.organisations.size }));
  for (const pair of pairs) console.log(tr(`cli.reconcile.${pair.reason}`, { first: pair.first, second: pair.second }));
  if (pairs.length > 0) console.log(tr("cli.reconcile.next"));
  // Included records are never changed here: the including site confirms them with same_as.
  const included = pairs.flatMap((pair) => [pair.first, pair.second]).find((id) => id.includes("/"));
  const folder = `${join(values.data, "organisations")}/`;
  if (included) console.log(tr("cli.reconcile.nextIncluded", { example: included, folder }));
} catch (error) {
  reportInternalError(error, tr);
}
