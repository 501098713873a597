// A record's id: its file name without `.yaml`, and the last part of its page's address. Made once
// from the record's name when the record is created (by the web form or an editor) and never changed.
import anyAscii from "any-ascii";

/** Lowercase a–z and digits, words joined by single hyphens: safe in a file name and a URL. */
export const RECORD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids are file names: long enough for any title's first words, short enough for every file system. */
const MAX_ID_LENGTH = 80;

/**
 * An id made from a name in any script: transliterated to Latin letters ("Київ" → "kiiv", "Växjö" →
 * "vaxjo", "北京" → "beijing"), lowercased, everything else a hyphen. Empty when the name holds no
 * letter or digit at all (only punctuation or pictographs); `recordIdOr` never is.
 */
export function recordIdFrom(name: string): string {
  const words = anyAscii(name.normalize("NFC"))
    .toLowerCase()
    // any-ascii writes pictographs as their names between colons (":man:"); they name no record.
    .replace(/:[a-z0-9_+-]+:/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = "";
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) break;
    id = next;
  }
  return id || (words[0]?.slice(0, MAX_ID_LENGTH) ?? "");
}

/** The id made from `name`, or `fallback` (itself an id) when the name gives none. */
export function recordIdOr(name: string, fallback: string): string {
  return recordIdFrom(name) || fallback;
}
