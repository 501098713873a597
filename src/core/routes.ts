// Every URL of the site: a language prefix, a section name in that language, and the
// language-neutral record id last (/sv/projekt/nonhazcity/, /en/projects/nonhazcity/).
import { readCatalogueFile } from "./catalogues.js";
import { type Lang, LOCALES_DIR } from "./languages.js";
import { memoize } from "./memo.js";
import type { DerivedStatusCode, Kind } from "./vocabulary.js";

export type Section =
  | "projects"
  | "partnerships"
  | "networks"
  | "organisations"
  | "programmes"
  | "countries"
  | "themes"
  | "sdgs"
  | "openData"
  | "search"
  | "about"
  | "accessibility"
  | "statistics"
  | "map";

/** The names of a language's addresses, from its catalogue's `routes` section. */
interface RouteNames {
  readonly sections: Readonly<Record<Section, string>>;
  /** Sub-lists of projects: by status and by year. */
  readonly facets: Readonly<{ status: string; year: string }>;
  readonly statuses: Readonly<Record<DerivedStatusCode, string>>;
  /** The data dictionary, under the open-data section. */
  readonly dictionary: string;
}

/** What an address's name may be: lowercase ASCII letters, digits and single hyphens. */
export const ROUTE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A catalogue's `routes` section as the names of its language's addresses. A catalogue is data, but
 * its names become folders and server rules: a name that is not a plain slug is refused, with the
 * file and the key.
 */
export function routeNamesFrom(file: string, routes: unknown): RouteNames {
  if (typeof routes !== "object" || routes === null)
    throw new Error(`${file} has no "routes" section: the names of the site's addresses`);
  const names = (node: unknown, path: string): [string, unknown][] =>
    node !== null && typeof node === "object"
      ? Object.entries(node).flatMap(([key, value]) => names(value, `${path}.${key}`))
      : [[path, node]];
  for (const [key, value] of names(routes, "routes"))
    if (typeof value !== "string" || !ROUTE_NAME.test(value))
      throw new Error(
        `${file}: ${key} is ${JSON.stringify(value)}; an address's name is lowercase a-z, 0-9 and hyphens`,
      );
  return routes as RouteNames;
}

/** The names of a language's addresses (projekt, projects, hankkeet …), as its catalogue writes them. */
export const routeNames = memoize(
  (lang: Lang): RouteNames => routeNamesFrom(`locales/${lang}.json`, readCatalogueFile(LOCALES_DIR, lang).routes),
);

export const home = (lang: Lang): string => `/${lang}/`;

/** The language of the page in easy-to-read language: lättläst is Swedish (Webbriktlinjer R12). */
export const EASY_READ_LANG = "sv";

/** The page in easy-to-read Swedish (lättläst): Swedish only, on sites whose data have its text. */
export const easyReadUrl = (): string => `${home(EASY_READ_LANG)}lattlast/`;

export function sectionUrl(lang: Lang, section: Section, id?: string | number): string {
  const base = `/${lang}/${routeNames(lang).sections[section]}/`;
  return id === undefined ? base : `${base}${String(id).toLowerCase()}/`;
}

/** The section that has a page for each record of a kind: /sv/projekt/<id>/. Other kinds have no pages. */
export const KIND_SECTIONS = {
  projects: "projects",
  partnerships: "partnerships",
  networks: "networks",
  organisations: "organisations",
  programmes: "programmes",
  themes: "themes",
} as const satisfies Partial<Record<Kind, Section>>;
export type KindWithPages = keyof typeof KIND_SECTIONS;

export const hasPages = (kind: string): kind is KindWithPages => Object.hasOwn(KIND_SECTIONS, kind);

/** The page of a record of a kind that has pages. */
export const recordUrl = (lang: Lang, kind: KindWithPages, id: string): string =>
  sectionUrl(lang, KIND_SECTIONS[kind], id);

/** The web form, where site.yaml names a git host for it (`editing`); never indexed. */
export const ADMIN_URL = "/admin/";

/** Page `number` of a list whose first page is at `first`: the first page itself, then first + "2/" and so on. */
export const pageUrl = (first: string, number: number): string => (number === 1 ? first : `${first}${number}/`);

/**
 * Whether a name is an address below a language's project list already: a facet (status, year) or
 * a page number. An included publication's records and its project list would sit there.
 */
export const isProjectListAddress = (name: string, languages: readonly Lang[]): boolean =>
  /^[0-9]+$/.test(name) || languages.some((lang) => Object.values(routeNames(lang).facets).includes(name));

export function statusUrl(lang: Lang, status: DerivedStatusCode): string {
  return `${sectionUrl(lang, "projects")}${routeNames(lang).facets.status}/${routeNames(lang).statuses[status]}/`;
}

export function yearUrl(lang: Lang, year: number): string {
  return `${sectionUrl(lang, "projects")}${routeNames(lang).facets.year}/${year}/`;
}

/** The projects only planned to run in a year, listed apart from the year's own: /sv/projekt/ar/2021/planerade/. */
export const plannedInYearUrl = (lang: Lang, year: number): string =>
  `${yearUrl(lang, year)}${routeNames(lang).statuses.planned}/`;

/** The maps of the map page as files of their own, cached apart from the page: where most places are, and the world. */
export const mapImageUrl = (lang: Lang, extent: "main" | "world" = "main"): string =>
  `${sectionUrl(lang, "map")}${extent === "main" ? "places" : "places-world"}.svg`;

/** Each language's feed of projects, named so at the root of the language. */
export const FEED_FILE = "feed.xml";
export const feedUrl = (lang: Lang): string => `${home(lang)}${FEED_FILE}`;
/** The page a server answers with for an address that has no file: each language's, and the root's for the rest. */
const NOT_FOUND_FILE = "404.html";
export const notFoundUrl = (lang: Lang): string => `${home(lang)}${NOT_FOUND_FILE}`;
export const rootNotFoundUrl = `/${NOT_FOUND_FILE}`;

export const dictionaryUrl = (lang: Lang): string => `${sectionUrl(lang, "openData")}${routeNames(lang).dictionary}/`;

// The open data: pages, the catalog and the data package all link here.
export const DATA_ROOT = "/data/";

export const recordJsonUrl = (kind: Kind, id: string): string => `${DATA_ROOT}${kind}/${id}.json`;
export const allJsonUrl = `${DATA_ROOT}utblick.json`;
export const csvUrl = (table: string): string => `${DATA_ROOT}csv/${table}.csv`;
export const excelCsvUrl = (table: string): string => `${DATA_ROOT}csv-excel/${table}.csv`;
export const datapackageUrl = `${DATA_ROOT}datapackage.json`;
export const catalogRdfUrl = `${DATA_ROOT}catalog.rdf`;
export const catalogJsonLdUrl = `${DATA_ROOT}catalog.jsonld`;
/** The schemas of what is published: one per kind and one for the all-records file. */
export const publishedSchemaUrl = (name: string): string => `${DATA_ROOT}schemas/${name}.schema.json`;
/** The editors' schemas of the YAML sources, published apart. */
export const sourceSchemaUrl = (file: string): string => `${DATA_ROOT}schemas/source/${file}`;
export const releaseUrl = (version: string, file: string): string => `${DATA_ROOT}releases/${version}/${file}`;
export const releaseJsonUrl = (version: string): string => releaseUrl(version, "utblick.json");
/** The folder a release's archive holds its files in, and the archive's file name: what an include reads. */
export const releaseFolderName = (version: string): string => `utblick-${version}`;
export const releaseArchiveName = (version: string): string => `${releaseFolderName(version)}.zip`;
export const releaseArchiveUrl = (version: string): string => releaseUrl(version, releaseArchiveName(version));
export const releasesFeedUrl = (lang: Lang): string => `/${lang}/data-releases.xml`;
export const releasesJsonUrl = `${DATA_ROOT}releases.json`;
export const checksumsUrl = `${DATA_ROOT}SHA256SUMS`;
export const iatiUrl = `${DATA_ROOT}iati-activities.xml`;
export const placesUrl = `${DATA_ROOT}places.geojson`;

/** The search bundle of a language; a large site splits it into parts merged at search time. */
export const bundleUrl = (lang: Lang, part = 1): string =>
  part === 1 ? `/pagefind/${lang}/` : `/pagefind/${lang}/part-${part}/`;
export const bundlesManifestUrl = (lang: Lang): string => `${bundleUrl(lang)}bundles.json`;

// Every route above is a *site path*: where a file sits in the built site, from its root
// ("/sv/projekt/x/"). The site may be published below a path of its host (`base_url`
// https://www.kommun.se/internationellt/), so what a browser asks for is the base path followed by
// the site path. Absolute URLs (canonical, hreflang, sitemap, feeds, catalog) go through
// absoluteUrl; the root-relative URLs of pages go through hrefsUnder, once per page, at the
// boundary where the page is written (src/deploy/plugin.ts).

/** A site path made absolute against the site's `base_url` (which may carry a path). */
export function absoluteUrl(baseUrl: string, url: string): string {
  const path = url.replace(/^\//, "");
  const base = folderHref(baseUrl);
  // Every page names itself and its other languages this way: the common case skips URL parsing.
  if (base !== undefined && !UNSAFE_PATH.test(path)) return base + path;
  return new URL(path, baseUrl).href;
}

/** The base URL as the URL parser writes it, when site paths simply follow it (it is a folder). */
const folderHref = memoize((baseUrl: string): string | undefined => {
  const base = new URL(baseUrl);
  return base.pathname.endsWith("/") && !base.search && !base.hash ? base.href : undefined;
});

/** What the URL parser would change in a relative path: other characters, empty or dot segments. */
const UNSAFE_PATH = /[^A-Za-z0-9._~/-]|\/\/|(?:^|\/)\.|^\//;

/** The path the site is published under: "/" at a host's root, "/internationellt/" below it. */
export const basePath = (baseUrl: string): string => new URL(baseUrl).pathname;

/** What a browser asks for to get a site path: the base path followed by the site path. */
export const hrefOf = (base: string, sitePath: string): string =>
  sitePath.startsWith("/") && !sitePath.startsWith("//") ? `${base}${sitePath.slice(1)}` : sitePath;

/**
 * The attributes whose value is a URL: HTML's own, our data attributes named `data-…-url`, and
 * the address in a refresh (`content="0; url=/sv/"`).
 * Values are always written in double quotes by the html template, so an escaped value never
 * contains the quote that ends the match.
 */
const URL_VALUE = String.raw`\s(?:href|src|action|formaction|poster|cite|data-[a-z-]+-url)="`;
const REFRESH_VALUE = String.raw`\shttp-equiv="refresh" content="\d+; ?url=`;
const URL_ATTRIBUTE = new RegExp(String.raw`(${URL_VALUE}|${REFRESH_VALUE})\/(?!\/)`, "g");

/**
 * A page's root-relative URLs (href="/sv/…") moved below the base path. Protocol-relative and
 * absolute URLs, fragments and text are left alone; at a host's root nothing changes.
 */
export function hrefsUnder(base: string, page: string): string {
  return base === "/" ? page : page.replace(URL_ATTRIBUTE, (_, attribute: string) => `${attribute}${base}`);
}
