// Guessing where a misindented line belongs. An editor who types three spaces instead of two
// gets a message from the YAML parser about something else (most often a colon in a text), far
// from the slip. The lines whose indentation matches none of the groups open above them are found
// here from the indentation alone, with the column or two columns each most likely belongs at, so
// the message can name both ("the line starts at column 4, but the lines of its group start at
// column 3"). Only a file the parser refuses is searched (yaml-positions.ts), so valid YAML is
// never blamed.

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
function keyLineValue(raw: string): string | undefined {
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
function itemLineValue(raw: string): string | undefined {
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
