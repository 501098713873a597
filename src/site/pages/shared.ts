import { type Lang, publicationLanguages } from "../../core/languages.js";
import type { Dataset } from "../../model/dataset.js";
import type { Page } from "../page.js";

/** The pages of one concern in one language. */
export type PageSet = (dataset: Dataset, lang: Lang) => Page[];

export function alternatesOf(url: (lang: Lang) => string): Record<Lang, string> {
  return Object.fromEntries(publicationLanguages().map((lang) => [lang, url(lang)])) as Record<Lang, string>;
}
