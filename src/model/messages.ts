// The editor's messages: every validation message and every line the command-line tools print,
// in Swedish (the default) or English, from the catalogues locales/messages/{sv,en}.json through
// i18next. Code names a message by its key; the catalogues hold the words, with {{placeholders}}
// and plural forms (`key_one`, `key_other`, chosen by the value `count`).
//
//   const tr = messages("sv");
//   tr("report.errors", { count: 3 })           // "3 fel"
//
// A key missing from the catalogue is a type error: keys are derived from the Swedish catalogue,
// and a test keeps the English one in step (same keys, same placeholders).
import type { i18n } from "i18next";
import type SwedishCatalogue from "../../locales/messages/sv.json";
import type { CatalogueKeys } from "../core/catalogues.js";
import { DEFAULT_EDITOR_LANG, EDITOR_LANGUAGES, type EditorLang } from "../core/languages.js";
import { editorCatalogues } from "./message-source.js";

export { MESSAGES_DIR, readCatalogue } from "./message-source.js";

/** Every message the catalogue holds, e.g. "schema.required" or "report.errors" (a plural). */
export type MessageKey = CatalogueKeys<typeof SwedishCatalogue>;

/** Values put into a message; `count` also chooses the plural form. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A message in one language: `tr("schema.required")`, `tr("report.errors", { count: 2 })`. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

let instance: i18n | undefined;
function catalogue(): i18n {
  // Messages go to a terminal or into a page that escapes them (message-source.ts reads the files).
  instance ??= editorCatalogues();
  return instance;
}

const translators = new Map<EditorLang, Translate>();

/** The messages of one language. */
export function messages(lang: EditorLang = DEFAULT_EDITOR_LANG): Translate {
  let translate = translators.get(lang);
  if (!translate) {
    const fixed = catalogue().getFixedT(lang);
    translate = (key, values) => fixed(key, values ?? {}) as string;
    translators.set(lang, translate);
  }
  return translate;
}

export function isEditorLang(value: string): value is EditorLang {
  return (EDITOR_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of the messages: `--lang` when given, else the locale of the environment (LC_ALL,
 * then LC_MESSAGES, then LANG, as POSIX orders them) when it is English, else Swedish. The caller
 * passes its environment, so modules never read process.env themselves.
 */
export function editorLanguage(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): EditorLang {
  if (flag !== undefined) {
    const chosen = flag.trim().toLowerCase().slice(0, 2);
    return isEditorLang(chosen) ? chosen : DEFAULT_EDITOR_LANG;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en([_.@-]|$)/i.test(locale) ? "en" : DEFAULT_EDITOR_LANG;
}
