// Every output of the site, in every language: pages through the layout, plus the root
// chooser, the sitemap, robots.txt and the feeds.

import { memoize } from "../../core/memo.js";
import type { Output } from "../../core/outputs.js";
import { feedUrl, mapImageUrl, releasesFeedUrl, rootNotFoundUrl } from "../../core/routes.js";
import type { Dataset } from "../../model/dataset.js";
import { projectFeed, robotsTxt, sitemapOutputs } from "../feeds.js";
import { FAVICON, FAVICON_URL, renderDocument } from "../layout.js";
import type { Page } from "../page.js";
import { releaseFeed } from "../release-feed.js";
import { easyReadPages } from "./easy-read.js";
import { countryPages, sdgPages, themePages } from "./facets.js";
import { generalPages, languageChooser } from "./general.js";
import { mapImage, mapImages, mapPages, smallMapImages } from "./map.js";
import { openDataPages } from "./open-data.js";
import { projectPages } from "./projects.js";
import { networkPages, organisationPages, partnershipPages, programmePages } from "./registers.js";
import type { PageSet } from "./shared.js";
import { statisticsPages } from "./statistics.js";

const PAGE_SETS: readonly PageSet[] = [
  generalPages,
  projectPages,
  partnershipPages,
  networkPages,
  organisationPages,
  programmePages,
  countryPages,
  themePages,
  sdgPages,
  openDataPages,
  statisticsPages,
  mapPages,
  easyReadPages,
];

export function allPages(dataset: Dataset): Page[] {
  return dataset.site.languages.flatMap((lang) => PAGE_SETS.flatMap((pageSet) => pageSet(dataset, lang)));
}

/** Every output of the site; described once per dataset and shared by the runs of a build. */
export const siteOutputs = memoize((dataset: Dataset): Output[] => describeOutputs(dataset));

function describeOutputs(dataset: Dataset): Output[] {
  const pages = allPages(dataset);
  const chooser = languageChooser(dataset);
  return [
    { url: chooser.url, render: () => chooser.render().value },
    ...pages.map((page) => ({
      url: page.url,
      render: () => renderDocument(page, dataset),
      ...(page.searchable ? { searchable: true } : {}),
    })),
    ...sitemapOutputs(dataset, pages),
    { url: "/robots.txt", render: () => robotsTxt(dataset) },
    { url: FAVICON_URL, render: () => FAVICON },
    ...dataset.site.languages.map((lang) => ({ url: feedUrl(lang), render: () => projectFeed(dataset, lang) })),
    ...dataset.site.languages.map((lang) => ({
      url: releasesFeedUrl(lang),
      render: () => releaseFeed(dataset, lang),
    })),
    ...dataset.site.languages.flatMap((lang) =>
      mapImages(dataset).map((extent) => ({
        url: mapImageUrl(lang, extent),
        render: () => mapImage(dataset, lang, extent),
      })),
    ),
    ...dataset.site.languages.flatMap((lang) => smallMapImages(dataset, lang)),
    {
      url: rootNotFoundUrl,
      render: () =>
        renderDocument(
          pages.find((page) => page.kind === "not-found" && page.lang === dataset.site.languages[0])!,
          dataset,
        ),
    },
  ];
}
