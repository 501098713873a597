// A text of the data in a reader's language, falling back to the source language.
import { type Lang, SOURCE_LANG } from "./languages.js";

/** A text with the source language always present and the others optional. */
export type LocalText = Readonly<Record<typeof SOURCE_LANG, string>> & Readonly<Partial<Record<Lang, string>>>;

/** The text in `lang`, or in the source language when it has not been translated yet. */
export function name(value: LocalText, lang: Lang): string {
  return value[lang] ?? value[SOURCE_LANG];
}

/** A text in the source language only: what a missing record is named by, its id. */
export const sourceText = (value: string): LocalText => ({ [SOURCE_LANG]: value });
