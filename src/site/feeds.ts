// The sitemap with language alternates, and an Atom feed of projects per language.
import { Feed } from "feed";
import { create } from "xmlbuilder2";
import type { Dataset } from "../model/dataset.js";
import { firstDay } from "../model/dates.js";
import { LANGUAGES, type Lang } from "../model/types.js";
import { feedUrl, home, sectionUrl } from "../i18n/routes.js";
import { localise, t } from "../i18n/translate.js";
import { absoluteUrl } from "./layout.js";
import { name, plain } from "./components.js";
import { renderMarkdown } from "./markdown.js";
import type { Page } from "./page.js";

export function sitemap(dataset: Dataset, pages: readonly Page[]): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("urlset", {
    xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xmlns:xhtml": "http://www.w3.org/1999/xhtml",
  });
  for (const page of pages) {
    if (page.unlisted) continue;
    const entry = root.ele("url");
    entry.ele("loc").txt(absoluteUrl(dataset, page.url));
    for (const lang of LANGUAGES) {
      entry.ele("xhtml:link", { rel: "alternate", hreflang: lang, href: absoluteUrl(dataset, page.alternates[lang]) });
    }
    entry.ele("xhtml:link", { rel: "alternate", hreflang: "x-default", href: absoluteUrl(dataset, "/") });
  }
  return root.end({ prettyPrint: true });
}

/** Projects newest first (by start), each entry in the feed's language. */
export function projectFeed(dataset: Dataset, lang: Lang): string {
  const title = localise(dataset.site.title, lang).value;
  const publisher = dataset.records.organisations.get(dataset.site.publisher);
  const updated = dataset.today.toJSDate();
  const feed = new Feed({
    id: absoluteUrl(dataset, feedUrl(lang)),
    title: t(lang, "feed.title", { site: title }),
    link: absoluteUrl(dataset, home(lang)),
    language: lang,
    updated,
    copyright: dataset.site.data_licence,
    feedLinks: { atom: absoluteUrl(dataset, feedUrl(lang)) },
    author: { name: publisher ? name(publisher.name, lang) : dataset.site.publisher, email: dataset.site.contact_email },
  });
  const newestFirst = [...dataset.projects].sort(
    (a, b) => (b.start ? firstDay(b.start).toMillis() : 0) - (a.start ? firstDay(a.start).toMillis() : 0) || a.id.localeCompare(b.id),
  );
  for (const facts of newestFirst) {
    const url = absoluteUrl(dataset, sectionUrl(lang, "projects", facts.id));
    feed.addItem({
      id: url,
      link: url,
      title: plain(facts.record.title, lang),
      content: renderMarkdown(plain(facts.record.summary, lang)).value,
      date: facts.start ? firstDay(facts.start).toJSDate() : updated,
    });
  }
  return feed.atom1();
}
