// How to cite a record: a CSL-JSON item (Citation Style Language 1.0, the input reference managers
// such as Zotero read), in the record's own JSON file under `citation` and offered on its page.
// The item names the publisher, the record's title, the release of the open data it belongs to,
// that release's date and the record's stable address. No `accessed` date: a file built once and
// read for weeks cannot know the day it is read, so whoever cites adds it.

import type { Lang } from "../core/languages.js";
import { type LocalText, name, sourceText } from "../core/names.js";
import { absoluteUrl, hasPages, recordJsonUrl, recordUrl } from "../core/routes.js";
import type { Kind } from "../core/vocabulary.js";
import type { Dataset } from "../model/dataset.js";
import { originalAddresses, type Provenance, provenanceOf } from "../model/provenance.js";
import type { JsonSchema } from "../model/schemas.js";
import { releasePinOf } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";

/** A CSL-JSON item of type dataset, with the fields a citation of a record needs. */
export interface CslItem {
  readonly id: string;
  readonly type: "dataset";
  readonly title: string;
  /** The publisher as the author: an organisation, so a literal name, never split into given and family. */
  readonly author: readonly { readonly literal: string }[];
  readonly publisher: string;
  /** The publication the record is part of: the site's title. */
  readonly "container-title": string;
  readonly issued: { readonly "date-parts": readonly (readonly number[])[] };
  readonly version: string;
  readonly URL: string;
  readonly language: string;
}

/** What a citation says, in one language. */
export interface CitationFacts {
  /** The record's kind and id, which make the item's id. */
  readonly kind: string;
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly site: string;
  /** The release of the open data: its version and its day (YYYY-MM-DD). */
  readonly version: string;
  readonly date: string;
  /** The record's stable address, absolute. */
  readonly url: string;
  readonly lang: Lang;
}

/** The date parts CSL wants of a day: [[2026, 11, 25]]. */
export function dateParts(day: string): number[][] {
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!parts) throw new Error(`not a day: ${day}`);
  return [[Number(parts[1]), Number(parts[2]), Number(parts[3])]];
}

/** The CSL-JSON item of a record. */
export function cslItem(facts: CitationFacts): CslItem {
  return {
    id: `${facts.kind}/${facts.id}@${facts.version}`,
    type: "dataset",
    title: facts.title,
    author: [{ literal: facts.publisher }],
    publisher: facts.publisher,
    "container-title": facts.site,
    issued: { "date-parts": dateParts(facts.date) },
    version: facts.version,
    URL: facts.url,
    language: facts.lang,
  };
}

/** The schema of `citation` in the published schema of each kind's record files. */
export const CITATION_SCHEMA: JsonSchema = {
  description:
    "How to cite this record: a CSL-JSON item (Citation Style Language 1.0, " +
    "https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json) of type dataset, in the " +
    "publication's first language. Its URL is the record's page (or this file, for a kind without pages), " +
    "its version and issued date those of the release of the open data. Add the day you read it as accessed.",
  type: "object",
  properties: {
    id: { type: "string", description: "kind/id@release." },
    type: { const: "dataset" },
    title: { type: "string" },
    author: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        properties: { literal: { type: "string" } },
        required: ["literal"],
        additionalProperties: false,
      },
    },
    publisher: { type: "string" },
    "container-title": { type: "string" },
    issued: {
      type: "object",
      properties: {
        "date-parts": {
          type: "array",
          minItems: 1,
          maxItems: 1,
          items: { type: "array", minItems: 3, maxItems: 3, items: { type: "integer", minimum: 1 } },
        },
      },
      required: ["date-parts"],
      additionalProperties: false,
    },
    version: { type: "string" },
    URL: { type: "string", format: "uri" },
    language: { type: "string" },
  },
  required: ["id", "type", "title", "author", "publisher", "issued", "version", "URL"],
  additionalProperties: false,
};

/** A record's name: its title (projects, sources), its label (themes) or its name (every other kind). */
function recordName(record: object, id: string): LocalText {
  const named = record as { readonly title?: LocalText; readonly name?: LocalText; readonly label?: LocalText };
  return named.title ?? named.name ?? named.label ?? sourceText(id);
}

/** The citation of a record in a language: the facts of the current release and of the record's page. */
export function recordCitationFacts(
  dataset: Dataset,
  { kind, id, record, lang }: { kind: Kind; id: string; record: object; lang: Lang },
): CitationFacts {
  const release = releaseHistory(dataset).current;
  const address = hasPages(kind) ? recordUrl(lang, kind, id) : recordJsonUrl(kind, id);
  const facts: CitationFacts = {
    kind,
    id,
    title: name(recordName(record, id), lang),
    publisher: name(dataset.publisher.name, lang),
    site: name(dataset.site.title, lang),
    version: release.version,
    date: release.date,
    url: absoluteUrl(dataset.site.base_url, address),
    lang,
  };
  const provenance = provenanceOf(dataset, kind, id);
  return provenance ? citedAtOrigin(facts, provenance, kind) : facts;
}

/**
 * An included record is cited as its publisher publishes it: its publisher, publication and
 * original address, and the release pinned (a local folder has none: this site's release stands).
 */
function citedAtOrigin(facts: CitationFacts, provenance: Provenance, kind: Kind): CitationFacts {
  const { include, origin } = provenance;
  const pinned = releasePinOf(include.pin);
  const release = pinned ? { version: pinned.version, date: pinned.version.slice(0, "YYYY-MM-DD".length) } : {};
  return {
    ...facts,
    id: origin.id,
    publisher: name(include.name, facts.lang),
    site: name(include.site.title, facts.lang),
    url: originalAddresses(provenance, kind, facts.lang).page,
    ...release,
  };
}
