// The first of the two YAML parsers: js-yaml, which reads values fast and keeps no positions. A
// valid file is read by it alone; a file it refuses goes to the `yaml` library, which explains why
// (yaml-positions.ts). It reads YAML 1.2's core schema, as `yaml` does, so both give the same
// value (test/model/load.unit.test.ts), and it stops at the depth limit before recursing further,
// so a file nested 10 000 levels deep cannot exhaust the stack.
import jsYaml from "js-yaml";
import { INPUT_LIMITS } from "./input-limits.js";
import type { Position } from "./yaml-positions.js";

/** The value, or where it nests too deep, or undefined when js-yaml refuses the text. */
export type FastValue = { value: unknown } | { tooDeep: Position } | undefined;

/** The value by js-yaml, or undefined when js-yaml refuses the text (then `yaml` explains why). */
export function fastYamlValue(text: string): FastValue {
  try {
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, maxDepth: INPUT_LIMITS.depth } as jsYaml.LoadOptions);
    return { value: value === undefined ? null : value };
  } catch (error) {
    // js-yaml stops at the limit before recursing further: the position of the too-deep value.
    if (error instanceof jsYaml.YAMLException && error.reason.startsWith("nesting exceeded maxDepth"))
      return { tooDeep: { line: error.mark.line + 1, column: error.mark.column + 1 } };
    return undefined;
  }
}
