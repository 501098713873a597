// npm run editor-loop [-- --projects N] [--runs N]: the editor's loop, measured as the editor
// lives it: a project page open in Chromium under the preview, a title saved in its file, and the
// time until the reloaded page shows the new title. On a copy of data/ (default) or on N generated
// projects; the repository's data/ is never written.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildDay } from "../src/model/today.js";
import { startDevServer } from "../src/preview/server.js";
import { generateData, writeData } from "./bench/generate.js";
import { readArguments } from "./cli.js";

const { values } = readArguments(
  { projects: { type: "string" }, runs: { type: "string", default: "5" } },
  "cli.editorLoop.usage",
);

const root = mkdtempSync(join(tmpdir(), "utblick-loop-"));
const dataDir = join(root, "data");
if (values.projects) writeData(generateData(Number(values.projects)), dataDir);
else cpSync("data", dataDir, { recursive: true });

const server = await startDevServer({ dataDir, today: buildDay(), port: 0, log: () => undefined });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const id = readdirSync(join(dataDir, "projects"))
    .sort()[0]!
    .replace(/\.yaml$/, "");
  const file = join(dataDir, "projects", `${id}.yaml`);
  const page = await browser.newPage();
  await page.goto(`${server.url}sv/projekt/${id}/`);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    const text = readFileSync(file, "utf8");
    const title = `Ändrad titel ${run}`;
    const changed = text.replace(/^title:\n {2}sv: .*$/m, `title:\n  sv: ${title}`);
    if (changed === text) throw new Error(`${file}: no "title: sv:" lines to change`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    writeFileSync(file, changed);
    await page.waitForFunction((expected) => document.querySelector("h1")?.textContent === expected, title, {
      polling: 10,
      timeout: 30_000,
    });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const projects = readdirSync(join(dataDir, "projects")).length;
  const rounded = (values: number[]) => values.map((value) => Math.round(value)).join(", ");
  const median = Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
  console.log(
    `${projects} projects: save → reloaded page with the change in ${rounded(times)} ms (median ${median} ms); ` +
      `CPU time of the preview server: ${rounded(cpu)} ms; ` +
      `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
