/// <reference lib="dom" />
// npm run bench [-- --sizes 1000,10000] [--publications 300 --projects 1500] [--includes vendored|path]
//   [--cases sizes,aggregate] [--repeat 1] [--seed 1] [--out bench-results.json] [--work-dir DIR] [--no-sync]
// For each size: generates that many projects, times each stage of our build and the whole build,
// then, in the same run and on the same disk, the same-work floor read back from the finished
// build: bare Eleventy writing our exact files, Pagefind indexing exactly our searchable pages,
// and copying our open-data files. Peak memory is of each stage's process tree. Prints ours /
// floor per stage and in total, the growth between sizes and the page weight, and writes it all
// as JSON. Then the aggregate: that many publications with that many projects in all, each a data
// folder, a register including them all (each a vendored release pinned by its hash, or its folder),
// and one publication of the same records; it prints the build of each, the ratio of the two and
// their peak memory. Never asserts timings.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildDay } from "../src/model/today.js";
import { BENCH_DAY, generateAggregate, generateData, writeAggregate, writeData } from "./bench/generate.js";
import { vendorAggregate } from "./bench/vendor.js";
import { readArguments } from "./cli.js";

const { values } = readArguments(
  {
    sizes: { type: "string", default: "1000,10000" },
    // The aggregate: publications, and projects in all (shared out among them).
    publications: { type: "string", default: "300" },
    projects: { type: "string", default: "1500" },
    // How the register includes its publications: pinned releases vendored under includes/, or their folders.
    includes: { type: "string", default: "vendored" },
    // Which cases run: the sizes, the aggregate, or both.
    cases: { type: "string", default: "sizes,aggregate" },
    // Builds of each side of the aggregate, taking turns; the quickest of each counts (a shared machine's noise).
    repeat: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "bench-results.json" },
    // Where the generated data and the built sites go; a RAM disk (/dev/shm) takes the disk out of the figures.
    "work-dir": { type: "string", default: tmpdir() },
    "keep-temp": { type: "boolean", default: false },
    // No sync(1) between stages: for the quick run in the tests, where the disk's backlog is others'.
    "no-sync": { type: "boolean", default: false },
  },
  "cli.bench.usage",
);

interface StageResult {
  stage: string;
  ms: number;
  peakRssMb: number;
  pages?: number;
  /** Processor time of the stage's process and the processes it waited for, where /proc tells. */
  cpuMs?: number;
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
    for (const [pid, parent] of parents) {
      if (!tree.has(parent) || tree.has(pid)) continue;
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
  if (values["no-sync"]) return;
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
        // The floor holds all our files at once, as bare Eleventy does in one run.
        `--max-old-space-size=${stage === "floor-write" ? 8192 : 4096}`,
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
      const result = JSON.parse(line) as { ms: number; pages?: number; cpuMs?: number };
      resolve({
        stage,
        ms: result.ms,
        peakRssMb: peak / 1024,
        ...(result.pages === undefined ? {} : { pages: result.pages }),
        ...(result.cpuMs === undefined ? {} : { cpuMs: result.cpuMs }),
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

/**
 * What a browser fetches, and how long it waits, to show the search page and a first query's
 * results; or why it could not be measured.
 */
async function firstSearch(site: string): Promise<FirstSearch | { notMeasured: string }> {
  const { CHROMIUM } = await import("../test/helpers/browser.js");
  if (!existsSync(CHROMIUM))
    return {
      notMeasured: `no Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    };
  try {
    return await measureFirstSearch(site);
  } catch (error) {
    return { notMeasured: `Chromium at ${CHROMIUM} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function measureFirstSearch(site: string): Promise<FirstSearch> {
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
    // The status says "type a search term" until results are in: cleared, it tells when they are.
    await page.$eval("#search-status", (element) => {
      element.textContent = "";
    });
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

const cases = new Set(values.cases.split(","));
const unknownCase = [...cases].find((name) => name !== "sizes" && name !== "aggregate");
if (unknownCase !== undefined) throw new Error(`unknown case ${unknownCase}: sizes, aggregate or both`);
if (values.includes !== "vendored" && values.includes !== "path")
  throw new Error(`unknown --includes ${values.includes}: vendored or path`);
const sizes = cases.has("sizes") ? values.sizes.split(",").map(Number) : [];
const seconds = (ms: number) => Math.round(ms) / 1000;
const mib = (mb: number) => Math.round(mb);
const fixed = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model ?? "?",
  memory_gib: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log(
  `Machine: ${machine.cpus} × ${machine.model}, ${machine.memory_gib} GiB, Node ${machine.node}; ` +
    `working in ${values["work-dir"]}; load ${load().join(" ")}`,
);

/** Our stage and the floor stage that does the same work. */
const PAIRS = [
  ["validate", undefined],
  ["pages", "floor-write"],
  ["exports", "floor-copy"],
  ["search", "floor-search"],
] as const;

interface Run {
  projects: number;
  pages: number;
  searchable_pages: number;
  total_s: number;
  floor_s: number;
  total_ratio: number;
  peak_rss_mib: number;
  growth: { from_projects: number; total: number; floor: number } | null;
  load_before: number[];
  load_after: number[];
  stages: Record<string, { ours_s: number; peak_rss_mib: number; floor_s?: number; ratio?: number }>;
  floor: Record<string, { s: number; peak_rss_mib: number; pages?: number }>;
  weights: Weight[];
  first_search: FirstSearch | { notMeasured: string } | null;
}
const runs: Run[] = [];

/** One side of the aggregate case: the register or the single publication, built whole. */
export interface AggregateSide {
  pages: number;
  total_s: number;
  /** Processor seconds of that build and the processes it waited for (null where /proc does not tell). */
  cpu_s: number | null;
  peak_rss_mib: number;
  /** Its validation alone (the register's reads and validates every publication), and with the dataset built. */
  validate_s: number;
  dataset_s: number;
}

export interface AggregateRun {
  publications: number;
  projects: number;
  /** vendored: each publication a pinned release under the register's includes/; path: its folder. */
  includes: string;
  /** Records of each kind, the same on both sides. */
  records: Record<string, number>;
  register: AggregateSide;
  single: AggregateSide;
  /** The register's build over the single publication's, in wall time and in processor time. */
  ratio: number;
  cpu_ratio: number | null;
  /** Every build of each side, in seconds; total_s is the quickest. */
  builds: { register: number[]; single: number[] };
  load_before: number[];
  load_after: number[];
}
let aggregate: AggregateRun | undefined;

function writeReport(): void {
  const report = { machine, work_dir: values["work-dir"], seed: Number(values.seed), runs, aggregate };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * The register of `publications` publications with `projects` projects in all, and one publication
 * of the same records: each built whole (taking turns, the single first, `--repeat` times), then
 * validated, then loaded as a dataset, each in a process of its own.
 */
async function aggregateRun(publications: number, projects: number): Promise<AggregateRun> {
  const loadBefore = load();
  const work = mkdtempSync(join(values["work-dir"], `utblick-bench-aggregate-${publications}-`));
  const generated = generateAggregate({ publications, projects, seed: Number(values.seed) });
  writeAggregate(generated, work);
  if (values.includes === "vendored") vendorAggregate(work, buildDay(BENCH_DAY));
  const label = `${publications} publications, ${projects} projects`;
  const timed = async (side: "register" | "single", stage: string) => {
    const result = await runStage(stage, join(work, side), join(work, `${side}-build`));
    console.error(`  ${label}: ${side} ${stage} ${seconds(result.ms)} s, peak ${mib(result.peakRssMb)} MiB`);
    return result;
  };
  const builds: Record<"register" | "single", StageResult[]> = { register: [], single: [] };
  for (let turn = 0; turn < Math.max(1, Number(values.repeat)); turn++)
    for (const side of ["single", "register"] as const) builds[side].push(await timed(side, "total"));
  const quickest = (results: StageResult[]) => results.reduce((best, result) => (result.ms < best.ms ? result : best));
  const totals = { single: quickest(builds.single), register: quickest(builds.register) };
  const sideOf = async (side: "register" | "single"): Promise<AggregateSide> => ({
    pages: totals[side].pages ?? 0,
    total_s: seconds(totals[side].ms),
    cpu_s: totals[side].cpuMs === undefined ? null : seconds(totals[side].cpuMs),
    peak_rss_mib: mib(totals[side].peakRssMb),
    validate_s: seconds((await timed(side, "validate")).ms),
    dataset_s: seconds((await timed(side, "dataset")).ms),
  });
  const run: AggregateRun = {
    publications,
    projects,
    includes: values.includes,
    records: { ...generated.single.counts },
    single: await sideOf("single"),
    register: await sideOf("register"),
    ratio: Math.round((totals.register.ms / totals.single.ms) * 100) / 100,
    cpu_ratio:
      totals.register.cpuMs && totals.single.cpuMs
        ? Math.round((totals.register.cpuMs / totals.single.cpuMs) * 100) / 100
        : null,
    builds: {
      register: builds.register.map((build) => seconds(build.ms)),
      single: builds.single.map((build) => seconds(build.ms)),
    },
    load_before: loadBefore,
    load_after: load(),
  };
  console.log(`\nAggregate: ${label} in all, included as ${values.includes}; records ${JSON.stringify(run.records)}`);
  console.log("build                  pages  total (s)    CPU (s)  peak MiB  validate (s)  dataset (s)");
  for (const side of ["single", "register"] as const) {
    const result = run[side];
    console.log(
      [
        (side === "single" ? "one publication" : `register of ${publications}`).padEnd(20),
        String(result.pages).padStart(8),
        fixed(result.total_s).padStart(11),
        (result.cpu_s === null ? "–" : fixed(result.cpu_s)).padStart(11),
        fixed(result.peak_rss_mib, 0).padStart(10),
        fixed(result.validate_s, 2).padStart(14),
        fixed(result.dataset_s, 2).padStart(13),
      ].join(""),
    );
  }
  console.log(
    `register / one publication: ${run.ratio.toFixed(2)} (the target: at most 1.5)` +
      (run.cpu_ratio === null ? "" : `; in processor time ${run.cpu_ratio.toFixed(2)}`),
  );
  if (run.builds.single.length > 1)
    console.log(
      `every build (s): one publication ${run.builds.single.join(", ")}; register ${run.builds.register.join(", ")}`,
    );
  console.log(`load average before ${run.load_before.join(" ")}, after ${run.load_after.join(" ")}`);
  if (!values["keep-temp"]) rmSync(work, { recursive: true, force: true });
  return run;
}

for (const size of sizes) {
  const loadBefore = load();
  const work = mkdtempSync(join(values["work-dir"], `utblick-bench-${size}-`));
  const dataDir = join(work, "data");
  writeData(generateData(size, Number(values.seed)), dataDir);
  const ours: Record<string, StageResult> = {};
  // Each stage is printed as it ends: a run at 10 000 projects takes a while on a busy machine.
  const timed = async (stage: string) => {
    const result = await runStage(stage, dataDir, work);
    console.error(
      `  N = ${size}: ${stage} ${seconds(result.ms)} s, peak ${mib(result.peakRssMb)} MiB; load ${load()[0]}`,
    );
    return result;
  };
  // The whole build first, then the floor, which reads the files of the finished build in
  // work/total, then our stages one by one (search indexes what the pages stage wrote).
  ours.total = await timed("total");
  const floor: Record<string, StageResult> = {};
  for (const stage of ["floor-write", "floor-search", "floor-copy"]) floor[stage] = await timed(stage);
  for (const stage of ["validate", "pages", "exports", "search"]) ours[stage] = await timed(stage);
  const floorMs = Object.values(floor).reduce((sum, stage) => sum + stage.ms, 0);
  const weights = pageWeights(join(work, "total"));
  const search = size === sizes[0] || size === sizes.at(-1) ? await firstSearch(join(work, "total")) : null;
  const previous = runs.at(-1);
  const total = ours.total!;
  const run: Run = {
    projects: size,
    pages: total.pages ?? 0,
    searchable_pages: ours.search!.pages ?? 0,
    total_s: seconds(total.ms),
    floor_s: seconds(floorMs),
    total_ratio: Math.round((total.ms / floorMs) * 100) / 100,
    peak_rss_mib: mib(total.peakRssMb),
    growth: previous
      ? {
          from_projects: previous.projects,
          total: Math.round((total.ms / (previous.total_s * 1000)) * 100) / 100,
          floor: Math.round((floorMs / (previous.floor_s * 1000)) * 100) / 100,
        }
      : null,
    load_before: loadBefore,
    load_after: load(),
    stages: Object.fromEntries(
      PAIRS.map(([stage, floorStage]) => {
        const mine = ours[stage]!;
        const same = floorStage ? floor[floorStage]! : undefined;
        return [
          stage,
          {
            ours_s: seconds(mine.ms),
            peak_rss_mib: mib(mine.peakRssMb),
            ...(same ? { floor_s: seconds(same.ms), ratio: Math.round((mine.ms / same.ms) * 100) / 100 } : {}),
          },
        ];
      }),
    ),
    floor: Object.fromEntries(
      Object.entries(floor).map(([stage, result]) => [
        stage,
        {
          s: seconds(result.ms),
          peak_rss_mib: mib(result.peakRssMb),
          ...(result.pages === undefined ? {} : { pages: result.pages }),
        },
      ]),
    ),
    weights,
    first_search: search,
  };
  runs.push(run);

  console.log(`\nN = ${size} projects: ${run.pages} pages, ${run.searchable_pages} of them searchable`);
  console.log("stage          ours (s)  peak MiB  floor (s)  ours/floor");
  for (const [stage, result] of Object.entries(run.stages))
    console.log(
      [
        stage.padEnd(12),
        fixed(result.ours_s),
        fixed(result.peak_rss_mib, 0),
        result.floor_s === undefined ? "          –" : fixed(result.floor_s).padStart(11),
        result.ratio === undefined ? "           –" : fixed(result.ratio, 2).padStart(12),
      ].join(""),
    );
  console.log(
    [
      "total".padEnd(12),
      fixed(run.total_s),
      fixed(run.peak_rss_mib, 0),
      fixed(run.floor_s).padStart(11),
      fixed(run.total_ratio, 2).padStart(12),
    ].join(""),
  );
  console.log(
    "  (the floor's total is the sum of its three stages; our total is the whole build, stages side by side)",
  );
  if (run.growth)
    console.log(
      `growth from N = ${run.growth.from_projects}: ours × ${run.growth.total}, ` +
        `the floor × ${run.growth.floor}, for × ${(size / run.growth.from_projects).toFixed(0)} projects`,
    );
  console.log("page type            pages  max HTML+CSS  gzip   JS bytes");
  for (const weight of weights)
    console.log(
      [
        weight.kind.padEnd(20),
        String(weight.pages).padStart(6),
        String(weight.maxHtmlCssBytes).padStart(14),
        String(weight.maxHtmlCssGzipBytes).padStart(7),
        String(weight.maxJsBytes).padStart(10),
      ].join(""),
    );
  if (search && "notMeasured" in search) console.log(`first search not measured: ${search.notMeasured}`);
  else if (search)
    console.log(
      `search page and a first query: ${search.bytes} bytes in ${search.requests} requests; ` +
        `results after ${search.ms.toFixed(0)} ms`,
    );
  console.log(`load average before ${run.load_before.join(" ")}, after ${run.load_after.join(" ")}`);
  if (!values["keep-temp"]) rmSync(work, { recursive: true, force: true });
  // Written after each size, so that a long run stopped early keeps what it measured.
  writeReport();
}
if (cases.has("aggregate")) {
  aggregate = await aggregateRun(Number(values.publications), Number(values.projects));
  writeReport();
}
console.log(`\nWritten to ${values.out}`);
