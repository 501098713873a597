/// <reference lib="dom" />
// npm run bench [-- --sizes 100,1000,10000] [--seed 1] [--out bench-results.json] [--work-dir DIR]
// Times each stage of our build and of a floor (bare Eleventy with a trivial template, and
// Pagefind over its pages) in the same run, with peak memory of each stage's process tree,
// then measures page weight. Prints a table and writes it as JSON. Never asserts timings.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { generateData, writeData } from "./bench/generate.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,1000,10000" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "bench-results.json" },
    // Where the generated data and the built sites go; a RAM disk (/dev/shm) takes the disk out of the figures.
    "work-dir": { type: "string", default: tmpdir() },
    "keep-temp": { type: "boolean", default: false },
  },
});

interface StageResult {
  stage: string;
  ms: number;
  peakRssMb: number;
  pages?: number;
}

/** Resident memory of a process and all its descendants, in kB, from /proc. */
function treeRssKb(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents)
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone already.
    }
  }
  return total;
}

/**
 * Writes out what earlier stages left in the page cache, so that no stage pays for another's
 * writes (a stage that writes a gigabyte of pages would otherwise slow the next one down).
 */
function settleDisk(): void {
  try {
    execFileSync("sync");
  } catch {
    // No sync(1) here: stages then share the disk's backlog.
  }
}

function runStage(
  stage: string,
  dataDir: string,
  workDir: string,
  env: Record<string, string> = {},
): Promise<StageResult> {
  settleDisk();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        "--max-old-space-size=4096",
        "scripts/bench/stage.ts",
        stage,
        dataDir,
        workDir,
      ],
      {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    let peak = 0;
    const sampler = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
    }, 50);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearInterval(sampler);
      const line = output
        .trim()
        .split("\n")
        .filter((text) => text.startsWith("{"))
        .at(-1);
      if (code !== 0 || !line) return reject(new Error(`stage ${stage} failed (exit ${code})`));
      const result = JSON.parse(line) as { ms: number; pages?: number };
      resolve({
        stage,
        ms: result.ms,
        peakRssMb: peak / 1024,
        ...(result.pages === undefined ? {} : { pages: result.pages }),
      });
    });
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => join(dir, file));
}

interface Weight {
  kind: string;
  pages: number;
  maxHtmlCssBytes: number;
  maxHtmlCssGzipBytes: number;
  maxJsBytes: number;
}

/** Per page type: the heaviest page's HTML + CSS, raw and gzipped, and the JavaScript it loads. */
function pageWeights(site: string): Weight[] {
  const css = readFileSync(join(site, "assets", "style.css"));
  const byKind = new Map<string, Weight>();
  for (const file of htmlFiles(site)) {
    const html = readFileSync(file);
    const kind =
      /<body class="page-([a-z-]+)"/.exec(html.toString())?.[1] ??
      (file.endsWith(`${site}/index.html`) ? "language-chooser" : "other");
    const scripts = [...html.toString().matchAll(/<script src="([^"]+)"/g)].map(
      (match) => statSync(join(site, match[1]!)).size,
    );
    const weight = byKind.get(kind) ?? { kind, pages: 0, maxHtmlCssBytes: 0, maxHtmlCssGzipBytes: 0, maxJsBytes: 0 };
    weight.pages++;
    weight.maxHtmlCssBytes = Math.max(weight.maxHtmlCssBytes, html.length + css.length);
    weight.maxHtmlCssGzipBytes = Math.max(weight.maxHtmlCssGzipBytes, gzipSync(html).length + gzipSync(css).length);
    weight.maxJsBytes = Math.max(
      weight.maxJsBytes,
      scripts.reduce((sum, size) => sum + size, 0),
    );
    byKind.set(kind, weight);
  }
  return [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

interface FirstSearch {
  /** Bytes fetched for the search page and the results of a first query. */
  bytes: number;
  requests: number;
  /** From pressing Enter to the results being announced. */
  ms: number;
}

/** What a browser fetches, and how long it waits, to show the search page and a first query's results. */
async function firstSearch(site: string): Promise<FirstSearch | undefined> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return undefined;
  const { launchBrowser, serve } = await import("../test/helpers/browser.js");
  const server = await serve(site);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on("response", async (response) => {
      requests++;
      try {
        bytes += (await response.body()).length;
      } catch {
        // Redirects and aborted requests have no body.
      }
    });
    await page.goto(`${server.origin}/en/search/`);
    await page.waitForSelector("#search-form:not([hidden])");
    await page.fill("#search-query", "water");
    const pressed = performance.now();
    await page.press("#search-query", "Enter");
    await page.waitForFunction(() => (document.querySelector("#search-status")?.textContent ?? "") !== "");
    const ms = performance.now() - pressed;
    await page.waitForTimeout(500);
    return { bytes, requests, ms };
  } finally {
    await browser.close();
    await server.close();
  }
}

const sizes = values.sizes.split(",").map(Number);
const results: Record<string, unknown>[] = [];
const format = (n: number, digits = 0) => n.toFixed(digits).padStart(9);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; working in ${values["work-dir"]}`,
);

for (const size of sizes) {
  const work = mkdtempSync(join(values["work-dir"], `utblick-bench-${size}-`));
  const dataDir = join(work, "data");
  writeData(generateData(size, Number(values.seed)), dataDir);
  const ours: Record<string, StageResult> = {};
  for (const stage of ["validate", "pages", "exports", "search", "total"])
    ours[stage] = await runStage(stage, dataDir, work);
  const pages = ours.total!.pages ?? 0;
  const floorPages = await runStage("floor-pages", dataDir, work, { BENCH_PAGES: String(pages) });
  const floorSearch = await runStage("floor-search", dataDir, work);
  const sizesFile = join(work, "page-sizes.json");
  writeFileSync(sizesFile, JSON.stringify(htmlFiles(join(work, "total")).map((file) => statSync(file).size)));
  const floorWrite = await runStage("floor-write", dataDir, work, { BENCH_SIZES: sizesFile });
  const floorTotal = floorPages.ms + floorSearch.ms;
  const weights = pageWeights(join(work, "total"));
  const search = size === sizes[0] || size === sizes.at(-1) ? await firstSearch(join(work, "total")) : undefined;
  const row = {
    projects: size,
    pages,
    stages: ours,
    floor: {
      pages: floorPages,
      search: floorSearch,
      totalMs: floorTotal,
      peakRssMb: Math.max(floorPages.peakRssMb, floorSearch.peakRssMb),
      sameBytes: floorWrite,
    },
    ratios: {
      pages: ours.pages!.ms / floorPages.ms,
      pagesToSameBytes: ours.pages!.ms / floorWrite.ms,
      search: ours.search!.ms / floorSearch.ms,
      total: ours.total!.ms / floorTotal,
    },
    weights,
    ...(search === undefined ? {} : { firstSearch: search }),
  };
  results.push(row);
  console.log(`\nN = ${size} projects, ${pages} pages`);
  console.log("stage         ours ms   peak MB  floor ms  ours/floor");
  for (const [stage, floor] of [
    ["validate"],
    ["pages", floorPages],
    ["exports"],
    ["search", floorSearch],
    ["total", { ms: floorTotal }],
  ] as [string, { ms: number } | undefined][]) {
    const result = ours[stage]!;
    console.log(
      `${stage.padEnd(10)}${format(result.ms)}${format(result.peakRssMb)}${floor ? format(floor.ms) : "        –"}${floor ? format(result.ms / floor.ms, 2) : "        –"}`,
    );
  }
  console.log(
    `pages, floor writing the same bytes: ${format(floorWrite.ms)} ms; ours/that ${(ours.pages!.ms / floorWrite.ms).toFixed(2)}`,
  );
  const previous = results.at(-2) as { stages: Record<string, StageResult>; projects: number } | undefined;
  if (previous) {
    console.log(
      `growth from N = ${previous.projects}: total × ${(ours.total!.ms / previous.stages.total!.ms).toFixed(2)} for × ${(size / previous.projects).toFixed(0)} projects`,
    );
  }
  console.log("page type            pages  max HTML+CSS  gzip   JS bytes");
  for (const weight of weights)
    console.log(
      `${weight.kind.padEnd(20)}${String(weight.pages).padStart(6)}${format(weight.maxHtmlCssBytes, 0).padStart(14)}${format(weight.maxHtmlCssGzipBytes).padStart(7)}${String(weight.maxJsBytes).padStart(10)}`,
    );
  if (search !== undefined)
    console.log(
      `search page and a first query: ${search.bytes} bytes in ${search.requests} requests; results after ${search.ms.toFixed(0)} ms`,
    );
  if (!values["keep-temp"]) rmSync(work, { recursive: true, force: true });
}

writeFileSync(
  values.out,
  `${JSON.stringify({ machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, workDir: values["work-dir"], results }, null, 2)}\n`,
);
console.log(`\nWritten to ${values.out}`);
