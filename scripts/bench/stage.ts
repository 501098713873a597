// One stage of the benchmark, run in a process of its own so its time and memory stand alone.
// Usage: tsx scripts/bench/stage.ts <stage> <dataDir> <workDir>; prints one JSON line.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { build, garbageCollector, OUTPUTS_PER_RUN } from "../../src/build.js";
import { planRuns } from "../../src/core/outputs.js";
import { openData } from "../../src/exports/files.js";
import { loadDataset } from "../../src/model/index.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { indexAllPages, indexSite } from "../../src/search/indexer.js";
import { siteOutputs } from "../../src/site/pages/index.js";
import sitePlugin from "../../src/site/plugin.js";

const [stage, dataDir, workDir] = process.argv.slice(2) as [string, string, string];
const today = buildDay("2026-11-25");

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).length;
}

async function eleventy(output: string, configure: (config: UserConfig) => void): Promise<void> {
  const instance = new Eleventy("src/site", output, { configPath: "", quietMode: true, config: configure });
  await instance.write();
}

interface FloorPage {
  readonly lang: string;
  readonly index: number;
  readonly size: number;
}

/** Bare Eleventy for the floors: one paginated template over `items`, nothing else. */
async function bareEleventy(
  output: string,
  items: readonly FloorPage[],
  permalink: (item: FloorPage) => string,
  render: (item: FloorPage) => string,
): Promise<void> {
  await eleventy(output, (config) => {
    config.addGlobalData("items", items);
    config.addTemplate("floor.11ty.js", {
      data: () => ({
        pagination: { data: "items", size: 1, alias: "item" },
        permalink: (data: { item: FloorPage }) => permalink(data.item),
      }),
      render: (data: { item: FloorPage }) => render(data.item),
    });
    config.setTemplateFormats(["11ty.js"]);
    config.setQuietMode(true);
  });
}

const floorLanguage = (index: number): string => ["sv", "en", "de"][index % 3]!;

const started = performance.now();
let pages: number | undefined;
switch (stage) {
  case "validate": {
    const result = validateDataDirectory(dataDir, { today });
    if (!result.dataset) throw new Error("the generated data is invalid");
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
  case "floor-pages": {
    // Bare Eleventy: the same number of pages, in three languages, from a trivial template.
    const count = Number(process.env.BENCH_PAGES ?? "0");
    const items = Array.from({ length: count }, (_, index) => ({ lang: floorLanguage(index), index, size: 0 }));
    await bareEleventy(
      join(workDir, "floor"),
      items,
      (item) => `/${item.lang}/page-${item.index}/index.html`,
      (item) =>
        `<!doctype html><html lang="${item.lang}"><head><meta charset="utf-8"><title>Page ${item.index}</title></head><body><main data-pagefind-body><h1>Page ${item.index}</h1><p>Text of page ${item.index} for the floor of the benchmark.</p></main></body></html>`,
    );
    pages = count;
    break;
  }
  case "floor-write": {
    // Bare Eleventy again, writing pages of the same sizes as ours at the same addresses' depth:
    // what writing our bytes costs on this disk, whatever renders them.
    const sizes = JSON.parse(readFileSync(process.env.BENCH_SIZES ?? "", "utf8")) as number[];
    const items = sizes.map((size, index) => ({ lang: floorLanguage(index), index, size }));
    await bareEleventy(
      join(workDir, "floor-write"),
      items,
      (item) => `/${item.lang}/section/page-${item.index}/index.html`,
      (item) => {
        const head = `<!doctype html><html lang="${item.lang}"><head><meta charset="utf-8"><title>Page ${item.index}</title></head><body><main><p>`;
        return `${head}${"x".repeat(Math.max(0, item.size - head.length - 25))}</p></main></body></html>`;
      },
    );
    pages = sizes.length;
    break;
  }
  case "floor-search": {
    // The floor's pages all carry data-pagefind-body; every one of them is indexed.
    const result = await indexAllPages(join(workDir, "floor"), loadDataset(dataDir, today).site.languages);
    if (result.errors.length) throw new Error(result.errors.join("\n"));
    pages = result.pages;
    break;
  }
  default:
    throw new Error(`unknown stage ${stage}`);
}
console.log(JSON.stringify({ stage, ms: performance.now() - started, pages }));
