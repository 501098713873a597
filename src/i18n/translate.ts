// UI strings from locales/{sv,en,de}.json through i18next; record texts with their fallback.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { i18n } from "i18next";
import { type Catalogue, catalogueLookup, readCatalogueFile } from "../core/catalogues.js";
import { LANGUAGES, type Lang, SOURCE_LANG } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import type { Text } from "../model/types.js";

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

export function readLocale(lang: Lang): Catalogue {
  return readCatalogueFile(LOCALES_DIR, lang);
}

let instance: i18n | undefined;
function translator(): i18n {
  // Templates escape every value they output.
  instance ??= catalogueLookup(LOCALES_DIR, LANGUAGES, SOURCE_LANG);
  return instance;
}

// Per language, by key: the keys are the templates' literals, whose hashes V8 keeps, so a lookup
// builds no string.
const plainStrings = memoize((lang: Lang) => memoize((key: string) => translator().t(key, { lng: lang }) as string));

/** Values put into a UI string; plain strings and numbers, so that a lookup's key can hold them. */
export type Interpolation = Readonly<Record<string, string | number>>;

const stringWithOptions = memoize((cacheKey: string) => {
  const { lang, key, options } = JSON.parse(cacheKey) as { lang: Lang; key: string; options: Interpolation };
  return translator().t(key, { ...options, lng: lang }) as string;
});

/**
 * A UI string. Pages ask for the same few strings (and the same counts and dates in them) over and
 * over, and i18next is slow per call, so each combination is looked up once.
 */
export function t(lang: Lang, key: string, options?: Interpolation): string {
  if (options === undefined) return plainStrings(lang)(key);
  return stringWithOptions(JSON.stringify({ lang, key, options }));
}

export interface LocalisedText {
  readonly value: string;
  /** The language the value is actually in. */
  readonly lang: Lang;
  /** True when the page's language was missing and Swedish stands in. */
  readonly fallback: boolean;
}

export function localise(text: Text, lang: Lang): LocalisedText {
  const value = text[lang];
  return value === undefined
    ? { value: text.sv, lang: "sv", fallback: lang !== "sv" }
    : { value, lang, fallback: false };
}

/** The languages a set of texts is complete in, for the coverage shown on each page. */
export function coverage(texts: readonly (Text | undefined)[]): Record<Lang, { present: number; total: number }> {
  const present = texts.filter((text): text is Text => text !== undefined);
  return Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      { present: present.filter((text) => text[lang] !== undefined).length, total: present.length },
    ]),
  ) as Record<Lang, { present: number; total: number }>;
}
