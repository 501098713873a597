// npm run types [-- --check]: writes the TypeScript types of the records from the JSON Schemas,
// so that the schemas stay the one description of the data. With --check it only compares, and
// fails when the checked-in types no longer follow the schemas (npm test runs it).
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { readSchemas, SCHEMA_DIR } from "../src/model/schemas.js";
import { SCHEMA_OF_KIND } from "../src/model/types.js";

export const GENERATED_TYPES = join(SCHEMA_DIR, "..", "schema-types.generated.ts");

const BANNER = `// Generated from src/model/schemas/ by \`npm run types\`; do not edit. The schemas are the one
// description of the data: change a schema, then run \`npm run types\`.
`;

/**
 * A schema with only the `$ref` kept where a reference also carries a local description: the
 * generator would otherwise declare a new type (Text1, Text2 …) for every described use of Text.
 */
function referencesOnly(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(referencesOnly);
  if (node === null || typeof node !== "object") return node;
  const object = node as Record<string, unknown>;
  if (typeof object.$ref === "string") return { $ref: object.$ref };
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, referencesOnly(value)]));
}

export async function generateTypes(): Promise<string> {
  const schemas = readSchemas();
  const wrapper: JSONSchema = {
    title: "Schema records",
    description: "Each kind of record as its schema describes it.",
    type: "object",
    properties: Object.fromEntries(Object.entries(SCHEMA_OF_KIND).map(([kind, file]) => [kind, { $ref: file }])),
    required: Object.keys(SCHEMA_OF_KIND),
    additionalProperties: false,
  };
  return compile(wrapper, "SchemaRecords", {
    cwd: SCHEMA_DIR,
    $refOptions: {
      resolve: {
        schemas: {
          order: 1,
          canRead: /\.schema\.json$/,
          read: (file: { url: string }) => JSON.stringify(referencesOnly(schemas.get(basename(file.url)))),
        },
      },
    },
    bannerComment: BANNER,
    declareExternallyReferenced: true,
    ignoreMinAndMaxItems: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
  });
}

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const generated = await generateTypes();
if (values.check) {
  const current = readFileSync(GENERATED_TYPES, "utf8");
  if (current !== generated) {
    console.error(
      `${GENERATED_TYPES} does not follow the JSON Schemas any more: run npm run types and commit the result.`,
    );
    process.exitCode = 1;
  }
} else {
  writeFileSync(GENERATED_TYPES, generated);
  console.log(`Wrote ${GENERATED_TYPES}`);
}
