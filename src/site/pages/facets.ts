// Countries, themes and the global goals: a list with counts and a page each, listing the
// projects (and for countries the partners) that refer to them.

import { type Html, html } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { sourceText } from "../../core/names.js";
import { csvUrl, home, sectionUrl } from "../../core/routes.js";
import { countryName, formatNumber } from "../../i18n/format.js";
import { t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { placeIndex } from "../../model/places.js";
import { SDGS, sdgName } from "../../model/sdgs.js";
import { coverageNote, heading, markdown, organisationLink, plain, recordLink, sortByLabel } from "../components.js";
import type { Page, PageKind } from "../page.js";
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
    const list: Page = {
      url: sectionUrl(lang, spec.section),
      lang,
      kind: spec.listKind,
      title,
      breadcrumbs: crumbs,
      alternates: alternatesOf((other) => sectionUrl(other, spec.section)),
      content: () => html`<h1>${title}</h1><p>${t(lang, `${spec.section}.description`)}</p>
<ul class="register">${keys.map(
        (key) =>
          html`<li><a href="${sectionUrl(lang, spec.section, key)}">${spec.label(dataset, key, lang)}</a> <span class="meta">${t(lang, "count.projects", { count: spec.projects(dataset, key).length, formatted: formatNumber(spec.projects(dataset, key).length, lang) })}</span></li>`,
      )}</ul>`,
    };
    const detailCrumbs = [...crumbs, { label: title, url: sectionUrl(lang, spec.section) }];
    const details = keys.flatMap((key) =>
      projectListPages(dataset, spec.projects(dataset, key), lang, (other) => sectionUrl(other, spec.section, key), {
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

/** A country page names this many organisations and partnerships; the rest are in the open data, to keep the page light. */
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
    return html`<h1>${countryName(code, lang)}</h1>
${smallMap(dataset, placeIndex(dataset).inCountry.get(code) ?? [], lang, t(lang, "map.recordHeading"))}
${
  partnerships.length
    ? html`<h2>${t(lang, "section.partnerships")}</h2><ul>${partnerships.slice(0, MAX_ORGANISATIONS).map((id) => html`<li>${recordLink(dataset, "partnerships", id, lang)}</li>`)}</ul>
${partnerships.length > MAX_ORGANISATIONS ? html`<p>${t(lang, "countries.morePartnerships", { count: partnerships.length - MAX_ORGANISATIONS })} <a href="${csvUrl("partnership_international_partners")}" type="text/csv">partnership_international_partners.csv</a></p>` : ""}`
    : ""
}
${
  organisations.length
    ? html`<h2>${t(lang, "section.organisations")}</h2><ul class="columns">${organisations.slice(0, MAX_ORGANISATIONS).map((id) => html`<li>${organisationLink(dataset, id, lang)}</li>`)}</ul>
${organisations.length > MAX_ORGANISATIONS ? html`<p>${t(lang, "countries.moreOrganisations", { count: organisations.length - MAX_ORGANISATIONS })} <a href="${csvUrl("organisations")}" type="text/csv">organisations.csv</a></p>` : ""}`
    : ""
}`;
  },
});

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
    return html`${heading(theme.label, lang)}${coverageNote([theme.label, theme.description], lang)}${theme.description ? markdown(theme.description, lang) : ""}`;
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
    return html`<h1>${t(lang, "sdgs.goal", { number: goal })}: ${sdgName(Number(goal), lang)}</h1>
<p>${t(lang, "sdgs.explain")}</p>
${partnerships.length || networks.length ? html`<h2>${t(lang, "sdgs.alsoLinked")}</h2><ul>${[...networks.map((id) => recordLink(dataset, "networks", id, lang)), ...partnerships.map((id) => recordLink(dataset, "partnerships", id, lang))].map((link) => html`<li>${link}</li>`)}</ul>` : ""}`;
  },
});
