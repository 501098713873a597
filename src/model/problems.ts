// A problem in the data, as the editor will read it: where, which field, what is wrong.

import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";
import { messages } from "./messages.js";

export type Severity = "error" | "warning";

export interface Problem {
  readonly severity: Severity;
  /** Path relative to the project, e.g. data/projects/nonhazcity.yaml. */
  readonly file: string;
  /** 1-based; 0 when the problem is the file as a whole (a file that cannot be read, a stray file). */
  readonly line: number;
  readonly column: number;
  /** The field, e.g. funding[0].currency; empty for the file as a whole. */
  readonly field: string;
  /** The sentence, already in the editor's language. */
  readonly message: string;
  /**
   * For a text not yet translated into a language of the site: that language's name ("finska") and
   * the source language's, which the pages show instead. The printed report gathers these per file
   * and language; the form shows each beside its field.
   */
  readonly untranslated?: { readonly language: string; readonly source: string };
}

export type PathSegment = string | number;

/** `funding[0].currency` from ["funding", 0, "currency"]. */
export function fieldPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    "",
  );
}

/**
 * One problem per line: `data/projects/x.yaml:12:5  field: message`, or `path: message` for a
 * file as a whole.
 */
export function formatProblem(problem: Problem, lang: EditorLang = DEFAULT_EDITOR_LANG): string {
  const label = problem.severity === "warning" ? messages(lang)("report.warning") : "";
  const text = `${label}${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
  const line =
    problem.line === 0 ? `${problem.file}: ${text}` : `${problem.file}:${problem.line}:${problem.column}  ${text}`;
  return visibleControls(line);
}

/**
 * Control characters written as escapes (\u001b): a file name or an id from data, or from another
 * publication, may hold one, and a terminal would obey it (clear the screen, set the title).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is matched.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const visibleControls = (text: string): string =>
  text.replace(CONTROL_CHARACTER, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function countBySeverity(problems: readonly Problem[], severity: Severity): { count: number; files: number } {
  const matching = problems.filter((problem) => problem.severity === severity);
  return { count: matching.length, files: new Set(matching.map((problem) => problem.file)).size };
}

/** `3 fel i 2 filer, 1 varning i 1 fil`. */
export function summarise(problems: readonly Problem[], lang: EditorLang = DEFAULT_EDITOR_LANG): string {
  const tr = messages(lang);
  const part = (severity: Severity): string => {
    const { count, files } = countBySeverity(problems, severity);
    return tr("report.inFiles", {
      problems: tr(severity === "error" ? "report.errors" : "report.warnings", { count }),
      files: tr("report.files", { count: files }),
    });
  };
  const warnings = countBySeverity(problems, "warning").count;
  return warnings > 0 ? `${part("error")}, ${part("warning")}` : part("error");
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders problems by file, then position, so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column || byCodePoint(a.field, b.field),
  );
}
