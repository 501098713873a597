// The checks every value of every file goes through once it is read, before any schema sees it:
// the limits on a text's length, on the fields in a group and on nesting (input-limits.ts), and
// the rule for the characters of texts and keys (src/core/text-rule.ts), which is applied here and
// nowhere else. A file that breaks a limit keeps no value, so nothing further (schema, rules)
// spends time on it; a forbidden character is reported and the value kept.
import { type ForbiddenCharacter, type ForbiddenKind, forbiddenCharacter, showText } from "../core/text-rule.js";
import { INPUT_LIMITS } from "./input-limits.js";
import type { MessageKey, Translate } from "./messages.js";
import { fieldPath, type PathSegment, type Problem } from "./problems.js";
import { allowsLineBreaks } from "./schemas.js";
import { locate, SourceFile } from "./source-file.js";

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
 * Walks a file's value without recursion and reports, at its field, what breaks the limits or
 * the text rule. The file itself when it broke no limit; otherwise the same file without a value.
 */
export function checkContent(file: SourceFile, problems: Problem[], tr: Translate): SourceFile {
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
  return overLimit
    ? new SourceFile({ path: file.path, kind: file.kind, id: file.id, text: file.text, value: undefined })
    : file;
}
