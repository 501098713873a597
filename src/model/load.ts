// Reads data/ into values, and into YAML documents that remember where each value was written,
// so every problem can name its file, line and column.
//
// Two well-kept parsers, one job each: js-yaml reads the values fast; `yaml` keeps positions and
// explains syntax errors. A file goes to `yaml` at once when js-yaml refuses it or when it might
// use anchors or aliases (js-yaml would resolve them silently; this data forbids them), and later,
// lazily, when a problem in it needs a line and column. Both read YAML 1.2's core schema.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import jsYaml from "js-yaml";
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import { KINDS, type Kind } from "../core/vocabulary.js";
import type { PathSegment, Problem } from "./problems.js";
import { RELEASES_FOLDER } from "./releases.js";
import { didYouMean } from "./suggest.js";

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

interface Parsed {
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
}

function parseWithPositions(text: string): Parsed {
  const lines = new LineCounter();
  return { document: parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines }), lines };
}

export class SourceFile {
  #parsed: Parsed | undefined;

  constructor(
    /** Path as shown to the editor, relative to the working directory. */
    readonly path: string,
    readonly kind: Kind | "site",
    readonly id: string,
    readonly text: string,
    /** The plain value, or undefined when the YAML could not be read. */
    readonly value: unknown,
    parsed?: Parsed,
  ) {
    this.#parsed = parsed;
  }

  /** The document with positions, parsed when first asked for. */
  get document(): Document.Parsed {
    this.#parsed ??= parseWithPositions(this.text);
    return this.#parsed.document;
  }

  get lines(): LineCounter {
    this.#parsed ??= parseWithPositions(this.text);
    return this.#parsed.lines;
  }
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

const RECORD_FILE = /\.yaml$/;

/** Reads every file of a data directory. Never throws for problems in the data; reports them. */
export function loadDataDirectory(
  dataDir: string,
  displayRoot = process.cwd(),
): { files: SourceFile[]; problems: Problem[] } {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  const show = (path: string): string => relative(displayRoot, path) || path;
  const fileProblem = (path: string, message: string): void => {
    problems.push({ severity: "error", file: show(path), line: 1, column: 1, field: "", message });
  };

  let entries: string[];
  try {
    entries = readdirSync(dataDir).sort();
  } catch {
    fileProblem(dataDir, "the data directory cannot be read: does it exist?");
    return { files, problems };
  }
  if (!entries.includes("site.yaml"))
    fileProblem(join(dataDir, "site.yaml"), "site.yaml is missing: every publication needs one");

  for (const entry of entries) {
    const path = join(dataDir, entry);
    if (entry.startsWith(".") || entry === RELEASES_FOLDER) continue;
    if (statSync(path).isDirectory()) {
      if (!(KINDS as readonly string[]).includes(entry)) {
        fileProblem(
          path,
          `"${entry}" is not a kind of record${didYouMean(entry, KINDS)}; the folders are ${KINDS.join(", ")}`,
        );
        continue;
      }
      for (const name of readdirSync(path).sort()) {
        const filePath = join(path, name);
        if (name.startsWith(".")) continue;
        if (!RECORD_FILE.test(name)) {
          fileProblem(
            filePath,
            name.endsWith(".yml") ? `rename the file to end in .yaml` : `only .yaml files belong in ${entry}/`,
          );
          continue;
        }
        files.push(parseFile(filePath, show(filePath), entry as Kind, name.replace(RECORD_FILE, ""), problems));
      }
    } else if (entry === "site.yaml") {
      files.push(parseFile(path, show(path), "site", "site", problems));
    } else {
      fileProblem(
        path,
        `unexpected file: records go in a folder per kind (${KINDS.join(", ")}), and site.yaml at the top`,
      );
    }
  }
  return { files, problems };
}

/** Anchors (&name) and aliases (*name) can only appear where these characters do. */
const MAY_USE_ALIASES = /[&*]/;

/** The value by js-yaml, or undefined when js-yaml refuses the text (then `yaml` explains why). */
function fastValue(text: string): { value: unknown } | undefined {
  if (MAY_USE_ALIASES.test(text)) return undefined;
  try {
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    return { value: value === undefined ? null : value };
  } catch {
    return undefined;
  }
}

function parseFile(path: string, shownPath: string, kind: Kind | "site", id: string, problems: Problem[]): SourceFile {
  const text = readFileSync(path, "utf8");
  const fast = fastValue(text);
  if (fast) return new SourceFile(shownPath, kind, id, text, fast.value);

  const parsed = parseWithPositions(text);
  const { document, lines } = parsed;
  const linesWithError = new Set<number>();
  for (const error of [...document.errors, ...document.warnings]) {
    const at = lines.linePos(error.pos[0]);
    // One message per line: later errors on a line mostly follow from the first.
    if (linesWithError.has(at.line)) continue;
    linesWithError.add(at.line);
    problems.push({
      severity: "error",
      file: shownPath,
      line: at.line,
      column: at.col,
      field: "",
      message: describeYamlError(error.code, error.message, /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0] ?? ""),
    });
  }
  let aliases = 0;
  visit(document, {
    Alias(_, node) {
      aliases++;
      const at = lines.linePos(node.range?.[0] ?? 0);
      problems.push({
        severity: "error",
        file: shownPath,
        line: at.line,
        column: at.col,
        field: "",
        message: "aliases (*name) are not used in this data; write the value out",
      });
    },
  });
  const readable = document.errors.length === 0 && aliases === 0;
  return new SourceFile(shownPath, kind, id, text, readable ? document.toJS() : undefined, parsed);
}

function describeYamlError(code: string, message: string, excerpt: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  switch (code) {
    case "DUPLICATE_KEY":
      return `the key ${JSON.stringify(excerpt.trim())} appears twice in the same place; keep one`;
    case "BLOCK_AS_IMPLICIT_KEY":
      return 'a text with a colon and a space in it (": ") must be in quotes, or written as a block after "|" on the lines below';
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return `the YAML cannot be read here (${firstLine.replace(/ at line \d+, column \d+:?$/, "")}); check the indentation and the colon after each key`;
    default:
      return `the YAML cannot be read here: ${firstLine.replace(/ at line \d+, column \d+:?$/, "")}`;
  }
}

/**
 * Where a value (or, with `at: "key"`, its key) was written. Falls back to the nearest enclosing
 * node, so a missing field points at the object that should hold it.
 */
export function locate(file: SourceFile, path: readonly PathSegment[], at: "key" | "value" = "value"): Position {
  let node: unknown = file.document.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = (at === "key" && keyNode ? keyNode : (node ?? keyNode)) as Node | undefined;
  const offset = target?.range?.[0] ?? 0;
  const pos = file.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
