// HTML built with a tagged template that escapes every interpolated value, unless the value is
// already Html (built by this same template, or Markdown rendered with raw HTML disabled).
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Renderable = Html | string | number | boolean | null | undefined | readonly Renderable[];

// Controls other than tab, LF, FF and CR, and noncharacters, are parse errors in HTML and mean
// nothing in a text: NEL is written as the line break it stands for, the others as U+FFFD, the
// character that says something was lost.
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "\u0085": "\n",
};

const NOT_HTML = "\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF";
const SPECIAL = new RegExp(`[&<>"'${NOT_HTML}]`);
const SPECIALS = new RegExp(SPECIAL.source, "g");
const NOT_HTML_CHARS = new RegExp(`[${NOT_HTML}]`, "g");

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (char) => ESCAPES[char] ?? "\uFFFD") : text;
}

/** For text that another HTML writer escapes (markdown-it): only what HTML cannot carry is replaced. */
export function replaceNonHtml(text: string): string {
  return text.replace(NOT_HTML_CHARS, (char) => (char === "\u0085" ? "\n" : "\uFFFD"));
}

// Every page passes through here thousands of times: the common cases come first, and lists are
// concatenated in place rather than mapped and joined.
function render(value: Renderable): string {
  if (typeof value === "string") return escapeHtml(value);
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || typeof value === "boolean") return "";
  // A number's digits, signs and letters (NaN, Infinity, e) need no escaping.
  if (typeof value === "number") return String(value);
  let out = "";
  for (const item of value) out += render(item);
  return out;
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** Joins fragments with a separator (itself escaped unless Html). */
export function join(items: readonly Renderable[], separator: Renderable = ", "): Html {
  const parts: Renderable[] = [];
  items.forEach((item, index) => {
    if (index > 0) parts.push(separator);
    parts.push(item);
  });
  return new Html(render(parts));
}

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` are written as \u escapes
 * so no text from data can close the script element or open a comment.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    // JSON writes these as they are; in HTML they are parse errors, as \u escapes they are exact.
    .replace(
      /[\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  return new Html(json);
}
