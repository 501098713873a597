// The open-data page (every file, its licence and how to use it) and the data dictionary
// (every table and column), both from the same descriptions the export writes.

import { groupBy } from "../../core/collections.js";
import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { name } from "../../core/names.js";
import {
  absoluteUrl,
  checksumsUrl,
  csvUrl,
  datapackageUrl,
  dictionaryUrl,
  excelCsvUrl,
  hasPages,
  home,
  KIND_SECTIONS,
  placesUrl,
  releasesFeedUrl,
  releasesJsonUrl,
  sectionUrl,
} from "../../core/routes.js";
import { licenceOf } from "../../core/vocabulary.js";
import { type DataFile, type FileGroup, fingerprint } from "../../exports/data-file.js";
import { fileTitle, openData, tableRows } from "../../exports/files.js";
import { releaseFiles } from "../../exports/release-files.js";
import { type Column, type Description, type Table, tablesFor } from "../../exports/tables.js";
import { formatNumber } from "../../i18n/format.js";
import { isUiKey, t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { type PublishedRelease, releaseHistory } from "../../releases/history.js";
import type { RecordChange } from "../../releases/releases.js";
import { externalLink, plain, tableRegion } from "../components.js";
import type { Page } from "../page.js";
import { alternatesOf, type PageSet } from "./shared.js";

function fileList(files: readonly DataFile[], lang: Lang): Html {
  const items = files.map((file) => {
    const link = html`<a href="${file.url}" type="${file.mediaType}">${fileTitle(file, lang)}</a>`;
    return html`<li>${link} <span class="meta">(${file.mediaType})</span></li>`;
  });
  return html`<ul>${items}</ul>`;
}

/** What a release's changes of a kind are listed as: its section, the about page for site.yaml, else its own name. */
function kindLabel(kind: string, lang: Lang): string {
  if (hasPages(kind)) return t(lang, `section.${KIND_SECTIONS[kind]}`);
  if (kind === "site") return t(lang, "section.about");
  const key = `releases.kind.${kind}`;
  return isUiKey(key) ? t(lang, key) : kind;
}

/**
 * The changes of a release in the reader's language: per kind, what was added, removed or changed.
 * The release feed carries the same list: it is written without whitespace between elements, so
 * the feed does not change with the layout of this source.
 */
export function changeList(changes: readonly RecordChange[], lang: Lang): Html {
  if (changes.length === 0) return html`<p>${t(lang, "releases.noChanges")}</p>`;
  const groups = groupBy(changes, (change) => `${change.kind}|${change.change}`);
  const items = [...groups].map(([key, group]) => {
    const [kind, change] = key.split("|") as [string, RecordChange["change"]];
    const listed = group.length <= MAX_LISTED || change === "changed" ? html` – ${changedRecords(group)}` : "";
    const counted = t(lang, `releases.${change}`, { count: group.length });
    return html`<li>${kindLabel(kind, lang)}: ${counted}${listed}</li>`;
  });
  return html`<ul class="changes">${items}</ul>`;
}

const MAX_LISTED = 12;

/** The first MAX_LISTED records of a group, each with the first of its changed fields. */
function changedRecords(group: readonly RecordChange[]): Html {
  const entries = group.slice(0, MAX_LISTED).map((entry) => {
    const more = entry.fields.length > 6 ? " …" : "";
    const fields = entry.fields.length ? html` (${entry.fields.slice(0, 6).join(", ")}${more})` : "";
    return html`<code>${entry.id}</code>${fields}`;
  });
  return html`${join(entries)}${group.length > MAX_LISTED ? " …" : ""}`;
}

/** A recorded release's whole data package: its zip with checksum, and its datapackage.json. */
function releaseArchive(dataset: Dataset, version: string, lang: Lang): Html {
  const entry = releaseFiles(dataset).packages.find((candidate) => candidate.release.version === version);
  if (!entry) return html``;
  const datapackage = entry.files.find((file) => file.url.endsWith("/datapackage.json"));
  const archive = html`<a href="${entry.archive.url}" type="application/zip">${t(lang, "releases.archive")}</a>`;
  const checksum = html`<code class="archive-checksum">${fingerprint(entry.archive).sha256}</code>`;
  const description = datapackage
    ? html`, <a href="${datapackage.url}" type="application/json">datapackage.json</a>`
    : "";
  return html`<p>${t(lang, "releases.files")} ${archive} (SHA-256 ${checksum})${description}</p>`;
}

/** How to load the data package, in three lines each, for pandas, frictionless and R. */
function consumerSection(dataset: Dataset, lang: Lang): Html {
  const url = absoluteUrl(dataset.site.base_url, datapackageUrl);
  const csv = absoluteUrl(dataset.site.base_url, csvUrl("projects"));
  // The code blocks are preformatted: their lines start at the margin.
  return html`<h2 id="consume">${t(lang, "openData.consumeHeading")}</h2>
<p>${t(lang, "openData.consumeIntro")}</p>
<p>${t(lang, "openData.consumePandas")}</p>
<pre><code>import pandas as pd
projects = pd.read_csv("${csv}", keep_default_na=False, na_values=[""])
print(projects.head())</code></pre>
<p>${t(lang, "openData.consumeFrictionless")}</p>
<pre><code>from frictionless import Package
package = Package("${url}")
projects = package.get_resource("projects").to_pandas()</code></pre>
<p>${t(lang, "openData.consumeR")}</p>
<pre><code>library(frictionless)
package &lt;- read_package("${url}")
projects &lt;- read_resource(package, "projects")</code></pre>`;
}

function releasesSection(dataset: Dataset, lang: Lang): Html {
  const { releases } = releaseHistory(dataset);
  const checksums = html`<a href="${checksumsUrl}" type="text/plain">SHA256SUMS</a>`;
  const history = html`<a href="${releasesJsonUrl}" type="application/json">releases.json</a>`;
  const feed = html`<a href="${releasesFeedUrl(lang)}" type="application/atom+xml">${t(lang, "releases.feed")}</a>`;
  return html`<h2 id="releases">${t(lang, "releases.heading")}</h2>
<p>${t(lang, "releases.intro")} ${checksums}, ${history}.</p>
<p>${feed}</p>
${releases.map((release) => releaseSection(dataset, release, lang))}`;
}

function releaseSection(dataset: Dataset, release: PublishedRelease, lang: Lang): Html {
  const id = `release-${release.version}`;
  const unrecorded = release.recorded ? "" : html` <span class="meta">${t(lang, "releases.unrecorded")}</span>`;
  const file = html`<a href="${release.url}" type="application/json">${release.url.split("/").slice(-2).join("/")}</a>`;
  return html`<section class="release" aria-labelledby="${id}">
  <h3 id="${id}">${t(lang, "releases.version", { version: release.version })}${unrecorded}</h3>
  <p>${file} · SHA-256 <code class="checksum">${release.sha256}</code></p>
  ${release.recorded ? releaseArchive(dataset, release.version, lang) : ""}
  ${changeList(release.changes, lang)}
</section>`;
}

function openDataPage(dataset: Dataset, lang: Lang): Page {
  const title = t(lang, "section.openData");
  return {
    url: sectionUrl(lang, "openData"),
    lang,
    kind: "open-data",
    title,
    description: t(lang, "openData.intro"),
    breadcrumbs: [{ label: t(lang, "nav.home"), url: home(lang) }],
    alternates: alternatesOf((other) => sectionUrl(other, "openData")),
    jsonLd: () => openDataJsonLd(dataset, lang),
    content: () => openDataContent(dataset, lang),
  };
}

/** The open data as a schema.org Dataset with a download per file. */
function openDataJsonLd(dataset: Dataset, lang: Lang): unknown {
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    "@id": absoluteUrl(dataset.site.base_url, sectionUrl(lang, "openData")),
    name: plain(dataset.site.title, lang),
    description: t(lang, "openData.intro"),
    url: absoluteUrl(dataset.site.base_url, sectionUrl(lang, "openData")),
    license: dataset.site.data_licence,
    inLanguage: [...dataset.site.languages],
    // The dates of the data, as in the catalog: they move only when a release changes the data.
    datePublished: dataset.releases[0]?.date ?? releaseHistory(dataset).current.date,
    dateModified: releaseHistory(dataset).current.date,
    version: releaseHistory(dataset).current.version,
    publisher: {
      "@type": "Organization",
      name: name(dataset.publisher.name, lang),
      email: dataset.site.contact_email,
    },
    distribution: openData(dataset).files.map((file) => ({
      "@type": "DataDownload",
      name: fileTitle(file, lang),
      contentUrl: absoluteUrl(dataset.site.base_url, file.url),
      encodingFormat: file.mediaType,
    })),
  };
}

function openDataContent(dataset: Dataset, lang: Lang): Html {
  const group = (g: FileGroup) => openData(dataset).files.filter((file) => file.group === g);
  const licence = licenceOf(dataset.site.data_licence).shortName;
  const licenceLink = externalLink({ url: dataset.site.data_licence, label: licence, lang, relation: "license" });
  const dictionary = html`<a href="${dictionaryUrl(lang)}">${t(lang, "openData.dictionary")}</a>`;
  const places = html`<a href="${placesUrl}" type="application/geo+json">places.geojson</a>`;
  return html`<h1>${t(lang, "section.openData")}</h1>
<p class="lead">${t(lang, "openData.intro")}</p>
<ul>
  <li>${t(lang, "openData.licence")} ${licenceLink}</li>
  <li>${t(lang, "openData.personal")}</li>
  <li>${t(lang, "openData.asOf")}</li>
</ul>
<h2>${t(lang, "openData.whole")}</h2>
${fileList([...group("json"), ...group("metadata")], lang)}
<h2>${t(lang, "openData.tables")}</h2>
<p>${t(lang, "openData.tablesIntro")} ${dictionary}.</p>
${tableRegion({ label: t(lang, "openData.tables"), table: tablesTable(dataset, lang), lang, wide: true })}
<p>${t(lang, "openData.formula")}</p>
<p>${t(lang, "openData.places")} ${places}</p>
${consumerSection(dataset, lang)}
<h2>${t(lang, "openData.records")}</h2>
<p>${t(lang, "openData.recordsText")} <code>/data/projects/nonhazcity.json</code></p>
<h2>${t(lang, "openData.schemas")}</h2>
${fileList(group("schema"), lang)}
${releasesSection(dataset, lang)}
<h2>${t(lang, "openData.catalogHeading")}</h2>
<p>${t(lang, "openData.catalogText")}</p>`;
}

/** Every table with its number of rows and its two CSV files. */
function tablesTable(dataset: Dataset, lang: Lang): Html {
  const rows = tablesFor(dataset.site.languages).map(
    (table) => html`<tr>
      <th scope="row"><a href="${dictionaryUrl(lang)}#${table.name}">${table.name}</a></th>
      <td>${formatNumber(tableRows(dataset, table).length, lang)}</td>
      <td><a href="${csvUrl(table.name)}" type="text/csv">${table.name}.csv</a></td>
      <td><a href="${excelCsvUrl(table.name)}" type="text/csv">${table.name}.csv</a></td>
    </tr>`,
  );
  return html`<table>
  <caption>${t(lang, "openData.tablesCaption")}</caption>
  <thead>
    <tr>
      <th scope="col">${t(lang, "openData.table")}</th>
      <th scope="col">${t(lang, "openData.rows")}</th>
      <th scope="col">CSV</th>
      <th scope="col">${t(lang, "openData.excel")}</th>
    </tr>
  </thead>
  <tbody>${rows}</tbody>
</table>`;
}

function dictionaryPage(dataset: Dataset, lang: Lang): Page {
  const title = t(lang, "openData.dictionary");
  return {
    url: dictionaryUrl(lang),
    lang,
    kind: "data-dictionary",
    title,
    breadcrumbs: [
      { label: t(lang, "nav.home"), url: home(lang) },
      { label: t(lang, "section.openData"), url: sectionUrl(lang, "openData") },
    ],
    alternates: alternatesOf(dictionaryUrl),
    content: () => html`<h1>${title}</h1>
<p>${t(lang, "dictionary.intro")}</p>
<p>${t(lang, "openData.formula")}</p>
${tablesFor(dataset.site.languages).map((table) => tableSection(table, lang))}`,
  };
}

/** A table of the dictionary: its key, its CSV file and every column. */
function tableSection(table: Table, lang: Lang): Html {
  const csv = html`<a href="${csvUrl(table.name)}" type="text/csv">${table.name}.csv</a>`;
  const columns = html`<table>
  <caption>${t(lang, "dictionary.columns", { table: table.name })}</caption>
  <thead>
    <tr>
      <th scope="col">${t(lang, "dictionary.column")}</th>
      <th scope="col">${t(lang, "dictionary.type")}</th>
      <th scope="col">${t(lang, "dictionary.required")}</th>
      <th scope="col">${t(lang, "dictionary.references")}</th>
      <th scope="col">${t(lang, "dictionary.meaning")}</th>
    </tr>
  </thead>
  <tbody>${table.columns.map((column) => columnRow(column, lang))}</tbody>
</table>`;
  return html`<section aria-labelledby="${table.name}">
  <h2 id="${table.name}">${table.name}</h2>
  <p>${described(table.descriptions[lang], lang)}</p>
  <p>${t(lang, "dictionary.key")}: <code>${table.primaryKey.join(", ")}</code> · ${csv}</p>
  ${tableRegion({ label: table.name, table: columns, lang, wide: true })}
</section>`;
}

/** A description on a page in `lang`: words in another language (English standing in) carry their own. */
function described(description: Description | undefined, lang: Lang): Html {
  if (!description) return html``;
  const text =
    description.lang === lang ? description.text : html`<span lang="${description.lang}">${description.text}</span>`;
  return html`${text}${description.note ?? ""}`;
}

function columnRow(column: Column, lang: Lang): Html {
  const format = column.format ? html` (${column.format})` : "";
  const references = column.references ? html`<a href="#${column.references}">${column.references}.id</a>` : "";
  const values = column.enum ? html` <span class="meta">(${column.enum.join(", ")})</span>` : "";
  return html`<tr>
      <th scope="row"><code>${column.name}</code></th>
      <td>${column.type}${format}</td>
      <td>${column.required ? t(lang, "dictionary.yes") : t(lang, "dictionary.no")}</td>
      <td>${references}</td>
      <td>${described(column.descriptions[lang], lang)}${values}</td>
    </tr>`;
}

export const openDataPages: PageSet = (dataset, lang) => [openDataPage(dataset, lang), dictionaryPage(dataset, lang)];
