// The languages a data directory's site.yaml names, read on their own: the web form lays out a
// text's fields by them even while other records have errors the editor is about to fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DEFAULT_SOURCE_LANG, isLang, type Lang } from "../core/languages.js";

/** The site's languages that Utblick has catalogues for, the source language first; the default when unreadable. */
export function siteLanguagesOf(dataDir: string): readonly Lang[] {
  try {
    const site = parse(readFileSync(join(dataDir, "site.yaml"), "utf8")) as Record<string, unknown> | null;
    const source = typeof site?.source_language === "string" ? site.source_language : DEFAULT_SOURCE_LANG;
    const named = Array.isArray(site?.languages) ? site.languages.filter((lang) => typeof lang === "string") : [];
    return [source, ...named.filter((lang) => lang !== source && isLang(lang))];
  } catch {
    return [DEFAULT_SOURCE_LANG];
  }
}
