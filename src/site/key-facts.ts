// Key facts: what a reader needs first, at the top of a record's page: status with its evidence,
// period, who, with whom and where, money (or plainly that none is published), funder, and when
// the published record last changed.

import { type Html, html, join, type Renderable } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { formatDay, formatMoney, formatPartialDate } from "../i18n/format.js";
import { t } from "../i18n/translate.js";
import type { Dataset, ProjectFacts } from "../model/dataset.js";
import { parsePartialDate } from "../model/dates.js";
import type { Money, Project } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";
import {
  countryLink,
  definitionList,
  organisationLink,
  ownersLabel,
  periodOf,
  programmeLink,
  statusLabel,
} from "./components.js";

/** The day each published record ("kind/id") last changed, from the release history. */
export const lastChanged = memoize((dataset: Dataset): ReadonlyMap<string, string> => {
  const days = new Map<string, string>();
  // Newest release first: the first release that added or changed a record is its last change.
  for (const release of releaseHistory(dataset).releases) {
    for (const change of release.changes) {
      const key = `${change.kind}/${change.id}`;
      if (change.change !== "removed" && !days.has(key)) days.set(key, release.date);
    }
  }
  return days;
});

export function lastUpdatedRow(dataset: Dataset, record: string, lang: Lang): [string, Renderable] | undefined {
  const day = lastChanged(dataset).get(record);
  const date = day === undefined ? undefined : parsePartialDate(day);
  return date ? [t(lang, "keyFacts.updated"), formatPartialDate(date, lang)] : undefined;
}

/** The box itself: a heading and the rows that have a value. */
export function keyFacts(lang: Lang, rows: readonly (readonly [string, Renderable] | undefined | false)[]): Html {
  // Out of the search index: the same facts stand in the page's text, and an excerpt reads better
  // from the summary.
  return html`<section class="key-facts" aria-labelledby="key-facts" data-pagefind-ignore>
  <h2 id="key-facts">${t(lang, "keyFacts.heading")}</h2>
  ${definitionList(rows)}
</section>`;
}

/** Sums per currency, never added across currencies. */
export function sumsByCurrency(amounts: readonly Money[]): Money[] {
  const sums = new Map<string, { amount: number; approximate: boolean }>();
  for (const money of amounts) {
    const sum = sums.get(money.currency) ?? { amount: 0, approximate: false };
    sums.set(money.currency, {
      amount: sum.amount + money.amount,
      approximate: sum.approximate || money.approximate === true,
    });
  }
  return [...sums].map(([currency, sum]) => ({
    currency,
    amount: sum.amount,
    ...(sum.approximate ? { approximate: true } : {}),
  }));
}

/** The money of a project in one line: total budget and grants, or plainly that none is published. */
export function moneyLine(facts: ProjectFacts, lang: Lang): Html {
  const grants = sumsByCurrency(
    (facts.record.funding ?? []).flatMap((line) =>
      line.amount !== undefined && line.currency !== undefined
        ? [{ amount: line.amount, currency: line.currency, approximate: line.approximate }]
        : [],
    ),
  );
  const total = facts.record.budget?.total;
  const parts = [
    total && t(lang, "keyFacts.budget", { amount: formatMoney(total, lang) }),
    grants.length > 0 &&
      t(lang, "keyFacts.grants", { amount: grants.map((grant) => formatMoney(grant, lang)).join(" + ") }),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? html`${parts.join("; ")}` : html`${t(lang, "keyFacts.noMoney")}`;
}

/** How the status was worked out: from the dates on the build day, or from what a source said. */
export function statusEvidence(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const evidence =
    facts.status.basis === "dates"
      ? t(lang, facts.status.status === "unknown" ? "keyFacts.statusNoEvidence" : "keyFacts.statusFromDates", {
          date: formatDay(dataset.today, lang),
        })
      : undefined;
  return html`${statusLabel(facts, lang)}${evidence ? html`<span class="evidence">${evidence}</span>` : ""}`;
}

/** What the key facts can count of a project's partners and countries without saying more than the sources. */
export interface PartnerFigures {
  /** The partners: the sources' number where they give one, else those named. */
  readonly partners: number;
  /** True when `partners` counts only those named, and the sources speak of more. */
  readonly partnersNamedOnly: boolean;
  /** Present when the sources speak of partners they neither name nor count (partners_unnamed). */
  readonly partnersUnnamed?: true;
  /** The countries, when known: the sources' number, or the countries listed when every partner is named. */
  readonly countries?: number;
}

/** A project's figures as the key facts read them: its record, its countries, and each organisation's country. */
export interface PartnerFiguresInput {
  readonly project: Project;
  readonly countries: readonly string[];
  readonly countryOf: (organisation: string) => string | undefined;
}

/**
 * The partners and countries of a project as the key facts count them. Where the sources give more
 * partners (partner_count) than they name, the countries listed are only those named, and their
 * number is no count of the project's countries: the key facts then give the sources'
 * country_count or no number, so "9 partners from 8 countries" never reads "1 country". Where a
 * country is listed in which no organisation of the project is named, the partners named are
 * not all there are, so their number is said as that. Where the sources speak of partners they
 * neither name nor count (partners_unnamed), the partners named are not all there are either, and
 * the countries listed (perhaps only the owner's) are no count of the project's countries.
 */
export function partnerFigures({ project, countries, countryOf }: PartnerFiguresInput): PartnerFigures {
  const participants = project.participants ?? [];
  const named = participants.filter(
    (participant) =>
      participant.role !== "funder" &&
      participant.role !== "stakeholder" &&
      !project.owners.includes(participant.organisation),
  ).length;
  const covered = new Set(
    [...project.owners, ...participants.map((participant) => participant.organisation)].map(countryOf),
  );
  const countedBySources = project.partner_count !== undefined && project.partner_count > named;
  const unnamed = project.partners_unnamed === true;
  const unnamedAbroad = named > 0 && (unnamed || countries.some((code) => !covered.has(code)));
  const count = project.country_count ?? (countedBySources || unnamed ? undefined : countries.length);
  return {
    partners: Math.max(project.partner_count ?? 0, named),
    partnersNamedOnly: !countedBySources && project.partner_count === undefined && unnamedAbroad,
    ...(unnamed ? { partnersUnnamed: true } : {}),
    ...(count !== undefined && count > 0 ? { countries: count } : {}),
  };
}

/** How many partners and countries, then the countries linked: "5 partners, 3 countries: …". */
function partnersAndCountries(facts: ProjectFacts, figures: PartnerFigures, lang: Lang): Html {
  const countries = facts.countries;
  const partners = t(lang, figures.partnersNamedOnly ? "keyFacts.namedPartnerCount" : "keyFacts.partnerCount", {
    count: figures.partners,
  });
  // Partners the sources speak of without naming or counting any: said as such, never as none.
  const unnamedOnly = figures.partnersUnnamed === true && figures.partners === 0;
  const counts = [
    figures.partners > 0 ? partners : unnamedOnly ? t(lang, "keyFacts.unnamedPartners") : "",
    figures.countries !== undefined ? t(lang, "keyFacts.countryCount", { count: figures.countries }) : "",
  ].filter(Boolean);
  const links = join(countries.map((code) => countryLink(code, lang)));
  // The countries listed are all there are only where their number is the count.
  if (countries.length === 0) return html`${counts.join(", ")}`;
  if (figures.countries === countries.length) return html`${counts.join(", ")}: ${links}`;
  const named = html`${t(lang, "keyFacts.namedCountries")}: ${links}`;
  return counts.length ? html`${counts.join(", ")}; ${named}` : named;
}

export function projectKeyFacts(dataset: Dataset, facts: ProjectFacts, lang: Lang): Html {
  const project = facts.record;
  const leads = (project.participants ?? [])
    .filter((participant) => participant.role === "lead" && !project.owners.includes(participant.organisation))
    .map((participant) => participant.organisation);
  // Partners besides the owners: the owners have a row of their own.
  const figures = partnerFigures({
    project,
    countries: facts.countries,
    countryOf: (id) => dataset.records.organisations.get(id)?.country,
  });
  return keyFacts(lang, [
    [t(lang, "field.status"), statusEvidence(dataset, facts, lang)],
    [t(lang, "field.period"), periodOf(facts, lang)],
    [ownersLabel(project, lang), join(project.owners.map((id) => organisationLink(dataset, id, lang)))],
    leads.length > 0 && [t(lang, "role.lead"), join(leads.map((id) => organisationLink(dataset, id, lang)))],
    (figures.partners > 0 || figures.partnersUnnamed === true || facts.countries.length > 0) && [
      t(lang, "keyFacts.partners"),
      partnersAndCountries(facts, figures, lang),
    ],
    [t(lang, "keyFacts.money"), moneyLine(facts, lang)],
    (facts.programmes.length > 0 || facts.funders.length > 0) && [
      t(lang, "field.funders"),
      join(
        facts.programmes.length
          ? facts.programmes.map((id) => programmeLink(dataset, id, lang))
          : facts.funders.map((id) => organisationLink(dataset, id, lang)),
      ),
    ],
    lastUpdatedRow(dataset, `projects/${facts.id}`, lang),
  ]);
}
