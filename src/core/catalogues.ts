// Catalogues of strings (locales/*.json for the site, locales/messages/*.json for the editor's
// messages) and the one way they are read and looked up: through i18next, with no fallback to
// another language and no escaping.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import i18next, { type i18n } from "i18next";

/** A catalogue's strings, nested by the dotted parts of their keys. */
export type Catalogue = { [key: string]: string | Catalogue };

type WithoutPlural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/**
 * The keys of a catalogue, from the type of its JSON file: dotted ("nav.skip"), and a plural by its
 * base ("keyFacts.owner" for keyFacts.owner_one and _other, chosen by `count`). Code that names a
 * key the catalogue lacks then fails the type check.
 */
export type CatalogueKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : CatalogueKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The catalogue of one language in a folder of catalogues (`<dir>/<lang>.json`). */
export function readCatalogueFile(dir: string, lang: string): Catalogue {
  const path = join(dir, `${lang}.json`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Catalogue;
  } catch (error) {
    throw new Error(`${path} cannot be read as a catalogue: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * An i18next instance over the catalogues of `dir` in `languages`; `defaultLang` is used when a
 * lookup names none.
 * A missing key is a bug the catalogues' tests catch: never another language's words silently.
 * Values are not escaped: what the strings go into (a page's templates, a terminal) escapes, or
 * needs no escaping, and escaping here would double it or garble quotes.
 */
export function catalogueLookup(dir: string, languages: readonly string[], defaultLang: string): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: defaultLang,
    fallbackLng: false,
    resources: Object.fromEntries(languages.map((lang) => [lang, { translation: readCatalogueFile(dir, lang) }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
