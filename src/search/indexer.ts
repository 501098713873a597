// Builds the Pagefind indexes over the written site: per language, bundles of at most
// `pagesPerBundle` record pages, built one after the other so that memory holds one bundle at a
// time; the search page merges a language's bundles in the browser. Errors come back as values;
// the plugin and the build turn them into a failed build.

import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { close, createIndex } from "pagefind";
import type { Lang } from "../core/languages.js";
import { bundlesManifestUrl, bundleUrl, type Section, sectionUrl } from "../core/routes.js";

/** The sections whose record pages are searchable; only their pages are read by Pagefind. */
const SEARCHABLE: readonly Section[] = ["projects", "partnerships", "networks", "organisations", "programmes"];

/** Pagefind holds a bundle's pages in memory while it indexes them; this bounds it. */
export const PAGES_PER_BUNDLE = 3000;

export const PAGEFIND_OPTIONS = { excludeSelectors: ["nav", "footer", ".breadcrumbs", ".languages", ".pagination"] };

export interface IndexResult {
  readonly errors: readonly string[];
  readonly pages: number;
}

/** A language's record pages, as site paths (sv/projekt/nonhazcity/index.html). */
export function recordPages(siteDir: string, lang: Lang): string[] {
  return searchedSections(lang).flatMap((url) => {
    const dir = url.replace(/^\/|\/$/g, "");
    if (!existsSync(join(siteDir, dir))) return [];
    return readdirSync(join(siteDir, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(siteDir, dir, entry.name, "index.html")))
      .map((entry) => join(dir, entry.name, "index.html"))
      .sort();
  });
}

/** Indexes every language, one after the other, and stops Pagefind's service. */
export async function indexSite(
  siteDir: string,
  languages: readonly Lang[],
  pagesPerBundle = PAGES_PER_BUNDLE,
): Promise<IndexResult> {
  const results: IndexResult[] = [];
  try {
    for (const lang of languages) {
      const result = await indexLanguage(siteDir, lang, pagesPerBundle);
      results.push(result);
      if (result.errors.length) break;
    }
  } finally {
    await closeSearchService();
  }
  return {
    errors: results.flatMap((result) => result.errors),
    pages: results.reduce((sum, result) => sum + result.pages, 0),
  };
}

/** Pagefind runs as a service process; it must be stopped once all indexing is done. */
export async function closeSearchService(): Promise<void> {
  await close();
}

/** Where the searchable pages of a language live (/sv/projekt/, …): once these are written, it can be indexed. */
export const searchedSections = (lang: Lang): string[] => SEARCHABLE.map((section) => sectionUrl(lang, section));

/**
 * Indexes one language's record pages into its bundles and writes its manifest. The build calls
 * it as soon as a language's pages are written, while Eleventy writes the next language.
 */
export async function indexLanguage(
  siteDir: string,
  lang: Lang,
  pagesPerBundle = PAGES_PER_BUNDLE,
): Promise<IndexResult> {
  const errors: string[] = [];
  let pages = 0;
  const files = recordPages(siteDir, lang).filter((file) => isMarked(join(siteDir, file)));
  const bundles: string[] = [];
  const size = pagesPerBundle;
  for (let start = 0; start < files.length || bundles.length === 0; start += size) {
    const created = await createIndex(PAGEFIND_OPTIONS);
    const index = created.index;
    if (!index) return { errors: created.errors, pages };
    errors.push(...created.errors);
    // Pagefind reads the bundle's pages itself, in parallel and without a round trip per page,
    // chosen by a glob: no copy or link of thousands of pages to make and remove.
    const bundle = files.slice(start, start + size);
    if (bundle.length) {
      const added = await index.addDirectory({ path: siteDir, glob: bundleGlob(lang, bundle) });
      errors.push(...added.errors);
      pages += added.page_count;
    }
    const url = bundleUrl(lang, bundles.length + 1);
    const written = await index.writeFiles({ outputPath: join(siteDir, url) });
    errors.push(...written.errors);
    await index.deleteIndex();
    bundles.push(url);
    if (errors.length) return { errors, pages };
    if (files.length === 0) break;
  }
  // Relative to the manifest, so that the bundles are found wherever the site is published.
  const relative = bundles.map((url) => url.slice(bundleUrl(lang).length) || "./");
  writeFileSync(join(siteDir, bundlesManifestUrl(lang)), `${JSON.stringify(relative)}\n`);
  return { errors, pages };
}

/** Pagefind would index a page without data-pagefind-body whole, navigation and all. */
function isMarked(path: string): boolean {
  return readFileSync(path, "latin1").includes("data-pagefind-body");
}

const escapeGlob = (text: string): string => text.replace(/[\\{}[\]*?,()<>:!#]/g, "\\$&");

/**
 * A glob that matches exactly the given pages of one language ("sv/projekt/x/index.html", …):
 * "sv/{projekt/{x,y},program/{z}}/index.html". Its fixed start keeps Pagefind's walk inside the
 * language's folder.
 */
export function bundleGlob(lang: Lang, files: readonly string[]): string {
  const bySection = new Map<string, string[]>();
  for (const file of files) {
    const [, section, id] = file.split("/") as [string, string, string];
    const ids = bySection.get(section) ?? [];
    ids.push(escapeGlob(id));
    bySection.set(section, ids);
  }
  const alternatives = [...bySection].map(([section, ids]) => `${escapeGlob(section)}/{${ids.join(",")}}`);
  return `${escapeGlob(lang)}/{${alternatives.join(",")}}/index.html`;
}

/**
 * Fills `input` with links to those of the given site paths that are marked for indexing (copies
 * where the file system has no hard links). Pagefind would index an unmarked page whole.
 */
export function linkPages(siteDir: string, files: readonly string[], input: string): void {
  rmSync(input, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  for (const file of files) {
    if (!readFileSync(join(siteDir, file), "latin1").includes("data-pagefind-body")) continue;
    const target = join(input, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(siteDir, file), target);
    } catch {
      copyFileSync(join(siteDir, file), target);
    }
  }
}
