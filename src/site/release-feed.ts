// An Atom feed of the open data's releases per language (/sv/data-releases.xml, …): each entry is
// a release, its content the computed changelog in the feed's language, its links the release's
// files under /data/releases/.
import { Feed } from "feed";
import { html, join } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { name } from "../core/names.js";
import {
  absoluteUrl,
  allJsonUrl,
  datapackageUrl,
  releaseArchiveUrl,
  releasesFeedUrl,
  releaseUrl,
  sectionUrl,
} from "../core/routes.js";
import { localise, t } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { releaseHistory } from "../releases/history.js";
import { FEED_ENTRIES } from "./feeds.js";
import { changeList } from "./pages/open-data.js";

export function releaseFeed(dataset: Dataset, lang: Lang): string {
  const base = dataset.site.base_url;
  const { releases, current } = releaseHistory(dataset);
  const publisher = dataset.records.organisations.get(dataset.site.publisher);
  const page = absoluteUrl(base, sectionUrl(lang, "openData"));
  const feed = new Feed({
    id: absoluteUrl(base, releasesFeedUrl(lang)),
    title: t(lang, "releases.feedTitle", { site: localise(dataset.site.title, lang).value }),
    link: page,
    language: lang,
    // The feed changes when the data do, not with every build.
    updated: new Date(`${current.date}T00:00:00Z`),
    copyright: dataset.site.data_licence,
    feedLinks: { atom: absoluteUrl(base, releasesFeedUrl(lang)) },
    author: {
      name: publisher ? name(publisher.name, lang) : dataset.site.publisher,
      email: dataset.site.contact_email,
    },
  });
  for (const release of releases.slice(0, FEED_ENTRIES)) {
    // An unrecorded release lives at the current files; a recorded one keeps its own folder.
    const files = release.recorded
      ? [
          releaseArchiveUrl(release.version),
          releaseUrl(release.version, "datapackage.json"),
          releaseUrl(release.version, "utblick.json"),
        ]
      : [datapackageUrl, allJsonUrl];
    // Written without line breaks between elements: the feed must not change with the source's layout.
    const links = join(files.map((url) => html`<a href="${absoluteUrl(base, url)}">${url.split("/").at(-1)}</a>`));
    const content = html`${changeList(release.changes, lang)}
<p>${t(lang, "releases.files")} ${links}</p>`;
    feed.addItem({
      id: `${page}#release-${release.version}`,
      link: absoluteUrl(base, files[0] ?? allJsonUrl),
      title: t(lang, "releases.version", { version: release.version }),
      content: content.value,
      date: new Date(`${release.date}T00:00:00Z`),
    });
  }
  return feed.atom1();
}
