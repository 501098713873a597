// The second of the two YAML parsers: the `yaml` library, which remembers where each value was
// written, so every problem can name its line and column, and which explains why a file cannot be
// read. It is slower than js-yaml (fast-yaml.ts), so a file comes here at once only when js-yaml
// refuses it or when it might use anchors or aliases (yaml-file.ts), and otherwise lazily, when a
// problem in it needs a position (source-file.ts). Like js-yaml it reads YAML 1.2's core schema.
//
// A syntax error is told in the editor's words: a wrong indentation (found from the indentation
// alone, misindented-lines.ts) explains the parser's errors that follow from it, and each line gets
// one message. Aliases and duplicate keys, which this data forbids, are reported here too.
import { type Document, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { INPUT_LIMITS } from "./input-limits.js";
import type { Translate } from "./messages.js";
import { misindentedLines } from "./misindented-lines.js";

/** A place in a file, both 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A document with the line starts that turn its offsets into positions. */
export interface Parsed {
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
}

// Duplicate keys are found by reportYamlProblems() below, in linear time: `yaml`'s own check
// compares every key with every other, which took minutes for a file of 50 000 keys.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

export function parseWithPositions(text: string): Parsed {
  const lines = new LineCounter();
  return { document: parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines }), lines };
}

export interface YamlProblemsParams {
  readonly parsed: Parsed;
  /** The text that was parsed. */
  readonly text: string;
  /** Reports a message at a position of the file. */
  readonly report: (position: Position, message: string) => void;
  readonly tr: Translate;
}

/**
 * Reports what makes a parsed file unreadable: misindented lines, the parser's errors and
 * warnings, aliases and duplicate keys. True when there was none, so its value can be used.
 */
export function reportYamlProblems({ parsed, text, report, tr }: YamlProblemsParams): boolean {
  const { document, lines } = parsed;
  // Only a file the parser refuses is searched for indentation slips, so valid YAML is never blamed.
  const misindented = document.errors.length > 0 ? misindentedLines(text) : [];
  for (const line of misindented) {
    const [first, second] = line.expected;
    report(
      { line: line.line, column: line.found },
      second === undefined
        ? tr("yaml.badIndent", { found: line.found, expected: first ?? 1 })
        : tr("yaml.badIndentEither", { found: line.found, first: first ?? 1, second }),
    );
  }
  const linesWithError = new Set<number>(misindented.map((line) => line.line));
  for (const error of [...document.errors, ...document.warnings]) {
    // A wrong indentation, once named, explains the parser's errors that follow from it.
    if (misindented.length > 0 && FOLLOWS_FROM_INDENTATION.has(error.code)) continue;
    const position = lines.linePos(error.pos[0]);
    // One message per line: later errors on a line mostly follow from the first.
    if (linesWithError.has(position.line)) continue;
    linesWithError.add(position.line);
    report(
      { line: position.line, column: position.col },
      describeYamlError(error.code, /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0] ?? "", tr),
    );
  }
  let aliases = 0;
  let duplicates = 0;
  visit(document, {
    Alias(_, node) {
      aliases++;
      const position = lines.linePos(node.range?.[0] ?? 0);
      report({ line: position.line, column: position.col }, tr("yaml.alias"));
    },
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        duplicates++;
        const position = lines.linePos(pair.key.range?.[0] ?? 0);
        if (!linesWithError.has(position.line))
          report({ line: position.line, column: position.col }, tr("yaml.duplicateKey", { key }));
      }
    },
  });
  return document.errors.length === 0 && aliases === 0 && duplicates === 0 && misindented.length === 0;
}

/** The parser's errors that a wrong indentation causes. */
const FOLLOWS_FROM_INDENTATION = new Set([
  "BAD_INDENT",
  "BLOCK_AS_IMPLICIT_KEY",
  "MULTILINE_IMPLICIT_KEY",
  "MISSING_CHAR",
  "UNEXPECTED_TOKEN",
]);

function describeYamlError(code: string, excerpt: string, tr: Translate): string {
  switch (code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return tr("yaml.colonInText");
    case "TAB_AS_INDENT":
      return tr("yaml.tabIndent");
    case "BAD_INDENT":
    case "UNEXPECTED_TOKEN":
      return tr("yaml.indentation");
    case "MISSING_CHAR":
      return /^\s*["']/.test(excerpt) || excerpt.trim() === "" ? tr("yaml.missingQuote") : tr("yaml.indentation");
    case "MULTIPLE_DOCS":
      return tr("yaml.multipleDocuments");
    case "RESOURCE_EXHAUSTION":
      return tr("limit.depth", { limit: INPUT_LIMITS.depth });
    default:
      return tr("yaml.unreadable");
  }
}
