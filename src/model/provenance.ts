// Where an included record comes from, in one place for the pages, the citations and the open
// data: the publication that includes it, its id there, and its addresses on that publication's
// own site (its page in the reader's language where that site has it, its JSON, the site's home).
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { absoluteUrl, hasPages, home, recordJsonUrl, recordUrl } from "../core/routes.js";
import type { Kind } from "../core/vocabulary.js";
import type { Dataset, IncludedPublication } from "./dataset.js";
import { type RecordOrigin, recordKey } from "./include-merge.js";
import type { Site } from "./types.js";

/** An included record's publication and its id there; undefined for the site's own records. */
export interface Provenance {
  readonly include: IncludedPublication;
  readonly origin: RecordOrigin;
}

const includesBySlug = memoize(
  (dataset: Dataset) =>
    new Map(dataset.includes.map((entry): [string, IncludedPublication] => [entry.publisher, entry])),
);

/** The included publication a slug names; undefined for the site's own publisher. */
export const includeOf = (dataset: Dataset, slug: string): IncludedPublication | undefined =>
  includesBySlug(dataset).get(slug);

export function provenanceOf(dataset: Dataset, kind: Kind, id: string): Provenance | undefined {
  const origin = dataset.origins.get(recordKey(kind, id));
  const include = origin && includeOf(dataset, origin.publisher);
  return origin && include ? { include, origin } : undefined;
}

/** The language a publication shows a reader of `lang`: the same where it publishes it, else its first. */
export function languageThere(site: Site, lang: Lang): Lang {
  const languages = site.languages as readonly Lang[];
  return languages.includes(lang) ? lang : (languages[0] ?? lang);
}

/** Where an included record is published: its page (the JSON for a kind without pages), JSON and site's home. */
export interface OriginalAddresses {
  readonly lang: Lang;
  readonly page: string;
  readonly json: string;
  readonly home: string;
}

/** An included record's JSON file at its own publication. */
export const originalJsonUrl = (site: Site, kind: Kind, id: string): string =>
  absoluteUrl(site.base_url, recordJsonUrl(kind, id));

export function originalAddresses(provenance: Provenance, kind: Kind, lang: Lang): OriginalAddresses {
  const site = provenance.include.site;
  const there = languageThere(site, lang);
  const json = originalJsonUrl(site, kind, provenance.origin.id);
  return {
    lang: there,
    page: hasPages(kind) ? absoluteUrl(site.base_url, recordUrl(there, kind, provenance.origin.id)) : json,
    json,
    home: absoluteUrl(site.base_url, home(there)),
  };
}
