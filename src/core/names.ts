// A text of the data in a reader's language, falling back to the publication's source language.
import { type Lang, sourceLanguage } from "./languages.js";

/** A text by language; the validator makes sure the source language is always present. */
export type LocalText = Readonly<Record<Lang, string | undefined>>;

/** The text in `lang`, or in the source language when it has not been translated yet. */
export function name(value: LocalText, lang: Lang): string {
  return value[lang] ?? value[sourceLanguage()] ?? Object.values(value).find((text) => text !== undefined) ?? "";
}

/** A text in the source language only: what a missing record is named by, its id. */
export const sourceText = (value: string): LocalText => ({ [sourceLanguage()]: value });
