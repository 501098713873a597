// Pages about the publication itself: home, about, accessibility statement, search, 404 and the
// language chooser at the root.

import { escapeHtml, Html, html } from "../../core/html.js";
import { endonym, type Lang, sourceLanguage } from "../../core/languages.js";
import { name } from "../../core/names.js";
import {
  bundlesManifestUrl,
  bundleUrl,
  EASY_READ_LANG,
  easyReadUrl,
  home,
  notFoundUrl,
  sectionUrl,
  statusUrl,
} from "../../core/routes.js";
import { contentSecurityPolicy, SEARCH_SCRIPT_SOURCES } from "../../core/security.js";
import { DEFAULT_STATUS_WINDOW } from "../../core/vocabulary.js";
import { formatDay, formatDuration, formatNumber, formatPartialDate, languageName } from "../../i18n/format.js";
import { localise, t, type UiKey } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { parsePartialDate } from "../../model/dates.js";
import type { Site } from "../../model/types.js";
import { SEARCH_SCRIPT } from "../../search/plugin.js";
import {
  contactList,
  describedNote,
  externalLink,
  markdown,
  organisationLink,
  plain,
  projectCards,
  sourcesList,
  text,
} from "../components.js";
import { searchExport } from "../export-link.js";
import { BROWSABLE_SECTIONS, documentHead } from "../layout.js";
import type { Page } from "../page.js";
import { includedPublications } from "../provenance.js";
import { hasEasyRead } from "./easy-read.js";
import { alternatesOf, type PageSet } from "./shared.js";

const crumbs = (lang: Lang) => [{ label: t(lang, "nav.home"), url: home(lang) }];

function homePage(dataset: Dataset, lang: Lang): Page {
  const title = localise(dataset.site.title, lang);
  return {
    url: home(lang),
    lang,
    kind: "home",
    title: title.value,
    description: dataset.site.description ? plain(dataset.site.description, lang) : undefined,
    alternates: alternatesOf(home),
    content: () => homeContent(dataset, lang),
  };
}

function homeContent(dataset: Dataset, lang: Lang): Html {
  // Only what the dates or a report within the window say runs today; older reports of running
  // work are a group of their own, labelled as such, never counted as ongoing.
  const ongoing = dataset.projectsBy.status.get("ongoing") ?? [];
  const lastReportedOngoing = (dataset.projectsBy.status.get("unconfirmed") ?? []).filter(
    (id) => dataset.project.get(id)?.status.report?.status === "ongoing",
  );
  const statusWindow = formatDuration(dataset.site.status_window ?? DEFAULT_STATUS_WINDOW, lang);
  const noneOngoing = t(lang, "home.noneOngoing", { date: formatDay(dataset.today, lang), window: statusWindow });
  const allOngoing = html`<a href="${statusUrl(lang, "ongoing")}">${t(lang, "home.allOngoing")}</a> · `;
  const allProjects = html`<a href="${sectionUrl(lang, "projects")}">${t(lang, "home.allProjects")}</a>`;
  const lastReported =
    lastReportedOngoing.length > 0
      ? html`<section aria-labelledby="last-reported">
  <h2 id="last-reported">${t(lang, "home.lastReported")}</h2>
  <p>${t(lang, "home.lastReportedExplain", { window: statusWindow })}</p>
  ${projectCards(dataset, lastReportedOngoing.slice(0, 20), lang)}
  <p><a href="${statusUrl(lang, "unconfirmed")}">${t(lang, "home.allUnconfirmed")}</a></p>
</section>`
      : "";
  return html`<h1>${text(dataset.site.title, lang)}</h1>
${dataset.site.description ? html`<p class="lead">${text(dataset.site.description, lang)}</p>` : ""}
<section aria-labelledby="overview">
  <h2 id="overview">${t(lang, "home.overview")}</h2>
  <ul class="counts">${counts(dataset, lang)}</ul>
</section>
<section aria-labelledby="ongoing">
  <h2 id="ongoing">${t(lang, "home.ongoing")}</h2>
  ${ongoing.length > 0 ? projectCards(dataset, ongoing.slice(0, 20), lang) : html`<p>${noneOngoing}</p>`}
  <p>${ongoing.length > 0 ? allOngoing : ""}${allProjects}</p>
</section>
${lastReported}
<section aria-labelledby="more">
  <h2 id="more">${t(lang, "home.more")}</h2>
  <ul>
    <li><a href="${sectionUrl(lang, "statistics")}">${t(lang, "section.statistics")}</a></li>
    <li><a href="${sectionUrl(lang, "openData")}">${t(lang, "section.openData")}</a></li>
    <li><a href="${sectionUrl(lang, "search")}">${t(lang, "section.search")}</a></li>
    <li><a href="${sectionUrl(lang, "about")}">${t(lang, "section.about")}</a></li>
  </ul>
</section>`;
}

/** How many records of each kind, each count a link to its list. */
function counts(dataset: Dataset, lang: Lang): Html[] {
  const counts: [UiKey, number, string][] = [
    ["count.projects", dataset.projects.length, sectionUrl(lang, "projects")],
    ["count.partnerships", dataset.records.partnerships.size, sectionUrl(lang, "partnerships")],
    ["count.networks", dataset.records.networks.size, sectionUrl(lang, "networks")],
    ["count.organisations", dataset.records.organisations.size, sectionUrl(lang, "organisations")],
    ["count.programmes", dataset.records.programmes.size, sectionUrl(lang, "programmes")],
    ["count.countries", dataset.projectsBy.country.size, sectionUrl(lang, "countries")],
  ];
  // The number stands out; the noun after it agrees with it ("1 network", "2 Netzwerke", "2 verkostoa").
  return counts.map(([key, count, url]) => {
    const noun = t(lang, key, { count, formatted: "" }).trim();
    return html`<li><a href="${url}"><span class="count">${formatNumber(count, lang)}</span> ${noun}</a></li>`;
  });
}

/** A link to the page in easy-to-read Swedish, in a paragraph or a list item marked with its language. */
function easyReadLink(label: string, element: "p" | "li"): Html {
  const link = html`<a href="${easyReadUrl()}" hreflang="${EASY_READ_LANG}">${label}</a>`;
  return element === "li" ? html`<li lang="${EASY_READ_LANG}">${link}</li>` : html`<p>${link}</p>`;
}

function aboutPage(dataset: Dataset, lang: Lang): Page {
  const site = dataset.site;
  const policy = site.policy;
  return {
    url: sectionUrl(lang, "about"),
    lang,
    kind: "about",
    title: t(lang, "section.about"),
    breadcrumbs: crumbs(lang),
    alternates: alternatesOf((other) => sectionUrl(other, "about")),
    content: () => {
      const email = html`<a href="mailto:${site.contact_email}">${site.contact_email}</a>`;
      return html`<h1>${t(lang, "section.about")}</h1>
${site.about ? markdown(site.about, lang) : ""}
<h2>${t(lang, "about.publisher")}</h2>
<p>${organisationLink(dataset, site.publisher, lang)} · ${email}</p>
${policy ? policySection(dataset, policy, lang) : ""}
${contactList({ dataset, ids: site.contacts, lang })}
${includedPublications(dataset, lang)}
<h2>${t(lang, "about.howMade")}</h2>
<p>${t(lang, "about.howMadeText")}</p>
<p>${t(lang, "report.about", { email: site.contact_email })}</p>
${hasEasyRead(dataset) ? easyReadLink(t(lang, "easyRead.about"), "p") : ""}`;
    },
  };
}

type Policy = NonNullable<Site["policy"]>;

/** The publisher's policy for international work: its summary, its documents and their sources. */
function policySection(dataset: Dataset, policy: Policy, lang: Lang): Html {
  const documents = policy.documents?.length
    ? html`<h3>${t(lang, "about.policyDocuments")}</h3>
  <ul>${policy.documents.map((document) => policyDocument(document, lang))}</ul>`
    : "";
  return html`<section aria-labelledby="policy">
  <h2 id="policy">${t(lang, "about.policy")}</h2>
  ${describedNote(dataset, policy.sources, lang)}
  ${markdown(policy.summary, lang)}
  ${documents}
  <h3>${t(lang, "field.sources")}</h3>
  ${sourcesList({ dataset, refs: policy.sources, lang })}
</section>`;
}

/** A policy document: its title in its own language, its kind, language and size. */
function policyDocument(document: NonNullable<Policy["documents"]>[number], lang: Lang): Html {
  const title = html`<span lang="${document.language}">${name(document.title, document.language)}</span>`;
  const size = document.size_kb ? `, ${formatNumber(document.size_kb, lang)} kB` : "";
  const about = `${t(lang, `about.documentKind.${document.kind}`)}, ${languageName(document.language, lang)}${size}`;
  return html`<li>${title} (${about})</li>`;
}

function accessibilityPage(dataset: Dataset, lang: Lang): Page {
  const site = plain(dataset.site.title, lang);
  const publisher = name(dataset.publisher.name, lang);
  return {
    url: sectionUrl(lang, "accessibility"),
    lang,
    kind: "accessibility",
    title: t(lang, "section.accessibility"),
    breadcrumbs: crumbs(lang),
    alternates: alternatesOf((other) => sectionUrl(other, "accessibility")),
    content: () => {
      const email = dataset.site.contact_email;
      const form = externalLink({
        url: "https://www.digg.se/tdosanmalan",
        label: t(lang, "accessibility.complaintForm"),
        lang,
      });
      return html`<h1>${t(lang, "section.accessibility")}</h1>
<p>${t(lang, "accessibility.intro", { publisher, site })}</p>
${statementParts({ dataset, lang, publisher })}
<h2>${t(lang, "accessibility.report.heading")}</h2>
<p>${t(lang, "accessibility.report.text", { email })}${replyTime(dataset, lang)}</p>
<p>${t(lang, "report.accessibility", { email })}</p>
<h2>${t(lang, "accessibility.enforcement.heading")}</h2>
<p>${t(lang, "accessibility.enforcement.text")}</p>
<ul>
  <li><a href="mailto:${email}">${email}</a></li>
  <li>${form}</li>
</ul>
<h2>${t(lang, "accessibility.dates.heading")}</h2>
<p>${reviewDates(dataset, lang)}</p>`;
    },
  };
}

/**
 * The publisher's own statement (site.yaml's accessibility): compliance, known shortcomings with the
 * requirement each fails, content outside the law, and the method; the build adds its automatic checks.
 */
function statementParts({ dataset, lang, publisher }: { dataset: Dataset; lang: Lang; publisher: string }): Html {
  const statement = dataset.site.accessibility;
  const compliance = statement
    ? t(lang, `accessibility.compliance.${statement.compliance}`)
    : t(lang, "accessibility.compliance.notStated", { publisher });
  const shortcomings = statement?.shortcomings ?? [];
  const known = shortcomings.length
    ? html`<ul>
  ${shortcomings.map(
    (shortcoming) =>
      html`<li>${text(shortcoming.text, lang)}${
        shortcoming.requirement
          ? html` ${t(lang, "accessibility.known.requirement", { requirement: shortcoming.requirement })}`
          : html``
      }</li>`,
  )}
</ul>`
    : html`<p>${t(lang, "accessibility.known.none")}</p>`;
  const outside = statement?.outside_scope
    ? html`<h2>${t(lang, "accessibility.outside.heading")}</h2>
<p>${text(statement.outside_scope, lang)}</p>`
    : html``;
  const assessed = statement
    ? html` ${t(lang, "accessibility.method.assessed", {
        date: formatPartialDate(parsePartialDate(statement.assessed)!, lang),
      })}`
    : html``;
  return html`<h2>${t(lang, "accessibility.compliance.heading")}</h2>
<p>${compliance}</p>
${
  statement
    ? html`<h2>${t(lang, "accessibility.known.heading")}</h2>
${known}`
    : html``
}
${outside}
<h2>${t(lang, "accessibility.method.heading")}</h2>
${statement ? html`<p>${text(statement.method, lang)}${assessed}</p>` : html``}
<p>${t(lang, "accessibility.method.automatic")}</p>`;
}

/** How soon the publisher replies to a report, when its statement says. */
function replyTime(dataset: Dataset, lang: Lang): string {
  const days = dataset.site.accessibility?.reply_within_days;
  return days === undefined ? "" : ` ${t(lang, "accessibility.report.replyWithin", { count: days })}`;
}

/** When the statement was last reviewed (if the publisher says) and when it was updated: the build day. */
function reviewDates(dataset: Dataset, lang: Lang): string {
  const updated = formatDay(dataset.today, lang);
  const reviewed = dataset.site.accessibility_reviewed;
  if (!reviewed) return t(lang, "accessibility.dates.updated", { updated });
  return t(lang, "accessibility.dates.reviewed", {
    reviewed: formatPartialDate(parsePartialDate(reviewed)!, lang),
    updated,
  });
}

function searchPage(dataset: Dataset, lang: Lang): Page {
  const labels = {
    "data-label-empty": t(lang, "search.empty"),
    "data-label-none": t(lang, "search.none"),
    "data-label-one": t(lang, "search.one"),
    "data-label-many": t(lang, "search.many"),
    "data-label-failed": t(lang, "search.failed"),
    // The script finds the language's bundles here: their address has one home, core/routes. The
    // data-…-url attributes get the site's base path when the page is written, as links do.
    "data-bundle-url": bundleUrl(lang),
    "data-bundles-url": bundlesManifestUrl(lang),
    "data-site-url": "/",
    "data-label-active": t(lang, "search.active"),
  };
  return {
    url: sectionUrl(lang, "search"),
    lang,
    kind: "search",
    title: t(lang, "section.search"),
    breadcrumbs: crumbs(lang),
    alternates: alternatesOf((other) => sectionUrl(other, "search")),
    scripts: [SEARCH_SCRIPT],
    // Pagefind runs its index lookups in WebAssembly.
    scriptPolicy: SEARCH_SCRIPT_SOURCES,
    content: () => {
      const attributes = new Html(
        Object.entries(labels)
          .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
          .join(" "),
      );
      // The search page offers the record lists to browse instead.
      const browse = BROWSABLE_SECTIONS.map(
        (section) => html`<li><a href="${sectionUrl(lang, section)}">${t(lang, `section.${section}`)}</a></li>`,
      );
      return html`<h1>${t(lang, "section.search")}</h1>
<div id="search" ${attributes}>
  <form id="search-form" role="search" method="get" hidden>
    <label for="search-query">${t(lang, "search.label")}</label>
    <div class="search-box">
      <input id="search-query" name="q" type="search" autocomplete="off">
      <button type="submit">${t(lang, "search.submit")}</button>
    </div>
    <div class="search-sort">
      <label for="search-sort">${t(lang, "search.sort")}</label>
      <select id="search-sort" name="sort">
        <option value="">${t(lang, "search.sortRelevance")}</option>
        <option value="start">${t(lang, "search.sortStart")}</option>
        <option value="title">${t(lang, "search.sortTitle")}</option>
      </select>
    </div>
    <details class="search-filters">
      <summary>${t(lang, "search.filters")} <span id="search-filter-count"></span></summary>
      <div id="search-filters"></div>
    </details>
  </form>
  <p id="search-status" role="status" aria-live="polite"></p>
  <ol id="search-results" class="search-results"></ol>
  <p class="search-more"><button type="button" id="search-more" hidden>${t(lang, "search.more")}</button></p>
  ${searchExport({ lang, languages: dataset.site.languages })}
</div>
<noscript><p>${t(lang, "search.noscript")}</p></noscript>
<h2>${t(lang, "search.browse")}</h2>
<ul>${browse}</ul>`;
    },
  };
}

function notFoundPage(lang: Lang): Page {
  return {
    url: notFoundUrl(lang),
    lang,
    kind: "not-found",
    title: t(lang, "notFound.title"),
    unlisted: true,
    alternates: alternatesOf(notFoundUrl),
    content: () => html`<h1>${t(lang, "notFound.title")}</h1>
<p>${t(lang, "notFound.text")}</p>
<ul>
  <li><a href="${home(lang)}">${t(lang, "nav.home")}</a></li>
  <li><a href="${sectionUrl(lang, "search")}">${t(lang, "section.search")}</a></li>
</ul>`,
  };
}

export const generalPages: PageSet = (dataset, lang) => [
  homePage(dataset, lang),
  aboutPage(dataset, lang),
  accessibilityPage(dataset, lang),
  searchPage(dataset, lang),
  notFoundPage(lang),
];

/**
 * The root: a language chooser, each language named in itself; no redirect, no script. A site of
 * one language has nothing to choose, so its root leads straight to that language's home page.
 */
export function languageChooser(dataset: Dataset): { url: string; render: () => Html } {
  const languages = dataset.site.languages;
  const first = languages[0] ?? sourceLanguage();
  const titles = [...new Set(languages.map((lang) => plain(dataset.site.title, lang)))];
  const head = documentHead(
    {
      lang: first,
      title: titles.join(" · "),
      // What search engines and link previews show for the root: the site described, as on its home page.
      description: dataset.site.description ? localise(dataset.site.description, first).value : titles.join(" · "),
      contentSecurityPolicy: contentSecurityPolicy({ allowed: false }),
      canonical: "/",
      alternates: alternatesOf(home),
      ...(languages.length === 1 ? { refresh: home(first) } : {}),
    },
    dataset,
  );
  return {
    url: "/",
    render: () => {
      const label = languages.map((lang) => t(lang, "nav.languages")).join(" · ");
      const choices = languages.map((lang) => {
        const link = html`<a href="${home(lang)}" hreflang="${lang}">${endonym(lang)}</a>`;
        return html`<li lang="${lang}">${link} <span>${plain(dataset.site.title, lang)}</span></li>`;
      });
      const statements = languages.map((lang) => {
        const url = sectionUrl(lang, "accessibility");
        const statement = t(lang, "section.accessibility");
        return html`<li lang="${lang}"><a href="${url}" hreflang="${lang}">${statement}</a></li>`;
      });
      const easyRead = hasEasyRead(dataset) ? easyReadLink(t(EASY_READ_LANG, "easyRead.link"), "li") : "";
      return html`<!doctype html>
<html lang="${first}">
${head}
<body class="chooser">
  <main id="main">
    <h1>${plain(dataset.site.title, first)}</h1>
    <nav aria-label="${label}">
      <ul class="language-choice">${choices}</ul>
    </nav>
  </main>
  <footer class="site-footer">
    <ul>${statements}${easyRead}</ul>
  </footer>
</body>
</html>
`;
    },
  };
}
