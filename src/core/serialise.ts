// How every JSON file is written and fingerprinted, so that the same data give the same bytes.
import { createHash } from "node:crypto";

/** Stable, readable JSON: two-space indent and a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A SHA-256 as sha256() writes it: 64 lowercase hexadecimal digits. */
export const SHA256_PATTERN = "^[0-9a-f]{64}$";

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
