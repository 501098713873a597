// npm run validate [-- --strict] [--data DIR] [--today YYYY-MM-DD] [--lang sv|en]
// Prints every problem in the data with file:line:column (missing translations grouped per file and
// language, each located with --strict), then a summary, in Swedish (or English with --lang en or
// an English locale). Exit 1 on errors. Works from any directory.
import { reportLines } from "../src/model/report.js";
import { formatCoverage, validateDataDirectory } from "../src/model/validate.js";
import { absolute, dayOf, readArguments, reportInternalError } from "./cli.js";

const { values, lang, tr } = readArguments(
  {
    strict: { type: "boolean", default: false },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
  "cli.validate.usage",
);

try {
  const result = validateDataDirectory(absolute(values.data), {
    today: dayOf(values.today, tr),
    strict: values.strict,
    lang,
  });
  console.log(formatCoverage(result.coverage, lang));
  console.log(reportLines(result).join("\n"));
  process.exitCode = result.dataset ? 0 : 1;
} catch (error) {
  reportInternalError(error, tr);
}
