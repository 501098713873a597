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
import { type Output, outputPath } from "../core/outputs.js";
import { bundlesManifestUrl, bundleUrl, type Section, sectionUrl } from "../core/routes.js";

/** The sections whose record pages are searchable; only their pages are read by Pagefind. */
const SEARCHABLE: readonly Section[] = ["projects", "partnerships", "networks", "organisations", "programmes"];

/** Pagefind holds a bundle's pages in memory while it indexes them; this bounds it. */
export const PAGES_PER_BUNDLE = 2500;

/**
 * What Pagefind leaves out of every page, so that an excerpt is the record's own text: the site's
 * navigation, and the interface inside content: the headings of the page's sections, the hint on
 * a table wider than the screen, a table's caption and column headers (whose words would be glued
 * to the next cell's), the notes on the sources' dates, the languages of the texts and computed
 * dates, text for screen readers, the list of sources and the download links. Contact persons
 * stay on the pages only, as in the open data.
 */
export const PAGEFIND_OPTIONS = {
  excludeSelectors: [
    "nav",
    "footer",
    ".breadcrumbs",
    ".languages",
    ".pagination",
    "h2[id]",
    "section > h2",
    "section > h3",
    ".scroll-hint",
    "caption",
    "thead",
    "th[scope=col]",
    ".described",
    ".coverage",
    ".note",
    ".visually-hidden",
    ".sources",
    ".downloads",
    "a[download]",
    ".contacts",
  ],
};

export interface IndexResult {
  readonly errors: readonly string[];
  readonly pages: number;
}

/** A language's record pages, as site paths (sv/projekt/nonhazcity/index.html). */
export function recordPages(siteDir: string, lang: Lang): string[] {
  return searchedSections(lang).flatMap((url) => {
    const dir = url.replace(/^\/|\/$/g, "");
    if (!existsSync(join(siteDir, dir))) return [];
    // A record's folder, and one level below for an included record's (its publisher's folder first).
    const pages = (folder: string, depth: number): string[] =>
      readdirSync(join(siteDir, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => {
          const inner = join(folder, entry.name);
          const own = existsSync(join(siteDir, inner, "index.html")) ? [join(inner, "index.html")] : [];
          return depth > 1 ? [...own, ...pages(inner, depth - 1)] : own;
        });
    return pages(dir, 2).sort();
  });
}

/** Indexes every language, one after the other, and stops Pagefind's service. */
export async function indexSite(
  siteDir: string,
  languages: readonly Lang[],
  pagesPerBundle = PAGES_PER_BUNDLE,
): Promise<IndexResult> {
  const results: IndexResult[] = [];
  const release = useSearchService();
  try {
    for (const lang of languages) {
      const result = await indexLanguage(siteDir, lang, pagesPerBundle);
      results.push(result);
      if (result.errors.length) break;
    }
  } finally {
    await release();
  }
  return {
    errors: results.flatMap((result) => result.errors),
    pages: results.reduce((sum, result) => sum + result.pages, 0),
  };
}

let searchServiceUsers = 0;

/**
 * Pagefind runs one service process for the whole Node process. It must be stopped once all
 * indexing is done, and not before: builds in one process share it. Gives back the end of this
 * use, which stops the service when no other use is left.
 */
export function useSearchService(): () => Promise<void> {
  searchServiceUsers++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--searchServiceUsers === 0) await close();
  };
}

/** Where the searchable pages of a language live (/sv/projekt/, …): once these are written, it can be indexed. */
export const searchedSections = (lang: Lang): string[] => SEARCHABLE.map((section) => sectionUrl(lang, section));

/**
 * The site paths of a language's searchable record pages among the outputs the build is about to
 * write, in the order recordPages finds them once written: the same pages, the same bundles.
 */
export function searchableFiles(lang: Lang, outputs: readonly Output[]): string[] {
  return searchedSections(lang).flatMap((section) =>
    outputs
      .filter(
        (output) =>
          output.searchable === true &&
          output.url.startsWith(section) &&
          // A record's page: its id, which for an included record is its publisher's slug and its id
          // there; never a later page of a list (a number).
          /^[^/]+\/([^/]*[^/0-9][^/]*\/)?$/.test(output.url.slice(section.length)),
      )
      .map((output) => outputPath(output.url))
      .sort(),
  );
}

/** The pages one Pagefind index holds: a slice of a language's searchable record pages. */
export interface Bundle {
  readonly lang: Lang;
  /** 1, 2, …: where it is written (bundleUrl) and its place in the language's manifest. */
  readonly number: number;
  /** Site paths ("sv/projekt/x/index.html"). */
  readonly files: readonly string[];
  /** How many bundles the language has: the last one writes the manifest. */
  readonly of: number;
}

/**
 * A language's searchable pages in bundles of at most `pagesPerBundle`; a language with none still
 * gets one (empty) bundle, so that its search page finds an index. The build plans the bundles
 * from the pages it is about to write, and hands each over as soon as its pages are written.
 */
export function planBundles(lang: Lang, files: readonly string[], pagesPerBundle = PAGES_PER_BUNDLE): Bundle[] {
  const slices: string[][] = [];
  for (let start = 0; start < files.length; start += pagesPerBundle)
    slices.push(files.slice(start, start + pagesPerBundle));
  if (slices.length === 0) slices.push([]);
  return slices.map((slice, index) => ({ lang, number: index + 1, files: slice, of: slices.length }));
}

/**
 * Indexes one bundle into its folder; the last bundle of a language also writes the language's
 * manifest (the list of its bundles that the search page merges). Whatever fails, Pagefind or
 * the disk, comes back as the result's error.
 */
export async function indexBundle(siteDir: string, bundle: Bundle): Promise<IndexResult> {
  try {
    return await indexBundleOrThrow(siteDir, bundle);
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)], pages: 0 };
  }
}

async function indexBundleOrThrow(siteDir: string, bundle: Bundle): Promise<IndexResult> {
  const created = await createIndex(PAGEFIND_OPTIONS);
  const index = created.index;
  if (!index) return { errors: created.errors, pages: 0 };
  const errors = [...created.errors];
  let pages = 0;
  // Pagefind reads the bundle's pages itself, in parallel and without a round trip per page,
  // chosen by a glob: no copy or link of thousands of pages to make and remove.
  if (bundle.files.length) {
    const added = await index.addDirectory({ path: siteDir, glob: bundleGlob(bundle.lang, bundle.files) });
    errors.push(...added.errors);
    pages += added.page_count;
  }
  const written = await index.writeFiles({ outputPath: join(siteDir, bundleUrl(bundle.lang, bundle.number)) });
  errors.push(...written.errors);
  await index.deleteIndex();
  if (bundle.number === bundle.of && errors.length === 0) {
    // Relative to the manifest, so that the bundles are found wherever the site is published.
    const relative = Array.from(
      { length: bundle.of },
      (_, index) => bundleUrl(bundle.lang, index + 1).slice(bundleUrl(bundle.lang).length) || "./",
    );
    writeFileSync(join(siteDir, bundlesManifestUrl(bundle.lang)), `${JSON.stringify(relative)}\n`);
  }
  return { errors, pages };
}

/** Indexes one language's written record pages, bundle after bundle. */
export async function indexLanguage(
  siteDir: string,
  lang: Lang,
  pagesPerBundle = PAGES_PER_BUNDLE,
): Promise<IndexResult> {
  const files = recordPages(siteDir, lang).filter((file) => isMarked(join(siteDir, file)));
  let pages = 0;
  for (const bundle of planBundles(lang, files, pagesPerBundle)) {
    const result = await indexBundle(siteDir, bundle);
    pages += result.pages;
    if (result.errors.length) return { errors: result.errors, pages };
  }
  return { errors: [], pages };
}

/** Pagefind would index a page without data-pagefind-body whole, navigation and all. */
function isMarked(path: string): boolean {
  return readFileSync(path, "latin1").includes("data-pagefind-body");
}

const escapeGlob = (text: string): string => text.replace(/[\\{}[\]*?,()<>:!#]/g, "\\$&");

/**
 * A glob that matches exactly the given pages of one language ("sv/projekt/x/index.html", …):
 * "sv/{projekt/{x,y,testkommun/z},program/{z}}/index.html". Its fixed start keeps Pagefind's walk inside the
 * language's folder.
 */
export function bundleGlob(lang: Lang, files: readonly string[]): string {
  const bySection = new Map<string, string[]>();
  for (const file of files) {
    // An included record's page sits one folder deeper, under its publisher: sv/projekt/testkommun/x/index.html.
    const [, section, ...rest] = file.split("/") as [string, string, ...string[]];
    const id = rest.slice(0, -1).join("/");
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
