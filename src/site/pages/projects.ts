// Project pages: the list, the lists by status and by year, and one page per project.

import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { name, sourceText } from "../../core/names.js";
import { absoluteUrl, home, pageUrl, recordJsonUrl, sectionUrl, statusUrl, yearUrl } from "../../core/routes.js";
import { DEFAULT_STATUS_WINDOW, DERIVED_STATUSES, isReportedStatus } from "../../core/vocabulary.js";
import {
  countryName,
  formatDay,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPartialDate,
} from "../../i18n/format.js";
import { t } from "../../i18n/translate.js";
import type { Dataset, ProjectFacts } from "../../model/dataset.js";
import { parsePartialDate } from "../../model/dates.js";
import type { Conflict, ParticipantRole } from "../../model/types.js";
import {
  contactList,
  coverageNote,
  definitionList,
  fieldLabel,
  heading,
  linkList,
  listCoverageNote,
  markdown,
  oneLine,
  organisationLink,
  organisationName,
  paginate,
  pagination,
  periodOf,
  plain,
  programmeLink,
  projectCards,
  recordLink,
  sdgLink,
  sourcesList,
  tableRegion,
  text,
  themeAndGoalFilters,
  themeLink,
  translatableTexts,
} from "../components.js";
import { projectKeyFacts } from "../key-facts.js";
import { markdownToText } from "../markdown.js";
import type { Page } from "../page.js";
import { recordMap } from "./map.js";
import { alternatesOf, type PageSet } from "./shared.js";

const ROLES: readonly ParticipantRole[] = ["lead", "partner", "associated", "funder", "stakeholder"];

/** Paginated project lists whose first page carries `intro`. */
export function projectListPages(
  dataset: Dataset,
  ids: readonly string[],
  lang: Lang,
  base: (lang: Lang) => string,
  spec: Omit<Page, "url" | "lang" | "alternates" | "content"> & { intro?: () => Html; caption: string },
): Page[] {
  return paginate(ids, base(lang)).map((chunk) => ({
    ...spec,
    searchable: spec.searchable === true && chunk.number === 1,
    title:
      chunk.number === 1
        ? spec.title
        : t(lang, "nav.pageOf", { title: spec.title, number: chunk.number, count: chunk.count }),
    url: chunk.url,
    lang,
    alternates: alternatesOf((other) => pageUrl(base(other), chunk.number)),
    content: () => html`${chunk.number === 1 && spec.intro ? spec.intro() : html`<h1>${spec.title}</h1>`}
<section aria-labelledby="projects-heading"><h2 id="projects-heading">${t(lang, "projects.heading", { count: ids.length })}</h2>
${listCoverageNote(
  chunk.items.map((id) => translatableTexts(dataset.records.projects.get(id) ?? {})),
  lang,
)}
${projectCards(dataset, chunk.items, lang)}
${pagination(lang, base(lang), chunk.number, chunk.count)}</section>`,
  }));
}

function statusAndYearLinks(dataset: Dataset, lang: Lang): Html {
  const years = [...dataset.projectsBy.year.keys()].map(Number).sort((a, b) => a - b);
  return html`<nav class="facets" aria-labelledby="by-status"><h2 id="by-status">${t(lang, "projects.byStatus")}</h2>
<ul>${DERIVED_STATUSES.filter((status) => dataset.projectsBy.status.has(status)).map(
    (status) =>
      html`<li><a href="${statusUrl(lang, status)}">${t(lang, `status.${status}`)}</a> (${dataset.projectsBy.status.get(status)?.length ?? 0})</li>`,
  )}</ul>
<h2>${t(lang, "projects.byYear")}</h2>
<ul class="inline">${years.map((year) => html`<li><a href="${yearUrl(lang, year)}">${year}</a></li>`)}</ul>
<p>${t(lang, "projects.moreFilters")} <a href="${sectionUrl(lang, "programmes")}">${t(lang, "section.programmes")}</a>, <a href="${sectionUrl(lang, "countries")}">${t(lang, "section.countries")}</a>, <a href="${sectionUrl(lang, "themes")}">${t(lang, "section.themes")}</a>, <a href="${sectionUrl(lang, "sdgs")}">${t(lang, "section.sdgs")}</a>, <a href="${sectionUrl(lang, "organisations")}">${t(lang, "section.organisations")}</a>.</p>
</nav>`;
}

export const projectPages: PageSet = (dataset, lang) => {
  const all = dataset.projects.map((facts) => facts.id);
  const crumbs = [{ label: t(lang, "nav.home"), url: home(lang) }];
  const listCrumbs = [...crumbs, { label: t(lang, "section.projects"), url: sectionUrl(lang, "projects") }];
  const pages: Page[] = projectListPages(dataset, all, lang, (l) => sectionUrl(l, "projects"), {
    kind: "project-list",
    title: t(lang, "section.projects"),
    description: t(lang, "projects.description"),
    breadcrumbs: crumbs,
    caption: t(lang, "projects.caption"),
    intro: () =>
      html`<h1>${t(lang, "section.projects")}</h1><p>${t(lang, "projects.description")}</p>${statusAndYearLinks(dataset, lang)}`,
  });
  for (const status of DERIVED_STATUSES) {
    const ids = dataset.projectsBy.status.get(status);
    if (!ids) continue;
    const title = t(lang, "projects.withStatus", { status: t(lang, `status.${status}`) });
    pages.push(
      ...projectListPages(dataset, ids, lang, (l) => statusUrl(l, status), {
        kind: "project-status",
        title,
        breadcrumbs: listCrumbs,
        caption: title,
        intro: () =>
          html`<h1>${title}</h1><p>${t(lang, `status.explain.${status}`, { date: formatDay(dataset.today, lang), window: formatDuration(dataset.site.status_window ?? DEFAULT_STATUS_WINDOW, lang) })}</p>`,
      }),
    );
  }
  for (const [year, ids] of dataset.projectsBy.year) {
    const title = t(lang, "projects.inYear", { year });
    pages.push(
      ...projectListPages(dataset, ids, lang, (l) => yearUrl(l, Number(year)), {
        kind: "project-year",
        title,
        breadcrumbs: listCrumbs,
        caption: title,
      }),
    );
  }
  for (const facts of dataset.projects) pages.push(projectPage(dataset, facts, lang, listCrumbs));
  return pages;
};

function projectPage(dataset: Dataset, facts: ProjectFacts, lang: Lang, breadcrumbs: Page["breadcrumbs"]): Page {
  const project = facts.record;
  const url = sectionUrl(lang, "projects", facts.id);
  return {
    url,
    lang,
    kind: "project",
    record: `projects/${facts.id}`,
    title: plain(project.title, lang),
    description: oneLine(plain(project.summary, lang)),
    alternates: alternatesOf((other) => sectionUrl(other, "projects", facts.id)),
    breadcrumbs,
    searchable: true,
    filters: () => searchFilters(dataset, facts, lang),
    ...(facts.start ? { sortKey: facts.start.iso } : {}),
    jsonLd: () => projectJsonLd(dataset, facts, lang),
    content: () => projectContent(dataset, facts, lang),
  };
}

export function searchFilters(dataset: Dataset, facts: ProjectFacts, lang: Lang): Record<string, string[]> {
  return {
    [t(lang, "field.funders")]: facts.programmes.length
      ? facts.programmes.map((id) => name(dataset.records.programmes.get(id)?.name ?? sourceText(id), lang))
      : facts.funders.map((id) => organisationName(dataset, id, lang)),
    [t(lang, "field.countries")]: facts.countries.map((code) => countryName(code, lang)),
    ...themeAndGoalFilters(dataset, facts.record, lang),
    [t(lang, "field.status")]: [t(lang, `status.${facts.status.status}`)],
    [t(lang, "field.owners")]: facts.record.owners.map((id) => organisationName(dataset, id, lang)),
    [t(lang, "field.startYear")]: facts.start ? [String(facts.start.year)] : [],
  };
}

function participants(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const list = facts.record.participants ?? [];
  if (list.length === 0 && facts.record.partner_count === undefined) return html``;
  return html`<section aria-labelledby="participants"><h2 id="participants">${t(lang, "field.participants")}</h2>
${facts.record.partner_count === undefined ? "" : html`<p>${t(lang, "projects.partnerCount", { count: facts.record.partner_count })}</p>`}
${ROLES.filter((role) => list.some((participant) => participant.role === role)).map(
  (role) =>
    html`<h3>${t(lang, `role.${role}`)}</h3><ul>${list
      .filter((participant) => participant.role === role)
      .map(
        (participant) =>
          html`<li>${organisationLink(dataset, participant.organisation, lang)}${participant.note ? html` – ${text(participant.note, lang)}` : ""}</li>`,
      )}</ul>`,
)}</section>`;
}

function money(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const funding = facts.record.funding ?? [];
  const budget = facts.record.budget;
  if (funding.length === 0 && !budget) return html``;
  return html`<section aria-labelledby="money"><h2 id="money">${t(lang, "projects.money")}</h2>
${
  funding.length === 0
    ? ""
    : tableRegion(
        t(lang, "field.funding"),
        html`<table class="funding"><caption>${t(lang, "field.funding")}</caption>
<thead><tr><th scope="col">${t(lang, "field.programme")}</th><th scope="col">${t(lang, "field.recipient")}</th><th scope="col">${t(lang, "field.amount")}</th><th scope="col">${t(lang, "field.note")}</th></tr></thead>
<tbody>${funding.map(
          (line) =>
            html`<tr><th scope="row">${line.programme ? programmeLink(dataset, line.programme, lang) : line.funder ? organisationLink(dataset, line.funder, lang) : ""}</th><td>${line.recipient ? organisationLink(dataset, line.recipient, lang) : t(lang, "projects.wholeProject")}</td><td>${line.amount !== undefined && line.currency ? formatMoney({ amount: line.amount, currency: line.currency, approximate: line.approximate }, lang) : t(lang, "projects.amountUnknown")}</td><td>${line.note ? text(line.note, lang) : ""}</td></tr>`,
        )}</tbody></table>`,
        lang,
        true,
      )
}
${
  budget
    ? definitionList([
        budget.total && [t(lang, "field.budgetTotal"), formatMoney(budget.total, lang)],
        budget.own_share && [
          t(lang, "field.ownShare"),
          html`${formatMoney(budget.own_share, lang)}${(budget.own_share_alternatives ?? []).map((alt) => html` (${formatMoney(alt, lang)})`)}`,
        ],
      ])
    : ""
}
</section>`;
}

export function conflictsNote(dataset: Dataset, conflicts: readonly Conflict[] | undefined, lang: Lang): Html {
  if (!conflicts?.length) return html``;
  return html`<section aria-labelledby="conflicts"><h2 id="conflicts">${t(lang, "conflicts.heading")}</h2><ul>${conflicts.map(
    (conflict) => {
      const source = dataset.records.sources.get(conflict.source);
      // A status is a word of the vocabulary, said in the reader's language; a dated value keeps its date.
      const value =
        conflict.field === "status" && isReportedStatus(conflict.value)
          ? t(lang, `status.reported.${conflict.value}`)
          : conflict.value;
      const asOf = conflict.as_of === undefined ? undefined : parsePartialDate(conflict.as_of);
      const dated = asOf ? `${value} ${t(lang, "status.asOf", { date: formatPartialDate(asOf, lang) })}` : value;
      return html`<li>${t(lang, "conflicts.item", { field: fieldLabel(conflict.field, lang), value: dated, source: source ? name(source.title, lang) : conflict.source })} ${text(conflict.note, lang)}</li>`;
    },
  )}</ul></section>`;
}

function projectContent(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const project = facts.record;
  const children = dataset.projectsBy.parent.get(facts.id) ?? [];
  const continuedBy = dataset.projectsBy.follows.get(facts.id) ?? [];
  return html`<article class="record">
${heading(project.title, lang)}
${coverageNote(translatableTexts(project), lang)}
${projectKeyFacts(dataset, facts, lang)}
${markdown(project.summary, lang)}
${recordMap(dataset, `projects/${facts.id}`, lang)}
<h2 id="details">${t(lang, "projects.details")}</h2>
${definitionList([
  facts.endFromDuration &&
    project.duration !== undefined && [
      t(lang, "field.period"),
      html`${periodOf(facts, lang)} <span class="note">${t(lang, "projects.endFromDuration", { duration: formatDuration(project.duration, lang) })}</span>`,
    ],
  project.partnership !== undefined && [
    t(lang, "field.partnership"),
    recordLink(dataset, "partnerships", project.partnership, lang),
  ],
  project.network !== undefined && [t(lang, "field.network"), recordLink(dataset, "networks", project.network, lang)],
  project.part_of !== undefined && [t(lang, "field.partOf"), recordLink(dataset, "projects", project.part_of, lang)],
  children.length > 0 && [
    t(lang, "field.subprojects"),
    join(children.map((id) => recordLink(dataset, "projects", id, lang))),
  ],
  project.follows !== undefined && [t(lang, "field.follows"), recordLink(dataset, "projects", project.follows, lang)],
  continuedBy.length > 0 && [
    t(lang, "field.continuedBy"),
    join(continuedBy.map((id) => recordLink(dataset, "projects", id, lang))),
  ],
  (project.places ?? []).length > 0 && [
    t(lang, "field.places"),
    join((project.places ?? []).map((place) => html`${name(place.name, lang)} (${countryName(place.country, lang)})`)),
  ],
  (project.themes ?? []).length > 0 && [
    t(lang, "field.themes"),
    join((project.themes ?? []).map((theme) => themeLink(dataset, theme, lang))),
  ],
  (project.sdgs ?? []).length > 0 && [
    t(lang, "field.sdgs"),
    join((project.sdgs ?? []).map((goal) => sdgLink(goal, lang))),
  ],
])}
${money(dataset, facts, lang)}
${participants(dataset, facts, lang)}
${project.figures?.length ? html`<section aria-labelledby="figures"><h2 id="figures">${t(lang, "field.figures")}</h2><ul>${project.figures.map((figure) => html`<li>${figure.approximate ? t(lang, "number.approximately", { value: formatNumber(figure.value, lang) }) : formatNumber(figure.value, lang)} ${text(figure.label, lang)}</li>`)}</ul></section>` : ""}
${project.links?.length ? html`<section aria-labelledby="links"><h2 id="links">${t(lang, "field.links")}</h2>${linkList(project.links, lang)}</section>` : ""}
${contactList(dataset, project.contacts, lang)}
${conflictsNote(dataset, project.conflicts, lang)}
<section aria-labelledby="sources" data-pagefind-ignore><h2 id="sources">${t(lang, "field.sources")}</h2>${sourcesList(dataset, project.sources, lang, project.editorial)}</section>
<section aria-labelledby="downloads" data-pagefind-ignore><h2 id="downloads">${t(lang, "downloads.heading")}</h2><ul><li><a href="${recordJsonUrl("projects", facts.id)}" type="application/json" download>${t(lang, "downloads.recordJson")}</a></li></ul></section>
</article>`;
}

function projectJsonLd(dataset: Dataset, facts: ProjectFacts, lang: Lang): unknown {
  const project = facts.record;
  const org = (id: string) => {
    const organisation = dataset.records.organisations.get(id);
    return {
      "@type": "Organization",
      "@id": absoluteUrl(dataset.site.base_url, sectionUrl(lang, "organisations", id)),
      name: organisationName(dataset, id, lang),
      ...(organisation?.website ? { url: organisation.website } : {}),
    };
  };
  return {
    "@context": "https://schema.org",
    "@type": "Project",
    "@id": absoluteUrl(dataset.site.base_url, sectionUrl(lang, "projects", facts.id)),
    url: absoluteUrl(dataset.site.base_url, sectionUrl(lang, "projects", facts.id)),
    name: plain(project.title, lang),
    description: markdownToText(plain(project.summary, lang)),
    inLanguage: lang,
    identifier: facts.id,
    ...(facts.start ? { foundingDate: facts.start.iso } : {}),
    ...(facts.end ? { dissolutionDate: facts.end.iso } : {}),
    parentOrganization: project.owners.map(org),
    ...(facts.funders.length ? { funder: facts.funders.map(org) } : {}),
    ...(project.participants?.length
      ? { member: project.participants.filter((p) => p.role !== "funder").map((p) => org(p.organisation)) }
      : {}),
    ...(facts.countries.length
      ? {
          areaServed: facts.countries.map((code) => ({
            "@type": "Country",
            name: countryName(code, lang),
            identifier: code,
          })),
        }
      : {}),
  };
}
