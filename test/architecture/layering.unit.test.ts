// The layering rule of .dependency-cruiser.cjs runs over src/ in `npm test` (`npm run layering`);
// this test shows that it bites: an uphill import fails, and the message names the rule.
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const depcruise = join(root, "node_modules", ".bin", "depcruise");
const config = join(root, ".dependency-cruiser.cjs");

async function cruise(cwd: string, paths: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, [...paths, "--config", config, "--output-type", "err"], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe("the layering rule", () => {
  it("rejects a core module that imports the site, naming the rule that forbids it", async () => {
    const result = await cruise(join(root, "test", "fixtures", "layering"), ["src"]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("error layering-core: src/core/uphill.ts → src/site/page.ts");
  }, 60_000);
});
