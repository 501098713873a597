// Countries, themes and the global goals: a list with counts and a page each, listing the
// projects (and for countries the partners) that refer to them.

import { type Html, html } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { sourceText } from "../../core/names.js";
import { csvUrl, home, sectionUrl } from "../../core/routes.js";
import { countryName, formatNumber, sdgName } from "../../i18n/format.js";
import { t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { placeIndex } from "../../model/places.js";
import { SDGS } from "../../model/sdgs.js";
import { coverageNote, heading, markdown, organisationLink, plain, recordLink, sortByLabel } from "../components.js";
import type { Page, PageKind } from "../page.js";
import { provenanceByline, provenanceNote, publisherMeta } from "../provenance.js";
import { smallMap } from "./map.js";
import { projectListPages } from "./projects.js";
import { alternatesOf, type PageSet } from "./shared.js";

interface FacetSpec {
  /** The sections of projects by a value they share, each with its description. */
  readonly section: "countries" | "themes" | "sdgs";
  readonly kind: PageKind;
  readonly listKind: PageKind;
  readonly keys: (dataset: Dataset) => readonly string[];
  readonly label: (dataset: Dataset, key: string, lang: Lang) => string;
  readonly projects: (dataset: Dataset, key: string) => readonly string[];
  readonly intro: (dataset: Dataset, key: string, lang: Lang) => Html;
  readonly record?: (key: string) => string;
}

function facetPages(spec: FacetSpec): PageSet {
  return (dataset, lang) => {
    const title = t(lang, `section.${spec.section}`);
    const crumbs = [{ label: t(lang, "nav.home"), url: home(lang) }];
    const keys =
      spec.section === "sdgs"
        ? spec.keys(dataset)
        : sortByLabel(spec.keys(dataset), (key) => spec.label(dataset, key, lang), lang);
    const entry = (key: string) => {
      const projects = spec.projects(dataset, key).length;
      const link = html`<a href="${sectionUrl(lang, spec.section, key)}">${spec.label(dataset, key, lang)}</a>`;
      const count = t(lang, "count.projects", { count: projects, formatted: formatNumber(projects, lang) });
      // A theme of an included publication (no other's has the same id) says whose it is.
      const whose = spec.section === "themes" ? publisherMeta({ dataset, kind: "themes", id: key, lang }) : "";
      return html`<li>${link} <span class="meta">${count}</span>${whose}</li>`;
    };
    const list: Page = {
      url: sectionUrl(lang, spec.section),
      lang,
      kind: spec.listKind,
      title,
      breadcrumbs: crumbs,
      alternates: alternatesOf((other) => sectionUrl(other, spec.section)),
      content: () => html`<h1>${title}</h1>
<p>${t(lang, `${spec.section}.description`)}</p>
<ul class="register">${keys.map(entry)}</ul>`,
    };
    const detailCrumbs = [...crumbs, { label: title, url: sectionUrl(lang, spec.section) }];
    const details = keys.flatMap((key) =>
      projectListPages({
        dataset,
        lang,
        ids: spec.projects(dataset, key),
        base: (other) => sectionUrl(other, spec.section, key),
        kind: spec.kind,
        title: spec.label(dataset, key, lang),
        breadcrumbs: detailCrumbs,
        caption: t(lang, "projects.of", { name: spec.label(dataset, key, lang) }),
        intro: () => spec.intro(dataset, key, lang),
        ...(spec.record ? { record: spec.record(key), searchable: false } : {}),
      }),
    );
    return [list, ...details];
  };
}

/**
 * A country page names this many organisations and partnerships; the rest are in the open data, to
 * keep the page light.
 */
const MAX_ORGANISATIONS = 40;

function allCountries(dataset: Dataset): string[] {
  const eventCountries = [...dataset.records.networks.values()].flatMap((network) =>
    (network.events ?? []).flatMap((event) => (event.place ? [event.place.country] : [])),
  );
  return [
    ...new Set([
      ...dataset.projectsBy.country.keys(),
      ...[...dataset.records.organisations.values()].map((org) => org.country),
      ...eventCountries,
    ]),
  ];
}

export const countryPages = facetPages({
  section: "countries",
  kind: "country",
  listKind: "country-list",
  keys: allCountries,
  label: (_dataset, code, lang) => countryName(code, lang),
  projects: (dataset, code) => dataset.projectsBy.country.get(code) ?? [],
  intro: (dataset, code, lang) => {
    const organisations = sortByLabel(
      dataset.organisationsBy.country.get(code) ?? [],
      (id) => plain(dataset.records.organisations.get(id)?.name ?? sourceText(id), lang),
      lang,
    );
    const partnerships = dataset.partnershipsBy.country.get(code) ?? [];
    const places = placeIndex(dataset).inCountry.get(code) ?? [];
    return html`<h1>${countryName(code, lang)}</h1>
${smallMap({ dataset, placeIds: places, lang, heading: t(lang, "map.recordHeading") })}
${firstOfMany({
  heading: t(lang, "section.partnerships"),
  ids: partnerships,
  link: (id) => recordLink({ dataset, kind: "partnerships", id, lang }),
  more: (count) => t(lang, "countries.morePartnerships", { count }),
  table: "partnership_international_partners",
})}
${firstOfMany({
  heading: t(lang, "section.organisations"),
  ids: organisations,
  link: (id) => organisationLink(dataset, id, lang),
  more: (count) => t(lang, "countries.moreOrganisations", { count }),
  table: "organisations",
  listClass: "columns",
})}`;
  },
});

/** Some of a country's records under a heading: the first MAX_ORGANISATIONS, then where the rest are. */
interface FirstOfMany {
  readonly heading: string;
  readonly ids: readonly string[];
  readonly link: (id: string) => Html;
  /** How many more there are, said in the page's language. */
  readonly more: (count: number) => string;
  /** The open-data table that has them all. */
  readonly table: string;
  readonly listClass?: string;
}

function firstOfMany({ heading, ids, link, more, table, listClass }: FirstOfMany): Html {
  if (ids.length === 0) return html``;
  const items = ids.slice(0, MAX_ORGANISATIONS).map((id) => html`<li>${link(id)}</li>`);
  const rest = ids.length - MAX_ORGANISATIONS;
  const csv = html`<a href="${csvUrl(table)}" type="text/csv">${table}.csv</a>`;
  return html`<h2>${heading}</h2>
<ul${listClass ? html` class="${listClass}"` : ""}>${items}</ul>
${rest > 0 ? html`<p>${more(rest)} ${csv}</p>` : ""}`;
}

export const themePages = facetPages({
  section: "themes",
  kind: "theme",
  listKind: "theme-list",
  keys: (dataset) => [...dataset.records.themes.keys()],
  label: (dataset, id, lang) => plain(dataset.records.themes.get(id)?.label ?? sourceText(id), lang),
  projects: (dataset, id) => dataset.projectsBy.theme.get(id) ?? [],
  record: (id) => `themes/${id}`,
  intro: (dataset, id, lang) => {
    const theme = dataset.records.themes.get(id);
    if (!theme) return html``;
    return html`${heading(theme.label, lang)}
${provenanceByline({ dataset, kind: "themes", id, lang })}
${coverageNote({ texts: [theme.label, theme.description], lang, languages: dataset.site.languages })}
${theme.description ? markdown(theme.description, lang) : ""}
${provenanceNote({ dataset, kind: "themes", id, lang })}`;
  },
});

export const sdgPages = facetPages({
  section: "sdgs",
  kind: "sdg",
  listKind: "sdg-list",
  keys: () => SDGS.map(String),
  label: (_dataset, goal, lang) => `${goal}. ${sdgName(Number(goal), lang)}`,
  projects: (dataset, goal) => dataset.projectsBy.sdg.get(goal) ?? [],
  intro: (dataset, goal, lang) => {
    const partnerships = [...dataset.records.partnerships]
      .filter(([, p]) => p.sdgs?.includes(Number(goal)))
      .map(([id]) => id);
    const networks = [...dataset.records.networks].filter(([, n]) => n.sdgs?.includes(Number(goal))).map(([id]) => id);
    const links = [
      ...networks.map((id) => recordLink({ dataset, kind: "networks", id, lang })),
      ...partnerships.map((id) => recordLink({ dataset, kind: "partnerships", id, lang })),
    ];
    const linked = links.length
      ? html`<h2>${t(lang, "sdgs.alsoLinked")}</h2>
<ul>${links.map((link) => html`<li>${link}</li>`)}</ul>`
      : "";
    return html`<h1>${t(lang, "sdgs.goal", { number: goal })}: ${sdgName(Number(goal), lang)}</h1>
<p>${t(lang, "sdgs.explain")}</p>
${linked}`;
  },
});
