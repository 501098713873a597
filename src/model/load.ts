// Reads data/ into values, and into YAML documents that remember where each value was written,
// so every problem can name its file, line and column.
//
// Two well-kept parsers, one job each: js-yaml reads the values fast; `yaml` keeps positions and
// explains syntax errors. A file goes to `yaml` at once when js-yaml refuses it or when it might
// use anchors or aliases (js-yaml would resolve them silently; this data forbids them), and later,
// lazily, when a problem in it needs a line and column. Both read YAML 1.2's core schema.
//
// Nothing outside the data folder is read, and nothing but regular files: a link leaving the
// folder, a pipe, a device, a folder named like a record, a file too large or not in UTF-8 each
// become one problem naming the path, in the editor's language. The limits below keep a hostile
// or broken file from exhausting memory or the stack.
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import jsYaml from "js-yaml";
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLMap,
} from "yaml";
import { type ForbiddenCharacter, type ForbiddenKind, forbiddenCharacter, showText } from "../core/text-rule.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import type { EditorLang, MessageKey, MessageValues, Translate } from "./messages.js";
import { fieldPath, type PathSegment, type Problem } from "./problems.js";
import { RELEASES_FOLDER } from "./releases.js";
import { allowsLineBreaks } from "./schemas.js";
import { didYouMean } from "./suggest.js";

/** Limits on what one file may hold; listed for editors in docs/notes/messages-guide.md. */
export const INPUT_LIMITS = {
  /** Bytes in a record file (the largest real record is about 6 kB). */
  recordBytes: 1024 * 1024,
  /** Bytes in a release file, which holds every published record. */
  releaseBytes: 256 * 1024 * 1024,
  /** Characters in one text. */
  textCharacters: 100_000,
  /** Fields in one group (the widest schema has about 30). */
  keys: 1_000,
  /** Levels of nesting (the data go about 6 deep). */
  depth: 32,
} as const;

// Duplicate keys are found by duplicateKeys(), in linear time: `yaml`'s own check compares every
// key with every other, which took minutes for a file of 50 000 keys.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

interface Parsed {
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
}

function parseWithPositions(text: string): Parsed {
  const lines = new LineCounter();
  return { document: parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines }), lines };
}

export type FileKind = Kind | "site" | "release";

export class SourceFile {
  #parsed: Parsed | undefined;
  /** Each mapping's pairs by key, built when a problem in it is first located. */
  readonly #pairs = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    /** Path as shown to the editor, relative to the working directory when inside it. */
    readonly path: string,
    readonly kind: FileKind,
    readonly id: string,
    readonly text: string,
    /** The plain value, or undefined when the file could not be read or broke a limit. */
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

  /** The pair of a mapping with this key; an index per mapping keeps locating linear. */
  pairOf(map: YAMLMap, key: string): Pair | undefined {
    let index = this.#pairs.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value)))
          index.set(String(item.key.value), item);
      }
      this.#pairs.set(map, index);
    }
    return index.get(key);
  }
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface LoadOptions {
  /** File paths in messages are shown relative to this directory when they are inside it. */
  readonly displayRoot?: string;
  readonly tr: Translate;
  /** The language of `tr`, for the numbers in messages. */
  readonly lang: EditorLang;
}

export interface Loaded {
  readonly files: SourceFile[];
  /** The release files of data/releases/, read and parsed but not yet checked. */
  readonly releases: SourceFile[];
  readonly problems: Problem[];
}

const RECORD_FILE = /\.yaml$/;
const RELEASE_FILE = /\.json$/;

/** What a path turned out to be, or why it cannot be read. */
type Inspected =
  | { readonly ok: true; readonly real: string; readonly stats: Stats }
  | { readonly ok: false; readonly key: MessageKey; readonly values?: MessageValues };

/** Reads every file of a data directory. Never throws for problems in the data; reports them. */
export function loadDataDirectory(dataDir: string, options: LoadOptions): Loaded {
  const { tr } = options;
  const displayRoot = options.displayRoot ?? process.cwd();
  const files: SourceFile[] = [];
  const releases: SourceFile[] = [];
  const problems: Problem[] = [];
  const show = (path: string): string => {
    const shown = relative(displayRoot, path);
    return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? path : shown;
  };
  const fileProblem = (path: string, key: MessageKey, values?: MessageValues): void => {
    problems.push({ severity: "error", file: show(path), line: 0, column: 0, field: "", message: tr(key, values) });
  };

  let root: string;
  try {
    root = realpathSync(dataDir);
    if (!statSync(root).isDirectory()) {
      fileProblem(dataDir, "fs.dataDirNotFolder");
      return { files, releases, problems };
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") fileProblem(dataDir, "fs.dataDirMissing");
    else if (code === "ENOTDIR") fileProblem(dataDir, "fs.dataDirNotFolder");
    else fileProblem(dataDir, ...fsMessage(code, true));
    return { files, releases, problems };
  }

  /** A path inside the data folder, followed if it is a link that stays inside. */
  const inspect = (path: string, entry: Dirent): Inspected => {
    try {
      if (!entry.isSymbolicLink()) return { ok: true, real: path, stats: lstatSync(path) };
      let real: string;
      try {
        real = realpathSync(path);
      } catch (error) {
        const code = errorCode(error);
        if (code === "ENOENT") return { ok: false, key: "fs.symlinkDangling" };
        if (code === "ELOOP") return { ok: false, key: "fs.symlinkLoop" };
        throw error;
      }
      if (real !== root && !real.startsWith(root + sep))
        return { ok: false, key: "fs.symlinkOutside", values: { target: readlinkSync(path) } };
      return { ok: true, real, stats: statSync(real) };
    } catch (error) {
      const [key, values] = fsMessage(errorCode(error), false);
      return { ok: false, key, ...(values ? { values } : {}) };
    }
  };

  const list = (path: string): Dirent[] | undefined => {
    try {
      return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      fileProblem(path, ...fsMessage(errorCode(error), true));
      return undefined;
    }
  };

  /** Reads one file that must be a regular file; reports why not otherwise. */
  const read = (path: string, entry: Dirent, maxBytes: number): Uint8Array | undefined => {
    const found = inspect(path, entry);
    if (!found.ok) {
      fileProblem(path, found.key, found.values);
      return undefined;
    }
    if (found.stats.isDirectory()) {
      fileProblem(path, "fs.isFolder");
      return undefined;
    }
    const result = readRegularFile(found.real, maxBytes, options.lang);
    if ("key" in result) fileProblem(path, result.key, result.values);
    return "bytes" in result ? result.bytes : undefined;
  };

  const entries = list(root) ?? [];
  if (!entries.some((entry) => entry.name === "site.yaml")) fileProblem(join(dataDir, "site.yaml"), "dir.siteMissing");

  for (const entry of entries) {
    const path = join(dataDir, entry.name);
    if (entry.name.startsWith(".")) continue;
    if (entry.name === "site.yaml") {
      const bytes = read(path, entry, INPUT_LIMITS.recordBytes);
      if (bytes) files.push(parseFile(bytes, show(path), "site", "site", problems, tr));
      continue;
    }
    const found = inspect(path, entry);
    if (!found.ok) {
      fileProblem(path, found.key, found.values);
      continue;
    }
    if (!found.stats.isDirectory()) {
      fileProblem(path, "dir.unexpectedFile", { kinds: KINDS.join(", ") });
      continue;
    }
    if (entry.name === RELEASES_FOLDER) {
      for (const release of list(found.real) ?? []) {
        const releasePath = join(path, release.name);
        if (release.name.startsWith(".")) continue;
        if (!RELEASE_FILE.test(release.name)) {
          fileProblem(releasePath, "release.fileName");
          continue;
        }
        const bytes = read(join(found.real, release.name), release, INPUT_LIMITS.releaseBytes);
        if (bytes)
          releases.push(readRelease(bytes, show(releasePath), release.name.replace(RELEASE_FILE, ""), problems, tr));
      }
      continue;
    }
    if (!(KINDS as readonly string[]).includes(entry.name)) {
      fileProblem(path, "dir.notAKind", {
        name: entry.name,
        suggestion: didYouMean(entry.name, KINDS, tr),
        kinds: KINDS.join(", "),
      });
      continue;
    }
    for (const record of list(found.real) ?? []) {
      const recordPath = join(path, record.name);
      if (record.name.startsWith(".")) continue;
      if (!RECORD_FILE.test(record.name)) {
        if (record.name.endsWith(".yml")) fileProblem(recordPath, "dir.renameYml");
        else fileProblem(recordPath, "dir.onlyYaml", { folder: entry.name });
        continue;
      }
      const bytes = read(join(found.real, record.name), record, INPUT_LIMITS.recordBytes);
      if (bytes)
        files.push(
          parseFile(bytes, show(recordPath), entry.name as Kind, record.name.replace(RECORD_FILE, ""), problems, tr),
        );
    }
  }
  return { files, releases, problems };
}

function errorCode(error: unknown): string {
  return error !== null && typeof error === "object" && "code" in error ? String(error.code) : "";
}

/** A file-system error as a plain sentence: never a raw ENOENT or a stack trace. */
export function fsMessage(code: string, folder: boolean): [MessageKey, MessageValues?] {
  switch (code) {
    case "ENOENT":
      return ["fs.notFound"];
    case "EACCES":
    case "EPERM":
      return [folder ? "fs.folderNoPermission" : "fs.noPermission"];
    case "EISDIR":
      return ["fs.isFolder"];
    case "ENOTDIR":
      return ["fs.notFolder"];
    case "ELOOP":
      return ["fs.symlinkLoop"];
    case "EMFILE":
    case "ENFILE":
      return ["fs.tooManyOpen"];
    case "EIO":
      return ["fs.ioError"];
    case "ENAMETOOLONG":
      return ["fs.nameTooLong"];
    default:
      return ["fs.other", { code: code || "?" }];
  }
}

type ReadResult = { bytes: Uint8Array } | { key: MessageKey; values?: MessageValues };

/**
 * Opens without following a link and without blocking (a FIFO would otherwise wait for a writer
 * forever), checks that it is a regular file of a sane size, and only then reads it.
 */
function readRegularFile(path: string, maxBytes: number, lang: EditorLang): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const [key, values] = fsMessage(errorCode(error), false);
    return values ? { key, values } : { key };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFIFO()) return { key: "fs.fifo" };
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return { key: "fs.device" };
    if (stats.isSocket()) return { key: "fs.socket" };
    if (stats.isDirectory()) return { key: "fs.isFolder" };
    if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes, lang);
    // One byte more than allowed tells a file that grew while it was read.
    const buffer = new Uint8Array(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) return tooLarge(length, maxBytes, lang);
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    const [key, values] = fsMessage(errorCode(error), false);
    return values ? { key, values } : { key };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number, lang: EditorLang): ReadResult {
  return { key: "limit.fileSize", values: { size: megabytes(size, lang), limit: megabytes(maxBytes, lang) } };
}

/** 52 428 800 bytes as "50,0 MB" (in Swedish) or "50.0 MB". */
export function megabytes(bytes: number, lang: EditorLang): string {
  const number = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The text of a file, or a problem at its first byte that is not UTF-8. */
function decode(bytes: Uint8Array, shownPath: string, problems: Problem[], tr: Translate): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < offset; index++) {
      if (bytes[index] === 0x0a) {
        line++;
        lineStart = index + 1;
      }
    }
    const column = [...UTF8.decode(bytes.subarray(lineStart, offset))].length + 1;
    const byte = bytes[offset] ?? 0;
    const guess = byte >= 0x80 ? new TextDecoder("windows-1252").decode(Uint8Array.of(byte)) : "";
    problems.push({
      severity: "error",
      file: shownPath,
      line,
      column,
      field: "",
      message: tr("encoding.notUtf8", {
        byte: byte.toString(16).toUpperCase().padStart(2, "0"),
        line,
        guess: /\p{L}/u.test(guess) ? tr("encoding.looksLike", { char: guess }) : "",
      }),
    });
    return undefined;
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const first = bytes[index] as number;
    let length: number;
    let min: number;
    if (first < 0x80) {
      index++;
      continue;
    } else if (first >= 0xc2 && first <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else return index;
    let code = first & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || (byte & 0xc0) !== 0x80) return index;
      code = (code << 6) | (byte & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += length;
  }
  return bytes.length;
}

/** Anchors (&name) and aliases (*name) can only appear where these characters do. */
const MAY_USE_ALIASES = /[&*]/;

type Fast = { value: unknown } | { tooDeep: Position } | undefined;

/** The value by js-yaml, or undefined when js-yaml refuses the text (then `yaml` explains why). */
function fastValue(text: string): Fast {
  try {
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, maxDepth: INPUT_LIMITS.depth } as jsYaml.LoadOptions);
    return { value: value === undefined ? null : value };
  } catch (error) {
    // js-yaml stops at the limit before recursing further: the position of the too-deep value.
    if (error instanceof jsYaml.YAMLException && error.reason.startsWith("nesting exceeded maxDepth"))
      return { tooDeep: { line: error.mark.line + 1, column: error.mark.column + 1 } };
    return undefined;
  }
}

function parseFile(
  bytes: Uint8Array,
  shownPath: string,
  kind: Kind | "site",
  id: string,
  problems: Problem[],
  tr: Translate,
): SourceFile {
  const decoded = decode(bytes, shownPath, problems, tr);
  if (decoded === undefined) return new SourceFile(shownPath, kind, id, "", undefined);
  // Old Mac files end lines with CR alone, which js-yaml does not take for a line break. Each CRLF
  // or CR becomes one LF, so line numbers stay those of the file, and columns too (CR ends a line).
  const text = decoded.replace(/\r\n?/g, "\n");
  const at = (position: Position, message: string): void => {
    problems.push({ severity: "error", file: shownPath, ...position, field: "", message });
  };
  const fast = fastValue(text);
  if (fast && "tooDeep" in fast) {
    at(fast.tooDeep, tr("limit.depth", { limit: INPUT_LIMITS.depth }));
    return new SourceFile(shownPath, kind, id, text, undefined);
  }
  if (fast && !MAY_USE_ALIASES.test(text))
    return checked(new SourceFile(shownPath, kind, id, text, fast.value), problems, tr);

  const parsed = parseWithPositions(text);
  const { document, lines } = parsed;
  // Only a file the parser refuses is searched for indentation slips, so valid YAML is never blamed.
  const misindented = document.errors.length > 0 ? misindentedLines(text) : [];
  for (const line of misindented) {
    const [first, second] = line.expected;
    at(
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
    at(
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
      at({ line: position.line, column: position.col }, tr("yaml.alias"));
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
          at({ line: position.line, column: position.col }, tr("yaml.duplicateKey", { key }));
      }
    },
  });
  const readable = document.errors.length === 0 && aliases === 0 && duplicates === 0 && misindented.length === 0;
  const file = new SourceFile(
    shownPath,
    kind,
    id,
    text,
    readable ? (fast?.value ?? document.toJS()) : undefined,
    parsed,
  );
  return readable ? checked(file, problems, tr) : file;
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
    case "DUPLICATE_KEY":
      return tr("yaml.duplicateKey", { key: excerpt.trim() });
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

export interface Misindented {
  /** The line, 1-based. */
  readonly line: number;
  /** The column its key or dash starts at, 1-based. */
  readonly found: number;
  /** The column or two columns it most likely belongs at. */
  readonly expected: readonly number[];
}

/** Characters a plain key cannot start with: white space and YAML's indicators. */
const NOT_KEY_START = /[\s#"'[\]{}&*!|>%@`-]/;
/** Line ends other than the line feed the text was split at: such a line is no key line. */
const OTHER_LINE_END = /[\r\u2028\u2029]/;

/** The rest of a line from `at` without the spaces in front of it; undefined when a line end is in it. */
function restOfLine(raw: string, at: number): string | undefined {
  let from = at;
  while (raw[from] === " ") from++;
  const rest = raw.slice(from);
  return OTHER_LINE_END.test(rest) ? undefined : rest;
}

// The two functions below read a line from left to right, each character once: the regular
// expressions they replace backtracked, and took minutes on a long line without a colon.

/**
 * The value of a line `key: value`, after any list dashes ("- key: value"); "" when nothing
 * follows the colon; undefined when the line is not of that form. A plain key runs to its first
 * colon and holds no #; a quoted key ends at its closing quote.
 */
export function keyLineValue(raw: string): string | undefined {
  let at = 0;
  while (raw[at] === " ") at++;
  while (raw[at] === "-" && raw[at + 1] === " ") {
    at += 2;
    while (raw[at] === " ") at++;
  }
  const first = raw[at];
  if (first === undefined) return undefined;
  let colon: number;
  if (first === '"' || first === "'") {
    const close = raw.indexOf(first, at + 1);
    if (close === -1) return undefined;
    colon = close + 1;
    while (raw[colon] === " ") colon++;
  } else {
    // A key may start with a dash only when no space follows it ("-x: 1"); "- " opens a list item.
    const refused = first === "-" ? /[\s:#]/.test(raw[at + 1] ?? " ") : NOT_KEY_START.test(first);
    if (refused) return undefined;
    colon = at + 1;
    while (colon < raw.length && raw[colon] !== ":" && raw[colon] !== "#") colon++;
  }
  if (raw[colon] !== ":") return undefined;
  if (colon + 1 === raw.length) return "";
  return raw[colon + 1] === " " ? restOfLine(raw, colon + 1) : undefined;
}

/** The rest of a line `- value` after its dash; undefined when the line is not a list item. */
export function itemLineValue(raw: string): string | undefined {
  let at = 0;
  while (raw[at] === " ") at++;
  return raw[at] === "-" ? restOfLine(raw, at + 1) : undefined;
}

/** A value without a comment (" # …") after it, trimmed. */
function withoutComment(value: string): string {
  const comment = value.search(/\s#/);
  return (comment === -1 ? value : value.slice(0, comment)).trim();
}

/**
 * Lines whose indentation matches none of the open groups above them: the slip of an editor who
 * typed three spaces instead of two. The YAML parser reports such a line as something else (often
 * a colon in a text), so the lines are found here, from the indentation alone. Block texts (after
 * | or >) and quoted or bracketed values that go on over several lines are skipped.
 */
export function misindentedLines(text: string): Misindented[] {
  const found: Misindented[] = [];
  // The columns (0-based) at which the groups open above the current line start.
  const levels: number[] = [];
  let opens = true;
  let skipDeeperThan: number | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (raw.trim() === "" || /^\s*#/.test(raw) || /^\t/.test(raw) || raw.startsWith("---")) return;
    const indent = raw.length - raw.trimStart().length;
    if (skipDeeperThan !== undefined) {
      if (indent > skipDeeperThan) return;
      skipDeeperThan = undefined;
    }
    const item = itemLineValue(raw);
    const key = keyLineValue(raw);
    if (key === undefined && item === undefined) return; // a plain text going on over lines; the parser judges it
    const top = levels.at(-1);
    if (opens && (top === undefined || indent > top)) levels.push(indent);
    else if (opens && item !== undefined && indent === top) {
      // a list may start at its key's own column
    } else if (levels.includes(indent)) {
      while ((levels.at(-1) as number) > indent) levels.pop();
    } else {
      const below = levels.filter((level) => level < indent).at(-1);
      const above = levels.find((level) => level > indent);
      const candidates = [below, above].filter((level): level is number => level !== undefined);
      const closest = Math.min(...candidates.map((level) => Math.abs(level - indent)));
      const expected = candidates.filter((level) => Math.abs(level - indent) === closest).map((level) => level + 1);
      found.push({ line: index + 1, found: indent + 1, expected });
      // Carry on as if the line stood where it belongs, so one slip is reported once.
      const at = (expected[0] as number) - 1;
      while ((levels.at(-1) as number) > at) levels.pop();
    }
    const value = (item !== undefined && key === undefined ? item : key) ?? "";
    const trimmed = withoutComment(value);
    const inner = item !== undefined ? indent + raw.slice(indent).search(/[^-\s]/) : indent;
    if (item !== undefined && key !== undefined && inner > indent) {
      // "- key: value" opens a group whose keys start where this key does
      if (levels.at(-1) !== inner) levels.push(inner);
    }
    opens = trimmed === "";
    if (/^[|>][-+0-9]*$/.test(trimmed)) skipDeeperThan = indent;
    else if (/^["'[{]/.test(trimmed) && !closes(trimmed)) skipDeeperThan = indent;
  });
  return found;
}

/** Whether a quoted or bracketed value ends on its own line. */
function closes(value: string): boolean {
  const first = value[0];
  if (first === '"' || first === "'") return value.length > 1 && value.endsWith(first);
  let depth = 0;
  for (const char of value) {
    if (char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") depth--;
  }
  return depth <= 0;
}

const INVISIBLE_NAME: Record<Exclude<ForbiddenKind, "control" | "lineBreak">, MessageKey> = {
  bidi: "text.bidi",
  zeroWidth: "text.zeroWidth",
  byteOrderMark: "text.byteOrderMark",
  surrogate: "text.surrogate",
};

/** The message for a character the text rule forbids, shown in the text or named by its code. */
function forbiddenMessage(value: string, found: ForbiddenCharacter, tr: Translate): string {
  if (found.kind === "control" || found.kind === "lineBreak") {
    const hint = tr(found.kind === "control" ? "hint.controlCharacter" : "hint.lineBreak");
    return tr("schema.pattern", { value: showText(value, found.index), hint });
  }
  return tr("text.invisible", {
    name: tr(INVISIBLE_NAME[found.kind]),
    code: found.code.toString(16).toUpperCase().padStart(4, "0"),
    position: [...value.slice(0, found.index)].length + 1,
  });
}

/**
 * Walks a value without recursion and reports what breaks the limits or the text rule
 * (src/core/text-rule.ts), for every string and key of every file: the one place that rule is
 * applied. A file that breaks a limit keeps no value, so nothing further (schema, rules) spends
 * time on it.
 */
function checked(file: SourceFile, problems: Problem[], tr: Translate): SourceFile {
  let overLimit = false;
  const report = (path: PathSegment[], message: string, at: "key" | "value" = "value"): void => {
    const position = locate(file, path, at);
    problems.push({ severity: "error", file: file.path, ...position, field: fieldPath(path), message });
  };
  const text = (value: string, path: PathSegment[], at: "key" | "value"): void => {
    if (value.length > INPUT_LIMITS.textCharacters) {
      overLimit = true;
      report(path, tr("limit.textLength", { length: value.length, limit: INPUT_LIMITS.textCharacters }), at);
      return;
    }
    // Keys are one line; a value may span lines where its schema says so (a release keeps its texts as published).
    const lines = at === "value" && (file.kind === "release" || allowsLineBreaks(file.kind, path));
    const found = forbiddenCharacter(value, lines);
    if (found) report(path, forbiddenMessage(value, found, tr), at);
  };
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: file.value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (typeof value === "string") text(value, path, "value");
    else if (value !== null && typeof value === "object") {
      if (path.length >= INPUT_LIMITS.depth) {
        overLimit = true;
        report(path, tr("limit.depth", { limit: INPUT_LIMITS.depth }));
        continue;
      }
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--)
          stack.push({ value: value[index], path: [...path, index] });
        continue;
      }
      const keys = Object.keys(value);
      // A release holds one key per record under data.<kind>: those groups grow with the site.
      const byRecord = file.kind === "release" && path.length <= 2;
      if (keys.length > INPUT_LIMITS.keys && !byRecord) {
        overLimit = true;
        report(
          [...path, keys[INPUT_LIMITS.keys] as string],
          tr("limit.keys", { count: keys.length, limit: INPUT_LIMITS.keys }),
          "key",
        );
        continue;
      }
      for (const key of keys.reverse()) {
        text(key, [...path, key], "key");
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return overLimit ? new SourceFile(file.path, file.kind, file.id, file.text, undefined) : file;
}

/** A release file: JSON, read with the same care, checked later against the published shapes. */
function readRelease(
  bytes: Uint8Array,
  shownPath: string,
  version: string,
  problems: Problem[],
  tr: Translate,
): SourceFile {
  const text = decode(bytes, shownPath, problems, tr);
  if (text === undefined) return new SourceFile(shownPath, "release", version, "", undefined);
  try {
    const file = new SourceFile(shownPath, "release", version, text, JSON.parse(text));
    return checked(file, problems, tr);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split("\n");
    problems.push({
      severity: "error",
      file: shownPath,
      line: before.length,
      column: [...(before.at(-1) ?? "")].length + 1,
      field: "",
      message: tr("release.notJson", { file: shownPath }),
    });
    return new SourceFile(shownPath, "release", version, text, undefined);
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
      const pair = file.pairOf(node, String(segment));
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
