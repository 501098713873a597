// The editor's report of a validation: one line per problem, then a summary.
import { formatProblem, summarise } from "./problems.js";
import type { ValidationResult } from "./validate.js";

export function reportLines(result: Pick<ValidationResult, "problems" | "files">): string[] {
  return [...result.problems.map(formatProblem), `${result.files} files checked: ${summarise(result.problems)}`];
}
