// Releases in full: every recorded release keeps its whole data package at a stable address
// (/data/releases/<version>/: utblick.json, the CSV tables, datapackage.json and a zip of them
// all), and a record that a later release removed keeps its JSON file, marked `removed_in`.

import { strToU8, type Zippable, zipSync } from "fflate";
import { memoize } from "../core/memo.js";
import { sourceText } from "../core/names.js";
import {
  absoluteUrl,
  publishedSchemaUrl,
  releaseArchiveUrl,
  releaseFolderName,
  releaseJsonUrl,
  releaseUrl,
} from "../core/routes.js";
import { json } from "../core/serialise.js";
import type { Kind } from "../core/vocabulary.js";
import { type Interpolation, t, texts, type UiKey } from "../i18n/translate.js";
import type { Dataset } from "../model/dataset.js";
import { PUBLIC_KINDS, publicRecords } from "../model/published.js";
import type { Release, Snapshot } from "../model/releases.js";
import type { Organisation, Site, Source } from "../model/types.js";
import { ALL_RECORDS_SCHEMA, releaseHistory, snapshotJson } from "../releases/history.js";
import { writeCsv } from "./csv.js";
import { type DataFile, fingerprint } from "./data-file.js";
import { dataPackage } from "./datapackage.js";
import { recordFile } from "./record-file.js";
import { releaseTablesFor, rowsOf } from "./tables.js";

export interface ReleasePackage {
  readonly release: Release;
  /** utblick.json, datapackage.json and the CSV tables, in that order. */
  readonly files: readonly DataFile[];
  readonly archive: DataFile;
}

export interface ReleaseFiles {
  readonly packages: readonly ReleasePackage[];
  /** Every text file of every release. */
  readonly files: readonly DataFile[];
  readonly archives: readonly DataFile[];
}

/** The records of a snapshot, kind by kind, as the tables read them. */
function snapshotRecords(snapshot: Snapshot, kind: Kind): Map<string, object> {
  return new Map(Object.entries((snapshot[kind] ?? {}) as Record<string, object>));
}

const inRelease = (version: string, url: string): string => url.slice(releaseUrl(version, "").length);

/**
 * The dataset as a recorded release describes itself: its site as recorded (title, address,
 * licence, languages, publisher) and its sources, so that nothing changed in site.yaml after the
 * release changes the release's files, which other publications pin by their checksum.
 */
function asRecorded(dataset: Dataset, release: Release): Dataset {
  const site = release.data.site as Site | undefined;
  if (!site) return dataset;
  const organisation = (release.data.organisations as Record<string, Organisation> | undefined)?.[site.publisher];
  return {
    ...dataset,
    site,
    publisher: {
      id: site.publisher,
      name: organisation?.name ?? sourceText(site.publisher),
      ...(organisation ? { organisation } : {}),
    },
    records: { ...dataset.records, sources: snapshotRecords(release.data, "sources") as Map<string, Source> },
    includes: [],
    origins: new Map(),
  };
}

function releasePackage(current: Dataset, release: Release): ReleasePackage {
  const { version } = release;
  const dataset = asRecorded(current, release);
  // The file's title in each language, with the release named as each language names it.
  const title = (key: UiKey, options: Interpolation = {}) =>
    texts("dataFiles.release.title", (lang) => ({ title: t(lang, key, options), version }));
  const snapshotFile: DataFile = {
    url: releaseJsonUrl(version),
    group: "release",
    mediaType: "application/json",
    format: "JSON",
    title: title("dataFiles.all.title"),
    conformsTo: publishedSchemaUrl(ALL_RECORDS_SCHEMA),
    render: memoize(() => snapshotJson(dataset, release.data)),
  };
  const tables: DataFile[] = releaseTablesFor(dataset.site.languages).map((table) => ({
    url: releaseUrl(version, `csv/${table.name}.csv`),
    group: "release",
    mediaType: "text/csv",
    format: "CSV",
    title: title("dataFiles.table.title", { table: table.name }),
    table,
    render: memoize(() => writeCsv(table, rowsOf(table, snapshotRecords(release.data, table.kind)))),
  }));
  const packageFile: DataFile = {
    url: releaseUrl(version, "datapackage.json"),
    group: "release",
    mediaType: "application/json",
    format: "JSON",
    title: title("dataFiles.release.datapackage"),
    render: memoize(() =>
      json(
        dataPackage(dataset, {
          version,
          date: release.date,
          id: absoluteUrl(dataset.site.base_url, releaseUrl(version, "datapackage.json")),
          tables: tables.map((file) => ({
            table: file.table!,
            path: inRelease(version, file.url),
            ...fingerprint(file),
          })),
          // The release's folder holds no schemas: utblick.json names its own in $schema.
          records: { path: inRelease(version, snapshotFile.url), ...fingerprint(snapshotFile) },
        }),
      ),
    ),
  };
  const files = [snapshotFile, packageFile, ...tables];
  const archive: DataFile = {
    url: releaseArchiveUrl(version),
    group: "archive",
    mediaType: "application/zip",
    format: "ZIP",
    title: title("dataFiles.release.archive"),
    render: memoize(() => releaseZip(release, files)),
  };
  return { release, files, archive };
}

/**
 * The zip of a release: its files in a folder named after it, dated the release day. The same
 * release gives the same bytes on any machine (DOS times are local, so the day is given as local).
 */
function releaseZip(release: Release, files: readonly DataFile[]): Uint8Array {
  const [year, month, day] = release.date.split("-").map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day, 0, 0, 0);
  const folder = `${releaseFolderName(release.version)}/`;
  const entries: Zippable = {};
  for (const file of files) {
    const content = file.render();
    entries[`${folder}${inRelease(release.version, file.url)}`] = [
      typeof content === "string" ? strToU8(content) : content,
      { mtime },
    ];
  }
  return zipSync(entries, { level: 9, mtime });
}

export const releaseFiles = memoize((dataset: Dataset): ReleaseFiles => {
  const packages = dataset.releases.map((release) => releasePackage(dataset, release));
  return {
    packages,
    files: packages.flatMap((entry) => entry.files),
    archives: packages.map((entry) => entry.archive),
  };
});

/**
 * The JSON files of records that an earlier release had and the current data no longer have:
 * the record as the last release that had it published it, with the release that removed it.
 */
export function removedRecordFiles(dataset: Dataset): DataFile[] {
  const current = publicRecords(dataset);
  const { current: release } = releaseHistory(dataset);
  const versions = [...dataset.releases.map((entry) => entry.version), ...(release.recorded ? [] : [release.version])];
  const files: DataFile[] = [];
  for (const kind of PUBLIC_KINDS) {
    const last = new Map<string, { record: object; index: number }>();
    dataset.releases.forEach((entry, index) => {
      for (const [id, record] of snapshotRecords(entry.data, kind)) last.set(id, { record, index });
    });
    for (const [id, { record, index }] of [...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const removedIn = versions[index + 1];
      if (current.get(kind)?.has(id) || removedIn === undefined) continue;
      files.push(recordFile(dataset, { kind, id, record, note: { removed_in: removedIn } }));
    }
  }
  return files;
}
