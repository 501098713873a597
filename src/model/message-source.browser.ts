// The editor's messages for the web form's validator in the browser: the same catalogues as
// message-source.ts reads, bundled into the script (src/admin/plugin.ts uses this twin for the
// browser), looked up by i18next with the options of src/core/catalogues.ts's catalogueLookup.
import i18next, { type i18n } from "i18next";
import english from "../../locales/messages/en.json" with { type: "json" };
import swedish from "../../locales/messages/sv.json" with { type: "json" };
import type { Catalogue } from "../core/catalogues.js";
import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";

const CATALOGUES: Readonly<Record<EditorLang, Catalogue>> = { sv: swedish, en: english };

/** Not in the browser: the catalogues are in the script. */
export const MESSAGES_DIR = "";

export function readCatalogue(lang: EditorLang): Catalogue {
  return CATALOGUES[lang];
}

/** An i18next instance over the catalogues of every editor's language: no fallback, no escaping. */
export function editorCatalogues(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: DEFAULT_EDITOR_LANG,
    fallbackLng: false,
    resources: Object.fromEntries(
      Object.entries(CATALOGUES).map(([lang, catalogue]) => [lang, { translation: catalogue }]),
    ),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
