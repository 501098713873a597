// One file of data/ as read: its path as the editor sees it, its kind and id, its text, its plain
// value, and the YAML document that says where each value was written. Most files never need the
// document: it is parsed when a problem in the file is first located, so a valid data folder is
// read by the fast parser alone. `locate` turns a field's path into the line and column of a
// message.
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import type { Kind } from "../core/vocabulary.js";
import type { PathSegment } from "./problems.js";
import { type Parsed, type Position, parseWithPositions } from "./yaml-positions.js";

export type FileKind = Kind | "site" | "release";

export interface SourceFileFields {
  /** Path as shown to the editor, relative to the working directory when inside it. */
  readonly path: string;
  readonly kind: FileKind;
  /** The file's name without its extension: the record's id, "site", or the release's version. */
  readonly id: string;
  readonly text: string;
  /** The plain value, or undefined when the file could not be read or broke a limit. */
  readonly value: unknown;
  /** The document with positions, when it was parsed while the file was read. */
  readonly parsed?: Parsed;
}

export class SourceFile {
  /** Path as shown to the editor, relative to the working directory when inside it. */
  readonly path: string;
  readonly kind: FileKind;
  readonly id: string;
  readonly text: string;
  /** The plain value, or undefined when the file could not be read or broke a limit. */
  readonly value: unknown;
  #parsed: Parsed | undefined;
  /** Each mapping's pairs by key, built when a problem in it is first located. */
  readonly #pairs = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(fields: SourceFileFields) {
    this.path = fields.path;
    this.kind = fields.kind;
    this.id = fields.id;
    this.text = fields.text;
    this.value = fields.value;
    this.#parsed = fields.parsed;
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
