// The editor's report of a validation: one line per problem, then a summary, in the language the
// validation was asked for.

import { messages } from "./messages.js";
import { formatProblem, summarise } from "./problems.js";
import type { ValidationResult } from "./validate.js";

export function reportLines(result: Pick<ValidationResult, "problems" | "files" | "lang">): string[] {
  return [
    ...result.problems.map((problem) => formatProblem(problem, result.lang)),
    messages(result.lang)("report.checked", { count: result.files, summary: summarise(result.problems, result.lang) }),
  ];
}
