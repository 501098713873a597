// What a web server must know about the site, derived from the same routes as the pages: where
// the site lives, which foreign section names redirect to which, which 404 page answers where,
// the headers every response carries and how long each kind of file may be cached (the media
// types are src/core/media-types.ts, which the editor's preview reads too). The nginx
// configuration, the _redirects file and the preview server are written from these rules; none of
// them restates a route.
import { availableLanguages, type Lang } from "../core/languages.js";
import { FEED_MEDIA_TYPE, MEDIA_TYPES } from "../core/media-types.js";
import { basePath, home, notFoundUrl, routeNames, type Section, sectionUrl } from "../core/routes.js";
import { contentSecurityPolicy, REFERRER_POLICY, SEARCH_SCRIPT_SOURCES } from "../core/security.js";
import type { DerivedStatusCode } from "../core/vocabulary.js";

/** The facts about a published site that a server needs. */
export interface Publication {
  /** The path the site lives under, "/" or "/internationellt/". */
  readonly base: string;
  /** The languages the site is published in (`site.languages`), the first being the default. */
  readonly languages: readonly Lang[];
}

export function publicationOf(site: { readonly base_url: string; readonly languages: readonly Lang[] }): Publication {
  return { base: basePath(site.base_url), languages: site.languages };
}

/**
 * A permanent redirect of every address that starts with `from` to the same address starting with
 * `to` (site paths, both ending in a slash). With `exact`, `from` itself redirects too; without
 * it, only addresses below it do (a foreign year facet must not capture a project of the same id).
 */
export interface Swap {
  readonly from: string;
  readonly to: string;
  readonly exact: boolean;
}

/**
 * The redirects that let a reader swap the language in an address: /de/projects/x/ →
 * /de/projekte/x/. One per language, level and foreign name: section names, the project facets,
 * the statuses and the data dictionary; never one per record. Foreign names come from every
 * language Utblick supports, so a partner's English address works on a site without English. A
 * foreign name that is a name of the language's own (another section, or the same one) gets no rule.
 */
export function languageSwaps(publication: Publication): Swap[] {
  const swaps: Swap[] = [];
  for (const lang of publication.languages) {
    const others = availableLanguages().filter((other) => other !== lang);
    const sections = Object.keys(routeNames(lang).sections) as Section[];
    const ownSections = sections.map((section) => routeNames(lang).sections[section]);
    for (const section of sections)
      swaps.push(
        ...swapsOf({
          parent: home(lang),
          own: routeNames(lang).sections[section],
          siblings: ownSections,
          foreign: others.map((other) => routeNames(other).sections[section]),
          exact: true,
        }),
      );
    const projects = sectionUrl(lang, "projects");
    const facets = Object.values(routeNames(lang).facets);
    for (const facet of ["status", "year"] as const)
      swaps.push(
        ...swapsOf({
          parent: projects,
          own: routeNames(lang).facets[facet],
          siblings: facets,
          foreign: others.map((other) => routeNames(other).facets[facet]),
          exact: facet === "status",
        }),
      );
    const statuses = Object.keys(routeNames(lang).statuses) as DerivedStatusCode[];
    const ownStatuses = statuses.map((status) => routeNames(lang).statuses[status]);
    for (const status of statuses)
      swaps.push(
        ...swapsOf({
          parent: `${projects}${routeNames(lang).facets.status}/`,
          own: routeNames(lang).statuses[status],
          siblings: ownStatuses,
          foreign: others.map((other) => routeNames(other).statuses[status]),
          exact: true,
        }),
      );
    swaps.push(
      ...swapsOf({
        parent: sectionUrl(lang, "openData"),
        own: routeNames(lang).dictionary,
        siblings: [routeNames(lang).dictionary],
        foreign: others.map((other) => routeNames(other).dictionary),
        exact: true,
      }),
    );
  }
  return swaps;
}

/** One level of a language's addresses: a name of its own, and what other languages call it. */
interface SwapLevel {
  /** The address the names stand below. */
  readonly parent: string;
  readonly own: string;
  /** Every name of the language at this level: a foreign name among them gets no redirect. */
  readonly siblings: readonly string[];
  readonly foreign: readonly string[];
  /** Whether the foreign name's own address redirects too (see Swap). */
  readonly exact: boolean;
}

function swapsOf(level: SwapLevel): Swap[] {
  return [...new Set(level.foreign)]
    .filter((name) => !level.siblings.includes(name))
    .map((name) => ({ from: `${level.parent}${name}/`, to: `${level.parent}${level.own}/`, exact: level.exact }));
}

/** The 404 page of each language's addresses; anything else gets the first language's. */
export function notFoundPages(publication: Publication): { readonly prefix: string; readonly page: string }[] {
  return publication.languages.map((lang) => ({ prefix: home(lang), page: notFoundUrl(lang) }));
}

/**
 * The headers of every response. The Content-Security-Policy header allows what the most
 * permissive page needs (the search page's WebAssembly); each page's meta element narrows it
 * further, and the header adds what only a header can say (frame-ancestors).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": [
    contentSecurityPolicy({ allowed: true, extra: SEARCH_SCRIPT_SOURCES }),
    "frame-ancestors 'self'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": REFERRER_POLICY,
  "Permissions-Policy":
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
};

/** HSTS, for a host served only over HTTPS: documented, commented out in the configuration. */
export const HSTS_HEADER = { name: "Strict-Transport-Security", value: "max-age=31536000" } as const;

/**
 * How long a response may be cached. Files whose name changes with their content (Pagefind's
 * hashed index files, assets named by a hash) never change: a year. Pagefind's unhashed entry
 * files name the hashed ones, which a new build deletes, so they are revalidated every time.
 * Pages and open data change with each build: five minutes.
 */
export const CACHE = {
  immutable: "public, max-age=31536000, immutable",
  revalidate: "no-cache",
  short: "public, max-age=300",
} as const;

/** File names that change with their content: pagefind's `sv_1a2b3c4.pf_index`, `style.0123abcd.css`. */
export const CONTENT_NAMED = /(?:_[0-9a-f]{7,}\.pf_[a-z]+|\.[0-9a-f]{8,}\.[a-z0-9]+)$/;

/** The folder of the search bundles; its unhashed files are revalidated. */
export const SEARCH_ROOT = "/pagefind/";

/** The media types worth compressing: text, and WebAssembly. Pagefind's files are compressed already. */
export const COMPRESSED_TYPES: readonly string[] = [
  ...MEDIA_TYPES.filter((media) => media.text && media.type !== "text/html").map((media) => media.type),
  FEED_MEDIA_TYPE,
  "application/wasm",
];

/**
 * The language to send a reader to from the root, from an Accept-Language header: the first
 * language range the site publishes in that is not refused with q=0. Undefined keeps the chooser.
 */
export function preferredLanguage(acceptLanguage: string | undefined, publication: Publication): Lang | undefined {
  if (!acceptLanguage) return undefined;
  for (const range of acceptLanguage.split(",")) {
    const [tag = "", ...params] = range.trim().toLowerCase().split(";");
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    const primary = tag.trim().split("-")[0] ?? "";
    const lang = publication.languages.find((candidate) => candidate === primary);
    if (lang) return lang;
  }
  return undefined;
}

/**
 * The same choice as one PCRE for nginx, capturing the language in $1: skips every range that
 * is not one of the site's languages or is refused with q=0, and takes the first that is.
 */
export function preferredLanguagePattern(publication: Publication): string {
  const langs = publication.languages.join("|");
  const refused = `[^,;]*;\\s*q=0(?:\\.0{0,3})?\\s*(?:,|$)`;
  const other = `(?!\\s*(?:${langs})(?:-[^,;]*)?\\s*(?:;|,|$))[^,]*(?:,|$)`;
  // One of the languages, with a weight other than 0 or none.
  const weight = `;\\s*q=(?!0(?:\\.0{0,3})?\\s*(?:,|$))[0-9.]+\\s*`;
  const accepted = `\\s*(${langs})(?:-[^,;]*)?\\s*(?:${weight})?(?:,|$)`;
  return `^(?:\\s*(?:${refused}|${other}))*${accepted}`;
}
