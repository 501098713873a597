// The statistics page: each chart as SVG drawn at build time, directly followed by a table
// with the same numbers and a link to the CSV file they were computed from.

import { type Html, html } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { sourceText } from "../../core/names.js";
import { csvUrl, home, sectionUrl } from "../../core/routes.js";
import { countryName, formatDay, formatMoney, formatNumber } from "../../i18n/format.js";
import { t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { sdgName } from "../../model/sdgs.js";
import { type Bar, horizontalBars, stackedBars, worthDrawing } from "../../statistics/charts.js";
import {
  type Amount,
  type Count,
  computeStatistics,
  OTHERS,
  TOP_CATEGORIES,
  topWithOthers,
} from "../../statistics/compute.js";
import { organisationName, plain, programmeName, tableRegion } from "../components.js";
import type { Page } from "../page.js";
import { alternatesOf, type PageSet } from "./shared.js";

function csvLinks(lang: Lang, tables: readonly string[]): Html {
  return html`<p class="chart-source">${t(lang, "statistics.computedFrom")} ${tables.map((table, index) => html`${index > 0 ? ", " : ""}<a href="${csvUrl(table)}" type="text/csv">${table}.csv</a>`)}</p>`;
}

function countTable(
  lang: Lang,
  caption: string,
  header: string,
  rows: readonly { label: string; value: string }[],
): Html {
  return tableRegion(
    caption,
    html`<table class="chart-data"><caption>${caption}</caption>
<thead><tr><th scope="col">${header}</th><th scope="col" class="number">${t(lang, "statistics.projects")}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td class="number">${row.value}</td></tr>`)}</tbody></table>`,
    lang,
    false,
  );
}

interface CountChart {
  readonly id: string;
  readonly heading: string;
  readonly description: string;
  readonly header: string;
  readonly counts: readonly Count[];
  readonly label: (key: string) => string;
  readonly tables: readonly string[];
  /** A sentence after the heading: what the chart counts and leaves out. */
  readonly note?: string;
}

function countSection(lang: Lang, chart: CountChart): Html {
  const number = (value: number) => formatNumber(value, lang);
  const bars: Bar[] = topWithOthers(chart.counts).map((count) => ({
    label:
      count.key === OTHERS
        ? t(lang, "statistics.others", { count: chart.counts.length - TOP_CATEGORIES })
        : chart.label(count.key),
    values: [count.value],
  }));
  return html`<section aria-labelledby="${chart.id}"><h2 id="${chart.id}">${chart.heading}</h2>
${
  bars.length === 0
    ? html`<p>${t(lang, "statistics.noData")}</p>`
    : html`${chart.note ? html`<p>${chart.note}</p>` : ""}${worthDrawing(bars) ? html`<figure>${horizontalBars({ id: `chart-${chart.id}`, title: chart.heading, description: chart.description, formatValue: number }, bars)}</figure>` : ""}
${countTable(
  lang,
  chart.heading,
  chart.header,
  bars.map((bar) => ({ label: bar.label, value: number(bar.values[0] ?? 0) })),
)}`
}
${csvLinks(lang, chart.tables)}</section>`;
}

function statisticsContent(dataset: Dataset, lang: Lang): Html {
  const stats = computeStatistics(dataset);
  const number = (value: number) => formatNumber(value, lang);
  const series = [
    { key: "ongoing", label: t(lang, "status.ongoing"), style: "solid" as const },
    { key: "completed", label: t(lang, "status.completed"), style: "hatched" as const },
    { key: "other", label: t(lang, "statistics.otherStatus"), style: "dotted" as const },
  ];
  const yearBars: Bar[] = stats.projectsByStartYear.map((entry) => ({
    label: String(entry.year),
    values: [entry.ongoing, entry.completed, entry.other],
  }));
  const fundingLabel = (key: string) => {
    const [kind, id] = key.split(":") as [string, string];
    if (id === OTHERS) return t(lang, "statistics.othersShort");
    return kind === "programme" ? programmeName(dataset, id, lang) : organisationName(dataset, id, lang);
  };
  const yearsHeading = t(lang, "statistics.byYear");
  const partnershipBars: Bar[] = stats.partnershipsOverTime.map((entry) => ({
    label: entry.key,
    values: [entry.value],
  }));
  return html`<h1>${t(lang, "section.statistics")}</h1>
<p class="lead">${t(lang, "statistics.intro", { date: formatDay(dataset.today, lang) })}</p>
<section aria-labelledby="by-year"><h2 id="by-year">${yearsHeading}</h2>
${worthDrawing(yearBars) ? html`<figure>${stackedBars({ id: "chart-by-year", title: yearsHeading, description: t(lang, "statistics.byYearDescription", { first: yearBars[0]?.label ?? "", last: yearBars.at(-1)?.label ?? "" }), formatValue: number }, series, yearBars)}</figure>` : ""}
${tableRegion(
  yearsHeading,
  html`<table class="chart-data"><caption>${yearsHeading}</caption>
<thead><tr><th scope="col">${t(lang, "statistics.startYear")}</th>${series.map((entry) => html`<th scope="col" class="number">${entry.label}</th>`)}<th scope="col" class="number">${t(lang, "statistics.total")}</th></tr></thead>
<tbody>${stats.projectsByStartYear.map((entry) => html`<tr><th scope="row">${entry.year}</th><td class="number">${number(entry.ongoing)}</td><td class="number">${number(entry.completed)}</td><td class="number">${number(entry.other)}</td><td class="number">${number(entry.ongoing + entry.completed + entry.other)}</td></tr>`)}</tbody></table>`,
  lang,
  true,
)}
${stats.projectsWithoutStart > 0 ? html`<p>${t(lang, "statistics.withoutStart", { count: stats.projectsWithoutStart })}</p>` : ""}
${csvLinks(lang, ["projects"])}</section>
${countSection(lang, { id: "by-programme", heading: t(lang, "statistics.byProgramme"), description: t(lang, "statistics.byProgrammeDescription"), header: t(lang, "field.programme"), counts: stats.projectsByProgramme, label: fundingLabel, tables: ["project_funding"] })}
<section aria-labelledby="amounts"><h2 id="amounts">${t(lang, "statistics.amounts")}</h2>
<p>${t(lang, "statistics.amountsNote")}</p>
${[...stats.fundingByCurrency].map(([currency, all]) => {
  const amounts: Amount[] =
    all.length <= TOP_CATEGORIES + 1
      ? [...all]
      : [
          ...all.slice(0, TOP_CATEGORIES),
          {
            key: OTHERS,
            kind: "programme",
            amount: all.slice(TOP_CATEGORIES).reduce((sum, amount) => sum + amount.amount, 0),
            lines: all.slice(TOP_CATEGORIES).reduce((sum, amount) => sum + amount.lines, 0),
          },
        ];
  const heading = t(lang, "statistics.amountsIn", { currency });
  const money = (value: number) => formatMoney({ amount: value, currency }, lang);
  const amountBars = amounts.map((amount) => ({
    label: fundingLabel(`${amount.kind}:${amount.key}`),
    values: [amount.amount],
  }));
  return html`<h3>${heading}</h3>${
    worthDrawing(amountBars)
      ? html`<figure>${horizontalBars(
          {
            id: `chart-amounts-${currency.toLowerCase()}`,
            title: heading,
            description: t(lang, "statistics.amountsDescription", { currency }),
            formatValue: money,
          },
          amountBars,
        )}</figure>`
      : ""
  }
${tableRegion(
  heading,
  html`<table class="chart-data"><caption>${heading}</caption>
<thead><tr><th scope="col">${t(lang, "field.programme")}</th><th scope="col" class="number">${t(lang, "field.amount")}</th><th scope="col" class="number">${t(lang, "statistics.lines")}</th></tr></thead>
<tbody>${amounts.map((amount) => html`<tr><th scope="row">${fundingLabel(`${amount.kind}:${amount.key}`)}</th><td class="number">${money(amount.amount)}</td><td class="number">${number(amount.lines)}</td></tr>`)}</tbody></table>`,
  lang,
  false,
)}`;
})}
${csvLinks(lang, ["project_funding"])}</section>
${countSection(lang, { id: "by-country", heading: t(lang, "statistics.byCountry"), description: t(lang, "statistics.byCountryDescription"), note: t(lang, "statistics.byCountryNote", { owners: stats.projectsByOwnerCountry.map((count) => t(lang, "statistics.ownerCountry", { country: countryName(count.key, lang), count: count.value })).join(", "), home: stats.projectsOnlyAtHome }), header: t(lang, "field.country"), counts: stats.projectsByPartnerCountry, label: (code) => countryName(code, lang), tables: ["project_countries", "project_owners", "project_participants", "project_places", "organisations"] })}
${countSection(lang, { id: "by-sdg", heading: t(lang, "statistics.bySdg"), description: t(lang, "statistics.bySdgDescription"), header: t(lang, "field.sdgs"), counts: stats.projectsBySdg, label: (goal) => `${goal}. ${sdgName(Number(goal), lang)}`, tables: ["project_sdgs"] })}
${countSection(lang, { id: "by-theme", heading: t(lang, "statistics.byTheme"), description: t(lang, "statistics.byThemeDescription"), header: t(lang, "field.themes"), counts: stats.projectsByTheme, label: (id) => plain(dataset.records.themes.get(id)?.label ?? sourceText(id), lang), tables: ["project_themes"] })}
<section aria-labelledby="partnerships-over-time"><h2 id="partnerships-over-time">${t(lang, "statistics.partnerships")}</h2>
${
  worthDrawing(partnershipBars)
    ? html`<figure>${horizontalBars(
        {
          id: "chart-partnerships",
          title: t(lang, "statistics.partnerships"),
          description: t(lang, "statistics.partnershipsDescription"),
          formatValue: number,
        },
        partnershipBars,
      )}</figure>`
    : ""
}
${tableRegion(
  t(lang, "statistics.partnerships"),
  html`<table class="chart-data"><caption>${t(lang, "statistics.partnerships")}</caption>
<thead><tr><th scope="col">${t(lang, "statistics.year")}</th><th scope="col" class="number">${t(lang, "section.partnerships")}</th></tr></thead>
<tbody>${stats.partnershipsOverTime.map((entry) => html`<tr><th scope="row">${entry.key}</th><td class="number">${number(entry.value)}</td></tr>`)}</tbody></table>`,
  lang,
  false,
)}
${stats.partnershipsWithoutStart > 0 ? html`<p>${t(lang, "statistics.partnershipsWithoutStart", { count: stats.partnershipsWithoutStart })}</p>` : ""}
${csvLinks(lang, ["partnerships"])}</section>`;
}

export const statisticsPages: PageSet = (dataset, lang): Page[] => [
  {
    url: sectionUrl(lang, "statistics"),
    lang,
    kind: "statistics",
    title: t(lang, "section.statistics"),
    description: t(lang, "statistics.intro", { date: formatDay(dataset.today, lang) }),
    breadcrumbs: [{ label: t(lang, "nav.home"), url: home(lang) }],
    alternates: alternatesOf((other) => sectionUrl(other, "statistics")),
    content: () => statisticsContent(dataset, lang),
  },
];
