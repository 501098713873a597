// Builds the Pagefind index over the written site: one index per language, from the pages'
// data-pagefind-* markup. Errors come back as values; the plugin turns them into a failed build.
import { close, createIndex } from "pagefind";

export interface IndexResult {
  readonly errors: readonly string[];
  readonly pages: number;
}

export async function indexSite(siteDir: string): Promise<IndexResult> {
  try {
    const created = await createIndex({ excludeSelectors: ["nav", "footer", ".breadcrumbs", ".languages", ".pagination"] });
    if (!created.index) return { errors: created.errors, pages: 0 };
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length) return { errors: added.errors, pages: added.page_count };
    const written = await created.index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    return { errors: [...created.errors, ...written.errors], pages: added.page_count };
  } finally {
    await close();
  }
}
