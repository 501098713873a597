// The limits on what one file of data/ may hold. They keep a hostile or broken file from
// exhausting memory or the stack: reading stops at the size limits (safe-read.ts), js-yaml at the
// depth (fast-yaml.ts), and the content check at the depth, the length of a text and the fields
// in a group (content-check.ts). The editor's guide lists them in Swedish (docs/redaktorsguide.md,
// "Gränser för en fil"); a change here belongs there too.

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
