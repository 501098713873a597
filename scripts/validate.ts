// npm run validate [-- --strict] [--data DIR] [--today YYYY-MM-DD]
// Prints every problem in the data with file:line:column, then a summary. Exit 1 on errors.
import { parseArgs } from "node:util";
import { formatProblem, summarise } from "../src/model/problems.js";
import { formatCoverage, validateDataDirectory } from "../src/model/validate.js";
import { buildDay } from "../src/model/today.js";

const { values } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
});

const result = validateDataDirectory(values.data, { today: buildDay(values.today), strict: values.strict });
for (const problem of result.problems) console.log(formatProblem(problem));
if (result.problems.length > 0) console.log("");
console.log(formatCoverage(result.coverage));
console.log(`${result.files} files checked: ${summarise(result.problems)}`);
process.exitCode = result.dataset ? 0 : 1;
