// Where the JSON Schemas of data/ come from: the files of src/model/schemas/, read once. The only
// module of the schemas that reads files; the web form's validator is bundled with its twin,
// schema-source.browser.ts, which holds the same files (src/admin/plugin.ts chooses the twin).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "schemas");

export type JsonSchema = { [key: string]: unknown };

/** Every schema file of SCHEMA_DIR, by file name, in name order. */
export function schemaFiles(): ReadonlyMap<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const name of readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".schema.json"))
    .sort()) {
    schemas.set(name, JSON.parse(readFileSync(join(SCHEMA_DIR, name), "utf8")) as JsonSchema);
  }
  return schemas;
}
