// The languages Utblick can publish in. Which of them a site uses is `site.languages` in
// data/site.yaml; Swedish is the language every text of the data is written in first.

export const LANGUAGES = ["sv", "en", "de"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The language every text in data/ must have; other languages fall back to it. */
export const SOURCE_LANG = "sv" satisfies Lang;

/** Each language named in its own language, for the language switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = { sv: "Svenska", en: "English", de: "Deutsch" };

/**
 * The locale of each language, as a BCP 47 tag: dates, numbers, money and lists ("Niš, Kula och
 * Varvarin"; British English has no serial comma) are formatted with it. The one table of locales:
 * every other spelling of them is derived from it.
 */
export const LOCALE: { readonly [L in Lang]: `${L}-${Uppercase<string>}` } = { sv: "sv-SE", en: "en-GB", de: "de-DE" };

/** The locale as Open Graph spells it (sv_SE), for link previews. */
export const openGraphLocale = (lang: Lang): string => LOCALE[lang].replace("-", "_");

/** The EU language authority code of each language, for the catalog. */
export const LANGUAGE_AUTHORITY: Record<Lang, string> = { sv: "SWE", en: "ENG", de: "DEU" };

/** The languages the editor's messages and the web form are written in; Swedish is the default. */
export const EDITOR_LANGUAGES = ["sv", "en"] as const;
export type EditorLang = (typeof EDITOR_LANGUAGES)[number];
export const DEFAULT_EDITOR_LANG = "sv" satisfies EditorLang;

export const isLang = (value: string): value is Lang => (LANGUAGES as readonly string[]).includes(value);
