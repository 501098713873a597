// One file of the open data, as the writers, the open-data page and the catalog see it.
import { createHash } from "node:crypto";
import { memoize } from "../core/memo.js";
import type { Text } from "../model/types.js";
import type { Table } from "./tables.js";

export type FileGroup = "json" | "csv" | "csv-excel" | "metadata" | "schema" | "record" | "release" | "archive";

export interface DataFile {
  readonly url: string;
  readonly group: FileGroup;
  readonly mediaType: string;
  /** EU file-type authority code, for the catalog. */
  readonly format: string;
  readonly title: Text;
  /** What the file holds and for whom, for the catalog's distribution description. */
  readonly description?: Text;
  readonly table?: Table;
  /** Text files render to a string; archives to bytes. */
  readonly render: () => string | Uint8Array;
  /** The published schema the file conforms to, as a site URL. */
  readonly conformsTo?: string;
}

export interface Fingerprint {
  readonly bytes: number;
  readonly sha256: string;
}

/** The size in bytes and SHA-256 of a file as written (UTF-8 for text). */
export const fingerprint = memoize((file: DataFile): Fingerprint => {
  const content = file.render();
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { bytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
});

export const isBinary = (file: DataFile): boolean => file.group === "archive";
