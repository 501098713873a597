// The includes in the web form's validator: the browser checks one record in memory and never a
// data folder with its vendored copies (src/admin/plugin.ts uses this twin of includes.ts for the
// browser). Only the types are includes.ts's.
import type { IncludesCheck, IncludesResult } from "./includes.js";

export function readIncludes(_check: IncludesCheck): IncludesResult {
  throw new Error("The web form's validator reads no included publication: it checks records in memory.");
}
