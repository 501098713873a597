// The data directory of a new publication: its site.yaml, its publisher, a starter list of themes
// and the empty record folders, in the publication's own languages. Texts come from the UI
// catalogues, so a new publication starts in words of its own languages and names nothing of
// another publisher's.
import { stringify } from "yaml";
import { recordIdFrom } from "../core/ids.js";
import type { Lang } from "../core/languages.js";
import { KINDS, type LicenceUrl } from "../core/vocabulary.js";
import { t, type UiKey } from "../i18n/translate.js";

export interface NewPublication {
  /** The publisher's name in the source language, e.g. "Umeå kommun". */
  readonly name: string;
  /** The site's languages, the source language first. */
  readonly languages: readonly Lang[];
  readonly baseUrl: string;
  readonly contactEmail: string;
  /** The publisher's kind of organisation (organisation.schema.json's kind). */
  readonly kind: string;
  readonly organisationNumber?: string;
}

/** A file of the new data directory: its path inside it and its text. */
export interface NewFile {
  readonly path: string;
  readonly text: string;
}

/** The starter themes, by their key in the catalogues' init.themes. */
const STARTER_THEMES = [
  "democracy",
  "environment",
  "education",
  "youth",
  "urban",
  "social",
  "energy",
  "water",
  "business",
  "culture",
  "digital",
  "transport",
  "health",
  "rights",
] as const;

/** The public-domain dedication: open data anyone may reuse without conditions. */
const DEFAULT_LICENCE: LicenceUrl = "https://creativecommons.org/publicdomain/zero/1.0/";

const yaml = (value: unknown): string => stringify(value, { lineWidth: 0 });

/** A text in each of the publication's languages, from a UI string. */
function inEachLanguage(languages: readonly Lang[], key: UiKey, name?: string): Record<Lang, string> {
  return Object.fromEntries(languages.map((lang) => [lang, t(lang, key, name === undefined ? undefined : { name })]));
}

export function newPublicationFiles(publication: NewPublication): NewFile[] {
  const { languages, name } = publication;
  const [source] = languages;
  if (source === undefined) throw new Error("a publication needs at least one language");
  const publisher = recordIdFrom(name) || "publisher";
  const site = {
    title: inEachLanguage(languages, "init.siteTitle", name),
    description: inEachLanguage(languages, "init.siteDescription", name),
    publisher,
    base_url: publication.baseUrl,
    data_licence: DEFAULT_LICENCE,
    contact_email: publication.contactEmail,
    languages: [...languages],
    source_language: source,
    status_window: "P12M",
    about: inEachLanguage(languages, "init.about", name),
  };
  const organisation = {
    name: { [source]: name },
    kind: publication.kind,
    country: "SE",
    ...(publication.organisationNumber ? { organisation_number: publication.organisationNumber } : {}),
  };
  const themes = STARTER_THEMES.map((theme) => {
    const label = inEachLanguage(languages, `init.themes.${theme}`);
    return { path: `themes/${recordIdFrom(label[source] ?? theme)}.yaml`, text: yaml({ label }) };
  });
  // Empty folders carry a dot-file, which git keeps and the loader passes over.
  const folders = KINDS.filter((kind) => kind !== "themes" && kind !== "organisations").map((kind) => ({
    path: `${kind}/.gitkeep`,
    text: "",
  }));
  return [
    { path: "site.yaml", text: yaml(site) },
    { path: `organisations/${publisher}.yaml`, text: yaml(organisation) },
    ...themes,
    ...folders,
  ];
}
