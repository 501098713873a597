// Data files that describe themselves: every published JSON file names its schema in `$schema`
// and passes it, the schema read from the built site (no network); every published schema
// compiles with two independent validators as a consumer installs them, with their defaults:
// ajv 2020 (strict: an unknown keyword or format is an error) and @hyperjump/json-schema.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registerSchema, unregisterSchema, validate } from "@hyperjump/json-schema/draft-2020-12";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_DIR } from "../../src/model/schemas.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

const META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

/** A JSON value as both validators take it. */
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type Json = { [key: string]: JsonValue };

/** The published schemas of a site, by their address. */
function schemasOf(site: BuiltSite): Map<string, Json> {
  const schemas = site.files
    .filter((file) => /^\/data\/schemas\/(source\/)?[a-z]+\.schema\.json$/.test(file))
    .map((file) => JSON.parse(site.read(file)) as Json);
  return new Map(schemas.map((schema) => [schema.$id as string, schema]));
}

/**
 * Every JSON file under /data/ but datapackage.json, which follows Frictionless Data Package 1.0:
 * that standard names a package's profile in `profile`, and the Frictionless implementation checks it.
 */
const publishedJson = (site: BuiltSite): string[] =>
  site.files.filter(
    (file) => file.startsWith("/data/") && file.endsWith(".json") && !file.endsWith("/datapackage.json"),
  );

/** An ajv 2020 exactly as installed, knowing the given schemas, so that references between them resolve. */
function ajvWith(schemas: Iterable<Json>): Ajv2020 {
  const ajv = new Ajv2020();
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

/** Runs `check` with the schemas registered in @hyperjump/json-schema, and forgets them after. */
async function withHyperjump(schemas: ReadonlyMap<string, Json>, check: () => Promise<void>): Promise<void> {
  for (const [url, schema] of schemas) registerSchema(schema, url);
  try {
    await check();
  } finally {
    for (const url of schemas.keys()) unregisterSchema(url);
  }
}

describe.each([
  ["the fixture data", "site"],
  ["the real data", "real"],
  ["the frozen sample", "sample"],
] as const)("the open data of %s", (_name, siteName) => {
  let site: BuiltSite;
  let schemas: Map<string, Json>;
  beforeAll(() => {
    site = sharedSite(siteName);
    schemas = schemasOf(site);
  });

  it("name their schema in $schema, each a schema the site publishes or the JSON Schema 2020-12 meta-schema", () => {
    const files = publishedJson(site);
    expect(files).toContain("/data/utblick.json");
    expect(files).toContain("/data/releases.json");
    const unnamed = files.filter((file) => {
      const named = (JSON.parse(site.read(file)) as Json).$schema;
      return typeof named !== "string" || !(named === META_SCHEMA || schemas.has(named));
    });
    expect(unnamed).toEqual([]);
  });

  it("each pass the schema they name, with ajv 2020 as installed", () => {
    const ajv = ajvWith(schemas.values());
    const failures: string[] = [];
    for (const file of publishedJson(site)) {
      const data = JSON.parse(site.read(file)) as Json;
      if (data.$schema === META_SCHEMA) {
        if (!ajv.validateSchema(data)) failures.push(`${file}: ${ajv.errorsText()}`);
        continue;
      }
      const check = ajv.getSchema(data.$schema as string)!;
      if (!check(data)) failures.push(`${file}: ${JSON.stringify(check.errors?.slice(0, 2))}`);
    }
    expect(failures).toEqual([]);
  });

  it("each pass the schema they name, with @hyperjump/json-schema", async () => {
    const failures: string[] = [];
    await withHyperjump(schemas, async () => {
      for (const file of publishedJson(site)) {
        const data = JSON.parse(site.read(file)) as Json;
        if (!(await validate(data.$schema as string, data)).valid) failures.push(file);
      }
    });
    expect(failures).toEqual([]);
  });

  it("publish schemas that compile with ajv 2020's defaults, the editors' source schemas included", () => {
    expect([...schemas.keys()].some((url) => url.includes("/schemas/source/"))).toBe(true);
    const refused: string[] = [];
    for (const [url, schema] of schemas) {
      // Each on its own, with the others known only as the targets of its references.
      const ajv = ajvWith([...schemas].filter(([other]) => other !== url).map(([, other]) => other));
      try {
        ajv.compile(schema);
      } catch (error) {
        refused.push(`${url}: ${(error as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("publish schemas that compile with @hyperjump/json-schema, checked against the 2020-12 meta-schema", async () => {
    const refused: string[] = [];
    await withHyperjump(schemas, async () => {
      for (const url of schemas.keys()) {
        try {
          await validate(url);
        } catch (error) {
          refused.push(`${url}: ${(error as Error).message}`);
        }
      }
    });
    expect(refused).toEqual([]);
  });

  it("list utblick.json in datapackage.json with its size, checksum and published schema", () => {
    const datapackage = JSON.parse(site.read("/data/datapackage.json")) as { resources: Json[] };
    const resource = datapackage.resources.find((candidate) => candidate.path === "utblick.json");
    expect(resource).toMatchObject({ name: "utblick", mediatype: "application/json" });
    expect(site.exists(`/data/${resource?.schema as string}`)).toBe(true);
    const named = (JSON.parse(site.read("/data/utblick.json")) as Json).$schema as string;
    expect(named.endsWith(`/data/${resource?.schema as string}`)).toBe(true);
  });
});

describe("the editors' source schemas as they are in the repository", () => {
  it("are refused by ajv 2020's defaults, for their own keywords: what the published copies leave out", () => {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, "project.schema.json"), "utf8")) as Json;
    expect(() => new Ajv2020().compile(schema)).toThrow(/unknown keyword: "x-|unknown format/);
  });
});
