// Reading one release file of data/releases/ from its bytes: JSON written by `npm run release`,
// read with the same care as a record (UTF-8, the content check) but not yet checked against the
// published shapes, which release-check.ts does once every file is read. A file that is not JSON
// gets one message at the place the JSON parser stopped.
import { checkContent } from "./content-check.js";
import type { Translate } from "./messages.js";
import type { Problem } from "./problems.js";
import { SourceFile } from "./source-file.js";
import { decodeUtf8 } from "./utf8.js";

export interface ReleaseFileParams {
  readonly bytes: Uint8Array;
  /** The file's path as shown to the editor. */
  readonly shownPath: string;
  /** The file's name without .json: the version it claims to be. */
  readonly version: string;
  /** Where every problem found in the file goes. */
  readonly problems: Problem[];
  readonly tr: Translate;
}

/** The release file as read; its value is undefined when it cannot be read or breaks a limit. */
export function readReleaseFile({ bytes, shownPath, version, problems, tr }: ReleaseFileParams): SourceFile {
  const unread = (text: string): SourceFile =>
    new SourceFile({ path: shownPath, kind: "release", id: version, text, value: undefined });
  const text = decodeUtf8({ bytes, shownPath, problems, tr });
  if (text === undefined) return unread("");
  try {
    const file = new SourceFile({ path: shownPath, kind: "release", id: version, text, value: JSON.parse(text) });
    return checkContent(file, problems, tr);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split("\n");
    problems.push({
      severity: "error",
      file: shownPath,
      line: before.length,
      column: [...(before.at(-1) ?? "")].length + 1,
      field: "",
      message: tr("release.notJson", { file: shownPath }),
    });
    return unread(text);
  }
}
