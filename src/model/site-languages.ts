// The languages of a data directory's site.yaml, read on their own: the web form lays out a text's
// fields by them while other records have errors the editor is about to fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
