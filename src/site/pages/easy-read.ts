// The page in easy-to-read Swedish (lättläst, Webbriktlinjer R12): what the publisher does
// internationally, what is on the site and how to reach it, written by the publisher in
// site.yaml's easy_to_read. Swedish only, and only on sites whose data have the text.

import { type Html, html } from "../../core/html.js";
import { EASY_READ_LANG, easyReadUrl, home, sectionUrl } from "../../core/routes.js";
import { t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { renderMarkdown } from "../markdown.js";
import { alternatesOf, type PageSet } from "./shared.js";

/** Whether a site has the page: its data give the text and it publishes in Swedish. */
export function hasEasyRead(dataset: Dataset): boolean {
  return dataset.site.easy_to_read !== undefined && dataset.site.languages.includes(EASY_READ_LANG);
}

export const easyReadPages: PageSet = (dataset, lang) => {
  const texts = dataset.site.easy_to_read;
  if (lang !== EASY_READ_LANG || !texts || !hasEasyRead(dataset)) return [];
  return [
    {
      url: easyReadUrl(),
      lang,
      kind: "easy-read",
      title: t(EASY_READ_LANG, "easyRead.title"),
      breadcrumbs: [{ label: t(EASY_READ_LANG, "nav.home"), url: home(EASY_READ_LANG) }],
      // Other languages have no such page; their switcher leads to the page about the site.
      alternates: alternatesOf((other) => (other === EASY_READ_LANG ? easyReadUrl() : sectionUrl(other, "about"))),
      content: () => easyReadContent(texts, dataset.site.contact_email),
    },
  ];
};

type Texts = NonNullable<Dataset["site"]["easy_to_read"]>;

function easyReadContent(texts: Texts, email: string): Html {
  const part = (
    id: string,
    heading: string,
    text: string,
    after: Html = html``,
  ) => html`<section aria-labelledby="${id}">
  <h2 id="${id}">${heading}</h2>
  <div class="prose">${renderMarkdown(text, EASY_READ_LANG)}</div>
  ${after}
</section>`;
  const mailbox = html`<p>${t(EASY_READ_LANG, "easyRead.email")} <a href="mailto:${email}">${email}</a></p>`;
  return html`<p class="easy-read-label"><strong>${t(EASY_READ_LANG, "easyRead.label")}</strong></p>
<h1>${t(EASY_READ_LANG, "easyRead.heading")}</h1>
${part("easy-read-work", t(EASY_READ_LANG, "easyRead.work"), texts.work)}
${part("easy-read-site", t(EASY_READ_LANG, "easyRead.site"), texts.site)}
${part("easy-read-contact", t(EASY_READ_LANG, "easyRead.contact"), texts.contact, mailbox)}`;
}
