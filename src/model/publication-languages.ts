// The languages a site.yaml names, read loosely: the validator needs them even when site.yaml has
// errors of its own (else every text would be judged against Swedish). No file access: the web
// form's in-page check runs it too.
import { DEFAULT_SOURCE_LANG, isLang, LANGUAGE_TAG, type PublicationLanguages } from "../core/languages.js";

/** The site's source language (Swedish unless it names another) and its languages with catalogues, the source first. */
export function publicationLanguagesOf(site: unknown): PublicationLanguages {
  const value = site !== null && typeof site === "object" ? (site as Record<string, unknown>) : {};
  const named = value.source_language;
  const source = typeof named === "string" && LANGUAGE_TAG.test(named) ? named : DEFAULT_SOURCE_LANG;
  const listed = Array.isArray(value.languages) ? value.languages : [];
  const others = listed.filter((lang): lang is string => typeof lang === "string" && lang !== source && isLang(lang));
  return { languages: [source, ...new Set(others)], source };
}
