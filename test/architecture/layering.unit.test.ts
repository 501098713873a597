// The layering rules of .dependency-cruiser.cjs run over src/ in `npm test` (`npm run layering`);
// this test shows that every one of them bites. It writes a small tree with one offence per rule
// (an uphill import in each layer, a file outside every layer, a circle, an import of a script and
// of a file at the root), runs dependency-cruiser on it with the real configuration, and expects
// each offence reported under its rule's name.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const depcruise = join(root, "node_modules", ".bin", "depcruise");
const configFile = join(root, ".dependency-cruiser.cjs");

interface Rule {
  readonly name: string;
  readonly from: { readonly path?: string };
  readonly to: { readonly pathNot?: readonly string[] };
}
const { forbidden } = createRequire(import.meta.url)(configFile) as { forbidden: readonly Rule[] };

/** The folder a layer rule names: `^src/site/` → `site`. */
const folderOf = (pattern: string): string => pattern.replace(/^\^src\//, "").replace(/\/$/, "");
const layerRules = forbidden.filter((rule) => rule.name.startsWith("layering-"));
const layers = layerRules.map((rule) => folderOf(rule.from.path ?? ""));

/** For each layer, a folder it may not import from (none for the topmost). */
function forbiddenTarget(rule: Rule): string | undefined {
  const allowed = new Set((rule.to.pathNot ?? []).map(folderOf));
  return layers.find((folder) => !allowed.has(folder));
}

const tree = mkdtempSync(join(tmpdir(), "utblick-layering-"));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}

/** The offences, each with the rule and the line dependency-cruiser must print for it. */
function offences(): [string, string][] {
  write("tsconfig.json", JSON.stringify({ compilerOptions: { module: "NodeNext", noEmit: true }, include: ["src"] }));
  const expected: [string, string][] = [];
  for (const folder of layers) write(`src/${folder}/target.ts`, "export const target = 1;\n");
  for (const rule of layerRules) {
    const folder = folderOf(rule.from.path ?? "");
    const target = forbiddenTarget(rule);
    if (!target) continue;
    write(`src/${folder}/uphill.ts`, `export { target } from "../${target}/target.js";\n`);
    expected.push([rule.name, `src/${folder}/uphill.ts → src/${target}/target.ts`]);
  }
  write("src/loose.ts", 'export { target } from "./core/target.js";\n');
  expected.push(["not-in-a-layer", "src/loose.ts → src/core/target.ts"]);
  write("src/misc/alone.ts", "export const alone = 1;\n");
  expected.push(["not-in-a-layer-orphan", "src/misc/alone.ts"]);
  write("src/core/circle-a.ts", 'import { b } from "./circle-b.js";\nexport const a = () => b;\n');
  write("src/core/circle-b.ts", 'import { a } from "./circle-a.js";\nexport const b = () => a;\n');
  expected.push(["no-circular", "src/core/circle-a.ts →"]);
  write("scripts/tool.ts", "export const tool = 1;\n");
  write("root.config.ts", "export const config = 1;\n");
  write("src/model/from-script.ts", 'export { tool } from "../../scripts/tool.js";\n');
  write("src/model/from-root.ts", 'export { config } from "../../root.config.js";\n');
  expected.push(["src-not-from-scripts-or-tests", "src/model/from-script.ts → scripts/tool.ts"]);
  expected.push(["src-not-from-scripts-or-tests", "src/model/from-root.ts → root.config.ts"]);
  return expected;
}

async function cruise(): Promise<string> {
  try {
    await run(depcruise, ["src", "--config", configFile, "--output-type", "err"], { cwd: tree });
    return "";
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe("the layering rules", () => {
  it("name a forbidden folder for every layer but the topmost", () => {
    expect(layerRules.length).toBeGreaterThanOrEqual(10);
    expect(layerRules.filter((rule) => forbiddenTarget(rule) === undefined).map((rule) => rule.name)).toEqual([
      "layering-preview",
    ]);
  });

  it("each report its own offence, and every rule is shown to bite", async () => {
    const expected = offences();
    const output = await cruise();
    for (const [rule, line] of expected) expect(output, rule).toContain(`error ${rule}: ${line}`);
    const named = new Set(expected.map(([rule]) => rule));
    const untested = forbidden.filter((rule) => !named.has(rule.name) && rule.name !== "layering-preview");
    expect(untested.map((rule) => rule.name)).toEqual([]);
  }, 60_000);
});
