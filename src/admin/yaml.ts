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
import { Document, isScalar, isSeq, parse, Scalar, visit } from "yaml";
import type { KeyOrder } from "./config.js";

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

/** The YAML text of a record as the form leaves it. */
export function recordYaml(data: unknown, order: KeyOrder | undefined): string {
  const value = inSchemaOrder(withoutEmpty(data as Value), order) ?? {};
  const document = new Document(value);
  visit(document, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item) && !(typeof item.value === "string" && item.value.includes("\n"))))
        node.flow = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === "string" && DATE_LIKE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // An empty list would be written as [] by the flow style; withoutEmpty has removed them.
  if (isSeq(document.contents) && document.contents.items.length === 0) return "";
  return document.toString({ lineWidth: 0, flowCollectionPadding: false, blockQuote: "literal" });
}

/** Reads a record file as the validator does (YAML 1.2 core schema: dates stay strings). */
export function readRecordYaml(text: string): unknown {
  return parse(text) ?? {};
}
