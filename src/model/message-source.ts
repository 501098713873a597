// Where the editor's messages come from: the catalogues locales/messages/{sv,en}.json, read once
// through i18next. The only module of the messages that reads files; the web form's validator is
// bundled with its twin, message-source.browser.ts, which holds the same catalogues.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { i18n } from "i18next";
import { type Catalogue, catalogueLookup, readCatalogueFile } from "../core/catalogues.js";
import { DEFAULT_EDITOR_LANG, EDITOR_LANGUAGES, type EditorLang } from "../core/languages.js";

export const MESSAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales", "messages");

export function readCatalogue(lang: EditorLang): Catalogue {
  return readCatalogueFile(MESSAGES_DIR, lang);
}

/** An i18next instance over the catalogues of every editor's language. */
export function editorCatalogues(): i18n {
  return catalogueLookup(MESSAGES_DIR, EDITOR_LANGUAGES, DEFAULT_EDITOR_LANG);
}
