// UI strings from locales/<language>.json through i18next; record texts with their fallback.
// Code names a string by its key, and a key the Swedish catalogue lacks is a type error; the
// locale tests keep the other catalogues in step (same keys, same placeholders).
import type { i18n } from "i18next";
import type SwedishCatalogue from "../../locales/sv.json";
import { type Catalogue, type CatalogueKeys, catalogueLookup, readCatalogueFile } from "../core/catalogues.js";
import { availableLanguages, type Lang, LOCALES_DIR, publicationLanguages, sourceLanguage } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import type { Text } from "../model/types.js";

export { LOCALES_DIR };

/** The catalogue the key type is taken from; every other catalogue has the same keys (a test checks). */
const REFERENCE_CATALOGUE = "sv";

/** Every UI string the catalogues hold, e.g. "nav.skip" or "keyFacts.owner" (a plural). */
export type UiKey = Exclude<CatalogueKeys<typeof SwedishCatalogue>, `${"language" | "routes"}.${string}`>;

export function readLocale(lang: Lang): Catalogue {
  return readCatalogueFile(LOCALES_DIR, lang);
}

let instance: i18n | undefined;
function translator(): i18n {
  // Templates escape every value they output.
  instance ??= catalogueLookup(LOCALES_DIR, availableLanguages(), REFERENCE_CATALOGUE);
  return instance;
}

// Per language, by key: the keys are the templates' literals, whose hashes V8 keeps, so a lookup
// builds no string.
const plainStrings = memoize((lang: Lang) => memoize((key: UiKey) => translator().t(key, { lng: lang }) as string));

/** Values put into a UI string; plain strings and numbers, so that a lookup's key can hold them. */
export type Interpolation = Readonly<Record<string, string | number>>;

const stringWithOptions = memoize((cacheKey: string) => {
  const { lang, key, options } = JSON.parse(cacheKey) as { lang: Lang; key: UiKey; options: Interpolation };
  return translator().t(key, { ...options, lng: lang }) as string;
});

/**
 * A UI string. Pages ask for the same few strings (and the same counts and dates in them) over and
 * over, and i18next is slow per call, so each combination is looked up once.
 */
export function t(lang: Lang, key: UiKey, options?: Interpolation): string {
  if (options === undefined) return plainStrings(lang)(key);
  return stringWithOptions(JSON.stringify({ lang, key, options }));
}

/**
 * A UI string in every language, for the texts of the open data, which carry all of them; values
 * that differ by language are given per language.
 */
export function texts(key: UiKey, options?: Interpolation | ((lang: Lang) => Interpolation)): Record<Lang, string> {
  return Object.fromEntries(
    publicationLanguages().map((lang) => [lang, t(lang, key, typeof options === "function" ? options(lang) : options)]),
  ) as Record<Lang, string>;
}

/**
 * Whether a key built from the data (a record's field name) names a UI string of its own (not a
 * group of strings, nor a plural); keys the code writes need no check, the type check has made it.
 */
const knownKey = memoize(
  (key: string): boolean => typeof translator().getResource(REFERENCE_CATALOGUE, "translation", key) === "string",
);
export const isUiKey = (key: string): key is UiKey => knownKey(key);

export interface LocalisedText {
  readonly value: string;
  /** The language the value is actually in. */
  readonly lang: Lang;
  /** True when the page's language was missing and the source language stands in. */
  readonly fallback: boolean;
}

export function localise(text: Text, lang: Lang): LocalisedText {
  const value = text[lang];
  if (value !== undefined) return { value, lang, fallback: false };
  const source = sourceLanguage();
  return { value: text[source] ?? "", lang: source, fallback: lang !== source };
}

/** The languages a set of texts is complete in, for the coverage shown on each page. */
export function coverage(texts: readonly (Text | undefined)[]): Record<Lang, { present: number; total: number }> {
  const present = texts.filter((text): text is Text => text !== undefined);
  return Object.fromEntries(
    publicationLanguages().map((lang) => [
      lang,
      { present: present.filter((text) => text[lang] !== undefined).length, total: present.length },
    ]),
  ) as Record<Lang, { present: number; total: number }>;
}
