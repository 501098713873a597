// How the preview server answers, by the same rules as nginx: the language swaps, the choice of
// language at the root, and the 404 page of the requested language. Files themselves are served by
// sirv (scripts/preview.ts).
import { hrefOf, rootNotFoundUrl } from "../core/routes.js";
import { languageSwaps, notFoundPages, type Publication, preferredLanguage } from "./rules.js";

export interface Redirect {
  readonly status: 301 | 302;
  readonly location: string;
}

/** The redirect a request gets, if any; `path` is the requested path, base path included. */
export function redirectFor(publication: Publication, path: string, acceptLanguage?: string): Redirect | undefined {
  const { base } = publication;
  if (path === base || (base !== "/" && path === "/")) {
    const lang = preferredLanguage(acceptLanguage, publication);
    if (lang) return { status: 302, location: hrefOf(base, `/${lang}/`) };
    return path === base ? undefined : { status: 302, location: base };
  }
  if (!path.startsWith(base)) return undefined;
  const sitePath = `/${path.slice(base.length)}`;
  for (const swap of languageSwaps(publication)) {
    const rest = sitePath.startsWith(swap.from) ? sitePath.slice(swap.from.length) : undefined;
    if (rest !== undefined && (swap.exact || rest !== ""))
      return { status: 301, location: hrefOf(base, swap.to + rest) };
    if (swap.exact && `${sitePath}/` === swap.from) return { status: 301, location: hrefOf(base, swap.to) };
  }
  return undefined;
}

/** The 404 page (a site path) for a site path that has no file: its language's, or the root's. */
export function notFoundPageFor(publication: Publication, sitePath: string): string {
  return notFoundPages(publication).find(({ prefix }) => sitePath.startsWith(prefix))?.page ?? rootNotFoundUrl;
}
