// What every record's page offers besides its facts: how to cite the record (in plain text and as
// CSL-JSON) and a link that reports an error in it to the publisher's mailbox, with the record, its
// address and its release already written into the message.

import { type Html, html } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { hasPages, type KindWithPages, recordJsonUrl, recordUrl } from "../core/routes.js";
import { type CitationFacts, cslItem, recordCitationFacts } from "../exports/citation.js";
import { formatPartialDate } from "../i18n/format.js";
import { t } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { parsePartialDate } from "../model/dates.js";
import type { Page } from "./page.js";
import { provenanceOf } from "./provenance.js";

/** What a prepared e-mail holds. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * A mailto: address (RFC 6068) that opens a message with its subject and body written: both
 * percent-encoded as URI components, and line breaks as CRLF (%0D%0A), as the RFC asks.
 */
export function mailtoUrl({ to, subject, body }: Mail): string {
  const lines = body.replace(/\r\n|\r|\n/g, "\r\n");
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(lines)}`;
}

/** The message that reports an error in a record, in the reader's language. */
export function errorReport(facts: CitationFacts, to: string): Mail {
  const lang = facts.lang;
  // A subject is one line: a title's line breaks and runs of spaces become one space.
  const title = facts.title.replace(/[\s\u0085]+/g, " ").trim();
  return {
    to,
    subject: t(lang, "report.subject", { title }),
    body: t(lang, "report.body", { title, url: facts.url, version: facts.version }),
  };
}

/** The citation in plain text, in the reader's language: publisher, release date, title, release, site, address. */
export function citationText(facts: CitationFacts): string {
  const day = parsePartialDate(facts.date);
  return t(facts.lang, "cite.text", {
    publisher: facts.publisher,
    date: day ? formatPartialDate(day, facts.lang) : facts.date,
    title: facts.title,
    version: facts.version,
    site: facts.site,
    url: facts.url,
  });
}

/** The CSL-JSON of a citation as reference managers import it (Zotero from the clipboard): an array of one item. */
export function cslJson(facts: CitationFacts): string {
  return JSON.stringify([cslItem(facts)], null, 2);
}

/** The record a page is the first page of ("kind/id"), if it is a record's own page. */
function recordOf(page: Page, dataset: Dataset): { kind: KindWithPages; id: string; record: object } | undefined {
  // An included record's id holds its publisher: "projects/testkommun/renare-vatten".
  const record = page.record ?? "";
  const [kind, id] = [record.slice(0, record.indexOf("/")), record.slice(record.indexOf("/") + 1)];
  if (!kind || !id || !hasPages(kind) || page.url !== recordUrl(page.lang, kind, id)) return undefined;
  const found = (dataset.records[kind] as ReadonlyMap<string, object>).get(id);
  return found ? { kind, id, record: found } : undefined;
}

/** The citation and the error link at the end of a record's page; nothing on any other page. */
export function recordTools(page: Page, dataset: Dataset): Html {
  const found = recordOf(page, dataset);
  if (!found) return html``;
  const lang: Lang = page.lang;
  const provenance = provenanceOf(dataset, found.kind, found.id);
  const facts = recordCitationFacts(dataset, { ...found, lang });
  // An error in another publication's record is for its publisher to put right.
  const email = provenance ? provenance.include.site.contact_email : dataset.site.contact_email;
  const report = mailtoUrl(errorReport(facts, email));
  const json = recordJsonUrl(found.kind, found.id);
  return html`<section class="record-tools" aria-labelledby="cite-record" data-pagefind-ignore>
  <h2 id="cite-record">${t(lang, "cite.heading")}</h2>
  <p>${t(lang, "cite.intro")}</p>
  <pre class="citation">${citationText(facts)}</pre>
  <details class="citation-csl">
    <summary>${t(lang, "cite.csl")}</summary>
    <pre>${cslJson(facts)}</pre>
    <p>${t(lang, "cite.json")} <a href="${json}" type="application/json">${found.id}.json</a></p>
  </details>
  <h2 id="report-error">${t(lang, "report.heading")}</h2>
  <p><a class="report-error" href="${report}">${t(lang, "report.link")}</a></p>
  <p>${t(lang, "report.explain", { email })}</p>
</section>`;
}
