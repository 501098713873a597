// The editor's report of a validation: one line per problem, then a summary, in the language the
// validation was asked for. Texts not yet translated are gathered into one line per file and
// language ("3 texter saknas på finska: title, summary, sources[0].note"), with one line per language
// saying what the pages do meanwhile: a new language would otherwise give a line for every text.
// Under --strict they are errors and keep a line each, as the form shows each beside its field.

import { messages } from "./messages.js";
import { formatProblem, type Problem, summarise } from "./problems.js";
import type { ValidationResult } from "./validate.js";

/** The report's lines for the problems: each on its own, or, for untranslated texts, one per file and language. */
function problemLines(problems: readonly Problem[], lang: ValidationResult["lang"]): string[] {
  const tr = messages(lang);
  const groups = new Map<string, Problem[]>();
  const lines: (string | Problem[])[] = [];
  for (const problem of problems) {
    if (problem.severity !== "warning" || !problem.untranslated) {
      lines.push(formatProblem(problem, lang));
      continue;
    }
    const key = `${problem.file}\n${problem.untranslated.language}`;
    const group = groups.get(key);
    if (group) group.push(problem);
    else {
      const started = [problem];
      groups.set(key, started);
      lines.push(started);
    }
  }
  const languages = new Map(
    [...groups.values()].flatMap((group) =>
      group[0]?.untranslated ? [[group[0].untranslated.language, group[0].untranslated]] : [],
    ),
  );
  return [
    ...lines.map((line) => {
      if (typeof line === "string") return line;
      const first = line[0] as Problem;
      const message = tr("report.untranslated", {
        count: line.length,
        language: first.untranslated?.language ?? "",
        fields: line.map((problem) => problem.field).join(", "),
      });
      return formatProblem({ ...first, line: 0, column: 0, field: "", message }, lang);
    }),
    ...[...languages.values()].map((names) => tr("report.untranslatedMeanwhile", names)),
  ];
}

export function reportLines(result: Pick<ValidationResult, "problems" | "files" | "lang">): string[] {
  return [
    ...problemLines(result.problems, result.lang),
    messages(result.lang)("report.checked", { count: result.files, summary: summarise(result.problems, result.lang) }),
  ];
}
