// One build in a process of its own, for the kill tests:
//   node --import tsx test/build/build-process.ts <data> <output> [--kill-at STAGE] [--pause-at STAGE]
// It prints "stage: NAME" at each stage; at --kill-at it kills itself with SIGKILL, as a kill -9
// at that moment would; at --pause-at it waits for a line on its standard input.
import { parseArgs } from "node:util";
import { build } from "../../src/build/build.js";
import { BuildLockedError } from "../../src/build/publish.js";
import { buildDay } from "../../src/model/today.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "kill-at": { type: "string" }, "pause-at": { type: "string" } },
});
const [dataDir, outputDir] = positionals as [string, string];

try {
  const result = await build({
    dataDir,
    outputDir,
    today: buildDay("2026-11-25"),
    log: (line) => console.log(line),
    onStage: async (stage) => {
      console.log(`stage: ${stage}`);
      if (stage === values["kill-at"]) process.kill(process.pid, "SIGKILL");
      if (stage === values["pause-at"]) {
        await new Promise((resolve) => process.stdin.once("data", resolve));
        process.stdin.pause();
      }
    },
  });
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof BuildLockedError ? 75 : 1;
}
