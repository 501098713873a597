// What the tools need of a data directory's site.yaml before it validates, read on their own: its
// languages (the web form lays out a text's fields by them while other records have errors the
// editor is about to fix) and the folders it includes.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import type { PublicationLanguages } from "../core/languages.js";
import { publicationLanguagesOf } from "./publication-languages.js";

/** The languages of a data directory's site.yaml; the default when it cannot be read. */
export function siteLanguagesOf(dataDir: string): PublicationLanguages {
  try {
    return publicationLanguagesOf(parse(readFileSync(join(dataDir, "site.yaml"), "utf8")));
  } catch {
    return publicationLanguagesOf(undefined);
  }
}

/**
 * The local folders a data directory's site.yaml includes by `path:`, resolved; none when it cannot
 * be read. The preview watches them too, so a change in an included folder shows at once.
 */
export function includedFoldersOf(dataDir: string): string[] {
  try {
    const site = parse(readFileSync(join(dataDir, "site.yaml"), "utf8")) as { includes?: unknown };
    const pins = Array.isArray(site?.includes) ? (site.includes as unknown[]) : [];
    return pins.flatMap((pin) => {
      const path = (pin as { path?: unknown } | null)?.path;
      return typeof path === "string" ? [resolve(dataDir, path)] : [];
    });
  } catch {
    return [];
  }
}
