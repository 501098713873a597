// The statistics page: each chart as SVG drawn at build time, directly followed by a table
// with the same numbers and a link to the CSV file they were computed from.

import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { sourceText } from "../../core/names.js";
import { csvUrl, home, sectionUrl } from "../../core/routes.js";
import { DEFAULT_STATUS_WINDOW, DERIVED_LINK_STATUSES, type DerivedLinkStatusCode } from "../../core/vocabulary.js";
import { countryName, formatDay, formatDuration, formatMoney, formatNumber, sdgName } from "../../i18n/format.js";
import { t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { type Bar, horizontalBars, stackedBars, worthDrawing } from "../../statistics/charts.js";
import {
  type Amount,
  type Count,
  computeStatistics,
  OTHERS,
  recordsByPublisher,
  TOP_CATEGORIES,
  topWithOthers,
} from "../../statistics/compute.js";
import { organisationName, plain, programmeName, tableRegion } from "../components.js";
import type { Page } from "../page.js";
import { publisherName, publisherOfRecord } from "../publishers.js";
import { alternatesOf, type PageSet } from "./shared.js";

function csvLinks(lang: Lang, tables: readonly string[]): Html {
  const links = tables.map((table) => html`<a href="${csvUrl(table)}" type="text/csv">${table}.csv</a>`);
  return html`<p class="chart-source">${t(lang, "statistics.computedFrom")} ${join(links)}</p>`;
}

/** The numbers of a chart of counts: a label and the number of projects per row. */
interface CountTable {
  readonly lang: Lang;
  readonly caption: string;
  /** The heading of the labels' column. */
  readonly header: string;
  /** The heading of the numbers' column: "Projects" unless told. */
  readonly valueHeader?: string;
  readonly rows: readonly { label: string; value: string }[];
}

function countTable({ lang, caption, header, valueHeader, rows }: CountTable): Html {
  const body = rows.map((row) => html`<tr><th scope="row">${row.label}</th><td class="number">${row.value}</td></tr>`);
  const table = html`<table class="chart-data">
  <caption>${caption}</caption>
  <thead>
    <tr>
      <th scope="col">${header}</th>
      <th scope="col" class="number">${valueHeader ?? t(lang, "statistics.projects")}</th>
    </tr>
  </thead>
  <tbody>${body}</tbody>
</table>`;
  return tableRegion({ label: caption, table, lang, wide: false });
}

interface CountChart {
  readonly id: string;
  readonly heading: string;
  readonly description: string;
  readonly header: string;
  readonly valueHeader?: string;
  readonly counts: readonly Count[];
  readonly label: (key: string) => string;
  readonly tables: readonly string[];
  /** A sentence after the heading: what the chart counts and leaves out. */
  readonly note?: string;
}

const valueHeaderOf = (chart: CountChart) =>
  chart.valueHeader === undefined ? {} : { valueHeader: chart.valueHeader };

function countSection(lang: Lang, chart: CountChart): Html {
  const number = (value: number) => formatNumber(value, lang);
  const bars: Bar[] = topWithOthers(chart.counts).map((count) => ({
    label:
      count.key === OTHERS
        ? t(lang, "statistics.others", { count: chart.counts.length - TOP_CATEGORIES })
        : chart.label(count.key),
    values: [count.value],
  }));
  const text = { id: `chart-${chart.id}`, title: chart.heading, description: chart.description, formatValue: number };
  const rows = bars.map((bar) => ({ label: bar.label, value: number(bar.values[0] ?? 0) }));
  const figures =
    bars.length === 0
      ? html`<p>${t(lang, "statistics.noData")}</p>`
      : html`${chart.note ? html`<p>${chart.note}</p>` : ""}
  ${worthDrawing(bars) ? html`<figure>${horizontalBars(text, bars)}</figure>` : ""}
  ${countTable({ lang, caption: chart.heading, header: chart.header, rows, ...valueHeaderOf(chart) })}`;
  return html`<section aria-labelledby="${chart.id}">
  <h2 id="${chart.id}">${chart.heading}</h2>
  ${figures}
  ${csvLinks(lang, chart.tables)}
</section>`;
}

/** What the statistics page's sections share: the figures, and how numbers and funders are said. */
interface Statistics {
  readonly lang: Lang;
  readonly stats: ReturnType<typeof computeStatistics>;
  readonly number: (value: number) => string;
  /** A programme's or funder's name from its key in the figures ("programme:id", "funder:id"). */
  readonly fundingLabel: (key: string) => string;
}

function statisticsContent(dataset: Dataset, lang: Lang): Html {
  const stats = computeStatistics(dataset);
  const number = (value: number) => formatNumber(value, lang);
  const nameOf = (key: string) => {
    const [kind, id] = key.split(":") as [string, string];
    return kind === "programme" ? programmeName(dataset, id, lang) : organisationName(dataset, id, lang);
  };
  // Two publishers' programmes may share a name ("EU funds, programme not stated"): each says whose it is.
  const names = stats.projectsByProgramme.map((count) => nameOf(count.key));
  const shared = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  const fundingLabel = (key: string) => {
    const [kind, id] = key.split(":") as [string, string];
    if (id === OTHERS) return t(lang, "statistics.othersShort");
    const name = nameOf(key);
    const whose = publisherOfRecord({ dataset, kind: kind === "programme" ? "programmes" : "organisations", id, lang });
    return shared.has(name) && whose ? `${name} (${whose})` : name;
  };
  const page: Statistics = { lang, stats, number, fundingLabel };
  return html`<h1>${t(lang, "section.statistics")}</h1>
<p class="lead">${t(lang, "statistics.intro", { date: formatDay(dataset.today, lang) })}</p>
${publisherSection(dataset, page)}
${yearSection(page)}
${countSection(lang, {
  id: "by-programme",
  heading: t(lang, "statistics.byProgramme"),
  description: t(lang, "statistics.byProgrammeDescription"),
  header: t(lang, "field.programme"),
  counts: stats.projectsByProgramme,
  label: fundingLabel,
  tables: ["project_funding"],
})}
${amountsSection(page)}
${countrySection(page)}
${countSection(lang, {
  id: "by-sdg",
  heading: t(lang, "statistics.bySdg"),
  description: t(lang, "statistics.bySdgDescription"),
  header: t(lang, "field.sdgs"),
  counts: stats.projectsBySdg,
  label: (goal) => `${goal}. ${sdgName(Number(goal), lang)}`,
  tables: ["project_sdgs"],
})}
${countSection(lang, {
  id: "by-theme",
  heading: t(lang, "statistics.byTheme"),
  description: t(lang, "statistics.byThemeDescription"),
  header: t(lang, "field.themes"),
  counts: stats.projectsByTheme,
  label: (id) => plain(dataset.records.themes.get(id)?.label ?? sourceText(id), lang),
  tables: ["project_themes"],
})}
${partnershipsSection(page)}
${partnershipStatusSection(page, dataset)}`;
}

const PUBLISHER_COLUMNS = ["projects", "partnerships", "networks", "organisations"] as const;

/** On a site with includes: the records of each publisher, the site's own first, and in total. */
function publisherSection(dataset: Dataset, { lang, number }: Statistics): Html {
  const counts = recordsByPublisher(dataset);
  if (counts.length === 0) return html``;
  const heading = t(lang, "provenance.statisticsHeading");
  const cells = (values: Record<(typeof PUBLISHER_COLUMNS)[number], number>) =>
    PUBLISHER_COLUMNS.map((column) => html`<td class="number">${number(values[column])}</td>`);
  const rows = counts.map((entry) => {
    const publisher = publisherName(dataset, entry.publisher, lang);
    const label = entry.own ? t(lang, "provenance.thisSite", { publisher }) : publisher;
    return html`<tr><th scope="row">${label}</th>${cells(entry)}</tr>`;
  });
  const total = Object.fromEntries(
    PUBLISHER_COLUMNS.map((column) => [column, counts.reduce((sum, entry) => sum + entry[column], 0)]),
  ) as Record<(typeof PUBLISHER_COLUMNS)[number], number>;
  const table = html`<table class="chart-data">
  <caption>${heading}</caption>
  <thead>
    <tr>
      <th scope="col">${t(lang, "provenance.publisher")}</th>
      ${PUBLISHER_COLUMNS.map((column) => html`<th scope="col" class="number">${t(lang, `section.${column}`)}</th>`)}
    </tr>
  </thead>
  <tbody>${rows}</tbody>
  <tfoot>
    <tr><th scope="row">${t(lang, "statistics.total")}</th>${cells(total)}</tr>
  </tfoot>
</table>`;
  return html`<section aria-labelledby="by-publisher">
  <h2 id="by-publisher">${heading}</h2>
  <p>${t(lang, "provenance.statisticsNote")}</p>
  ${tableRegion({ label: heading, table, lang, wide: true })}
  ${csvLinks(lang, ["projects", "partnerships", "networks", "organisations"])}
</section>`;
}

/** Projects by the year they started, stacked by status. */
function yearSection({ lang, stats, number }: Statistics): Html {
  const series = [
    { key: "ongoing", label: t(lang, "status.ongoing"), style: "solid" as const },
    { key: "completed", label: t(lang, "status.completed"), style: "hatched" as const },
    { key: "other", label: t(lang, "statistics.otherStatus"), style: "dotted" as const },
  ];
  const bars: Bar[] = stats.projectsByStartYear.map((entry) => ({
    label: String(entry.year),
    values: [entry.ongoing, entry.completed, entry.other],
  }));
  const heading = t(lang, "statistics.byYear");
  const description = t(lang, "statistics.byYearDescription", {
    first: bars[0]?.label ?? "",
    last: bars.at(-1)?.label ?? "",
  });
  const text = { id: "chart-by-year", title: heading, description, formatValue: number };
  const figure = worthDrawing(bars) ? html`<figure>${stackedBars(text, series, bars)}</figure>` : "";
  const rows = stats.projectsByStartYear.map(
    (entry) => html`<tr>
      <th scope="row">${entry.year}</th>
      <td class="number">${number(entry.ongoing)}</td>
      <td class="number">${number(entry.completed)}</td>
      <td class="number">${number(entry.other)}</td>
      <td class="number">${number(entry.ongoing + entry.completed + entry.other)}</td>
    </tr>`,
  );
  const table = html`<table class="chart-data">
  <caption>${heading}</caption>
  <thead>
    <tr>
      <th scope="col">${t(lang, "statistics.startYear")}</th>
      ${series.map((entry) => html`<th scope="col" class="number">${entry.label}</th>`)}
      <th scope="col" class="number">${t(lang, "statistics.total")}</th>
    </tr>
  </thead>
  <tbody>${rows}</tbody>
</table>`;
  const withoutStart = stats.projectsWithoutStart;
  return html`<section aria-labelledby="by-year">
  <h2 id="by-year">${heading}</h2>
  ${figure}
  ${tableRegion({ label: heading, table, lang, wide: true })}
  ${withoutStart > 0 ? html`<p>${t(lang, "statistics.withoutStart", { count: withoutStart })}</p>` : ""}
  ${csvLinks(lang, ["projects"])}
</section>`;
}

/** The amounts granted, per currency: never added across currencies. */
function amountsSection(page: Statistics): Html {
  const { lang, stats } = page;
  return html`<section aria-labelledby="amounts">
  <h2 id="amounts">${t(lang, "statistics.amounts")}</h2>
  <p>${t(lang, "statistics.amountsNote")}</p>
  ${[...stats.fundingByCurrency].map(([currency, all]) => currencyAmounts(page, currency, all))}
  ${csvLinks(lang, ["project_funding"])}
</section>`;
}

/** The largest amounts in one currency, the rest as "others". */
function currencyAmounts({ lang, number, fundingLabel }: Statistics, currency: string, all: readonly Amount[]): Html {
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
  const bars = amounts.map((amount) => ({
    label: fundingLabel(`${amount.kind}:${amount.key}`),
    values: [amount.amount],
  }));
  const text = {
    id: `chart-amounts-${currency.toLowerCase()}`,
    title: heading,
    description: t(lang, "statistics.amountsDescription", { currency }),
    formatValue: money,
  };
  const figure = worthDrawing(bars) ? html`<figure>${horizontalBars(text, bars)}</figure>` : "";
  const rows = amounts.map(
    (amount) => html`<tr>
      <th scope="row">${fundingLabel(`${amount.kind}:${amount.key}`)}</th>
      <td class="number">${money(amount.amount)}</td>
      <td class="number">${number(amount.lines)}</td>
    </tr>`,
  );
  const table = html`<table class="chart-data">
  <caption>${heading}</caption>
  <thead>
    <tr>
      <th scope="col">${t(lang, "field.programme")}</th>
      <th scope="col" class="number">${t(lang, "field.amount")}</th>
      <th scope="col" class="number">${t(lang, "statistics.lines")}</th>
    </tr>
  </thead>
  <tbody>${rows}</tbody>
</table>`;
  return html`<h3>${heading}</h3>
  ${figure}
  ${tableRegion({ label: heading, table, lang, wide: false })}`;
}

/** Projects by partner country, with a note on the owners' countries and the projects at home. */
function countrySection({ lang, stats }: Statistics): Html {
  const owners = stats.projectsByOwnerCountry
    .map((count) => t(lang, "statistics.ownerCountry", { country: countryName(count.key, lang), count: count.value }))
    .join(", ");
  return countSection(lang, {
    id: "by-country",
    heading: t(lang, "statistics.byCountry"),
    description: t(lang, "statistics.byCountryDescription"),
    note: t(lang, "statistics.byCountryNote", { owners, home: stats.projectsOnlyAtHome }),
    header: t(lang, "field.country"),
    counts: stats.projectsByPartnerCountry,
    label: (code) => countryName(code, lang),
    tables: ["project_countries", "project_owners", "project_participants", "project_places", "organisations"],
  });
}

/** Partnerships by the year they started. */
function partnershipsSection({ lang, stats, number }: Statistics): Html {
  const heading = t(lang, "statistics.partnerships");
  const bars: Bar[] = stats.partnershipsOverTime.map((entry) => ({ label: entry.key, values: [entry.value] }));
  const text = {
    id: "chart-partnerships",
    title: heading,
    description: t(lang, "statistics.partnershipsDescription"),
    formatValue: number,
  };
  const figure = worthDrawing(bars) ? html`<figure>${horizontalBars(text, bars)}</figure>` : "";
  const rows = stats.partnershipsOverTime.map(
    (entry) => html`<tr><th scope="row">${entry.key}</th><td class="number">${number(entry.value)}</td></tr>`,
  );
  const table = html`<table class="chart-data">
  <caption>${heading}</caption>
  <thead>
    <tr>
      <th scope="col">${t(lang, "statistics.year")}</th>
      <th scope="col" class="number">${t(lang, "section.partnerships")}</th>
    </tr>
  </thead>
  <tbody>${rows}</tbody>
</table>`;
  const withoutStart = stats.partnershipsWithoutStart;
  const last = stats.partnershipsOverTime.at(-1)?.key;
  return html`<section aria-labelledby="partnerships-over-time">
  <h2 id="partnerships-over-time">${heading}</h2>
  ${figure}
  ${tableRegion({ label: heading, table, lang, wide: false })}
  ${last === undefined ? "" : html`<p>${t(lang, "statistics.partnershipsLastYear", { year: last })}</p>`}
  ${withoutStart > 0 ? html`<p>${t(lang, "statistics.partnershipsUndated", { count: withoutStart })}</p>` : ""}
  ${csvLinks(lang, ["partnerships", "partnership_sources", "sources"])}
</section>`;
}

/** Partnerships by their status on the build day, with what the status rests on. */
function partnershipStatusSection({ lang, stats }: Statistics, dataset: Dataset): Html {
  const date = formatDay(dataset.today, lang);
  const window = formatDuration(dataset.site.status_window ?? DEFAULT_STATUS_WINDOW, lang);
  return countSection(lang, {
    id: "partnerships-by-status",
    heading: t(lang, "statistics.partnershipsByStatus"),
    description: t(lang, "statistics.partnershipsByStatusDescription", { date }),
    note: t(lang, "statistics.partnershipsByStatusNote", { date, window }),
    header: t(lang, "field.status"),
    valueHeader: t(lang, "statistics.partnershipsCount"),
    counts: stats.partnershipsByStatus,
    label: (status) => (isDerivedLinkStatus(status) ? t(lang, `linkStatus.${status}`) : status),
    tables: ["partnerships"],
  });
}

const isDerivedLinkStatus = (value: string): value is DerivedLinkStatusCode =>
  (DERIVED_LINK_STATUSES as readonly string[]).includes(value);

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
