// The document around every page: head with language alternates and security policy, skip
// link, header with navigation and language switcher, footer with the accessibility statement.

import { type Html, html, jsonForScript } from "../core/html.js";
import { endonym, type Lang, openGraphLocale } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import {
  absoluteUrl,
  EASY_READ_LANG,
  easyReadUrl,
  feedUrl,
  hasPages,
  home,
  recordJsonUrl,
  releasesFeedUrl,
  type Section,
  sectionUrl,
} from "../core/routes.js";
import { contentSecurityPolicy, REFERRER_POLICY } from "../core/security.js";
import type { Kind } from "../core/vocabulary.js";
import { formatDay } from "../i18n/format.js";
import { localise, t } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { PUBLIC_KINDS } from "../model/published.js";
import { SEARCH_KIND_FILTER } from "./export-link.js";
import type { Page } from "./page.js";
import { hasEasyRead } from "./pages/easy-read.js";
import { originalOfPage, publisherFilter } from "./provenance.js";
import { recordTools } from "./record-tools.js";

export const STYLESHEET = "/assets/style.css";
export const FAVICON_URL = "/favicon.svg";

/** The site's icon: a compass-like mark in the accent colour, readable at 16 px. */
export const FAVICON = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">`,
  `<circle cx="16" cy="16" r="15" fill="#0b4f8a"/>`,
  `<circle cx="16" cy="16" r="9.5" fill="none" stroke="#ffffff" stroke-width="2.5"/>`,
  `<path d="M16 4v24M4 16h24" stroke="#ffffff" stroke-width="2.5"/>`,
  "</svg>\n",
].join("");

/** The sections that list the records, by kind or by what they share: what a reader browses. */
export const BROWSABLE_SECTIONS = [
  "projects",
  "partnerships",
  "networks",
  "organisations",
  "programmes",
  "countries",
  "themes",
  "sdgs",
] as const satisfies readonly Section[];

const NAVIGATION: readonly Section[] = [...BROWSABLE_SECTIONS, "map", "statistics", "openData", "search", "about"];

/** Links to the same page in the site's other languages; none on a one-language site. */
function languageSwitcher(page: Page, languages: readonly Lang[]): Html {
  if (languages.length < 2) return html``;
  const links = languages.map((lang) => {
    const current = lang === page.lang ? html` aria-current="true"` : "";
    const href = page.alternates[lang];
    return html`<li><a href="${href}" hreflang="${lang}" lang="${lang}"${current}>${endonym(lang)}</a></li>`;
  });
  return html`<nav class="languages" aria-label="${t(page.lang, "nav.languages")}">
  <ul>${links}</ul>
</nav>`;
}

function navigation(page: Page): Html {
  const urls = NAVIGATION.map((section) => sectionUrl(page.lang, section));
  // The menu differs between pages only in which entry is current: one menu per entry and state.
  const index = urls.findIndex((url) => page.url.startsWith(url));
  const state = index < 0 ? undefined : page.url === urls[index] ? "page" : "true";
  return navigationWith(page.lang)(`${index}:${state}`);
}

const navigationWith = memoize((lang: Lang) =>
  memoize((current: string): Html => {
    const [index, state] = current.split(":");
    const links = NAVIGATION.map((section, position) => {
      const here = String(position) === index ? html` aria-current="${state}"` : "";
      return html`<li><a href="${sectionUrl(lang, section)}"${here}>${t(lang, `section.${section}`)}</a></li>`;
    });
    return html`<nav class="site-nav" aria-label="${t(lang, "nav.main")}">
  <ul>${links}</ul>
</nav>`;
  }),
);

function breadcrumbs(page: Page): Html {
  if (!page.breadcrumbs?.length) return html``;
  const crumbs = page.breadcrumbs.map((crumb) => html`<li><a href="${crumb.url}">${crumb.label}</a></li>`);
  return html`<nav class="breadcrumbs" aria-label="${t(page.lang, "nav.breadcrumbs")}">
  <ol>${crumbs}<li aria-current="page">${page.title}</li></ol>
</nav>`;
}

/** What a document's <head> says; every document of the site is headed by documentHead. */
export interface DocumentHead {
  readonly lang: Lang;
  readonly title: string;
  /** For link previews (Open Graph): the title without the site's name. */
  readonly shortTitle?: string;
  readonly description?: string;
  /** "article" for a record's page. */
  readonly type?: "website" | "article";
  readonly contentSecurityPolicy: string;
  /** The site path of this document. */
  readonly canonical: string;
  /** The address of the original where the document shows another publication's record (provenance.ts). */
  readonly original?: string | undefined;
  /** The same document in each language, for hreflang. */
  readonly alternates: Readonly<Record<Lang, string>>;
  /** A document in one language only (the easy-to-read Swedish page): it names no other language's version. */
  readonly ownLanguageOnly?: boolean;
  readonly feed?: { readonly url: string; readonly title: string };
  /** Other formats of the same content: a record's JSON, the open data's release feed. */
  readonly formats?: readonly { readonly type: string; readonly href: string; readonly title?: string }[];
  readonly stylesheets?: readonly string[];
  readonly jsonLd?: unknown;
  readonly scripts?: readonly string[];
  /** Sends the reader on to this site path at once (the root of a one-language site). */
  readonly refresh?: string;
}

export function documentHead(head: DocumentHead, dataset: Dataset): Html {
  const base = dataset.site.base_url;
  const description = head.description;
  const feed = head.feed;
  const formats = (head.formats ?? []).map((format) => {
    const title = format.title ? html` title="${format.title}"` : "";
    return html`<link rel="alternate" type="${format.type}" href="${format.href}"${title}>\n  `;
  });
  // The refresh stays on one line: the base path is put into its address by a pattern (routes.ts).
  return html`<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="${head.contentSecurityPolicy}">
  <meta name="referrer" content="${REFERRER_POLICY}">
  ${head.refresh ? html`<meta http-equiv="refresh" content="0; url=${head.refresh}">` : ""}
  <title>${head.title}</title>
  ${description ? html`<meta name="description" content="${description}">` : ""}
  <meta property="og:type" content="${head.type ?? "website"}">
  <meta property="og:title" content="${head.shortTitle ?? head.title}">
  ${description ? html`<meta property="og:description" content="${description}">` : ""}
  <meta property="og:url" content="${head.original ?? absoluteUrl(base, head.canonical)}">
  <meta property="og:site_name" content="${localise(dataset.site.title, head.lang).value}">
  <meta property="og:locale" content="${openGraphLocale(head.lang)}">
  <link rel="icon" href="${FAVICON_URL}" type="image/svg+xml">
  <link rel="canonical" href="${head.original ?? absoluteUrl(base, head.canonical)}">
  ${languageAlternates(head, dataset)}
  ${feed ? html`<link rel="alternate" type="application/atom+xml" href="${feed.url}" title="${feed.title}">` : ""}
  ${formats}
  <link rel="stylesheet" href="${STYLESHEET}">
  ${(head.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
  ${head.jsonLd === undefined ? "" : html`<script type="application/ld+json">${jsonForScript(head.jsonLd)}</script>`}
  ${(head.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>`;
}

/** The document in each of the site's languages, for hreflang; none on a one-language site. */
function languageAlternates(head: DocumentHead, dataset: Dataset): Html {
  const base = dataset.site.base_url;
  if (dataset.site.languages.length < 2 || head.ownLanguageOnly) return html``;
  const links = dataset.site.languages.map((other) => {
    const href = absoluteUrl(base, head.alternates[other] ?? home(other));
    return html`<link rel="alternate" hreflang="${other}" href="${href}">\n  `;
  });
  return html`${links}<link rel="alternate" hreflang="x-default" href="${absoluteUrl(base, "/")}">`;
}

/** The open data of what a page shows: a record's JSON file, the release feed of the open-data page. */
function formatsOf(page: Page, site: string): NonNullable<DocumentHead["formats"]> {
  // An included record's id holds its publisher: "projects/testkommun/renare-vatten".
  const slash = (page.record ?? "").indexOf("/");
  const [kind, id] = slash < 0 ? [] : [page.record?.slice(0, slash), page.record?.slice(slash + 1)];
  const record =
    kind && id && (PUBLIC_KINDS as readonly string[]).includes(kind)
      ? [{ type: "application/json", href: recordJsonUrl(kind as Kind, id) }]
      : [];
  const releases =
    page.kind === "open-data"
      ? [
          {
            type: "application/atom+xml",
            href: releasesFeedUrl(page.lang),
            title: t(page.lang, "releases.feedTitle", { site }),
          },
        ]
      : [];
  return [...record, ...releases];
}

export function renderDocument(page: Page, dataset: Dataset): string {
  const lang = page.lang;
  const main = page.content();
  const searchable = page.searchable === true;
  return html`<!doctype html>
<html lang="${lang}">
${pageHead(page, dataset)}
<body class="page-${page.kind}">
  <a class="skip-link" href="#main">${t(lang, "nav.skip")}</a>
  ${siteHeader(page, dataset)}
  ${breadcrumbs(page)}
  <main id="main" tabindex="-1"${searchable ? html` data-pagefind-body` : ""}>
    ${searchMarks(page, dataset)}
    ${main}
    ${recordTools(page, dataset)}
  </main>
  ${siteFooter(page, dataset)}
</body>
</html>
`.value;
}

function pageHead(page: Page, dataset: Dataset): Html {
  const lang = page.lang;
  const siteTitle = localise(dataset.site.title, lang).value;
  const siteDescription = dataset.site.description ? localise(dataset.site.description, lang).value : undefined;
  return documentHead(
    {
      lang,
      // The home page is the site: its name once, not "X – X".
      title: page.title === siteTitle ? siteTitle : `${page.title} – ${siteTitle}`,
      shortTitle: page.title,
      // Every page is described to search engines and link previews: its own text, else the site's.
      description: page.description ?? siteDescription ?? siteTitle,
      type: page.record ? "article" : "website",
      contentSecurityPolicy: contentSecurityPolicy({
        allowed: Boolean(page.scripts?.length),
        extra: page.scriptPolicy,
      }),
      canonical: page.url,
      original: originalOfPage(dataset, page),
      alternates: page.alternates,
      ownLanguageOnly: page.kind === "easy-read",
      feed: { url: feedUrl(lang), title: t(lang, "feed.title", { site: siteTitle }) },
      formats: formatsOf(page, siteTitle),
      stylesheets: page.stylesheets,
      jsonLd: page.jsonLd?.(),
      scripts: page.scripts,
    },
    dataset,
  );
}

function siteHeader(page: Page, dataset: Dataset): Html {
  const siteTitle = localise(dataset.site.title, page.lang);
  const titleLang = siteTitle.fallback ? html` lang="${siteTitle.lang}"` : "";
  return html`<header class="site-header">
    <p class="site-title"><a href="${home(page.lang)}"${titleLang}>${siteTitle.value}</a></p>
    ${languageSwitcher(page, dataset.site.languages)}
    ${navigation(page)}
  </header>`;
}

/**
 * What the search index records of a searchable page besides its text: its filters, the kind of
 * record it shows and its sort key, as empty elements in a row.
 */
function searchMarks(page: Page, dataset: Dataset): Html {
  const lang = page.lang;
  const searchable = page.searchable === true;
  const recordKind = page.record?.split("/")[0] ?? "";
  const recordType = hasPages(recordKind) ? t(lang, `kind.${recordKind}`) : undefined;
  const ownFilters = { ...page.filters?.(), ...(searchable ? publisherFilter(dataset, page.record, lang) : {}) };
  const allFilters =
    recordType && searchable ? { [t(lang, "field.recordType")]: [recordType], ...ownFilters } : ownFilters;
  const filters = Object.entries(allFilters).flatMap(([name, values]) =>
    values.map((value) => html`<span data-pagefind-filter="${name}[data-value]" data-value="${value}"></span>`),
  );
  const type =
    searchable && recordType
      ? html`<span data-pagefind-meta="type[data-value]" data-value="${recordType}"></span>`
      : "";
  // The date line of the record's texts travels with its result, as it does on the page and in the feeds.
  const described =
    searchable && page.described
      ? html`<span data-pagefind-meta="described[data-value]" data-value="${page.described}"></span>`
      : "";
  const sort = page.sortKey
    ? html`<span data-pagefind-sort="start[data-value]" data-value="${page.sortKey}"></span>`
    : "";
  // Sorted by title as a reader of the language would look it up: without regard to case. The
  // record's kind as a filter the search page does not show, by which it downloads a kind's records.
  const title = searchable
    ? html`<span data-pagefind-sort="title[data-value]" data-value="${page.title.toLocaleLowerCase(lang)}"></span>`
    : "";
  const kind =
    searchable && recordType
      ? html`<span data-pagefind-filter="${SEARCH_KIND_FILTER}[data-value]" data-value="${recordKind}"></span>`
      : "";
  return html`${filters}${type}${described}${sort}${title}${kind}`;
}

function siteFooter(page: Page, dataset: Dataset): Html {
  const lang = page.lang;
  const email = dataset.site.contact_email;
  // Every Swedish page leads to the page in easy-to-read Swedish, where the site has one.
  const easyRead =
    lang === EASY_READ_LANG && hasEasyRead(dataset)
      ? html`<li><a href="${easyReadUrl()}">${t(lang, "easyRead.link")}</a></li>`
      : "";
  return html`<footer class="site-footer">
    <ul>
      <li><a href="${sectionUrl(lang, "accessibility")}">${t(lang, "section.accessibility")}</a></li>
      <li><a href="${sectionUrl(lang, "openData")}">${t(lang, "section.openData")}</a></li>
      <li><a href="${sectionUrl(lang, "about")}">${t(lang, "section.about")}</a></li>
      ${easyRead}
      <li><a href="mailto:${email}">${email}</a></li>
    </ul>
    <p>${t(lang, "footer.builtOn", { date: formatDay(dataset.today, lang) })}</p>
    <p class="print-only">${absoluteUrl(dataset.site.base_url, page.url)}</p>
  </footer>`;
}
