// Whose is what: on a site that includes other publications, every included record says who
// published it, in which release, and where its original page and JSON are; its page names the
// original as canonical. Organisations reconciled from other publications and partnerships other
// publishers report too say so. A site without includes shows none of it.

import { type Html, html, join } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { name } from "../core/names.js";
import { IATI_SCHEME, WIKIDATA_SCHEME } from "../core/org-identifiers.js";
import { absoluteUrl, home, isProjectListAddress, type KindWithPages, recordUrl, sectionUrl } from "../core/routes.js";
import { type Kind, REPORTED_LINK_STATUSES, type ReportedLinkStatus } from "../core/vocabulary.js";
import { formatPartialDate, languageName } from "../i18n/format.js";
import { t } from "../i18n/translate.js";
import type { Dataset, IncludedPublication } from "../model/dataset.js";
import { parsePartialDate } from "../model/dates.js";
import { recordKey } from "../model/include-merge.js";
import {
  languageThere,
  type OriginalAddresses,
  originalAddresses,
  type Provenance,
  provenanceOf,
} from "../model/provenance.js";
import { releasePinOf } from "../model/types.js";
import { externalLink, fieldLabel, recordLink } from "./components.js";
import {
  hasIncludes,
  includeOf,
  publisherLabel,
  publisherName,
  publisherOfRecord,
  publisherSlugOf,
  type RecordInLanguage,
} from "./publishers.js";

export { languageThere, type OriginalAddresses, originalAddresses, type Provenance, provenanceOf };

/**
 * The original of a page that shows an included record (its first page, where the record's facts
 * are): the canonical address of what the page shows. Undefined for every other page.
 */
export function originalOfPage(
  dataset: Dataset,
  page: { readonly record?: string | undefined; readonly url: string; readonly lang: Lang },
): string | undefined {
  if (!page.record || !hasIncludes(dataset)) return undefined;
  const slash = page.record.indexOf("/");
  const kind = page.record.slice(0, slash) as KindWithPages;
  const id = page.record.slice(slash + 1);
  if (page.url !== recordUrl(page.lang, kind, id)) return undefined;
  const provenance = provenanceOf(dataset, kind, id);
  return provenance ? originalAddresses(provenance, kind, page.lang).page : undefined;
}

/** The projects of a publisher by its slug: an included publication's, or the site's own. */
export function projectsOfPublisher(dataset: Dataset, slug: string): readonly string[] {
  if (slug !== dataset.site.publisher) return dataset.projectsBy.publisher.get(slug) ?? [];
  return ownProjects(dataset);
}

const ownProjects = memoize((dataset: Dataset): readonly string[] =>
  dataset.projects.filter((facts) => !dataset.origins.has(recordKey("projects", facts.id))).map((facts) => facts.id),
);

/**
 * The list of a publisher's projects sits where its included projects' pages do, /sv/projekt/<slug>/:
 * on a site with includes, for each publisher with projects, unless a project or a list of the
 * projects section already has that address.
 */
export function hasPublisherList(dataset: Dataset, slug: string): boolean {
  if (!hasIncludes(dataset) || dataset.project.has(slug)) return false;
  const taken = isProjectListAddress(slug, dataset.site.languages as readonly Lang[]);
  return !taken && projectsOfPublisher(dataset, slug).length > 0;
}

export const publisherListUrl = (lang: Lang, slug: string): string => sectionUrl(lang, "projects", slug);

/** A link to a publisher's list of projects, where it has one. */
export function publisherProjectsLink(dataset: Dataset, slug: string, lang: Lang): Html | "" {
  if (!hasPublisherList(dataset, slug)) return "";
  const label = t(lang, "provenance.projectsOf", { publisher: publisherName(dataset, slug, lang) });
  return html`<a href="${publisherListUrl(lang, slug)}">${label}</a>`;
}

const isReportedLinkStatus = (value: string): value is ReportedLinkStatus =>
  (REPORTED_LINK_STATUSES as readonly string[]).includes(value);

/** The search facet of a record's page on a site with includes: whose record it is. */
export function publisherFilter(dataset: Dataset, record: string | undefined, lang: Lang): Record<string, string[]> {
  if (!record) return {};
  const slash = record.indexOf("/");
  const publisher = publisherOfRecord({
    dataset,
    kind: record.slice(0, slash) as Kind,
    id: record.slice(slash + 1),
    lang,
  });
  return publisher === undefined ? {} : { [publisherLabel(lang)]: [publisher] };
}

/** In a list, after a record: whose it is, on a site with includes; nothing on any other site. */
export function publisherMeta({ dataset, kind, id, lang }: RecordInLanguage): Html | "" {
  const publisher = publisherOfRecord({ dataset, kind, id, lang });
  return publisher === undefined
    ? ""
    : html` <span class="meta publisher">${publisherLabel(lang)}: ${publisher}</span>`;
}

/** The release an included publication is read from: its version and the day it was retrieved, or a local folder. */
function releaseOf(include: IncludedPublication, lang: Lang): string {
  const pin = releasePinOf(include.pin);
  if (!pin) return t(lang, "provenance.localFolder");
  const retrieved = parsePartialDate(pin.retrieved);
  return retrieved
    ? t(lang, "provenance.releaseRetrieved", { version: pin.version, date: formatPartialDate(retrieved, lang) })
    : pin.version;
}

/** A link to another publication's page in its language, announced as external (and its language, if not ours). */
function linkThere({ url, label, there, lang }: { url: string; label: string; there: Lang; lang: Lang }): Html {
  const link = externalLink({ url, label, lang });
  return there === lang ? link : html`${link} <span class="note">(${languageName(there, lang)})</span>`;
}

/**
 * On an included record's page, before its sources: who published it, in which release, and its
 * original page and JSON on the publisher's site. Nothing on the site's own records' pages.
 */
export function provenanceNote({ dataset, kind, id, lang }: RecordInLanguage<KindWithPages>): Html | "" {
  const provenance = provenanceOf(dataset, kind, id);
  if (!provenance) return "";
  const { include } = provenance;
  const where = originalAddresses(provenance, kind, lang);
  const publisher = name(include.name, lang);
  const rows: [string, Html | string][] = [
    [t(lang, "provenance.publisher"), linkThere({ url: where.home, label: publisher, there: where.lang, lang })],
    [t(lang, "provenance.release"), releaseOf(include, lang)],
    [
      t(lang, "provenance.original"),
      linkThere({ url: where.page, label: t(lang, "provenance.originalPage"), there: where.lang, lang }),
    ],
    [t(lang, "provenance.json"), externalLink({ url: where.json, label: t(lang, "provenance.originalJson"), lang })],
  ];
  const items = rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`);
  return html`<aside class="provenance" aria-labelledby="provenance" data-pagefind-ignore>
  <h2 id="provenance">${t(lang, "provenance.heading")}</h2>
  <p>${t(lang, "provenance.intro", { publisher })}</p>
  <dl class="facts">${items}</dl>
</aside>`;
}

/** Under an included record's heading: whose it is, leading to what provenanceNote says of it further down. */
export function provenanceByline({ dataset, kind, id, lang }: RecordInLanguage<KindWithPages>): Html | "" {
  const provenance = provenanceOf(dataset, kind, id);
  if (!provenance) return "";
  const publisher = name(provenance.include.name, lang);
  return html`<p class="byline">${t(lang, "provenance.byline")} <a href="#provenance">${publisher}</a></p>`;
}

/** How an organisation was found to be the same: confirmed by the site's editors, or a shared identifier. */
function reconciledBy(by: string, lang: Lang): string {
  if (by === "same_as") return t(lang, "provenance.bySameAs");
  const space = by.indexOf(" ");
  const [scheme, id] = [by.slice(0, space), by.slice(space + 1)];
  const label =
    scheme === IATI_SCHEME
      ? t(lang, "orgIdentifiers.iati")
      : scheme === WIKIDATA_SCHEME
        ? t(lang, "orgIdentifiers.wikidata")
        : t(lang, "orgIdentifiers.other", { scheme });
  return t(lang, "provenance.byIdentifier", { identifier: `${label} ${id}` });
}

/**
 * On an organisation's page: the other publications that publish it too, each with its record
 * there (linked) and how the two were found to be one.
 */
export function reconciledNote(dataset: Dataset, id: string, lang: Lang): Html | "" {
  const entries = dataset.reconciled.get(id) ?? [];
  if (entries.length === 0) return "";
  const items = entries.flatMap((entry) => {
    const include = includeOf(dataset, entry.origin.publisher);
    if (!include) return [];
    const where = originalAddresses({ include, origin: entry.origin }, "organisations", lang);
    const label = name(entry.record.name, lang);
    const link = linkThere({ url: where.page, label, there: where.lang, lang });
    const publisher = name(include.name, lang);
    return [
      html`<li>${t(lang, "provenance.alsoPublishedBy", { publisher })} ${link} (${reconciledBy(entry.by, lang)})</li>`,
    ];
  });
  return html`<section aria-labelledby="also-published" data-pagefind-ignore>
  <h2 id="also-published">${t(lang, "provenance.alsoPublishedHeading")}</h2>
  <p>${t(lang, "provenance.alsoPublishedIntro")}</p>
  <ul>${items}</ul>
</section>`;
}

/** A value of a partnership's field as a page says it: a date in the reader's language, a status, a network. */
function fieldValue({
  dataset,
  field,
  value,
  lang,
}: {
  readonly dataset: Dataset;
  readonly field: string;
  readonly value: string;
  readonly lang: Lang;
}): Html | string {
  if (field === "status") return isReportedLinkStatus(value) ? t(lang, `linkStatus.reported.${value}`) : value;
  if (field === "network") return recordLink({ dataset, kind: "networks", id: value, lang });
  const date = field === "since" || field === "until" ? parsePartialDate(value) : undefined;
  return date ? formatPartialDate(date, lang) : value;
}

/**
 * On a partnership's page: the other publishers' records of the same partnership, linked, and the
 * fields they give differently, each publisher's value side by side.
 */
export function alsoReportedNote(dataset: Dataset, id: string, lang: Lang): Html | "" {
  const also = dataset.alsoReported.get(id);
  if (!also || also.others.length === 0) return "";
  const whose = (each: string) => publisherName(dataset, publisherSlugOf(dataset, "partnerships", each), lang);
  const others = also.others.map((other) => {
    const link = recordLink({ dataset, kind: "partnerships", id: other, lang });
    return html`<li>${t(lang, "provenance.alsoReportedBy", { publisher: whose(other) })} ${link}</li>`;
  });
  const differences = also.differences.map((difference) => {
    const values = difference.values.map(({ id: each, value }) => {
      const said = t(lang, "provenance.differenceValue", { publisher: whose(each) });
      return html`${said} ${fieldValue({ dataset, field: difference.field, value, lang })}`;
    });
    return html`<li>${fieldLabel(difference.field, lang)}: ${join(values, "; ")}</li>`;
  });
  const conflicts =
    differences.length === 0
      ? ""
      : html`<h3>${t(lang, "provenance.differencesHeading")}</h3>
  <ul class="publisher-conflicts">${differences}</ul>`;
  return html`<section aria-labelledby="also-reported" data-pagefind-ignore>
  <h2 id="also-reported">${t(lang, "provenance.alsoReportedHeading")}</h2>
  <ul>${others}</ul>
  ${conflicts}
</section>`;
}

/** A pinned release's version, checksum and retrieval day; that a local folder is no release. */
function releaseRows(include: IncludedPublication, lang: Lang): [string, Html | string][] {
  const pin = releasePinOf(include.pin);
  if (!pin) return [[t(lang, "provenance.release"), t(lang, "provenance.localFolder")]];
  const retrieved = parsePartialDate(pin.retrieved);
  return [
    [t(lang, "provenance.release"), pin.version],
    [t(lang, "provenance.sha256"), html`<code class="checksum">${pin.sha256}</code>`],
    ...(retrieved ? [[t(lang, "provenance.retrieved"), formatPartialDate(retrieved, lang)] as [string, string]] : []),
  ];
}

/** On the about page: the publications the site includes, each with its address, release and checksum. */
export function includedPublications(dataset: Dataset, lang: Lang): Html | "" {
  if (!hasIncludes(dataset)) return "";
  const pinned = dataset.includes.some((include) => releasePinOf(include.pin) !== undefined);
  const entries = dataset.includes.map((include) => {
    const there = languageThere(include.site, lang);
    const homeThere = absoluteUrl(include.site.base_url, home(there));
    const address = include.pin.url ?? homeThere;
    const rows: [string, Html | string][] = [
      [t(lang, "provenance.address"), externalLink({ url: address, label: address, lang })],
      ...releaseRows(include, lang),
      [t(lang, "section.projects"), String(dataset.projectsBy.publisher.get(include.publisher)?.length ?? 0)],
    ];
    const items = rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`);
    const title = linkThere({ url: homeThere, label: name(include.name, lang), there, lang });
    const projects = publisherProjectsLink(dataset, include.publisher, lang);
    return html`<li>
  <h3>${title}</h3>
  <dl class="facts">${items}</dl>
  ${projects ? html`<p>${projects}</p>` : ""}
</li>`;
  });
  return html`<section aria-labelledby="included">
  <h2 id="included">${t(lang, "provenance.includedHeading")}</h2>
  <p>${t(lang, "provenance.includedIntro")}${pinned ? ` ${t(lang, "provenance.pinnedNote")}` : ""}</p>
  <ul class="included-publications">${entries}</ul>
</section>`;
}
