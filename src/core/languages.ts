// The languages Utblick can publish in. Which of them a site uses is `site.languages` in
// data/site.yaml; Swedish is the language every text of the data is written in first.

export const LANGUAGES = ["sv", "en", "de"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The language every text in data/ must have; other languages fall back to it. */
export const SOURCE_LANG = "sv" satisfies Lang;

/** Each language named in its own language, for the language switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = { sv: "Svenska", en: "English", de: "Deutsch" };

/** The locale each language formats dates, numbers and money with. */
export const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB", de: "de-DE" };

/** The EU language authority code of each language, for the catalog. */
export const LANGUAGE_AUTHORITY: Record<Lang, string> = { sv: "SWE", en: "ENG", de: "DEU" };

export const isLang = (value: string): value is Lang => (LANGUAGES as readonly string[]).includes(value);
