// The text of a file's bytes, which must be UTF-8. A file saved in another encoding (most often
// Windows-1252 from an old editor) is refused with a message at its first byte that is not UTF-8,
// naming that byte and the letter it would be in Windows-1252, so the editor knows what to fix.
import type { Translate } from "./messages.js";
import type { Problem } from "./problems.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export interface DecodeParams {
  readonly bytes: Uint8Array;
  /** The file's path as shown to the editor. */
  readonly shownPath: string;
  /** Where the message goes when the bytes are not UTF-8. */
  readonly problems: Problem[];
  readonly tr: Translate;
}

/** The text of a file, or undefined once a problem at its first byte that is not UTF-8 is reported. */
export function decodeUtf8({ bytes, shownPath, problems, tr }: DecodeParams): string | undefined {
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
