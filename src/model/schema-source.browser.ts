// The JSON Schemas of data/ for the web form's validator in the browser: the same files as
// schema-source.ts reads, bundled into the script (src/admin/plugin.ts uses this twin for the
// browser; test/model/in-memory.unit.test.ts checks that it lists every file of the folder).
import type { JsonSchema } from "./schema-source.js";
import commonSchema from "./schemas/common.schema.json" with { type: "json" };
import networkSchema from "./schemas/network.schema.json" with { type: "json" };
import organisationSchema from "./schemas/organisation.schema.json" with { type: "json" };
import partnershipSchema from "./schemas/partnership.schema.json" with { type: "json" };
import personSchema from "./schemas/person.schema.json" with { type: "json" };
import placeSchema from "./schemas/place.schema.json" with { type: "json" };
import programmeSchema from "./schemas/programme.schema.json" with { type: "json" };
import projectSchema from "./schemas/project.schema.json" with { type: "json" };
import siteSchema from "./schemas/site.schema.json" with { type: "json" };
import sourceSchema from "./schemas/source.schema.json" with { type: "json" };
import themeSchema from "./schemas/theme.schema.json" with { type: "json" };

export type { JsonSchema } from "./schema-source.js";

/** Not in the browser: the schemas are in the script. */
export const SCHEMA_DIR = "";

/** Every schema file, by file name, in name order. */
export function schemaFiles(): ReadonlyMap<string, JsonSchema> {
  return new Map<string, JsonSchema>([
    ["common.schema.json", commonSchema],
    ["network.schema.json", networkSchema],
    ["organisation.schema.json", organisationSchema],
    ["partnership.schema.json", partnershipSchema],
    ["person.schema.json", personSchema],
    ["place.schema.json", placeSchema],
    ["programme.schema.json", programmeSchema],
    ["project.schema.json", projectSchema],
    ["site.schema.json", siteSchema],
    ["source.schema.json", sourceSchema],
    ["theme.schema.json", themeSchema],
  ]);
}
