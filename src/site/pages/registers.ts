// Partnerships, networks, organisations and programmes: a list and a page for each record,
// with every project that refers to it.

import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { name } from "../../core/names.js";
import { home, KIND_SECTIONS, pageUrl, recordJsonUrl, sectionUrl } from "../../core/routes.js";
import { countryName, formatNumber, formatPartialDate } from "../../i18n/format.js";
import { t, type UiKey } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { parsePartialDate } from "../../model/dates.js";
import type { Text } from "../../model/types.js";
import {
  contactList,
  countryLink,
  coverageNote,
  definitionList,
  externalLink,
  heading,
  linkList,
  listCoverageNote,
  markdown,
  organisationLink,
  organisationName,
  paginate,
  pagination,
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
import { keyFacts, lastUpdatedRow } from "../key-facts.js";
import type { Page } from "../page.js";
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

interface RegisterSpec<R> {
  readonly kind: RegisterKind;
  readonly records: (dataset: Dataset) => ReadonlyMap<string, R>;
  readonly label: (record: R, lang: Lang) => string;
  readonly title: (record: R) => Text | undefined;
  readonly texts: (record: R) => (Text | undefined)[];
  /** A short line under each entry of the list. */
  readonly listDetail: (dataset: Dataset, id: string, record: R, lang: Lang) => Html;
  readonly body: (dataset: Dataset, id: string, record: R, lang: Lang) => Html;
  readonly projects: (dataset: Dataset, id: string) => readonly string[];
  readonly sources: (record: R) => readonly { source: string; note?: Text }[] | undefined;
  /** Search facets of the record's page. */
  readonly filters: (dataset: Dataset, id: string, record: R, lang: Lang) => Record<string, string[]>;
}

function registerPages<R>(spec: RegisterSpec<R>): PageSet {
  return (dataset, lang) => {
    const records = spec.records(dataset);
    const section = KIND_SECTIONS[spec.kind];
    const listTitle = t(lang, `section.${section}`);
    const crumbs = [{ label: t(lang, "nav.home"), url: home(lang) }];
    const entries = sortByLabel([...records], ([, record]) => spec.label(record, lang), lang);
    // Long registers are split into pages of REGISTER_PAGE_SIZE so every page stays light.
    const lists: Page[] = paginate(entries, sectionUrl(lang, section), REGISTER_PAGE_SIZE).map((chunk) => ({
      url: chunk.url,
      lang,
      kind: `${KIND_OF_PAGE[spec.kind]}-list`,
      title:
        chunk.number === 1
          ? listTitle
          : t(lang, "nav.pageOf", { title: listTitle, number: chunk.number, count: chunk.count }),
      description: t(lang, `${spec.kind}.description`),
      breadcrumbs: crumbs,
      alternates: alternatesOf((other) => pageUrl(sectionUrl(other, section), chunk.number)),
      content:
        () => html`<h1>${chunk.number === 1 ? listTitle : t(lang, "nav.pageOf", { title: listTitle, number: chunk.number, count: chunk.count })}</h1><p>${t(lang, `${spec.kind}.description`)}</p>
${listCoverageNote(
  chunk.items.map(([, record]) => spec.texts(record)),
  lang,
)}
<ul class="register">${chunk.items.map(
          ([id, record]) =>
            html`<li><a href="${sectionUrl(lang, section, id)}">${spec.title(record) ? text(spec.title(record)!, lang) : spec.label(record, lang)}</a> ${spec.listDetail(dataset, id, record, lang)}</li>`,
        )}</ul>
${pagination(lang, sectionUrl(lang, section), chunk.number, chunk.count)}`,
    }));
    const detailCrumbs = [...crumbs, { label: listTitle, url: sectionUrl(lang, section) }];
    const details = entries.flatMap(([id, record]) =>
      projectListPages(dataset, spec.projects(dataset, id), lang, (other) => sectionUrl(other, section, id), {
        kind: KIND_OF_PAGE[spec.kind],
        record: `${spec.kind}/${id}`,
        filters: () => spec.filters(dataset, id, record, lang),
        title: spec.label(record, lang),
        breadcrumbs: detailCrumbs,
        searchable: true,
        caption: t(lang, "projects.of", { name: spec.label(record, lang) }),
        intro:
          () => html`<article class="record">${spec.title(record) ? heading(spec.title(record)!, lang) : html`<h1>${spec.label(record, lang)}</h1>`}
${coverageNote(spec.texts(record), lang)}
${spec.body(dataset, id, record, lang)}
${spec.sources(record) ? html`<section aria-labelledby="sources"><h2 id="sources">${t(lang, "field.sources")}</h2>${sourcesList(dataset, spec.sources(record)!, lang, (record as { editorial?: readonly string[] }).editorial)}</section>` : ""}
${spec.kind === "organisations" || spec.kind === "programmes" || spec.kind === "partnerships" || spec.kind === "networks" ? html`<p class="downloads"><a href="${recordJsonUrl(spec.kind, id)}" type="application/json" download>${t(lang, "downloads.recordJson")}</a></p>` : ""}
</article>`,
      }),
    );
    return [...lists, ...details];
  };
}

/** A period from partial dates: "since 2014", "2012 – 2016", or plainly unknown. */
function periodText(since: string | undefined, until: string | undefined, lang: Lang): string {
  const from = dateText(since, lang);
  const to = dateText(until, lang);
  if (from && to) return `${from} – ${to}`;
  if (from) return t(lang, "period.since", { date: from });
  if (to) return t(lang, "period.until", { date: to });
  return t(lang, "period.unknown");
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
  filters: (dataset, _id, record, lang) => ({
    [t(lang, "field.countries")]: [
      ...new Set(
        [...record.swedish_partners, ...record.international_partners].map((org) =>
          countryName(dataset.records.organisations.get(org)?.country ?? "", lang),
        ),
      ),
    ],
    [t(lang, "field.funders")]: (record.funders ?? []).map((programme) => programmeName(dataset, programme, lang)),
    ...themeAndGoalFilters(dataset, record, lang),
  }),
  listDetail: (dataset, id, record, lang) => {
    const since = dateText(record.since, lang);
    return html`<span class="meta">${since ? t(lang, "period.since", { date: since }) : ""} · ${count(lang, "count.projects", dataset.projectsBy.partnership.get(id)?.length ?? 0)}</span>`;
  },
  body: (dataset, id, record, lang) => html`${keyFacts(lang, [
    [t(lang, "field.period"), periodText(record.since, record.until, lang)],
    record.active_as_of !== undefined && [t(lang, "field.activeAsOf"), dateText(record.active_as_of, lang)],
    [
      t(lang, "field.swedishPartners", { count: record.swedish_partners.length }),
      join(record.swedish_partners.map((org) => organisationLink(dataset, org, lang))),
    ],
    [
      t(lang, "field.internationalPartners", { count: record.international_partners.length }),
      join(record.international_partners.map((org) => organisationLink(dataset, org, lang))),
    ],
    countriesRow(dataset, [...record.swedish_partners, ...record.international_partners], lang),
    (record.funders ?? []).length > 0 && [
      t(lang, "field.funders"),
      join((record.funders ?? []).map((programme) => programmeLink(dataset, programme, lang))),
    ],
    [t(lang, "section.projects"), count(lang, "count.projects", dataset.projectsBy.partnership.get(id)?.length ?? 0)],
    lastUpdatedRow(dataset, `partnerships/${id}`, lang),
  ])}
${record.summary ? markdown(record.summary, lang) : ""}
${recordMap(dataset, `partnerships/${id}`, lang)}
${definitionList([
  record.network !== undefined && [t(lang, "field.network"), recordLink(dataset, "networks", record.network, lang)],
  ...themeAndGoalRows(dataset, record, lang),
])}
${record.links?.length ? html`<h2>${t(lang, "field.links")}</h2>${linkList(record.links, lang)}` : ""}
${contactList(dataset, record.contacts, lang)}
${conflictsNote(dataset, record.conflicts, lang)}`,
});

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
  filters: (dataset, _id, record, lang) => ({
    [t(lang, "field.funders")]: (record.funders ?? []).map((programme) => programmeName(dataset, programme, lang)),
    ...themeAndGoalFilters(dataset, record, lang),
  }),
  listDetail: (dataset, id, _record, lang) =>
    html`<span class="meta">${count(lang, "count.partnerships", dataset.partnershipsBy.network.get(id)?.length ?? 0)}</span>`,
  body: (dataset, id, record, lang) => {
    const members = dataset.partnershipsBy.network.get(id) ?? [];
    const organisations = [
      ...(record.member_organisations ?? []),
      ...members.flatMap((member) => {
        const partnership = dataset.records.partnerships.get(member);
        return partnership ? [...partnership.swedish_partners, ...partnership.international_partners] : [];
      }),
    ];
    return html`${keyFacts(lang, [
      record.coordinator !== undefined && [
        t(lang, "field.coordinator"),
        organisationLink(dataset, record.coordinator, lang),
      ],
      [t(lang, "field.period"), periodText(record.since, undefined, lang)],
      [t(lang, "section.partnerships"), count(lang, "count.partnerships", members.length)],
      countriesRow(dataset, organisations, lang),
      (record.funders ?? []).length > 0 && [
        t(lang, "field.funders"),
        join((record.funders ?? []).map((programme) => programmeLink(dataset, programme, lang))),
      ],
      lastUpdatedRow(dataset, `networks/${id}`, lang),
    ])}
${record.summary ? markdown(record.summary, lang) : ""}
${recordMap(dataset, `networks/${id}`, lang)}
${definitionList([
  ...themeAndGoalRows(dataset, record, lang),
  (record.member_organisations ?? []).length > 0 && [
    t(lang, "field.members"),
    join((record.member_organisations ?? []).map((org) => organisationLink(dataset, org, lang))),
  ],
])}
${members.length ? html`<section aria-labelledby="members"><h2 id="members">${t(lang, "networks.partnerships", { count: members.length })}</h2><ul>${members.map((member) => html`<li>${recordLink(dataset, "partnerships", member, lang)}</li>`)}</ul></section>` : ""}
${
  record.events?.length
    ? html`<section aria-labelledby="events"><h2 id="events">${t(lang, "field.events")}</h2>${record.events.map(
        (event) =>
          html`<h3>${text(event.title, lang)}</h3>${definitionList([
            event.date !== undefined && [t(lang, "field.date"), dateText(event.date, lang)],
            event.place !== undefined && [
              t(lang, "field.place"),
              html`${name(event.place.name, lang)}, ${countryLink(event.place.country, lang)}`,
            ],
            event.participants !== undefined && [
              t(lang, "field.participantCount"),
              formatNumber(event.participants, lang),
            ],
          ])}${event.summary ? markdown(event.summary, lang) : ""}`,
      )}</section>`
    : ""
}
${record.links?.length ? html`<h2>${t(lang, "field.links")}</h2>${linkList(record.links, lang)}` : ""}
${contactList(dataset, record.people, lang, "field.people")}
${conflictsNote(dataset, record.conflicts, lang)}`;
  },
});

export const organisationPages = registerPages({
  kind: "organisations",
  records: (dataset) => dataset.records.organisations,
  label: (record, lang) => name(record.name, lang),
  title: () => undefined,
  texts: (record) => [record.description],
  sources: (record) => record.sources,
  projects: (dataset, id) => dataset.projectsBy.organisation.get(id) ?? [],
  filters: (_dataset, _id, record, lang) => ({
    [t(lang, "field.countries")]: [countryName(record.country, lang)],
    [t(lang, "field.kind")]: [t(lang, `organisationKind.${record.kind}`)],
  }),
  listDetail: (_dataset, _id, record, lang) =>
    html`<span class="meta">${t(lang, `organisationKind.${record.kind}`)}, ${countryLink(record.country, lang)}</span>`,
  body: (dataset, id, record, lang) => {
    const partnerships = dataset.partnershipsBy.organisation.get(id) ?? [];
    const programmes = dataset.programmesBy.funder.get(id) ?? [];
    const units = dataset.organisationsBy.parent.get(id) ?? [];
    const owned = dataset.projectsBy.owner.get(id)?.length ?? 0;
    const taking = dataset.projectsBy.organisation.get(id)?.length ?? 0;
    return html`${keyFacts(lang, [
      [t(lang, "field.kind"), t(lang, `organisationKind.${record.kind}`)],
      [
        t(lang, "field.country"),
        html`${record.city !== undefined ? html`${name(record.city, lang)}, ` : ""}${countryLink(record.country, lang)}`,
      ],
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
    ])}
${record.description ? markdown(record.description, lang) : ""}
${recordMap(dataset, `organisations/${id}`, lang)}
${definitionList([
  record.short_name !== undefined && [t(lang, "field.shortName"), record.short_name],
  record.part_of !== undefined && [t(lang, "field.partOf"), organisationLink(dataset, record.part_of, lang)],
  units.length > 0 && [t(lang, "field.units"), join(units.map((unit) => organisationLink(dataset, unit, lang)))],
  record.website !== undefined && [t(lang, "field.website"), externalLink(record.website, record.website, lang)],
  programmes.length > 0 && [
    t(lang, "field.fundsProgrammes"),
    join(programmes.map((programme) => programmeLink(dataset, programme, lang))),
  ],
  partnerships.length > 0 && [
    t(lang, "section.partnerships"),
    join(partnerships.map((partnership) => recordLink(dataset, "partnerships", partnership, lang))),
  ],
])}`;
  },
});

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
  filters: (dataset, _id, record, lang) => ({
    [t(lang, "field.funders")]: [name(record.name, lang)],
    [t(lang, "field.funder")]: [organisationName(dataset, record.funder, lang)],
  }),
  listDetail: (dataset, _id, record, lang) =>
    html`<span class="meta">${organisationName(dataset, record.funder, lang)}</span>`,
  body: (dataset, id, record, lang) => {
    const parts = dataset.programmesBy.parent.get(id) ?? [];
    const partnerships = dataset.partnershipsBy.programme.get(id) ?? [];
    return html`${record.description ? markdown(record.description, lang) : ""}
${definitionList([
  record.short_name !== undefined && [t(lang, "field.shortName"), record.short_name],
  [t(lang, "field.funder"), organisationLink(dataset, record.funder, lang)],
  record.part_of !== undefined && [t(lang, "field.partOf"), programmeLink(dataset, record.part_of, lang)],
  parts.length > 0 && [
    t(lang, "field.subprogrammes"),
    join(
      parts.map(
        (part) => html`<a href="${sectionUrl(lang, "programmes", part)}">${programmeName(dataset, part, lang)}</a>`,
      ),
    ),
  ],
  record.website !== undefined && [t(lang, "field.website"), externalLink(record.website, record.website, lang)],
  partnerships.length > 0 && [
    t(lang, "section.partnerships"),
    join(partnerships.map((partnership) => recordLink(dataset, "partnerships", partnership, lang))),
  ],
])}`;
  },
});

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
