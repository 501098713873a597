// npm run validate [-- --strict] [--data DIR] [--today YYYY-MM-DD]
// Prints every problem in the data with file:line:column, then a summary. Exit 1 on errors.
import { parseArgs } from "node:util";
import { reportLines } from "../src/model/report.js";
import { buildDay } from "../src/model/today.js";
import { formatCoverage, validateDataDirectory } from "../src/model/validate.js";

const { values } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
});

const result = validateDataDirectory(values.data, {
  today: buildDay(values.today ?? process.env.UTBLICK_TODAY),
  strict: values.strict,
});
console.log(formatCoverage(result.coverage));
console.log(reportLines(result).join("\n"));
process.exitCode = result.dataset ? 0 : 1;
