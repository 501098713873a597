// Partnerships, networks, organisations and programmes: a list and a page for each record,
// with every project that refers to it.

import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { name } from "../../core/names.js";
import { IATI_SCHEME, WIKIDATA_SCHEME, wikidataUrl } from "../../core/org-identifiers.js";
import { home, KIND_SECTIONS, pageUrl, recordJsonUrl, sectionUrl } from "../../core/routes.js";
import { countryName, formatNumber, formatPartialDate } from "../../i18n/format.js";
import { t, type UiKey } from "../../i18n/translate.js";
import type { Dataset, LinkFacts } from "../../model/dataset.js";
import { parsePartialDate } from "../../model/dates.js";
import type { Link, Network, Organisation, Partnership, Programme, SourceRef, Text } from "../../model/types.js";
import {
  contactList,
  countryLink,
  coverageNote,
  definitionList,
  describedNote,
  describedWhen,
  externalLink,
  heading,
  inferredNote,
  linkList,
  linkPeriodLabel,
  linkStatusLabel,
  listCoverageNote,
  markdown,
  organisationLink,
  organisationName,
  paginate,
  pagination,
  placeCountryNote,
  plain,
  programmeLink,
  programmeName,
  recordLink,
  sdgLink,
  sortByLabel,
  sourcesList,
  text,
  themeAndGoalFilters,
  themeLink,
} from "../components.js";
import { exportLink } from "../export-link.js";
import { keyFacts, lastUpdatedRow } from "../key-facts.js";
import type { Page } from "../page.js";
import { alsoReportedNote, provenanceByline, provenanceNote, publisherMeta, reconciledNote } from "../provenance.js";
import { recordMap } from "./map.js";
import { conflictsNote, projectListPages } from "./projects.js";
import { alternatesOf, type PageSet } from "./shared.js";

type RegisterKind = "partnerships" | "networks" | "organisations" | "programmes";

const REGISTER_PAGE_SIZE = 100;

const KIND_OF_PAGE = {
  partnerships: "partnership",
  networks: "network",
  organisations: "organisation",
  programmes: "programme",
} as const;

function dateText(value: string | undefined, lang: Lang): string | undefined {
  const date = value === undefined ? undefined : parsePartialDate(value);
  return date ? formatPartialDate(date, lang) : undefined;
}

/** A record of a register, as the functions of its spec receive it. */
interface Entry<R> {
  readonly dataset: Dataset;
  readonly id: string;
  readonly record: R;
  readonly lang: Lang;
}

interface RegisterSpec<R> {
  readonly kind: RegisterKind;
  readonly records: (dataset: Dataset) => ReadonlyMap<string, R>;
  readonly label: (record: R, lang: Lang) => string;
  readonly title: (record: R) => Text | undefined;
  readonly texts: (record: R) => (Text | undefined)[];
  /** A short line under each entry of the list. */
  readonly listDetail: (entry: Entry<R>) => Html;
  readonly body: (entry: Entry<R>) => Html;
  readonly projects: (dataset: Dataset, id: string) => readonly string[];
  readonly sources: (record: R) => readonly { source: string; note?: Text }[] | undefined;
  /** Search facets of the record's page. */
  readonly filters: (entry: Entry<R>) => Record<string, string[]>;
}

function registerPages<R>(spec: RegisterSpec<R>): PageSet {
  return (dataset, lang) => {
    const entries = sortByLabel([...spec.records(dataset)], ([, record]) => spec.label(record, lang), lang);
    const details = entries.flatMap(([id, record]) => recordPages(spec, { dataset, id, record, lang }));
    return [...listPages(spec, { dataset, lang, entries }), ...details];
  };
}

/**
 * The register's list: long registers are split into pages of REGISTER_PAGE_SIZE so every page
 * stays light.
 */
function listPages<R>(
  spec: RegisterSpec<R>,
  { dataset, lang, entries }: { dataset: Dataset; lang: Lang; entries: readonly (readonly [string, R])[] },
): Page[] {
  const section = KIND_SECTIONS[spec.kind];
  const listTitle = t(lang, `section.${section}`);
  return paginate(entries, sectionUrl(lang, section), REGISTER_PAGE_SIZE).map((chunk) => {
    const title =
      chunk.number === 1
        ? listTitle
        : t(lang, "nav.pageOf", { title: listTitle, number: chunk.number, count: chunk.count });
    return {
      url: chunk.url,
      lang,
      kind: `${KIND_OF_PAGE[spec.kind]}-list`,
      title,
      description: t(lang, `${spec.kind}.description`),
      breadcrumbs: [{ label: t(lang, "nav.home"), url: home(lang) }],
      alternates: alternatesOf((other) => pageUrl(sectionUrl(other, section), chunk.number)),
      content: () => {
        const texts = chunk.items.map(([, record]) => spec.texts(record));
        const items = chunk.items.map(([id, record]) => listEntry(spec, { dataset, id, record, lang }));
        const pages = pagination({ lang, base: sectionUrl(lang, section), number: chunk.number, count: chunk.count });
        return html`<h1>${title}</h1>
<p>${t(lang, `${spec.kind}.description`)}</p>
${exportLink({ lang, kind: spec.kind, count: entries.length })}
${listCoverageNote(texts, lang)}
<ul class="register">${items}</ul>
${pages}`;
      },
    };
  });
}

function listEntry<R>(spec: RegisterSpec<R>, entry: Entry<R>): Html {
  const { id, record, lang } = entry;
  const title = spec.title(record);
  const name = title ? text(title, lang) : spec.label(record, lang);
  const link = html`<a href="${sectionUrl(lang, KIND_SECTIONS[spec.kind], id)}">${name}</a>`;
  const publisher = publisherMeta({ dataset: entry.dataset, kind: spec.kind, id, lang });
  return html`<li>${link} ${spec.listDetail(entry)}${publisher}</li>`;
}

/** When a record's sources spoke, for its search result; nothing for a record without sources. */
function describedOf(dataset: Dataset, sources: readonly { source: string }[], lang: Lang): { described?: string } {
  return sources.length > 0 ? { described: describedWhen(dataset, sources, lang) } : {};
}

/** A record's page: what it is, then the projects that refer to it, in pages. */
function recordPages<R>(spec: RegisterSpec<R>, entry: Entry<R>): Page[] {
  const { dataset, id, record, lang } = entry;
  const section = KIND_SECTIONS[spec.kind];
  const label = spec.label(record, lang);
  // A record the sources describe, with no project: the sources name none, which says nothing of today.
  const described = (spec.sources(record) ?? []).length > 0;
  return projectListPages({
    dataset,
    lang,
    ids: spec.projects(dataset, id),
    base: (other) => sectionUrl(other, section, id),
    kind: KIND_OF_PAGE[spec.kind],
    record: `${spec.kind}/${id}`,
    filters: () => spec.filters(entry),
    ...describedOf(dataset, spec.sources(record) ?? [], lang),
    title: label,
    breadcrumbs: [
      { label: t(lang, "nav.home"), url: home(lang) },
      { label: t(lang, `section.${section}`), url: sectionUrl(lang, section) },
    ],
    searchable: true,
    caption: t(lang, "projects.of", { name: label }),
    ...(described ? { empty: t(lang, "projects.noneInSources") } : {}),
    intro: () => recordIntro(spec, entry),
  });
}

function recordIntro<R>(spec: RegisterSpec<R>, entry: Entry<R>): Html {
  const { dataset, id, record, lang } = entry;
  const title = spec.title(record);
  const refs = spec.sources(record);
  const editorial = (record as { editorial?: readonly string[] }).editorial;
  const sources = refs
    ? html`<section aria-labelledby="sources">
  <h2 id="sources">${t(lang, "field.sources")}</h2>
  ${sourcesList({ dataset, kind: spec.kind, refs, lang, editorial })}
</section>`
    : "";
  const download = t(lang, "downloads.recordJson");
  const json = html`<a href="${recordJsonUrl(spec.kind, id)}" type="application/json" download>${download}</a>`;
  return html`<article class="record">
  ${title ? heading(title, lang) : html`<h1>${spec.label(record, lang)}</h1>`}
  ${provenanceByline({ dataset, kind: spec.kind, id, lang })}
  ${coverageNote({ texts: spec.texts(record), lang, languages: dataset.site.languages })}
  ${spec.body(entry)}
  ${provenanceNote({ dataset, kind: spec.kind, id, lang })}
  ${sources}
  <p class="downloads">${json}</p>
</article>`;
}

/** A record's text with the date of its sources before it ("As described in September 2017"). */
interface SummaryOf {
  readonly dataset: Dataset;
  readonly text: Text;
  readonly sources: readonly SourceRef[];
  readonly lang: Lang;
}

function summaryOf({ dataset, text, sources, lang }: SummaryOf): Html {
  return sources.length > 0
    ? html`${describedNote(dataset, sources, lang)}
${markdown(text, lang)}`
    : markdown(text, lang);
}

/** The countries of some organisations, the first named first. */
function countriesRow(dataset: Dataset, organisations: readonly string[], lang: Lang): [string, Html] | undefined {
  const codes = [
    ...new Set(
      organisations.flatMap((org) => {
        const country = dataset.records.organisations.get(org)?.country;
        return country ? [country] : [];
      }),
    ),
  ];
  return codes.length ? [t(lang, "field.countries"), join(codes.map((code) => countryLink(code, lang)))] : undefined;
}

const count = (lang: Lang, key: Extract<UiKey, `count.${string}`>, n: number): string =>
  t(lang, key, { count: n, formatted: formatNumber(n, lang) });

export const partnershipPages = registerPages({
  kind: "partnerships",
  records: (dataset) => dataset.records.partnerships,
  label: (record, lang) => plain(record.name, lang),
  title: (record) => record.name,
  texts: (record) => [record.name, record.summary],
  sources: (record) => record.sources,
  projects: (dataset, id) => dataset.projectsBy.partnership.get(id) ?? [],
  filters: ({ dataset, id, record, lang }) => ({
    [t(lang, "field.countries")]: [
      ...new Set(
        [...record.swedish_partners, ...record.international_partners].map((org) =>
          countryName(dataset.records.organisations.get(org)?.country ?? "", lang),
        ),
      ),
    ],
    [t(lang, "field.funders")]: (record.funders ?? []).map((programme) => programmeName(dataset, programme, lang)),
    ...themeAndGoalFilters(dataset, record, lang),
    ...statusFilter(dataset.partnerships.get(id), lang),
  }),
  listDetail: ({ dataset, id, record, lang }) => {
    const facts = dataset.partnerships.get(id);
    const projects = count(lang, "count.projects", dataset.projectsBy.partnership.get(id)?.length ?? 0);
    return html`<span class="meta">${facts ? linkPeriodLabel(facts, record, lang) : ""} · ${projects}</span>`;
  },
  body: partnershipBody,
});

/** A partnership's or network's status in its search facets, as its page says it. */
function statusFilter(facts: LinkFacts | undefined, lang: Lang): Record<string, string[]> {
  return facts ? { [t(lang, "field.status")]: [t(lang, `linkStatus.${facts.status.status}`)] } : {};
}

/** The status and period rows of a partnership's or network's key facts. */
function linkRows(facts: LinkFacts | undefined, record: Partnership | Network, lang: Lang): [string, Html | string][] {
  if (!facts) return [];
  return [
    [t(lang, "field.status"), linkStatusLabel(facts, record, lang)],
    [t(lang, "field.period"), linkPeriodLabel(facts, record, lang)],
  ];
}

function partnershipBody({ dataset, id, record, lang }: Entry<Partnership>): Html {
  const organisations = (ids: readonly string[]) => join(ids.map((org) => organisationLink(dataset, org, lang)));
  const funders = record.funders ?? [];
  const link = dataset.partnerships.get(id);
  // The day a source saw it under way, unless the status already rests on that day.
  const seen = record.active_as_of !== undefined && link?.status.report?.asOf?.iso !== record.active_as_of;
  const seenOn = record.active_as_of === undefined ? undefined : parsePartialDate(record.active_as_of);
  const seenInferred = inferredNote(seenOn && { kept: true, asOf: seenOn }, record, lang);
  const facts = keyFacts(lang, [
    ...linkRows(link, record, lang),
    seen && [t(lang, "field.activeAsOf"), html`${dateText(record.active_as_of, lang)}${seenInferred}`],
    [
      t(lang, "field.swedishPartners", { count: record.swedish_partners.length }),
      organisations(record.swedish_partners),
    ],
    [
      t(lang, "field.internationalPartners", { count: record.international_partners.length }),
      organisations(record.international_partners),
    ],
    countriesRow(dataset, [...record.swedish_partners, ...record.international_partners], lang),
    funders.length > 0 && [
      t(lang, "field.funders"),
      join(funders.map((programme) => programmeLink(dataset, programme, lang))),
    ],
    [t(lang, "section.projects"), count(lang, "count.projects", dataset.projectsBy.partnership.get(id)?.length ?? 0)],
    lastUpdatedRow(dataset, `partnerships/${id}`, lang),
  ]);
  const details = definitionList([
    record.network !== undefined && [
      t(lang, "field.network"),
      recordLink({ dataset, kind: "networks", id: record.network, lang }),
    ],
    ...themeAndGoalRows(dataset, record, lang),
  ]);
  return html`${facts}
${record.summary ? summaryOf({ dataset, text: record.summary, sources: record.sources, lang }) : ""}
${recordMap(dataset, `partnerships/${id}`, lang)}
${details}
${linksOf(record, lang)}
${contactList({ dataset, ids: record.contacts, lang })}
${conflictsNote({ dataset, conflicts: record.conflicts, sources: record.sources, lang })}
${alsoReportedNote(dataset, id, lang)}`;
}

export const networkPages = registerPages({
  kind: "networks",
  records: (dataset) => dataset.records.networks,
  label: (record, lang) => plain(record.name, lang),
  title: (record) => record.name,
  texts: (record) => [
    record.name,
    record.summary,
    ...(record.events ?? []).flatMap((event) => [event.title, event.summary]),
  ],
  sources: (record) => record.sources,
  projects: (dataset, id) => dataset.projectsBy.network.get(id) ?? [],
  filters: ({ dataset, id, record, lang }) => ({
    [t(lang, "field.funders")]: (record.funders ?? []).map((programme) => programmeName(dataset, programme, lang)),
    ...themeAndGoalFilters(dataset, record, lang),
    ...statusFilter(dataset.networks.get(id), lang),
  }),
  listDetail: ({ dataset, id, record, lang }) => {
    const facts = dataset.networks.get(id);
    const partnerships = count(lang, "count.partnerships", dataset.partnershipsBy.network.get(id)?.length ?? 0);
    return html`<span class="meta">${facts ? linkPeriodLabel(facts, record, lang) : ""} · ${partnerships}</span>`;
  },
  body: networkBody,
});

function networkBody({ dataset, id, record, lang }: Entry<Network>): Html {
  const members = dataset.partnershipsBy.network.get(id) ?? [];
  const organisations = [
    ...(record.member_organisations ?? []),
    ...members.flatMap((member) => {
      const partnership = dataset.records.partnerships.get(member);
      return partnership ? [...partnership.swedish_partners, ...partnership.international_partners] : [];
    }),
  ];
  const funders = record.funders ?? [];
  const memberOrganisations = record.member_organisations ?? [];
  const facts = keyFacts(lang, [
    record.coordinator !== undefined && [
      t(lang, "field.coordinator"),
      organisationLink(dataset, record.coordinator, lang),
    ],
    ...linkRows(dataset.networks.get(id), record, lang),
    [t(lang, "section.partnerships"), count(lang, "count.partnerships", members.length)],
    countriesRow(dataset, organisations, lang),
    funders.length > 0 && [
      t(lang, "field.funders"),
      join(funders.map((programme) => programmeLink(dataset, programme, lang))),
    ],
    lastUpdatedRow(dataset, `networks/${id}`, lang),
  ]);
  const details = definitionList([
    ...themeAndGoalRows(dataset, record, lang),
    memberOrganisations.length > 0 && [
      t(lang, "field.members"),
      join(memberOrganisations.map((org) => organisationLink(dataset, org, lang))),
    ],
  ]);
  return html`${facts}
${record.summary ? summaryOf({ dataset, text: record.summary, sources: record.sources, lang }) : ""}
${recordMap(dataset, `networks/${id}`, lang)}
${details}
${memberList(dataset, members, lang)}
${events(dataset, record, lang)}
${linksOf(record, lang)}
${contactList({ dataset, ids: record.people, lang, heading: "field.people" })}
${conflictsNote({ dataset, conflicts: record.conflicts, sources: record.sources, lang })}`;
}

export const organisationPages = registerPages({
  kind: "organisations",
  records: (dataset) => dataset.records.organisations,
  label: (record, lang) => name(record.name, lang),
  title: () => undefined,
  texts: (record) => [record.description],
  sources: (record) => record.sources,
  projects: (dataset, id) => dataset.projectsBy.organisation.get(id) ?? [],
  filters: ({ record, lang }) => ({
    [t(lang, "field.countries")]: [countryName(record.country, lang)],
    // Not "Type": that filter is the kind of record, which every searchable page has.
    [t(lang, "field.organisationKind")]: [t(lang, `organisationKind.${record.kind}`)],
  }),
  listDetail: ({ record, lang }) =>
    html`<span class="meta">${t(lang, `organisationKind.${record.kind}`)}, ${countryLink(record.country, lang)}</span>`,
  body: organisationBody,
});

function organisationBody({ dataset, id, record, lang }: Entry<Organisation>): Html {
  const partnerships = dataset.partnershipsBy.organisation.get(id) ?? [];
  const programmes = dataset.programmesBy.funder.get(id) ?? [];
  const units = dataset.organisationsBy.parent.get(id) ?? [];
  // Owner only where a source names it so: an owner the editor chose (editorial) is not counted as one.
  const owned = (dataset.projectsBy.owner.get(id) ?? []).filter(
    (project) => !dataset.records.projects.get(project)?.editorial?.includes("owners"),
  ).length;
  const taking = dataset.projectsBy.organisation.get(id)?.length ?? 0;
  const city = record.city === undefined ? "" : html`${name(record.city, lang)}, `;
  const facts = keyFacts(lang, [
    [t(lang, "field.kind"), t(lang, `organisationKind.${record.kind}`)],
    // With its town, the row says where the organisation is: "Place", not "Country".
    [
      t(lang, record.city === undefined ? "field.country" : "field.place"),
      html`${city}${countryLink(record.country, lang)}`,
    ],
    record.organisation_number !== undefined && [t(lang, "field.organisationNumber"), record.organisation_number],
    ...identifierRows(record, lang),
    [
      t(lang, "section.projects"),
      t(lang, "keyFacts.organisationProjects", {
        all: count(lang, "count.projects", taking),
        owned: formatNumber(owned, lang),
      }),
    ],
    partnerships.length > 0 && [
      t(lang, "section.partnerships"),
      count(lang, "count.partnerships", partnerships.length),
    ],
    lastUpdatedRow(dataset, `organisations/${id}`, lang),
  ]);
  const details = definitionList([
    record.short_name !== undefined && [t(lang, "field.shortName"), record.short_name],
    record.part_of !== undefined && [t(lang, "field.partOf"), organisationLink(dataset, record.part_of, lang)],
    units.length > 0 && [t(lang, "field.units"), join(units.map((unit) => organisationLink(dataset, unit, lang)))],
    websiteRow(record.website, lang),
    programmes.length > 0 && [
      t(lang, "field.fundsProgrammes"),
      join(programmes.map((programme) => programmeLink(dataset, programme, lang))),
    ],
    partnershipsRow(dataset, partnerships, lang),
  ]);
  return html`${facts}
${record.description ? summaryOf({ dataset, text: record.description, sources: record.sources ?? [], lang }) : ""}
${recordMap(dataset, `organisations/${id}`, lang)}
${details}
${reconciledNote(dataset, id, lang)}`;
}

/** An organisation's identifiers, a row each; a Wikidata item links to its page. */
function identifierRows(record: Organisation, lang: Lang): (readonly [string, Html | string])[] {
  return (record.identifiers ?? []).map(({ scheme, id }) => {
    if (scheme === WIKIDATA_SCHEME)
      return [t(lang, "orgIdentifiers.wikidata"), externalLink({ url: wikidataUrl(id), label: id, lang })];
    return [scheme === IATI_SCHEME ? t(lang, "orgIdentifiers.iati") : t(lang, "orgIdentifiers.other", { scheme }), id];
  });
}

export const programmePages = registerPages({
  kind: "programmes",
  records: (dataset) => dataset.records.programmes,
  label: (record, lang) => name(record.name, lang),
  title: () => undefined,
  texts: (record) => [record.description],
  sources: (record) => record.sources,
  projects: (dataset, id) => [
    ...new Set(
      [id, ...(dataset.programmesBy.parent.get(id) ?? [])].flatMap(
        (programme) => dataset.projectsBy.programme.get(programme) ?? [],
      ),
    ),
  ],
  filters: ({ dataset, record, lang }) => ({
    [t(lang, "field.funders")]: [name(record.name, lang)],
    [t(lang, "field.funder")]: [organisationName(dataset, record.funder, lang)],
  }),
  listDetail: ({ dataset, record, lang }) =>
    html`<span class="meta">${organisationName(dataset, record.funder, lang)}</span>`,
  body: programmeBody,
});

function programmeBody({ dataset, id, record, lang }: Entry<Programme>): Html {
  const parts = dataset.programmesBy.parent.get(id) ?? [];
  const partnerships = dataset.partnershipsBy.programme.get(id) ?? [];
  const partLinks = parts.map(
    (part) => html`<a href="${sectionUrl(lang, "programmes", part)}">${programmeName(dataset, part, lang)}</a>`,
  );
  const details = definitionList([
    record.short_name !== undefined && [t(lang, "field.shortName"), record.short_name],
    [t(lang, "field.funder"), organisationLink(dataset, record.funder, lang)],
    record.part_of !== undefined && [t(lang, "field.partOf"), programmeLink(dataset, record.part_of, lang)],
    parts.length > 0 && [t(lang, "field.subprogrammes"), join(partLinks)],
    websiteRow(record.website, lang),
    partnershipsRow(dataset, partnerships, lang),
  ]);
  const description = record.description
    ? summaryOf({ dataset, text: record.description, sources: record.sources ?? [], lang })
    : "";
  return html`${description}
${details}`;
}

function websiteRow(website: string | undefined, lang: Lang): [string, Html] | undefined {
  return website === undefined
    ? undefined
    : [t(lang, "field.website"), externalLink({ url: website, label: website, lang })];
}

function partnershipsRow(dataset: Dataset, ids: readonly string[], lang: Lang): [string, Html] | undefined {
  return ids.length === 0
    ? undefined
    : [t(lang, "section.partnerships"), join(ids.map((id) => recordLink({ dataset, kind: "partnerships", id, lang })))];
}

/** The themes and global goals of a partnership or network, as rows of its facts list. */
function themeAndGoalRows(
  dataset: Dataset,
  record: { readonly themes?: readonly string[]; readonly sdgs?: readonly number[] },
  lang: Lang,
): (readonly [string, Html] | false)[] {
  return [
    (record.themes ?? []).length > 0 && [
      t(lang, "field.themes"),
      join((record.themes ?? []).map((theme) => themeLink(dataset, theme, lang))),
    ],
    (record.sdgs ?? []).length > 0 && [
      t(lang, "field.sdgs"),
      join((record.sdgs ?? []).map((goal) => sdgLink(goal, lang))),
    ],
  ];
}

function linksOf(record: { readonly links?: readonly Link[] }, lang: Lang): Html {
  if (!record.links?.length) return html``;
  return html`<h2>${t(lang, "field.links")}</h2>
${linkList(record.links, lang)}`;
}

/** The partnerships of a network. */
function memberList(dataset: Dataset, members: readonly string[], lang: Lang): Html {
  if (members.length === 0) return html``;
  const items = members.map(
    (member) => html`<li>${recordLink({ dataset, kind: "partnerships", id: member, lang })}</li>`,
  );
  return html`<section aria-labelledby="members">
  <h2 id="members">${t(lang, "networks.partnerships", { count: members.length })}</h2>
  <ul>${items}</ul>
</section>`;
}

/** A network's events: each with its date, place, participants and summary. */
function events(dataset: Dataset, network: Network, lang: Lang): Html {
  if (!network.events?.length) return html``;
  const entries = network.events.map((event) => {
    const place = event.place;
    const facts = definitionList([
      event.date !== undefined && [t(lang, "field.date"), dateText(event.date, lang)],
      place !== undefined && [
        t(lang, "field.place"),
        html`${name(place.name, lang)}, ${countryLink(place.country, lang)}${placeCountryNote(dataset, place, lang)}`,
      ],
      event.participants !== undefined && [t(lang, "field.participantCount"), formatNumber(event.participants, lang)],
    ]);
    return html`<h3>${text(event.title, lang)}</h3>
  ${facts}
  ${event.summary ? markdown(event.summary, lang) : ""}`;
  });
  return html`<section aria-labelledby="events">
  <h2 id="events">${t(lang, "field.events")}</h2>
  ${entries}
</section>`;
}
