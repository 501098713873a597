// Pieces shared by the pages: texts with their Swedish fallback marked, links to records,
// the projects table, pagination.

import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import { type Html, html, join, type Renderable } from "../core/html.js";
import { type Lang, sourceLanguage } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { name, sourceText } from "../core/names.js";
import { pageUrl, recordUrl, sectionUrl, statusUrl } from "../core/routes.js";
import type { Kind } from "../core/vocabulary.js";
import {
  collator,
  countryName,
  formatDuration,
  formatList,
  formatPartialDate,
  formatPeriod,
  languageName,
  sdgName,
} from "../i18n/format.js";
import { coverage, isUiKey, localise, t, type UiKey } from "../i18n/translate.js";
import type { Dataset, LinkFacts, ProjectFacts } from "../model/dataset.js";
import { type PartialDate, parsePartialDate, sourceDating } from "../model/dates.js";
import { inferredFields } from "../model/schemas.js";
import type { Link, Place, Project, Text } from "../model/types.js";
import { markdownToText, renderMarkdown } from "./markdown.js";
import { publisherLabel, publisherOfRecord } from "./publishers.js";

/** The source language named in the page's language, for the notes on texts shown untranslated. */
const inSource = (lang: Lang): { language: string } => ({ language: languageName(sourceLanguage(), lang) });

/** A line of text in the page's language, or its original marked with the source language (lang="sv"). */
export function text(value: Text, lang: Lang): Html {
  const local = localise(value, lang);
  if (!local.fallback) return html`${local.value}`;
  const original = html`<span lang="${local.lang}" data-fallback>${local.value}</span>`;
  return html`${original} <span class="fallback-note">${t(lang, "fallback.inline", inSource(lang))}</span>`;
}

/** A Markdown text; a Swedish fallback gets a notice in the page's language before it. */
export function markdown(value: Text, lang: Lang): Html {
  const local = localise(value, lang);
  if (!local.fallback) return html`<div class="prose">${renderMarkdown(local.value, lang)}</div>`;
  return html`<div class="fallback">
  <p class="fallback-note">${t(lang, "fallback.block", inSource(lang))}</p>
  <div class="prose" lang="${local.lang}" data-fallback>${renderMarkdown(local.value, lang)}</div>
</div>`;
}

/** A title as plain text for <title>, headings' text and attributes: the fallback is unmarked here. */
export function plain(value: Text, lang: Lang): string {
  return localise(value, lang).value;
}

export function heading(value: Text, lang: Lang): Html {
  const local = localise(value, lang);
  if (!local.fallback) return html`<h1>${local.value}</h1>`;
  return html`<h1><span lang="${local.lang}" data-fallback>${local.value}</span></h1>
<p class="fallback-note">${t(lang, "fallback.title", inSource(lang))}</p>`;
}

export function organisationName(dataset: Dataset, id: string, lang: Lang): string {
  const organisation = dataset.records.organisations.get(id);
  return organisation ? name(organisation.name, lang) : id;
}

export function organisationLink(dataset: Dataset, id: string, lang: Lang): Html {
  return html`<a href="${sectionUrl(lang, "organisations", id)}">${organisationName(dataset, id, lang)}</a>`;
}

export function programmeName(dataset: Dataset, id: string, lang: Lang): string {
  const programme = dataset.records.programmes.get(id);
  return programme ? name(programme.name, lang) : id;
}

export function programmeLink(dataset: Dataset, id: string, lang: Lang): Html {
  return html`<a href="${sectionUrl(lang, "programmes", id)}">${programmeName(dataset, id, lang)}</a>`;
}

export function countryLink(code: string, lang: Lang): Html {
  return html`<a href="${sectionUrl(lang, "countries", code)}">${countryName(code, lang)}</a>`;
}

/**
 * After a place's country: that the editor added it, where the place's entry in data/places/ (same
 * country, one of its names in any language) lists country under editorial.
 */
export function placeCountryNote(dataset: Dataset, place: Place, lang: Lang): Html | "" {
  const lower = (value: string | undefined) => value?.toLocaleLowerCase(sourceLanguage());
  const names = new Set(Object.values(place.name).map(lower));
  const added = [...dataset.records.places.values()].some(
    (entry) =>
      entry.country === place.country &&
      entry.editorial.includes("country") &&
      Object.values(entry.name).some((value) => value !== undefined && names.has(lower(value))),
  );
  return added ? html` <span class="inferred">${t(lang, "sources.countryAdded")}</span>` : "";
}

export function themeLink(dataset: Dataset, id: string, lang: Lang): Html {
  const theme = dataset.records.themes.get(id);
  return html`<a href="${sectionUrl(lang, "themes", id)}">${theme ? text(theme.label, lang) : id}</a>`;
}

export function sdgLink(goal: number, lang: Lang): Html {
  return html`<a href="${sectionUrl(lang, "sdgs", goal)}">${goal}. ${sdgName(goal, lang)}</a>`;
}

/** A project, partnership or network of a dataset, linked in a page's language. */
export interface RecordLink {
  readonly dataset: Dataset;
  readonly kind: "projects" | "partnerships" | "networks";
  readonly id: string;
  readonly lang: Lang;
}

export function recordLink({ dataset, kind, id, lang }: RecordLink): Html {
  const record = kind === "projects" ? dataset.records.projects.get(id)?.title : dataset.records[kind].get(id)?.name;
  return html`<a href="${recordUrl(lang, kind, id)}">${record ? text(record, lang) : id}</a>`;
}

export interface ExternalLink {
  readonly url: string;
  readonly label: Renderable;
  /** The page's language, in which the link is announced as external. */
  readonly lang: Lang;
  /** What the linked page is to this one besides another site (rel="license"). */
  readonly relation?: "license";
}

/** A link to another website, announced as such to every reader. */
export function externalLink({ url, label, lang, relation }: ExternalLink): Html {
  const rel = `${relation ? `${relation} ` : ""}external noopener noreferrer`;
  const hint = html`<span class="visually-hidden"> ${t(lang, "external.hint")}</span>`;
  // new URL() percent-encodes what may not stand in an address (<, >, ", spaces); the data keeps the original.
  return html`<a href="${new URL(url).href}" rel="${rel}" class="external">${label}${hint}</a>`;
}

export function linkList(links: readonly Link[] | undefined, lang: Lang): Html {
  if (!links?.length) return html``;
  const items = links.map(
    (link) => html`<li>${externalLink({ url: link.url, label: text(link.title, lang), lang })}</li>`,
  );
  return html`<ul class="links">${items}</ul>`;
}

/** The reports a status rests on, as the status label reads them: each with its source, if it names one. */
interface ShownReport {
  readonly asOf?: PartialDate;
  readonly source?: string;
  readonly kept: boolean;
}

/**
 * Whether the reports behind a dispute all come from one source: the record's own report is its
 * only source's when it cites one. A source that says two things is not "the sources differ".
 */
export function oneSourceDisputes(reports: readonly ShownReport[], recordSources: readonly string[]): boolean {
  const only = recordSources.length === 1 ? recordSources[0] : undefined;
  const sources = reports.map((report) => report.source ?? (report.kept ? only : undefined));
  return sources.every((source) => source !== undefined && source === sources[0]);
}

/** What follows a status whose newest reports disagree: the sources differ, or one contradicts itself. */
function disputeNote(
  status: { readonly report?: ShownReport; readonly disputedBy: readonly ShownReport[] },
  recordSources: readonly string[],
  lang: Lang,
): Html | "" {
  if (status.disputedBy.length === 0) return "";
  const self = status.report && oneSourceDisputes([status.report, ...status.disputedBy], recordSources);
  return html` <span class="disputed">${t(lang, self ? "status.selfContradicting" : "status.disputed")}</span>`;
}

/** Today's status as the site can say it: dated when it rests on a report, never an old claim as today's. */
export function statusLabel(facts: ProjectFacts, lang: Lang): Html {
  const status = facts.status;
  const report = status.report;
  const date = report?.asOf ? formatPartialDate(report.asOf, lang) : undefined;
  let label: Html;
  if (status.status === "unconfirmed" && report) {
    const reported = t(lang, `status.reported.${report.status}`);
    const said = date
      ? t(lang, "status.unconfirmedSince", { status: reported, date })
      : t(lang, "status.unconfirmedUndated", { status: reported });
    label = html`<a href="${statusUrl(lang, status.status)}">${said}</a>`;
  } else {
    const link = html`<a href="${statusUrl(lang, status.status)}">${t(lang, `status.${status.status}`)}</a>`;
    label =
      status.basis === "report" && date
        ? html`${link} <span class="as-of">${t(lang, "status.asOf", { date })}</span>`
        : link;
  }
  const sources = facts.record.sources.map((ref) => ref.source);
  return html`${label}${inferredNote(report, facts.record, lang)}${disputeNote(status, sources, lang)}`;
}

/** The fields of a record that may date its own report, and which of them the editor inferred. */
interface DatedRecord {
  readonly status_as_of?: string | undefined;
  readonly active_as_of?: string | undefined;
  readonly editorial?: readonly string[] | undefined;
}

/**
 * Whether the date of a report the record keeps is the editor's inference: it is the date of
 * status_as_of or active_as_of, and that field is listed under editorial.
 */
export function inferredReportDate(
  report: { readonly kept: boolean; readonly asOf?: PartialDate } | undefined,
  record: DatedRecord,
): boolean {
  if (!report?.kept || !report.asOf) return false;
  const day = report.asOf.iso;
  return (["status_as_of", "active_as_of"] as const).some(
    (field) => record.editorial?.includes(field) === true && record[field] !== undefined && record[field] === day,
  );
}

/** After a report the record keeps (a status, a period, a day): that its date is the editor's inference, where so. */
export function inferredNote(
  report: { readonly kept: boolean; readonly asOf?: PartialDate } | undefined,
  record: DatedRecord,
  lang: Lang,
): Html | "" {
  if (!inferredReportDate(report, record)) return "";
  return html` <span class="inferred">${t(lang, "status.inferredDate")}</span>`;
}

/** A partnership's or network's status today, said as a project's is (statusLabel), without a list to link to. */
export function linkStatusLabel(
  facts: LinkFacts,
  record: DatedRecord & { readonly sources: readonly SourceRef[] },
  lang: Lang,
): Html {
  const sources = record.sources.map((ref) => ref.source);
  const status = facts.status;
  const report = status.report;
  const date = report?.asOf ? formatPartialDate(report.asOf, lang) : undefined;
  let label: string | Html;
  if (status.status === "unconfirmed" && report) {
    const reported = t(lang, `linkStatus.reported.${report.status}`);
    label = date
      ? t(lang, "status.unconfirmedSince", { status: reported, date })
      : t(lang, "status.unconfirmedUndated", { status: reported });
  } else {
    const said = t(lang, `linkStatus.${status.status}`);
    label =
      status.basis === "report" && date
        ? html`${said} <span class="as-of">${t(lang, "status.asOf", { date })}</span>`
        : said;
  }
  return html`${label}${inferredNote(report, record, lang)}${disputeNote(status, sources, lang)}`;
}

/**
 * What the newest source says of a partnership or network, and when: "active as of 5 September
 * 2017 – not confirmed since", "active according to an undated source – not confirmed"; where no
 * source reports a status, that no source says whether it continues.
 */
export function linkNewest(facts: LinkFacts, lang: Lang): string | undefined {
  const { status } = facts;
  if (status.basis === "dates") return undefined;
  const report = status.report;
  if (!report) return t(lang, "linkStatus.noReport");
  const reported = t(lang, `linkStatus.reported.${report.status}`);
  const final = report.status === "ended";
  if (!report.asOf) {
    return t(lang, final ? "linkStatus.newestUndatedFinal" : "linkStatus.newestUndated", { status: reported });
  }
  const date = formatPartialDate(report.asOf, lang);
  const key = status.status === "unconfirmed" ? "linkStatus.newestUnconfirmed" : "linkStatus.newest";
  return t(lang, key, { status: reported, date });
}

/**
 * A partnership's or network's period, always followed by what the newest source says of it and
 * when: "since 2006, active as of 5 September 2017 – not confirmed since".
 */
export function linkPeriod(facts: LinkFacts, lang: Lang): string {
  const period = formatPeriod(facts.since, facts.until, lang);
  const newest = linkNewest(facts, lang);
  if (period && newest) return t(lang, "period.withStatus", { period, status: newest });
  return period ?? newest ?? t(lang, "period.unknown");
}

/**
 * A partnership's or network's period as its key facts and lists show it (linkPeriod), with the
 * mark that the date of the newest report is the editor's inference where it is.
 */
export function linkPeriodLabel(facts: LinkFacts, record: DatedRecord, lang: Lang): Html {
  const newest = linkNewest(facts, lang) !== undefined ? facts.status.report : undefined;
  return html`${linkPeriod(facts, lang)}${inferredNote(newest, record, lang)}`;
}

/**
 * A project's period, with the dates only a plan gives said as plans: "January 2017 – planned end
 * 2024", "planned start 2014"; else "March 2016 – February 2019", "since 2006", or its length alone.
 */
export function periodOf(facts: ProjectFacts, lang: Lang): string {
  const { start, end, planned } = facts;
  const from = start ? formatPartialDate(start, lang) : undefined;
  const to = end ? formatPartialDate(end, lang) : undefined;
  if (planned.start && from) {
    return to
      ? t(lang, "period.plannedSpan", { start: from, end: to })
      : t(lang, "period.plannedStart", { date: from });
  }
  if (planned.end && to) {
    return from
      ? t(lang, "period.plannedEndAfter", { start: from, end: to })
      : t(lang, "period.plannedEnd", { date: to });
  }
  const period = formatPeriod(start, end, lang);
  if (period) return period;
  if (facts.record.duration)
    return t(lang, "period.lengthOnly", { length: formatDuration(facts.record.duration, lang) });
  return t(lang, "period.unknown");
}

/**
 * When a record's text speaks: the dates of the sources it comes from, to the month ("As described
 * in September 2017"), or that they are undated; shown with the text on its page and in the feeds.
 */
export function describedWhen(dataset: Dataset, refs: readonly { readonly source: string }[], lang: Lang): string {
  const dates = refs.map((ref) => {
    const asOf = dataset.records.sources.get(ref.source)?.as_of;
    return asOf === undefined ? undefined : parsePartialDate(asOf);
  });
  const { months, undated } = sourceDating(dates);
  const said = months.map((month) => formatPartialDate(month, lang));
  const [first, last] = [said[0], said.at(-1)];
  if (first === undefined || last === undefined) return t(lang, "described.undated", { count: undated });
  if (undated > 0) return t(lang, "described.mixed", { dates: formatList(said, lang), count: undated });
  return first === last ? t(lang, "described.one", { date: first }) : t(lang, "described.range", { first, last });
}

/** The date line of a record's text, in a paragraph of its own before the text. */
export function describedNote(dataset: Dataset, refs: readonly { readonly source: string }[], lang: Lang): Html {
  return html`<p class="described">${describedWhen(dataset, refs, lang)}</p>`;
}

export interface CoverageNote {
  readonly texts: readonly (Text | undefined)[];
  readonly lang: Lang;
  /** The languages the site publishes: the note names those in which every text exists. */
  readonly languages: readonly Lang[];
}

/**
 * How complete a record's texts are, shown on record pages: in the page's language how many of
 * them exist, or, when all do, every published language in which all do, and no other.
 */
export function coverageNote({ texts, lang, languages }: CoverageNote): Html {
  const counts = coverage(texts);
  const countsIn = (language: Lang) => counts[language] ?? { present: 0, total: 0 };
  const { present, total } = countsIn(lang);
  if (total === 0 || languages.length < 2) return html``;
  const complete = present === total;
  const whole = languages.filter((language) => countsIn(language).present === countsIn(language).total);
  const note = complete
    ? t(lang, "coverage.complete", {
        languages: formatList(
          whole.map((language) => languageName(language, lang)),
          lang,
        ),
      })
    : t(lang, "coverage.partial", { present, total, ...inSource(lang) });
  return html`<p class="coverage${complete ? "" : " coverage-partial"}" data-pagefind-ignore>${note}</p>`;
}

/** On a list: how many of its records have every text in the page's language. */
export function listCoverageNote(records: readonly (readonly (Text | undefined)[])[], lang: Lang): Html {
  if (lang === sourceLanguage() || records.length === 0) return html``;
  const complete = records.filter((texts) =>
    texts.every((value) => value === undefined || value[lang] !== undefined),
  ).length;
  const note = t(lang, "coverage.list", { complete, total: records.length, ...inSource(lang) });
  return html`<p class="coverage${complete === records.length ? "" : " coverage-partial"}">${note}</p>`;
}

export function translatableTexts(record: {
  title?: Text;
  name?: Text;
  summary?: Text;
  label?: Text;
  description?: Text;
}): (Text | undefined)[] {
  return [record.title, record.summary, record.label, record.description];
}

export const PAGE_SIZE = 50;

export interface TableRegion {
  /** The region's name: the table's caption. */
  readonly label: string;
  readonly table: Html;
  readonly lang: Lang;
  /** Whether the table may be wider than a phone: its region then scrolls. */
  readonly wide: boolean;
}

/**
 * A table in a region of its own. A wide table may be wider than a phone: its region scrolls, takes
 * a Tab stop (so a keyboard can scroll it) and says so on narrow screens. A narrow table wraps its
 * text instead and takes no Tab stop.
 */
export function tableRegion({ label, table, lang, wide }: TableRegion): Html {
  if (!wide) return html`<div class="table-wrap">${table}</div>`;
  return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">
  <p class="scroll-hint">${t(lang, "projects.scrollHint")}</p>
  ${table}
</div>`;
}

/**
 * The first sentence of a summary as plain text, cut at a word near 180 characters. A summary is
 * shown on many pages (its record's, and a card in every list), so each is made once.
 */
export const oneLine = memoize((summary: string): string => {
  const text = markdownToText(summary).replace(/\s+/g, " ").trim();
  // A period after a day's number ("am 1. Juli", German ordinals) ends no sentence.
  const sentence = /^.+?(?<!(?:^|\D)\d{1,2})[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
  if (sentence.length <= 180) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(" ", 177))} …`;
});

/** The project list as cards: what a reader scans to choose a project. */
export function projectCards(dataset: Dataset, ids: readonly string[], lang: Lang): Html {
  if (ids.length === 0) return html`<p>${t(lang, "projects.none")}</p>`;
  const cards = ids
    .map((id) => dataset.project.get(id))
    .filter((facts): facts is ProjectFacts => facts !== undefined)
    .map((facts) => projectCard(dataset, facts, lang));
  // Each project is indexed on its own page; a list of them on every list would only repeat it.
  return html`<ol class="project-cards" data-pagefind-ignore>${cards}</ol>`;
}

/**
 * A project's card is the same in every list it appears in (its lists, countries, themes,
 * funders…): rendered once.
 */
const projectCardCache = memoize((_: Dataset) => new Map<string, Html>());

function projectCard(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const cards = projectCardCache(dataset);
  const key = `${lang}:${facts.id}`;
  let card = cards.get(key);
  if (!card) {
    const summary = localise(facts.record.summary, lang);
    const summaryLang = summary.fallback ? html` lang="${summary.lang}"` : "";
    card = html`<li>
  <h3>${recordLink({ dataset, kind: "projects", id: facts.id, lang })}</h3>
  <p class="summary"${summaryLang}>${oneLine(summary.value)}</p>
  <ul class="card-facts">${cardFacts(dataset, facts, lang)}</ul>
</li>`;
    cards.set(key, card);
  }
  return card;
}

/**
 * The label of a project's owners: "Owner" where a source names them; where the editor chose them
 * (editorial: [owners]), "Listed under", which claims no more than that this publication lists it there.
 */
export function ownersLabel(project: Project, lang: Lang): string {
  const key = project.editorial?.includes("owners") ? "keyFacts.listedUnder" : "keyFacts.owner";
  return t(lang, key, { count: project.owners.length });
}

/** The facts a card shows under its summary: period, status, owners and countries. */
function cardFacts(dataset: Dataset, facts: ProjectFacts, lang: Lang): Renderable[] {
  const fact = (label: string, value: Renderable) => html`<li><span class="label">${label}:</span> ${value}</li>`;
  const owners = facts.record.owners;
  const publisher = publisherOfRecord({ dataset, kind: "projects", id: facts.id, lang });
  return [
    fact(t(lang, "field.period"), periodOf(facts, lang)),
    fact(t(lang, "field.status"), statusLabel(facts, lang)),
    fact(ownersLabel(facts.record, lang), join(owners.map((owner) => organisationLink(dataset, owner, lang)))),
    facts.countries.length
      ? fact(t(lang, "field.countries"), join(facts.countries.map((code) => countryLink(code, lang))))
      : "",
    publisher === undefined ? "" : fact(publisherLabel(lang), publisher),
  ];
}

/** Splits a list into pages of `size`: the first at `base`, the next at base + "2/" and so on. */
export function paginate<T>(
  items: readonly T[],
  base: string,
  size = PAGE_SIZE,
): { items: readonly T[]; url: string; number: number; count: number }[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    url: pageUrl(base, index + 1),
    number: index + 1,
    count,
  }));
}

/** Which page of a paginated list this is: its number of `count`, the first at `base`. */
export interface Pagination {
  readonly lang: Lang;
  readonly base: string;
  readonly number: number;
  readonly count: number;
}

export function pagination({ lang, base, number, count }: Pagination): Html {
  if (count <= 1) return html``;
  const pages = Array.from({ length: count }, (_, index) => index + 1).map((n) =>
    n === number
      ? html`<li><a href="${pageUrl(base, n)}" aria-current="page">${n}</a></li>`
      : html`<li><a href="${pageUrl(base, n)}">${n}</a></li>`,
  );
  return html`<nav class="pagination" aria-label="${t(lang, "nav.pagination")}">
  <ul>${pages}</ul>
</nav>`;
}

export function sortByLabel<T>(items: readonly T[], label: (item: T) => string, lang: Lang): T[] {
  const compare = collator(lang).compare;
  return [...items].sort((a, b) => compare(label(a), label(b)));
}

export function definitionList(rows: readonly (readonly [string, Renderable] | undefined | false)[]): Html {
  const present = rows.filter((row): row is readonly [string, Renderable] => Boolean(row));
  // Labels stay out of search excerpts: "Status Planned", not "StatusPlanned".
  const entries = present.map(
    ([term, value]) => html`<div><dt data-pagefind-ignore>${term}</dt><dd>${value}</dd></div>`,
  );
  return html`<dl class="facts">${entries}</dl>`;
}

/** The label of a record's field (editorial marks, conflicts): the page's own field names where there is one. */
export function fieldLabel(field: string, lang: Lang): string {
  const key = `field.${field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
  if (isUiKey(key)) return t(lang, key);
  // A field named in the plural on pages ("Swedish partners") has its label in plural forms.
  return isUiKey(`${key}_other`) ? t(lang, key as UiKey, { count: 2 }) : field;
}

/** A record's sources, and the fields it has from no source (see sourcesList). */
export interface SourcesList {
  readonly dataset: Dataset;
  /** The record's kind: its schema says which fields an editor concludes rather than knows. */
  readonly kind?: Kind;
  readonly refs: readonly SourceRef[];
  readonly lang: Lang;
  readonly editorial?: readonly string[] | undefined;
}

interface SourceRef {
  readonly source: string;
  readonly note?: Text;
}

/**
 * The sources of a record, and after them the fields no source gives: general knowledge the
 * editor added, marked as such so a reader can tell a traced fact from an editorial one.
 */
export function sourcesList({ dataset, kind, refs, lang, editorial = [] }: SourcesList): Html {
  const items = refs.map((ref) => sourceItem(dataset, ref, lang));
  const inferred = kind ? inferredFields(kind) : new Set<string>();
  const line = (fields: readonly string[], key: "sources.editorial" | "sources.inferred"): Html | "" => {
    if (fields.length === 0) return "";
    const labels = fields.map((field) => fieldLabel(field, lang)).join(", ");
    return html`<li class="editorial">${t(lang, key, { fields: labels })}</li>`;
  };
  const known = line(
    editorial.filter((field) => !inferred.has(field)),
    "sources.editorial",
  );
  const concluded = line(
    editorial.filter((field) => inferred.has(field)),
    "sources.inferred",
  );
  return html`<ul class="sources">${items}${known}${concluded}</ul>`;
}

function sourceItem(dataset: Dataset, ref: SourceRef, lang: Lang): Html {
  const source = dataset.records.sources.get(ref.source);
  if (!source) return html`<li>${ref.source}</li>`;
  // A document's title stays in the language the document is written in.
  const title = name(source.title, lang);
  const titleLang = source.title[lang] !== undefined ? lang : source.language;
  const label = titleLang === lang ? html`${title}` : html`<span lang="${titleLang}">${title}</span>`;
  const publisher = organisationName(dataset, source.publisher, lang);
  const asOf = source.as_of === undefined ? undefined : parsePartialDate(source.as_of);
  const when = asOf ? t(lang, "sources.asOf", { date: formatPartialDate(asOf, lang) }) : t(lang, "sources.undated");
  const titled = source.url ? externalLink({ url: source.url, label, lang }) : label;
  const note = ref.note ? html` – ${text(ref.note, lang)}` : "";
  return html`<li id="source-${ref.source}">${titled}, ${publisher}, <span class="as-of">${when}</span>${note}</li>`;
}

/**
 * A phone number linked as tel: in E.164. Pages in the records' source language show it as the
 * source writes it; other languages in international form (+46 21 39 13 07), since a reader abroad
 * cannot dial 021-…. The number is read as one of the organisation's country (libphonenumber-js
 * knows each plan), or of Sweden, the publishers' country, when the organisation has none.
 */
export function phoneLink(phone: string, country: string | undefined, lang: Lang): Html {
  return phoneLinkOf(JSON.stringify([phone, country ?? "SE", lang === sourceLanguage()]));
}

// A contact person is shown on every page of their records, and parsing a number is slow: once each.
const phoneLinkOf = memoize((key: string): Html => {
  const [phone, country, asWritten] = JSON.parse(key) as [string, CountryCode, boolean];
  const number = parsePhoneNumberFromString(phone, country);
  if (!number) return html`${phone}`;
  return html`<a href="${number.getURI()}">${asWritten ? phone : number.formatInternational()}</a>`;
});

/** Contact persons under a heading of their own. */
export interface ContactList {
  readonly dataset: Dataset;
  readonly ids: readonly string[] | undefined;
  readonly lang: Lang;
  readonly heading?: "field.contacts" | "field.people";
}

/** Contact persons: shown on pages (never in the open data). */
export function contactList({ dataset, ids, lang, heading = "field.contacts" }: ContactList): Html {
  if (!ids?.length) return html``;
  const id = heading === "field.contacts" ? "contacts" : "people";
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${t(lang, heading)}</h2>
  <ul class="contacts">${ids.map((person) => contact(dataset, person, lang))}</ul>
</section>`;
}

function contact(dataset: Dataset, id: string, lang: Lang): Html | "" {
  const person = dataset.records.people.get(id);
  if (!person) return "";
  const country = dataset.records.organisations.get(person.organisation)?.country;
  const unit = person.unit ? html`, ${name(person.unit, lang)}` : "";
  const email = person.email
    ? html`<p>${t(lang, "contact.email")}: <a href="mailto:${person.email}">${person.email}</a></p>`
    : "";
  return html`<li>
  <p class="contact-name">${person.name}</p>
  ${person.role ? html`<p>${text(person.role, lang)}</p>` : ""}
  <p>${organisationLink(dataset, person.organisation, lang)}${unit}</p>
  ${
    // A role is what a source said, when it said it: never shown as today's without its date.
    person.role && person.sources.length > 0
      ? html`<p class="described">${describedWhen(dataset, person.sources, lang)}</p>`
      : ""
  }
  ${person.phone ? html`<p>${t(lang, "contact.phone")}: ${phoneLink(person.phone, country, lang)}</p>` : ""}
  ${email}
</li>`;
}

/** Search facets shared by records that have themes and goals (projects, partnerships, networks). */
export function themeAndGoalFilters(
  dataset: Dataset,
  record: { themes?: string[]; sdgs?: number[] },
  lang: Lang,
): Record<string, string[]> {
  return {
    [t(lang, "field.themes")]: (record.themes ?? []).map((id) =>
      plain(dataset.records.themes.get(id)?.label ?? sourceText(id), lang),
    ),
    [t(lang, "field.sdgs")]: (record.sdgs ?? []).map((goal) => `${goal}. ${sdgName(goal, lang)}`),
  };
}
