// Code lists the data refers to: ISO 4217 currencies, ISO 3166-1 countries, the 17 SDGs.
import countries from "i18n-iso-countries";

/** ISO 4217 codes as known to the runtime's ICU data. */
export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which the EU and ICU use as a user-assigned code. */
export const COUNTRIES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** The codes of COUNTRIES that are not ISO 3166-1 codes: published data must say so. */
export const NON_ISO_COUNTRIES: ReadonlySet<string> = new Set(["XK"].filter((code) => COUNTRIES.has(code)));

export const isCurrency = (code: string): boolean => CURRENCIES.has(code);
export const isCountry = (code: string): boolean => COUNTRIES.has(code);
