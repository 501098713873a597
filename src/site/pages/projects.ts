// Project pages: the list, the lists by status and by year, and one page per project.

import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { name, sourceText } from "../../core/names.js";
import {
  absoluteUrl,
  home,
  pageUrl,
  plannedInYearUrl,
  recordJsonUrl,
  sectionUrl,
  statusUrl,
  yearUrl,
} from "../../core/routes.js";
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
import type { Conflict, ParticipantRole, Project } from "../../model/types.js";
import {
  contactList,
  coverageNote,
  definitionList,
  describedNote,
  describedWhen,
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
  placeCountryNote,
  plain,
  programmeLink,
  projectCards,
  type RecordLink,
  recordLink,
  sdgLink,
  sourcesList,
  tableRegion,
  text,
  themeAndGoalFilters,
  themeLink,
  translatableTexts,
} from "../components.js";
import { exportLink } from "../export-link.js";
import { projectKeyFacts } from "../key-facts.js";
import { markdownToText } from "../markdown.js";
import type { Page } from "../page.js";
import {
  hasPublisherList,
  projectsOfPublisher,
  provenanceByline,
  provenanceNote,
  provenanceOf,
  publisherListUrl,
} from "../provenance.js";
import { publisherName, publisherSlugs } from "../publishers.js";
import { recordMap } from "./map.js";
import { alternatesOf, type PageSet } from "./shared.js";

const ROLES: readonly ParticipantRole[] = ["lead", "partner", "associated", "funder", "stakeholder"];

/** A list of projects in pages of PAGE_SIZE, and what its pages are besides. */
export interface ProjectList extends Omit<Page, "url" | "lang" | "alternates" | "content"> {
  readonly dataset: Dataset;
  readonly lang: Lang;
  readonly ids: readonly string[];
  /** The address of the list's first page in a language. */
  readonly base: (lang: Lang) => string;
  /** What the first page shows above the list instead of the title as a heading. */
  readonly intro?: () => Html;
  /** What the first page shows after the list. */
  readonly after?: () => Html;
  readonly caption: string;
  /** What the list says when it has no project; "No projects yet" unless given. */
  readonly empty?: string;
}

/** Paginated project lists whose first page carries `intro`. */
export function projectListPages({ dataset, lang, ids, base, intro, after, empty, ...page }: ProjectList): Page[] {
  return paginate(ids, base(lang)).map((chunk) => ({
    ...page,
    searchable: page.searchable === true && chunk.number === 1,
    title:
      chunk.number === 1
        ? page.title
        : t(lang, "nav.pageOf", { title: page.title, number: chunk.number, count: chunk.count }),
    url: chunk.url,
    lang,
    alternates: alternatesOf((other) => pageUrl(base(other), chunk.number)),
    content: () => {
      const texts = chunk.items.map((id) => translatableTexts(dataset.records.projects.get(id) ?? {}));
      const pages = pagination({ lang, base: base(lang), number: chunk.number, count: chunk.count });
      return html`${chunk.number === 1 && intro ? intro() : html`<h1>${page.title}</h1>`}
<section aria-labelledby="projects-heading">
  <h2 id="projects-heading">${t(lang, "projects.heading", { count: ids.length })}</h2>
  ${listCoverageNote(texts, lang)}
  ${empty !== undefined && ids.length === 0 ? html`<p>${empty}</p>` : projectCards(dataset, chunk.items, lang)}
  ${pages}
</section>
${chunk.number === 1 && after ? after() : ""}`;
    },
  }));
}

/** The years with a page: those a project ran in, and those only a plan gives. */
function yearsWithProjects(dataset: Dataset): number[] {
  const years = new Set([...dataset.projectsBy.year.keys(), ...dataset.projectsBy.plannedYear.keys()]);
  return [...years].map(Number).sort((a, b) => a - b);
}

/**
 * On a year's page, apart from the projects that ran that year: a link to those only planned to,
 * which are listed on pages of their own, said as such (a year of many plans stays one light page).
 */
function plannedInYear({ lang, year, count }: { lang: Lang; year: number; count: number }): Html {
  return html`<section aria-labelledby="planned-in-year">
  <h2 id="planned-in-year">${t(lang, "projects.plannedInYear", { year, count })}</h2>
  <p><a href="${plannedInYearUrl(lang, year)}">${t(lang, "projects.plannedInYearLink", { year, count })}</a></p>
</section>`;
}

function statusAndYearLinks(dataset: Dataset, lang: Lang): Html {
  const years = yearsWithProjects(dataset);
  const statuses = DERIVED_STATUSES.filter((status) => dataset.projectsBy.status.has(status)).map((status) => {
    const count = dataset.projectsBy.status.get(status)?.length ?? 0;
    return html`<li><a href="${statusUrl(lang, status)}">${t(lang, `status.${status}`)}</a> (${count})</li>`;
  });
  const sections = (["programmes", "countries", "themes", "sdgs", "organisations"] as const).map(
    (section) => html`<a href="${sectionUrl(lang, section)}">${t(lang, `section.${section}`)}</a>`,
  );
  const more = html`<p>${t(lang, "projects.moreFilters")} ${join(sections)}.</p>`;
  // A publication without projects yet has no statuses or years to offer: no empty headings.
  if (dataset.projects.length === 0) return more;
  return html`<nav class="facets" aria-labelledby="by-status">
  <h2 id="by-status">${t(lang, "projects.byStatus")}</h2>
  <ul>${statuses}</ul>
  <h2>${t(lang, "projects.byYear")}</h2>
  <ul class="inline">${years.map((year) => html`<li><a href="${yearUrl(lang, year)}">${year}</a></li>`)}</ul>
  ${publisherLinks(dataset, lang)}
  ${more}
</nav>`;
}

/** On a site with includes: the lists of each publisher's projects, the site's own first. */
function publisherLinks(dataset: Dataset, lang: Lang): Html | "" {
  const slugs = publisherSlugs(dataset).filter((slug) => hasPublisherList(dataset, slug));
  if (slugs.length === 0) return "";
  const items = slugs.map((slug) => {
    const count = projectsOfPublisher(dataset, slug).length;
    const link = html`<a href="${publisherListUrl(lang, slug)}">${publisherName(dataset, slug, lang)}</a>`;
    return html`<li>${link} (${count})</li>`;
  });
  return html`<h2>${t(lang, "provenance.byPublisher")}</h2>
  <ul>${items}</ul>`;
}

/** The home page, then the project list: the trail above every project page and list of projects. */
const projectCrumbs = (lang: Lang) => [
  { label: t(lang, "nav.home"), url: home(lang) },
  { label: t(lang, "section.projects"), url: sectionUrl(lang, "projects") },
];

export const projectPages: PageSet = (dataset, lang) => {
  const all = dataset.projects.map((facts) => facts.id);
  const listCrumbs = projectCrumbs(lang);
  const statusWindow = formatDuration(dataset.site.status_window ?? DEFAULT_STATUS_WINDOW, lang);
  const pages: Page[] = projectListPages({
    dataset,
    lang,
    ids: all,
    base: (other) => sectionUrl(other, "projects"),
    kind: "project-list",
    title: t(lang, "section.projects"),
    description: t(lang, "projects.description"),
    breadcrumbs: [{ label: t(lang, "nav.home"), url: home(lang) }],
    caption: t(lang, "projects.caption"),
    intro: () => html`<h1>${t(lang, "section.projects")}</h1>
<p>${t(lang, "projects.description")}</p>
${exportLink({ lang, kind: "projects", count: all.length })}
${statusAndYearLinks(dataset, lang)}`,
  });
  for (const status of DERIVED_STATUSES) {
    const ids = dataset.projectsBy.status.get(status);
    if (!ids) continue;
    const title = t(lang, "projects.withStatus", { status: t(lang, `status.${status}`) });
    const explained = () =>
      t(lang, `status.explain.${status}`, { date: formatDay(dataset.today, lang), window: statusWindow });
    pages.push(
      ...projectListPages({
        dataset,
        lang,
        ids,
        base: (other) => statusUrl(other, status),
        kind: "project-status",
        title,
        breadcrumbs: listCrumbs,
        caption: title,
        intro: () => html`<h1>${title}</h1>
<p>${explained()}</p>`,
      }),
    );
  }
  for (const year of yearsWithProjects(dataset)) {
    const title = t(lang, "projects.inYear", { year });
    const planned = dataset.projectsBy.plannedYear.get(String(year)) ?? [];
    pages.push(
      ...projectListPages({
        dataset,
        lang,
        ids: dataset.projectsBy.year.get(String(year)) ?? [],
        base: (other) => yearUrl(other, year),
        kind: "project-year",
        title,
        breadcrumbs: listCrumbs,
        caption: title,
        // A year only plans give: no source names a project that ran then, which is no "not yet".
        empty: t(lang, "projects.noneInSources"),
        intro: () => html`<h1>${title}</h1>
<p>${t(lang, "projects.inYearExplain", { year })}</p>`,
        ...(planned.length > 0 ? { after: () => plannedInYear({ lang, year, count: planned.length }) } : {}),
      }),
    );
    if (planned.length === 0) continue;
    const plannedTitle = t(lang, "projects.plannedInYear", { year, count: planned.length });
    pages.push(
      ...projectListPages({
        dataset,
        lang,
        ids: planned,
        base: (other) => plannedInYearUrl(other, year),
        kind: "project-year",
        title: plannedTitle,
        breadcrumbs: [...listCrumbs, { label: title, url: yearUrl(lang, year) }],
        caption: plannedTitle,
        intro: () => html`<h1>${plannedTitle}</h1>
<p>${t(lang, "projects.plannedInYearExplain", { year })}</p>`,
      }),
    );
  }
  for (const slug of publisherSlugs(dataset)) {
    if (!hasPublisherList(dataset, slug)) continue;
    const publisher = publisherName(dataset, slug, lang);
    const title = t(lang, "provenance.projectsOf", { publisher });
    pages.push(
      ...projectListPages({
        dataset,
        lang,
        ids: projectsOfPublisher(dataset, slug),
        base: (other) => publisherListUrl(other, slug),
        kind: "project-publisher",
        title,
        breadcrumbs: listCrumbs,
        caption: title,
        intro: () => html`<h1>${title}</h1>
<p>${t(lang, "provenance.projectsOfIntro", { publisher })}</p>`,
      }),
    );
  }
  for (const facts of dataset.projects) pages.push(projectPage(dataset, facts, lang));
  return pages;
};

/** An included project's page sits under its publisher's list of projects: the trail says so. */
function publisherCrumb(dataset: Dataset, id: string, lang: Lang): { label: string; url: string }[] {
  const publisher = provenanceOf(dataset, "projects", id)?.origin.publisher;
  if (publisher === undefined || !hasPublisherList(dataset, publisher)) return [];
  return [{ label: publisherName(dataset, publisher, lang), url: publisherListUrl(lang, publisher) }];
}

function projectPage(dataset: Dataset, facts: ProjectFacts, lang: Lang): Page {
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
    breadcrumbs: [...projectCrumbs(lang), ...publisherCrumb(dataset, facts.id, lang)],
    searchable: true,
    filters: () => searchFilters(dataset, facts, lang),
    ...(facts.start ? { sortKey: facts.start.iso } : {}),
    ...(project.sources.length > 0 ? { described: describedWhen(dataset, project.sources, lang) } : {}),
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
    // Where a project is listed, which is all an owner the editor chose (editorial) says.
    [t(lang, "keyFacts.listedUnder", { count: 2 })]: facts.record.owners.map((id) =>
      organisationName(dataset, id, lang),
    ),
    [t(lang, "field.startYear")]: facts.start ? [String(facts.start.year)] : [],
  };
}

function participants(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const list = facts.record.participants ?? [];
  const count = facts.record.partner_count;
  if (list.length === 0 && count === undefined) return html``;
  const roles = ROLES.filter((role) => list.some((participant) => participant.role === role)).map((role) => {
    const items = list
      .filter((participant) => participant.role === role)
      .map((participant) => {
        const note = participant.note ? html` – ${text(participant.note, lang)}` : "";
        return html`<li>${organisationLink(dataset, participant.organisation, lang)}${note}</li>`;
      });
    return html`<h3>${t(lang, `role.${role}`)}</h3>
  <ul>${items}</ul>`;
  });
  return html`<section aria-labelledby="participants">
  <h2 id="participants">${t(lang, "field.participants")}</h2>
  ${count === undefined ? "" : html`<p>${t(lang, "projects.partnerCount", { count })}</p>`}
  ${roles}
</section>`;
}

function money(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const funding = facts.record.funding ?? [];
  const budget = facts.record.budget;
  if (funding.length === 0 && !budget) return html``;
  const table =
    funding.length === 0
      ? ""
      : tableRegion({ label: t(lang, "field.funding"), table: fundingTable(dataset, funding, lang), lang, wide: true });
  return html`<section aria-labelledby="money">
  <h2 id="money">${t(lang, "projects.money")}</h2>
  ${table}
  ${budget ? budgetList(budget, lang) : ""}
</section>`;
}

type FundingLine = NonNullable<Project["funding"]>[number];

const FUNDING_COLUMNS = ["field.programme", "field.recipient", "field.amount", "field.note"] as const;

function fundingTable(dataset: Dataset, funding: readonly FundingLine[], lang: Lang): Html {
  // The header cells stand side by side, as the search index of the project's page has them.
  const headings = FUNDING_COLUMNS.map((key) => html`<th scope="col">${t(lang, key)}</th>`);
  return html`<table class="funding">
  <caption>${t(lang, "field.funding")}</caption>
  <thead>
    <tr>${headings}</tr>
  </thead>
  <tbody>${funding.map((line) => fundingRow(dataset, line, lang))}</tbody>
</table>`;
}

function fundingRow(dataset: Dataset, line: FundingLine, lang: Lang): Html {
  const from = line.programme
    ? programmeLink(dataset, line.programme, lang)
    : line.funder
      ? organisationLink(dataset, line.funder, lang)
      : "";
  const to = line.recipient ? organisationLink(dataset, line.recipient, lang) : t(lang, "projects.wholeProject");
  const amount =
    line.amount !== undefined && line.currency
      ? formatMoney({ amount: line.amount, currency: line.currency, approximate: line.approximate }, lang)
      : t(lang, "projects.amountUnknown");
  return html`<tr>
      <th scope="row">${from}</th>
      <td>${to}</td>
      <td>${amount}</td>
      <td>${line.note ? text(line.note, lang) : ""}</td>
    </tr>`;
}

/** The total budget and the own share, with the share in other currencies after it. */
function budgetList(budget: NonNullable<Project["budget"]>, lang: Lang): Html {
  const alternatives = (budget.own_share_alternatives ?? []).map((alt) => html` (${formatMoney(alt, lang)})`);
  return definitionList([
    budget.total && [t(lang, "field.budgetTotal"), formatMoney(budget.total, lang)],
    budget.own_share && [t(lang, "field.ownShare"), html`${formatMoney(budget.own_share, lang)}${alternatives}`],
  ]);
}

/**
 * A record's conflicts, and the sources it cites: conflicts all from its one source are that
 * source contradicting itself.
 */
export interface ConflictsNote {
  readonly dataset: Dataset;
  readonly conflicts: readonly Conflict[] | undefined;
  readonly sources: readonly { readonly source: string }[];
  readonly lang: Lang;
}

export function conflictsNote({ dataset, conflicts, sources, lang }: ConflictsNote): Html {
  if (!conflicts?.length) return html``;
  const cited = sources.map((ref) => ref.source);
  const self = cited.length === 1 && conflicts.every((conflict) => conflict.source === cited[0]);
  return html`<section aria-labelledby="conflicts">
  <h2 id="conflicts">${t(lang, self ? "conflicts.headingSelf" : "conflicts.heading")}</h2>
  <ul>${conflicts.map((conflict) => conflictItem(dataset, conflict, lang))}</ul>
</section>`;
}

function conflictItem(dataset: Dataset, conflict: Conflict, lang: Lang): Html {
  const source = dataset.records.sources.get(conflict.source);
  // A status is a word of the vocabulary, said in the reader's language; a dated value keeps its date.
  const value =
    conflict.field === "status" && isReportedStatus(conflict.value)
      ? t(lang, `status.reported.${conflict.value}`)
      : conflict.value;
  const asOf = conflict.as_of === undefined ? undefined : parsePartialDate(conflict.as_of);
  const dated = asOf ? `${value} ${t(lang, "status.asOf", { date: formatPartialDate(asOf, lang) })}` : value;
  const said = t(lang, "conflicts.item", {
    field: fieldLabel(conflict.field, lang),
    value: dated,
    source: source ? name(source.title, lang) : conflict.source,
  });
  return html`<li>${said} ${text(conflict.note, lang)}</li>`;
}

function projectContent(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const project = facts.record;
  const download = t(lang, "downloads.recordJson");
  const json = html`<a href="${recordJsonUrl("projects", facts.id)}" type="application/json" download>${download}</a>`;
  return html`<article class="record">
  ${heading(project.title, lang)}
  ${provenanceByline({ dataset, kind: "projects", id: facts.id, lang })}
  ${coverageNote({ texts: translatableTexts(project), lang, languages: dataset.site.languages })}
  ${projectKeyFacts(dataset, facts, lang)}
  ${describedNote(dataset, project.sources, lang)}
  ${markdown(project.summary, lang)}
  ${recordMap(dataset, `projects/${facts.id}`, lang)}
  <h2 id="details">${t(lang, "projects.details")}</h2>
  ${projectDetails(dataset, facts, lang)}
  ${money(dataset, facts, lang)}
  ${participants(dataset, facts, lang)}
  ${figures(project, lang)}
  ${links(project, lang)}
  ${contactList({ dataset, ids: project.contacts, lang })}
  ${conflictsNote({ dataset, conflicts: project.conflicts, sources: project.sources, lang })}
  ${provenanceNote({ dataset, kind: "projects", id: facts.id, lang })}
  <section aria-labelledby="sources" data-pagefind-ignore>
    <h2 id="sources">${t(lang, "field.sources")}</h2>
    ${sourcesList({ dataset, kind: "projects", refs: project.sources, lang, editorial: project.editorial })}
  </section>
  <section aria-labelledby="downloads" data-pagefind-ignore>
    <h2 id="downloads">${t(lang, "downloads.heading")}</h2>
    <ul>
      <li>${json}</li>
    </ul>
  </section>
</article>`;
}

/** The project among others (partnership, network, related projects), its places, themes and goals. */
function projectDetails(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const project = facts.record;
  const children = dataset.projectsBy.parent.get(facts.id) ?? [];
  const continuedBy = dataset.projectsBy.follows.get(facts.id) ?? [];
  const link = (kind: RecordLink["kind"], id: string) => recordLink({ dataset, kind, id, lang });
  const endFromDuration = (duration: string) => {
    const key = facts.planned.end ? "projects.plannedEndFromDuration" : "projects.endFromDuration";
    const note = t(lang, key, { duration: formatDuration(duration, lang) });
    return html`${periodOf(facts, lang)} <span class="note">${note}</span>`;
  };
  return definitionList([
    facts.endFromDuration &&
      project.duration !== undefined && [t(lang, "field.period"), endFromDuration(project.duration)],
    project.partnership !== undefined && [t(lang, "field.partnership"), link("partnerships", project.partnership)],
    project.network !== undefined && [t(lang, "field.network"), link("networks", project.network)],
    project.part_of !== undefined && [t(lang, "field.partOf"), link("projects", project.part_of)],
    children.length > 0 && [t(lang, "field.subprojects"), join(children.map((id) => link("projects", id)))],
    project.follows !== undefined && [t(lang, "field.follows"), link("projects", project.follows)],
    continuedBy.length > 0 && [t(lang, "field.continuedBy"), join(continuedBy.map((id) => link("projects", id)))],
    (project.places ?? []).length > 0 && [
      t(lang, "field.places"),
      join(
        (project.places ?? []).map((place) => {
          const country = html`${countryName(place.country, lang)}${placeCountryNote(dataset, place, lang)}`;
          return html`${name(place.name, lang)} (${country})`;
        }),
      ),
    ],
    (project.themes ?? []).length > 0 && [
      t(lang, "field.themes"),
      join((project.themes ?? []).map((theme) => themeLink(dataset, theme, lang))),
    ],
    (project.sdgs ?? []).length > 0 && [
      t(lang, "field.sdgs"),
      join((project.sdgs ?? []).map((goal) => sdgLink(goal, lang))),
    ],
  ]);
}

function figures(project: Project, lang: Lang): Html {
  if (!project.figures?.length) return html``;
  const items = project.figures.map((figure) => {
    const value = formatNumber(figure.value, lang);
    const shown = figure.approximate ? t(lang, "number.approximately", { value }) : value;
    return html`<li>${shown} ${text(figure.label, lang)}</li>`;
  });
  return html`<section aria-labelledby="figures">
  <h2 id="figures">${t(lang, "field.figures")}</h2>
  <ul>${items}</ul>
</section>`;
}

function links(project: Project, lang: Lang): Html {
  if (!project.links?.length) return html``;
  return html`<section aria-labelledby="links">
  <h2 id="links">${t(lang, "field.links")}</h2>
  ${linkList(project.links, lang)}
</section>`;
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
    // A date only a plan gives is no founding or dissolution.
    ...(facts.start && !facts.planned.start ? { foundingDate: facts.start.iso } : {}),
    ...(facts.end && !facts.planned.end ? { dissolutionDate: facts.end.iso } : {}),
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
