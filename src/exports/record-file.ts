// A record's own JSON file at /data/<kind>/<id>.json, which its page links.
import { sourceLanguage } from "../core/languages.js";
import { sourceText } from "../core/names.js";
import { absoluteUrl, publishedSchemaUrl, recordJsonUrl } from "../core/routes.js";
import { json } from "../core/serialise.js";
import type { Kind } from "../core/vocabulary.js";
import type { Dataset } from "../model/dataset.js";
import { cslItem, recordCitationFacts } from "./citation.js";
import type { DataFile } from "./data-file.js";

/** A published record: its kind, id and fields, and what a removed record's file adds (removed_in). */
export interface PublishedRecord {
  readonly kind: Kind;
  readonly id: string;
  readonly record: object;
  readonly note?: object;
}

/**
 * A record's own JSON file: its schema's address, its id, then the record as published, and how to
 * cite it (in the publication's first language); a removed record's file has no citation.
 */
export function recordFile(dataset: Dataset, { kind, id, record, note }: PublishedRecord): DataFile {
  return {
    url: recordJsonUrl(kind, id),
    group: "record",
    mediaType: "application/json",
    format: "JSON",
    // Named by its id in every language.
    title: sourceText(id),
    conformsTo: publishedSchemaUrl(kind),
    render: () => {
      const lang = sourceLanguage();
      const citation = note ? {} : { citation: cslItem(recordCitationFacts(dataset, { kind, id, record, lang })) };
      return json({
        $schema: absoluteUrl(dataset.site.base_url, publishedSchemaUrl(kind)),
        id,
        ...record,
        ...note,
        ...citation,
      });
    },
  };
}
