// What the rules across records read, and where they report: shared by rules.ts and the rules
// files it calls (truth-rules.ts), so that each imports these from one place.
import type { DateTime } from "luxon";
import type { Kind } from "../core/vocabulary.js";
import type { Translate } from "./messages.js";
import type { PathSegment, Severity } from "./problems.js";
import type { SourceFile } from "./source-file.js";
import type { Records, Site } from "./types.js";

/** A problem at a field of a file, before it is located. */
export interface FieldProblem {
  readonly file: SourceFile;
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** "error" unless told. */
  readonly severity?: Severity;
  /** Whether the problem is placed at the field's value (the default) or at its key. */
  readonly at?: "key" | "value";
}

/** A way to report a problem at a field of a file. */
export type Report = (problem: FieldProblem) => void;

export interface RuleContext {
  readonly records: Records;
  readonly site: Site | undefined;
  readonly today: DateTime;
  readonly fileOf: (kind: Kind, id: string) => SourceFile | undefined;
  readonly siteFile: SourceFile | undefined;
  /** The messages, in the editor's language. */
  readonly tr: Translate;
}
