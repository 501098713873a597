// The one rule for the characters of any text in the data: no character that controls a terminal
// or a printer, reverses the reading order or hides in the text. The validator applies it to every
// string and key of every file; tab and line breaks only where a text may span lines.
//
// Zero-width joiner and non-joiner (U+200D, U+200C) are allowed: emoji sequences and scripts such
// as Persian need them.

/** What a forbidden character is, for the message that names it. */
export type ForbiddenKind = "control" | "lineBreak" | "bidi" | "zeroWidth" | "byteOrderMark" | "surrogate";

export interface ForbiddenCharacter {
  readonly kind: ForbiddenKind;
  /** The offset in UTF-16 code units. */
  readonly index: number;
  /** The code point (for a lone surrogate, the surrogate). */
  readonly code: number;
}

// C0 controls but tab, line feed and carriage return; DEL; the C1 controls (U+0085 NEL, U+009B CSI …).
const CONTROLS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";
// Embeddings, overrides (U+202A–202E) and isolates (U+2066–2069) can reorder what a reader sees.
const BIDI = "\\u202A-\\u202E\\u2066-\\u2069";
// Zero-width space, word joiner, byte order mark: invisible and never needed inside a text.
const HIDDEN = "\\u200B\\u2060\\uFEFF";
// With the u flag, a surrogate range matches only a surrogate that is not half of a pair.
const SURROGATES = "\\uD800-\\uDFFF";
const LINE_BREAKS = "\\t\\n\\r";

const IN_TEXT = new RegExp(`[${CONTROLS}${BIDI}${HIDDEN}${SURROGATES}]`, "u");
const IN_LINE = new RegExp(`[${CONTROLS}${BIDI}${HIDDEN}${SURROGATES}${LINE_BREAKS}]`, "u");

function kindOf(code: number): ForbiddenKind {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return "lineBreak";
  if (code <= 0x9f) return "control";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi";
  if (code >= 0xd800 && code <= 0xdfff) return "surrogate";
  return code === 0xfeff ? "byteOrderMark" : "zeroWidth";
}

/**
 * The first character the rule forbids, or undefined. `lines`: the text may span lines, so tab,
 * line feed and carriage return are allowed in it. Linear in the length of the text.
 */
export function forbiddenCharacter(text: string, lines: boolean): ForbiddenCharacter | undefined {
  const match = (lines ? IN_TEXT : IN_LINE).exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) as number;
  return { kind: kindOf(code), index: match.index, code };
}

/** Every character the rule forbids in any text, escaped as \uXXXX so that a message shows it. */
const ESCAPED = new RegExp(`[${CONTROLS}${BIDI}${HIDDEN}${SURROGATES}]`, "gu");

/**
 * A text as a quoted string in which every forbidden character is visible (`"a\u001bb"`); a long
 * text is cut to the part around `at`.
 */
export function showText(text: string, at = 0, room = 40): string {
  // Never cut a surrogate pair in two: the half would show as a lone surrogate.
  const low = (index: number) => /[\uDC00-\uDFFF]/.test(text[index] ?? "");
  let from = Math.max(0, at - room);
  let to = Math.min(text.length, at + room);
  if (from > 0 && low(from)) from--;
  if (to < text.length && low(to)) to++;
  const part = `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
  return JSON.stringify(part).replace(ESCAPED, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
