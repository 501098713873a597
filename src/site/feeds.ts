// The sitemap (an index of parts when the site outgrows one file), the
// robots.txt that points to it, and an Atom feed of the newest projects per language.
import { atomFeed } from "../core/atom.js";
import { html } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { name } from "../core/names.js";
import type { Output } from "../core/outputs.js";
import { ADMIN_URL, absoluteUrl, basePath, feedUrl, home, hrefOf, sectionUrl } from "../core/routes.js";
import { element, xmlDocument } from "../core/xml.js";
import { localise, t } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { firstDay, firstDayMillis } from "../model/dates.js";
import { describedNote, plain } from "./components.js";
import { renderMarkdown } from "./markdown.js";
import type { Page } from "./page.js";
import { originalOfPage, provenanceOf } from "./provenance.js";

/** The sitemap protocol allows 50 000 URLs per file; smaller parts stay quick to fetch and parse. */
export const SITEMAP_URLS_PER_FILE = 10_000;

/** A feed carries the newest entries, as feed readers expect; the full list is the open data. */
export const FEED_ENTRIES = 50;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** /sitemap.xml: the sitemap itself, or, past SITEMAP_URLS_PER_FILE pages, an index of /sitemap-N.xml parts. */
export function sitemapOutputs(dataset: Dataset, pages: readonly Page[]): Output[] {
  // A page of another publication's record names its original as canonical: the original is what is listed.
  const listed = pages.filter((page) => !page.unlisted && originalOfPage(dataset, page) === undefined);
  if (listed.length <= SITEMAP_URLS_PER_FILE) return [{ url: "/sitemap.xml", render: () => sitemap(dataset, listed) }];
  const parts = Array.from({ length: Math.ceil(listed.length / SITEMAP_URLS_PER_FILE) }, (_, index) => ({
    url: `/sitemap-${index + 1}.xml`,
    pages: listed.slice(index * SITEMAP_URLS_PER_FILE, (index + 1) * SITEMAP_URLS_PER_FILE),
  }));
  return [
    {
      url: "/sitemap.xml",
      render: () =>
        sitemapIndex(
          dataset,
          parts.map((part) => part.url),
        ),
    },
    ...parts.map((part) => ({ url: part.url, render: () => sitemap(dataset, part.pages) })),
  ];
}

// Each page names its language versions in its head (<link rel="alternate" hreflang>); search
// engines take them from there, so the sitemap lists addresses only and stays a fifth the size.
function sitemap(dataset: Dataset, pages: readonly Page[]): string {
  const root = element(xmlDocument(), "urlset", { attributes: { xmlns: SITEMAP_NS } });
  for (const page of pages)
    element(element(root, "url"), "loc", { text: absoluteUrl(dataset.site.base_url, page.url) });
  return root.end({ prettyPrint: true });
}

function sitemapIndex(dataset: Dataset, urls: readonly string[]): string {
  const root = element(xmlDocument(), "sitemapindex", { attributes: { xmlns: SITEMAP_NS } });
  for (const url of urls) element(element(root, "sitemap"), "loc", { text: absoluteUrl(dataset.site.base_url, url) });
  return root.end({ prettyPrint: true });
}

/** Crawlers may read everything but the web form; the sitemap says where the pages are. */
export function robotsTxt(dataset: Dataset): string {
  const form = hrefOf(basePath(dataset.site.base_url), ADMIN_URL);
  const sitemap = absoluteUrl(dataset.site.base_url, "/sitemap.xml");
  return `User-agent: *\nAllow: /\nDisallow: ${form}\n\nSitemap: ${sitemap}\n`;
}

/** An included project's entry says whose it is, as its page does; an own project's says nothing more. */
function feedByline(dataset: Dataset, id: string, lang: Lang): string {
  const provenance = provenanceOf(dataset, "projects", id);
  if (!provenance) return "";
  return html`<p>${t(lang, "provenance.byline")} ${name(provenance.include.name, lang)}</p>`.value;
}

/**
 * The FEED_ENTRIES newest projects (by start), each entry in the feed's language. Titles are plain
 * text; summaries are HTML from Markdown in which images are shown only from the site itself.
 */
export function projectFeed(dataset: Dataset, lang: Lang): string {
  const base = dataset.site.base_url;
  const updated = dataset.today.toJSDate();
  const started = new Map(dataset.projects.map((facts) => [facts, facts.start ? firstDayMillis(facts.start) : 0]));
  const newestFirst = [...dataset.projects].sort(
    (a, b) => started.get(b)! - started.get(a)! || a.id.localeCompare(b.id),
  );
  return atomFeed({
    id: absoluteUrl(base, feedUrl(lang)),
    title: t(lang, "feed.title", { site: localise(dataset.site.title, lang).value }),
    lang,
    self: absoluteUrl(base, feedUrl(lang)),
    alternate: absoluteUrl(base, home(lang)),
    updated: updated.toISOString(),
    author: {
      name: name(dataset.publisher.name, lang),
      email: dataset.site.contact_email,
    },
    rights: dataset.site.data_licence,
    entries: newestFirst.slice(0, FEED_ENTRIES).map((facts) => {
      const url = absoluteUrl(base, sectionUrl(lang, "projects", facts.id));
      return {
        id: url,
        link: url,
        title: plain(facts.record.title, lang),
        // The summary speaks for its sources' time, not the feed's: it is dated as on its page.
        contentHtml:
          feedByline(dataset, facts.id, lang) +
          describedNote(dataset, facts.record.sources, lang).value +
          renderMarkdown(plain(facts.record.summary, lang), lang, {
            outside: { siteUrl: base, pageUrl: url },
          }).value,
        updated: (facts.start ? firstDay(facts.start).toJSDate() : updated).toISOString(),
      };
    }),
  });
}
