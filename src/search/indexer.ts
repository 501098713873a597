// Builds the Pagefind indexes over the written site: one bundle per language, built one after
// the other so memory holds a single language at a time. Errors come back as values; the
// plugin turns them into a failed build.
import { close, createIndex } from "pagefind";
import { LANGUAGES, type Lang } from "../model/types.js";
import { SECTION_SLUGS, type Section } from "../i18n/routes.js";

/** The sections whose record pages are searchable; only their pages are read by Pagefind. */
const SEARCHABLE: readonly Section[] = ["projects", "partnerships", "networks", "organisations", "programmes"];

// Record pages of a language (sv/{projekt,partnerskap,…}/<id>/index.html); list pages are not read.
export function recordPagesGlob(lang: Lang): string {
  return `${lang}/{${SEARCHABLE.map((section) => SECTION_SLUGS[lang][section]).join(",")}}/*/index.html`;
}

export interface IndexResult {
  readonly errors: readonly string[];
  readonly pages: number;
}

/** Where a language's search bundle is published. */
export const bundleUrl = (lang: Lang): string => `/pagefind/${lang}/`;

/** `glob` chooses each language's pages; by default its record pages. */
export async function indexSite(siteDir: string, glob: (lang: Lang) => string = recordPagesGlob): Promise<IndexResult> {
  const errors: string[] = [];
  let pages = 0;
  try {
    for (const lang of LANGUAGES) {
      const created = await createIndex({ excludeSelectors: ["nav", "footer", ".breadcrumbs", ".languages", ".pagination"] });
      if (!created.index) return { errors: created.errors, pages };
      const added = await created.index.addDirectory({ path: siteDir, glob: glob(lang) });
      errors.push(...created.errors, ...added.errors);
      pages += added.page_count;
      const written = await created.index.writeFiles({ outputPath: `${siteDir}${bundleUrl(lang)}` });
      errors.push(...written.errors);
      await created.index.deleteIndex();
      if (errors.length) break;
    }
    return { errors, pages };
  } finally {
    await close();
  }
}
