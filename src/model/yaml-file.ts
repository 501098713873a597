// Reading one YAML file of data/ (site.yaml or a record) from its bytes, with both parsers, each
// for the job it does best. js-yaml reads the value fast (fast-yaml.ts). The file goes to `yaml`
// at once (yaml-positions.ts) when js-yaml refuses it, so the editor learns why, or when it might
// use anchors or aliases, which js-yaml would resolve silently and this data forbids. A readable
// value then has its content checked (content-check.ts).
import type { Kind } from "../core/vocabulary.js";
import { checkContent } from "./content-check.js";
import { fastYamlValue } from "./fast-yaml.js";
import { INPUT_LIMITS } from "./input-limits.js";
import type { Translate } from "./messages.js";
import type { Problem } from "./problems.js";
import { SourceFile } from "./source-file.js";
import { decodeUtf8 } from "./utf8.js";
import { type Position, parseWithPositions, reportYamlProblems } from "./yaml-positions.js";

/** Anchors (&name) and aliases (*name) can only appear where these characters do. */
const MAY_USE_ALIASES = /[&*]/;

export interface YamlFileParams {
  readonly bytes: Uint8Array;
  /** The file's path as shown to the editor. */
  readonly shownPath: string;
  readonly kind: Kind | "site";
  /** The file's name without .yaml. */
  readonly id: string;
  /** Where every problem found in the file goes. */
  readonly problems: Problem[];
  readonly tr: Translate;
}

/** The file as read; its value is undefined when it cannot be read or breaks a limit. */
export function readYamlFile({ bytes, shownPath, kind, id, problems, tr }: YamlFileParams): SourceFile {
  const decoded = decodeUtf8({ bytes, shownPath, problems, tr });
  if (decoded === undefined) return new SourceFile({ path: shownPath, kind, id, text: "", value: undefined });
  // Old Mac files end lines with CR alone, which js-yaml does not take for a line break. Each CRLF
  // or CR becomes one LF, so line numbers stay those of the file, and columns too (CR ends a line).
  const text = decoded.replace(/\r\n?/g, "\n");
  const report = (position: Position, message: string): void => {
    problems.push({ severity: "error", file: shownPath, ...position, field: "", message });
  };
  const fast = fastYamlValue(text);
  if (fast && "tooDeep" in fast) {
    report(fast.tooDeep, tr("limit.depth", { limit: INPUT_LIMITS.depth }));
    return new SourceFile({ path: shownPath, kind, id, text, value: undefined });
  }
  if (fast && !MAY_USE_ALIASES.test(text))
    return checkContent(new SourceFile({ path: shownPath, kind, id, text, value: fast.value }), problems, tr);

  const parsed = parseWithPositions(text);
  const readable = reportYamlProblems({ parsed, text, report, tr });
  const value = readable ? (fast?.value ?? parsed.document.toJS()) : undefined;
  const file = new SourceFile({ path: shownPath, kind, id, text, value, parsed });
  return readable ? checkContent(file, problems, tr) : file;
}
