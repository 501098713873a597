// Every built page passes the Nu HTML Checker (vnu-jar from npm, run with the machine's Java).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import vnuJar from "vnu-jar";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

const run = promisify(execFile);

interface VnuMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

async function vnuErrors(dir: string): Promise<string[]> {
  // vnu exits non-zero when it finds errors; the report is on stderr either way.
  const result = await run(
    "java",
    ["-jar", vnuJar as unknown as string, "--errors-only", "--format", "json", "--skip-non-html", dir],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stderr: string }) => ({ stderr: error.stderr }));
  const report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  return report.messages.map(
    (message) => `${message.url?.replace(`file:${dir}`, "") ?? "?"}:${message.lastLine ?? "?"} ${message.message}`,
  );
}

let real: BuiltSite;
let hostile: BuiltSite;
beforeAll(async () => {
  real = await buildSite("data");
  hostile = await buildSite("test/fixtures/valid/hostile");
});

describe("the HTML", () => {
  it("of every page of the real site has no error in the Nu HTML Checker", async () => {
    expect(real.htmlFiles.length).toBeGreaterThan(500);
    expect(await vnuErrors(real.dir)).toEqual([]);
  });

  it("of every page built from hostile texts has no error either", async () => {
    expect(await vnuErrors(hostile.dir)).toEqual([]);
  });
});
