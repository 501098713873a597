// The languages Utblick can publish in: every language with a UI catalogue in locales/<tag>.json.
// Which of them a publication uses, and which one its records are written in first, is data:
// `languages` and `source_language` in data/site.yaml. Adding a language is a new catalogue, never code.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCatalogueFile } from "./catalogues.js";
import { memoize } from "./memo.js";

/** A BCP 47 language tag (sv, en, fi, se, pt-BR) for which locales/ holds a UI catalogue. */
export type Lang = string;

/** BCP 47 tags as Utblick accepts them: a language, optionally a script and a region. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

/** The folder of the UI catalogues, one JSON file per language. */
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

/** The language a publication's records are written in first when its site.yaml names none. */
export const DEFAULT_SOURCE_LANG = "sv";

/** What a catalogue says about its own language, in its `language` section. */
export interface LanguageFacts {
  /** The language named in itself, for the language switcher ("Suomi"). */
  readonly name: string;
  /** The locale dates, numbers, money and lists are formatted with ("fi-FI"). */
  readonly locale: string;
  /** The EU Publications Office's language authority code, for the catalog ("FIN"). */
  readonly euAuthority: string;
  /**
   * How a month of a year is written, as a luxon format: "LLLL yyyy" (March 2016); Finnish writes
   * "M/yyyy" (3/2016), which reads right in any sentence where a month's name would need a case.
   */
  readonly monthYear: string;
}

/** Every language with a UI catalogue, in the order of their tags. */
export const availableLanguages = memoize((): readonly Lang[] =>
  readdirSync(LOCALES_DIR)
    .map((file) => /^(.+)\.json$/.exec(file)?.[1])
    .filter((tag): tag is string => tag !== undefined && LANGUAGE_TAG.test(tag))
    .sort(),
);

export const isLang = (value: string): value is Lang => availableLanguages().includes(value);

const facts = memoize((lang: Lang): LanguageFacts => {
  const section = readCatalogueFile(LOCALES_DIR, lang).language;
  if (typeof section !== "object" || section === null)
    throw new Error(`locales/${lang}.json has no "language" section (name, locale, euAuthority)`);
  const { name, locale, euAuthority, monthYear } = section as Record<string, unknown>;
  if (
    typeof name !== "string" ||
    typeof locale !== "string" ||
    typeof euAuthority !== "string" ||
    typeof monthYear !== "string"
  )
    throw new Error(`locales/${lang}.json: its "language" section needs name, locale, euAuthority and monthYear`);
  return { name, locale, euAuthority, monthYear };
});

/** The language named in itself, for the language switcher. */
export const endonym = (lang: Lang): string => facts(lang).name;

/**
 * The locale of a language, as a BCP 47 tag with a region: dates, numbers, money and lists ("Niš,
 * Kula och Varvarin"; British English has no serial comma) are formatted with it.
 */
export const localeOf = (lang: Lang): string => facts(lang).locale;

/** The locale as Open Graph spells it (sv_SE), for link previews. */
export const openGraphLocale = (lang: Lang): string => localeOf(lang).replace("-", "_");

/** How a month of a year is written in a language, as a luxon format. */
export const monthYearFormat = (lang: Lang): string => facts(lang).monthYear;

/** The EU language authority code of a language, for the catalog. */
export const euLanguageCode = (lang: Lang): string => facts(lang).euAuthority;

/** The languages of the publication being built or checked, and the one its records are written in first. */
export interface PublicationLanguages {
  readonly languages: readonly Lang[];
  readonly source: Lang;
}

// A process builds or previews one publication at a time; its languages are set when its dataset
// is made (model/dataset.ts, buildDataset), so that every text of the data can fall back to the
// source language without each caller passing it. A validation sets them only while it runs.
let current: PublicationLanguages = { languages: [DEFAULT_SOURCE_LANG], source: DEFAULT_SOURCE_LANG };

/** Sets the languages of the publication now loaded. */
export function usePublicationLanguages(next: PublicationLanguages): void {
  current = { languages: [...next.languages], source: next.source };
}

/** The publication's languages now in use, to be restored after a check of another's. */
export const currentPublication = (): PublicationLanguages => current;

/** The languages the publication now loaded is published in, the source language first. */
export const publicationLanguages = (): readonly Lang[] => current.languages;

/** The language every text of the publication now loaded has; others fall back to it. */
export const sourceLanguage = (): Lang => current.source;

/** The languages the editor's messages and the web form are written in; Swedish is the default. */
export const EDITOR_LANGUAGES = ["sv", "en"] as const;
export type EditorLang = (typeof EDITOR_LANGUAGES)[number];
export const DEFAULT_EDITOR_LANG = "sv" satisfies EditorLang;
