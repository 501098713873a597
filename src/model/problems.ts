// A problem in the data, as the editor will read it: where, which field, what is wrong.
export type Severity = "error" | "warning";

export interface Problem {
  readonly severity: Severity;
  /** Path relative to the project, e.g. data/projects/nonhazcity.yaml. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The field, e.g. funding[0].currency; empty for the file as a whole. */
  readonly field: string;
  readonly message: string;
}

export type PathSegment = string | number;

/** `funding[0].currency` from ["funding", 0, "currency"]. */
export function fieldPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    "",
  );
}

/** One problem per line: `data/projects/x.yaml:12:5  field: message`. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const label = problem.severity === "warning" ? "warning: " : "";
  return `${where}  ${label}${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

export function countBySeverity(problems: readonly Problem[], severity: Severity): { count: number; files: number } {
  const matching = problems.filter((problem) => problem.severity === severity);
  return { count: matching.length, files: new Set(matching.map((problem) => problem.file)).size };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `3 errors in 2 files, 1 warning in 1 file`. */
export function summarise(problems: readonly Problem[]): string {
  const errors = countBySeverity(problems, "error");
  const warnings = countBySeverity(problems, "warning");
  const parts = [`${plural(errors.count, "error", "errors")} in ${plural(errors.files, "file", "files")}`];
  if (warnings.count > 0)
    parts.push(`${plural(warnings.count, "warning", "warnings")} in ${plural(warnings.files, "file", "files")}`);
  return parts.join(", ");
}

/** Orders problems by file, then position, so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}
