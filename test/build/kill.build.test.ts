// A build killed at any stage leaves the old site or the new one, complete, and the next build
// removes what it left behind; of two builds at once, one publishes and the other says why it stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { type BuildStage, buildsFolder } from "../../src/build/publish.js";
import { buildDay } from "../../src/model/today.js";
import { siteSnapshot } from "../helpers/built-site.js";

const today = buildDay("2026-11-25");
const work = mkdtempSync(join(tmpdir(), "utblick-kill-"));
const oldData = "test/fixtures/valid/minimal";
const newData = join(work, "new-data");

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[]): { child: ChildProcess; done: Promise<Finished>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Finished>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

const buildProcess = (data: string, output: string, ...options: string[]) =>
  run(["test/build/build-process.ts", data, output, ...options]);

/** A copy of the published old site, link and build folder, as a build of the old data leaves it. */
function oldSite(name: string): string {
  const dir = join(work, name);
  cpSync(join(work, "old"), dir, { recursive: true, verbatimSymlinks: true });
  return join(dir, "_site");
}

/** What is in the builds folder: the published build, the owner file, and the lock and leftovers of killed builds. */
const buildFolders = (output: string) => readdirSync(buildsFolder(output)).sort();

let oldSnapshot: Map<string, string>;
let newSnapshot: Map<string, string>;

beforeAll(async () => {
  cpSync(oldData, newData, { recursive: true });
  const project = join(newData, "projects", "renare-vatten.yaml");
  writeFileSync(project, readFileSync(project, "utf8").replace(/^(title:\n {2}sv: ).*$/m, "$1Ännu renare vatten"));
  const quiet = { today, log: () => undefined };
  expect((await build({ dataDir: oldData, outputDir: join(work, "old", "_site"), ...quiet })).ok).toBe(true);
  expect((await build({ dataDir: newData, outputDir: join(work, "new", "_site"), ...quiet })).ok).toBe(true);
  oldSnapshot = siteSnapshot(join(work, "old", "_site"));
  newSnapshot = siteSnapshot(join(work, "new", "_site"));
  expect(newSnapshot).not.toEqual(oldSnapshot);
});

const STAGES: [BuildStage, "old" | "new"][] = [
  ["rendering", "old"],
  ["indexing", "old"],
  ["linked", "old"],
  ["published", "new"],
];

describe("a build killed", () => {
  for (const [stage, left] of STAGES) {
    it(`while ${stage} leaves the ${left} site complete, and the next build cleans up after it`, async () => {
      const output = oldSite(`killed-${stage}`);
      const published = readlinkSync(output);
      const killed = await buildProcess(newData, output, "--kill-at", stage).done;
      expect(killed.signal).toBe("SIGKILL");
      expect(killed.stdout).toContain(`stage: ${stage}`);
      expect(siteSnapshot(output)).toEqual(left === "old" ? oldSnapshot : newSnapshot);
      // The lock and the killed build's folder are still there, beside the published build.
      expect(buildFolders(output)).toContain("lock");
      expect(buildFolders(output).length).toBeGreaterThan(3);

      const log: string[] = [];
      expect((await build({ dataDir: newData, outputDir: output, today, log: (line) => log.push(line) })).ok).toBe(
        true,
      );
      expect(log.join("\n")).toMatch(/En build som avbröts \(process \d+, startad .*\) hade lämnat sitt lås kvar/);
      expect(log.join("\n")).toContain("Tog bort det som avbrutna builds lämnade efter sig: .site-builds/");
      expect(siteSnapshot(output)).toEqual(newSnapshot);
      expect(readlinkSync(output)).not.toBe(published);
      expect(buildFolders(output)).toEqual([basename(readlinkSync(output)), "output"].sort());
    });
  }
});

describe("two builds at once", () => {
  it("give one winner, and the other stops at once with a message that names the winner", async () => {
    const output = oldSite("concurrent");
    const first = buildProcess(newData, output, "--pause-at", "locked");
    await expect.poll(first.output, { timeout: 60_000, interval: 100 }).toContain("stage: locked");

    // Its own --deploy: the test writes nothing into the repository.
    const deploy = ["--deploy", join(work, "concurrent-deploy")];
    const second = await run([
      "scripts/build.ts",
      "--data",
      newData,
      "--out",
      output,
      ...deploy,
      "--today",
      "2026-11-25",
    ]).done;
    expect(second.code).toBe(75);
    expect(second.stderr).toContain(`Inget byggdes: en annan build (process ${first.child.pid} på `);
    expect(second.stderr).toContain("och den här build:en har inte ändrat något");
    expect(second.stdout).not.toContain("Built");
    expect(siteSnapshot(output)).toEqual(oldSnapshot);

    first.child.stdin?.write("go\n");
    const winner = await first.done;
    expect(winner.code).toBe(0);
    expect(siteSnapshot(output)).toEqual(newSnapshot);
    expect(buildFolders(output)).toEqual([basename(readlinkSync(output)), "output"].sort());
  });
});
