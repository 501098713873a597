// The release history as published: each recorded release with its snapshot file, its
// checksum and the changes since the release before it, and the current data's release.

import { memoize } from "../core/memo.js";
import { absoluteUrl, allJsonUrl, publishedSchemaUrl, releaseJsonUrl } from "../core/routes.js";
import { json, sha256 } from "../core/serialise.js";
import type { Dataset } from "../model/dataset.js";
import { publicSnapshot, releaseSnapshot } from "../model/published.js";
import { type CurrentRelease, currentRelease, diffSnapshots, type RecordChange } from "./releases.js";

/** The name of utblick.json's published schema, beside those of the kinds under /data/schemas/. */
export const ALL_RECORDS_SCHEMA = "utblick";

/**
 * utblick.json, or a release's copy of it, as published: its schema's address first, then the
 * records. The address is the one the records' own site gives (a release's as recorded), so that a
 * recorded release's files, which other publications pin by their checksum, never change with a
 * later site.yaml.
 */
export function snapshotJson(dataset: Dataset, data: Record<string, unknown>): string {
  const recorded = (data.site as { base_url?: unknown } | undefined)?.base_url;
  const base = typeof recorded === "string" ? recorded : dataset.site.base_url;
  return json({ $schema: absoluteUrl(base, publishedSchemaUrl(ALL_RECORDS_SCHEMA)), ...data });
}

export interface PublishedRelease {
  readonly version: string;
  readonly date: string;
  readonly recorded: boolean;
  readonly url: string;
  /** SHA-256 of the release's JSON file. */
  readonly sha256: string;
  readonly changes: readonly RecordChange[];
}

export interface ReleaseHistory {
  readonly current: CurrentRelease;
  /** Newest first; an unrecorded current release comes first, marked as such. */
  readonly releases: readonly PublishedRelease[];
}

export const releaseHistory = memoize((dataset: Dataset): ReleaseHistory => {
  // Releases compare the recorded facts; the unreleased current data are utblick.json itself.
  const recordedData = releaseSnapshot(dataset);
  const current = currentRelease(dataset.releases, recordedData, dataset.today.toISODate() ?? "");
  const recorded = dataset.releases.map(
    (release, index): PublishedRelease => ({
      version: release.version,
      date: release.date,
      recorded: true,
      url: releaseJsonUrl(release.version),
      sha256: sha256(snapshotJson(dataset, release.data)),
      changes: diffSnapshots(dataset.releases[index - 1]?.data ?? {}, release.data),
    }),
  );
  const unrecorded: PublishedRelease[] = current.recorded
    ? []
    : [
        {
          version: current.version,
          date: current.date,
          recorded: false,
          url: allJsonUrl,
          sha256: sha256(snapshotJson(dataset, publicSnapshot(dataset))),
          changes: diffSnapshots(dataset.releases.at(-1)?.data ?? {}, recordedData),
        },
      ];
  return { current, releases: [...unrecorded, ...recorded.reverse()] };
});
