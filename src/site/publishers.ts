// Who publishes each record on a site that includes other publications: the site's own publisher
// or an included publication's. A site without includes names no publisher on its records.

import type { Lang } from "../core/languages.js";
import { name } from "../core/names.js";
import type { Kind } from "../core/vocabulary.js";
import { t } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { recordKey } from "../model/include-merge.js";
import { includeOf } from "../model/provenance.js";

/** Whether the site shows other publications' records at all: else no publisher is named anywhere. */
export const hasIncludes = (dataset: Dataset): boolean => dataset.includes.length > 0;

/** The slug of the publication a record comes from; the site's publisher for its own. */
export function publisherSlugOf(dataset: Dataset, kind: Kind, id: string): string {
  return dataset.origins.get(recordKey(kind, id))?.publisher ?? dataset.site.publisher;
}

export { includeOf };

/** A publisher's name by its slug: an included publication's, or the site's own publisher's. */
export function publisherName(dataset: Dataset, slug: string, lang: Lang): string {
  const include = includeOf(dataset, slug);
  return name(include ? include.name : dataset.publisher.name, lang);
}

/** The publishers with records on the site: the site's own first, then its includes in site.yaml's order. */
export function publisherSlugs(dataset: Dataset): string[] {
  return [dataset.site.publisher, ...dataset.includes.map((entry) => entry.publisher)];
}

/** What a list says after a record on a site with includes: "Publisher: X"; undefined on other sites. */
/** A record of a dataset, to be shown in a language. */
export interface RecordInLanguage<K extends Kind = Kind> {
  readonly dataset: Dataset;
  readonly kind: K;
  readonly id: string;
  readonly lang: Lang;
}

export function publisherOfRecord({ dataset, kind, id, lang }: RecordInLanguage): string | undefined {
  if (!hasIncludes(dataset)) return undefined;
  return publisherName(dataset, publisherSlugOf(dataset, kind, id), lang);
}

/** The label of the publisher in lists, facts and search. */
export const publisherLabel = (lang: Lang): string => t(lang, "provenance.publisher");
