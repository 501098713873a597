// The loader in the web form's validator: the browser has no data folder, so nothing is read
// here; the form hands its records to validate-in-memory.ts instead (src/admin/plugin.ts uses
// this twin of load.ts for the browser). Only the types are load.ts's.
import type { Loaded, LoadOptions } from "./load.js";

export type { Loaded, LoadOptions } from "./load.js";

export function loadDataDirectory(_dataDir: string, _options: LoadOptions): Loaded {
  throw new Error("The web form's validator reads no data folder: it checks records in memory.");
}
