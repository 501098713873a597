// One stage of the benchmark, run in a process of its own so its time and memory stand alone.
// Usage: tsx scripts/bench/stage.ts <stage> <dataDir> <workDir>; prints one JSON line.
// Ours: validate, dataset (validation and the dataset built from it, includes merged), pages,
// exports, search (each alone) and total (the whole build). The same-work
// floor, from the files of the finished build in <workDir>/total: floor-write (bare Eleventy
// writing our exact files), floor-search (Pagefind over exactly our searchable pages) and
// floor-copy (copying our open-data files).
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { createIndex } from "pagefind";
import { build, garbageCollector, OUTPUTS_PER_RUN } from "../../src/build/build.js";
import { planRuns } from "../../src/core/outputs.js";
import { openData } from "../../src/exports/files.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { indexSite, linkPages, PAGEFIND_OPTIONS, recordPages, useSearchService } from "../../src/search/indexer.js";
import { siteOutputs } from "../../src/site/pages/index.js";
import sitePlugin from "../../src/site/plugin.js";
import { BENCH_DAY } from "./generate.js";

const [stage, dataDir, workDir] = process.argv.slice(2) as [string, string, string];
const today = buildDay(BENCH_DAY);

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).length;
}

async function eleventy(output: string, configure: (config: UserConfig) => void): Promise<void> {
  const instance = new Eleventy("src/site", output, { configPath: "", quietMode: true, config: configure });
  await instance.write();
}

interface FloorFile {
  readonly url: string;
  readonly index: number;
}

/** Every file of a site, as paths relative to it. */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

const started = performance.now();
let pages: number | undefined;
/** Set by the floors that prepare their input first: the time of the work itself. */
let ms: number | undefined;
switch (stage) {
  case "validate": {
    const result = validateDataDirectory(dataDir, { today });
    if (!result.dataset) throw new Error("the generated data is invalid");
    break;
  }
  case "dataset": {
    loadDataset(dataDir, today);
    break;
  }
  case "pages": {
    // Written in runs of OUTPUTS_PER_RUN pages, as the build does.
    const afterRun = garbageCollector();
    const dataset = loadDataset(dataDir, today);
    for (const batch of planRuns([siteOutputs(dataset).map((output) => output.url)], OUTPUTS_PER_RUN)) {
      await eleventy(join(workDir, "pages"), (config) => {
        config.addPlugin(sitePlugin, { dataset: () => dataset, batch });
        config.setTemplateFormats(["11ty.js"]);
        config.setQuietMode(true);
      });
      afterRun();
    }
    pages = countHtml(join(workDir, "pages"));
    break;
  }
  case "exports": {
    const { files, recordFiles } = openData(loadDataset(dataDir, today));
    for (const file of [...files, ...recordFiles]) {
      const path = join(workDir, "exports", file.url);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await file.render());
    }
    break;
  }
  case "search": {
    const result = await indexSite(join(workDir, "pages"), loadDataset(dataDir, today).site.languages);
    if (result.errors.length) throw new Error(result.errors.join("\n"));
    pages = result.pages;
    break;
  }
  case "total": {
    const result = await build({ dataDir, outputDir: join(workDir, "total"), today, log: () => undefined });
    if (!result.ok) throw new Error("the build failed");
    pages = countHtml(join(workDir, "total"));
    break;
  }
  case "floor-write": {
    // Bare Eleventy writing our exact output files but the open data and the search index, read
    // back from the finished build before the clock starts and handed to a trivial template.
    const site = join(workDir, "total");
    const files = siteFiles(site).filter((file) => !/^(data|pagefind)\//.test(file));
    const contents = files.map((file) => readFileSync(join(site, file)));
    const items = files.map((file, index) => ({ url: `/${file}`, index }));
    const clock = performance.now();
    await eleventy(join(workDir, "floor-write"), (config) => {
      config.addGlobalData("items", items);
      config.addTemplate("floor.11ty.js", {
        data: () => ({
          pagination: { data: "items", size: 1, alias: "item" },
          permalink: (data: { item: FloorFile }) => data.item.url,
          eleventyAllowMissingExtension: true,
          eleventyExcludeFromCollections: true,
        }),
        render: (data: { item: FloorFile }) => contents[data.item.index]!.toString("utf8"),
      });
      config.setTemplateFormats(["11ty.js"]);
      config.setQuietMode(true);
    });
    ms = performance.now() - clock;
    pages = files.filter((file) => file.endsWith(".html")).length;
    break;
  }
  case "floor-search": {
    // Pagefind indexing exactly our searchable pages, one index per language, with our options.
    // The pages are linked into place before the clock starts, as the build does for its bundles.
    const site = join(workDir, "total");
    const inputs = loadDataset(dataDir, today).site.languages.map((lang) => {
      const input = join(workDir, `floor-search-input-${lang}`);
      linkPages(site, recordPages(site, lang), input);
      return [lang, input] as const;
    });
    const clock = performance.now();
    pages = 0;
    const release = useSearchService();
    try {
      for (const [lang, input] of inputs) {
        const created = await createIndex(PAGEFIND_OPTIONS);
        if (!created.index) throw new Error(created.errors.join("\n"));
        const added = await created.index.addDirectory({ path: input });
        const written = await created.index.writeFiles({ outputPath: join(workDir, "floor-search", lang) });
        const errors = [...created.errors, ...added.errors, ...written.errors];
        if (errors.length) throw new Error(errors.join("\n"));
        pages += added.page_count;
        await created.index.deleteIndex();
      }
    } finally {
      await release();
    }
    ms = performance.now() - clock;
    break;
  }
  case "floor-copy": {
    // Copying our open-data files: what publishing them costs once they exist.
    cpSync(join(workDir, "total", "data"), join(workDir, "floor-copy", "data"), { recursive: true });
    break;
  }
  default:
    throw new Error(`unknown stage ${stage}`);
}
/**
 * Processor time of this process and of the child processes it waited for (the build's indexer;
 * Pagefind's process, by the figures, is not among them), from /proc in clock ticks of 10 ms: on a
 * shared machine it varies less than the wall time.
 */
function cpuMs(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // utime, stime, cutime and cstime are fields 14 to 17 of proc(5); the text after ") " starts at field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * 10;
  } catch {
    return undefined;
  }
}
console.log(JSON.stringify({ stage, ms: ms ?? performance.now() - started, pages, cpuMs: cpuMs() }));
