// How the web editor writes a record file: the same YAML an editor writes by hand, so that a save
// through the form changes only the lines of the fields that changed. Runs in the browser (bundled
// into the admin script) and in the tests.
//
// - keys in the schema's order, at every level;
// - fields left empty in the form are left out, not written as "" or [] (the validator would
//   reject an empty text; an absent optional field is what the schema means);
// - dates always in double quotes ("2016", "2016-03"): unquoted, 2016 would be read as a number;
// - lists of plain values on one line ([SE, VN]), as in the hand-written files;
// - long texts on one line (no folding), texts with line breaks as literal blocks.
import { Document, isMap, isScalar, isSeq, type Node, parse, parseDocument, Scalar, visit, type YAMLMap } from "yaml";

/** Key order of a record and of each nested object, so the written YAML follows the schema. */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly nested: Readonly<Record<string, KeyOrder>>;
}

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

const isRecord = (value: unknown): value is Record<string, Value> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Removes what the form leaves behind for fields never filled: undefined, null, "", [] and {}. */
export function withoutEmpty(value: Value): Value {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, withoutEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === "") return undefined;
  return value;
}

/**
 * The field the form's own script fills, before a new record is saved, with the id made from the
 * record's name (`recordIdFrom`, in any script): the file is named after it, and it is never
 * written into the file. Decap's own slugs drop every letter outside Latin ("Київ" gave "").
 */
export const NEW_ID_FIELD = "utblick_new_id";

/** What the form's data hold of the record: filled fields only, without the new record's id. */
function recordOf(data: unknown): Value {
  const value = withoutEmpty(data as Value);
  if (!isRecord(value) || !(NEW_ID_FIELD in value)) return value;
  const { [NEW_ID_FIELD]: _id, ...record } = value;
  return record;
}

/** The same value with the keys of every object in the schema's order; unknown keys keep theirs, last. */
export function inSchemaOrder(value: Value, order: KeyOrder | undefined): Value {
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(item, order));
  if (!isRecord(value) || !order) return value;
  const rank = (key: string): number => {
    const index = order.keys.indexOf(key);
    return index === -1 ? order.keys.length : index;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, inSchemaOrder(value[key], order.nested[key])]));
}

const DATE_LIKE = /^\d{4}(-\d{2}){0,2}$/;

/** Writes lists of plain values on one line and date-like texts in double quotes, as by hand. */
function inHouseStyle(node: Node | Document): void {
  visit(node, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item) && !(typeof item.value === "string" && item.value.includes("\n"))))
        node.flow = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === "string" && DATE_LIKE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** The YAML text of a record as the form leaves it. */
export function recordYaml(data: unknown, order: KeyOrder | undefined): string {
  const value = inSchemaOrder(recordOf(data), order) ?? {};
  const document = new Document(value);
  inHouseStyle(document);
  // An empty list would be written as [] by the flow style; withoutEmpty has removed them.
  if (isSeq(document.contents) && document.contents.items.length === 0) return "";
  return document.toString({ lineWidth: 0, flowCollectionPadding: false, blockQuote: "literal" });
}

/** Two values alike whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : isRecord(value)
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical(value[key])]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A replacement of the original text between two offsets. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface MapEdit {
  readonly text: string;
  readonly map: YAMLMap;
  readonly value: Record<string, Value>;
  readonly order: KeyOrder | undefined;
  /** Whether the map is an item of a list: its first key follows "- " on the line. */
  readonly inList: boolean;
}

/**
 * `original` (a record file's text) changed to hold `data`, touching only what differs: the lines
 * of a field whose value is unchanged stay exactly as they were written (comments, quotes, flow
 * or block style, folded text); a changed field is written in the house style at its place; a
 * new key goes where the schema's order puts it. The form knows only the values: without this, a
 * one-word correction would rewrite every line a person had written differently from the form.
 */
export function updatedRecordYaml(original: string, data: unknown, order: KeyOrder | undefined): string {
  const value = inSchemaOrder(recordOf(data), order) ?? {};
  const document = parseDocument(original);
  const map = document.contents;
  const fresh = () => recordYaml(data, order);
  if (document.errors.length > 0 || !isMap(map) || map.flow || !isRecord(value)) return fresh();
  const text = original.endsWith("\n") ? original : `${original}\n`;
  const edits = editsOfMap({ text, map, value, order, inList: false });
  if (!edits) return fresh();
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  // The edited text must read back as the form's values; if a hand-written layout defeated the
  // splicing, the whole record is written afresh instead.
  return sameValue(readRecordYaml(result), value) ? result : fresh();
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf("\n", offset - 1) + 1;

/** One key and its value in the house style, its later lines indented to `column`. */
function pairText(key: string, value: Value, order: KeyOrder | undefined, column: number): string {
  const keyOrder: KeyOrder = { keys: [key], nested: order ? { [key]: order } : {} };
  const lines = recordYaml({ [key]: value }, keyOrder)
    .replace(/\n$/, "")
    .split("\n");
  return `${lines.map((line, index) => (index === 0 || line === "" ? line : " ".repeat(column) + line)).join("\n")}\n`;
}

/** The edits that make a block map hold `value`, or undefined where only rewriting it will do. */
function editsOfMap({ text, map, value, order, inList }: MapEdit): Edit[] | undefined {
  const pairs = map.items.filter((pair) => isScalar(pair.key) && typeof pair.key.value === "string");
  if (pairs.length !== map.items.length || pairs.length === 0) return undefined;
  const keyStart = (index: number) => (pairs[index]?.key as Scalar | undefined)?.range?.[0] ?? -1;
  const column = keyStart(0) - lineStart(text, keyStart(0));
  const edits: Edit[] = [];
  const keys = pairs.map((pair) => String((pair.key as Scalar).value));
  for (const [index, pair] of pairs.entries()) {
    const key = keys[index] as string;
    const node = pair.value as Node | null;
    const start = keyStart(index);
    const end = node?.range?.[2];
    if (end === undefined) return undefined;
    const wanted = value[key];
    if (wanted === undefined) {
      // The first key of a list item shares its line with the "- ": the item is rewritten instead.
      if (inList && index === 0) return undefined;
      edits.push({ start: lineStart(text, start), end, text: "" });
      continue;
    }
    if (sameValue(node?.toJSON(), wanted)) continue;
    const nested = order?.nested[key];
    const inner = innerEdits(text, node, wanted, nested);
    edits.push(...(inner ?? [{ start, end, text: pairText(key, wanted, nested, column) }]));
  }
  // New keys, each before the first existing key that follows it in the schema's order.
  const wantedKeys = Object.keys(value);
  for (const [index, key] of wantedKeys.entries()) {
    if (keys.includes(key)) continue;
    const next = wantedKeys.slice(index + 1).find((later) => keys.includes(later));
    const before = next === undefined ? -1 : keys.indexOf(next);
    if (inList && before === 0) return undefined;
    const lastEnd = (pairs[pairs.length - 1]?.value as Node | null)?.range?.[2];
    if (before === -1 && lastEnd === undefined) return undefined;
    const at = before === -1 ? (lastEnd as number) : lineStart(text, keyStart(before));
    edits.push({
      start: at,
      end: at,
      text: " ".repeat(column) + pairText(key, value[key], order?.nested[key], column),
    });
  }
  return edits;
}

/** Edits inside a changed value: a block map, or a block list of maps of the same length. */
function innerEdits(text: string, node: Node | null, wanted: Value, order: KeyOrder | undefined): Edit[] | undefined {
  if (isMap(node) && !node.flow && isRecord(wanted))
    return editsOfMap({ text, map: node, value: wanted, order, inList: false });
  if (!isSeq(node) || node.flow || !Array.isArray(wanted) || node.items.length !== wanted.length) return undefined;
  const edits: Edit[] = [];
  for (const [index, item] of node.items.entries()) {
    const itemValue = wanted[index];
    if (sameValue((item as Node).toJSON(), itemValue)) continue;
    if (!isMap(item) || item.flow || !isRecord(itemValue)) return undefined;
    const itemEdits = editsOfMap({ text, map: item, value: itemValue, order, inList: true });
    if (!itemEdits) return undefined;
    edits.push(...itemEdits);
  }
  return edits;
}

/** Reads a record file as the validator does (YAML 1.2 core schema: dates stay strings). */
export function readRecordYaml(text: string): unknown {
  return parse(text) ?? {};
}
