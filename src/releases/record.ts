// Recording a release: the current published records become data/releases/<version>.json,
// written whole or not at all, never over an existing release and never through a link.
import { join } from "node:path";
import type { DateTime } from "luxon";
import { writeFileAtomic } from "../core/safe-write.js";
import { json } from "../core/serialise.js";
import { loadDataset } from "../model/index.js";
import { releaseSnapshot } from "../model/published.js";
import { RELEASES_FOLDER } from "../model/releases.js";
import { currentRelease, diffSnapshots, type RecordChange } from "./releases.js";

export interface Recorded {
  readonly version: string;
  /** False when nothing changed since the last release. */
  readonly created: boolean;
  readonly changes: readonly RecordChange[];
}

/**
 * Throws InvalidDataError when the data have errors: an invalid state is never released; a
 * FileError (a full disk, …) or RefusedFolderError when the file cannot be written.
 */
export function recordRelease(dataDir: string, today: DateTime): Recorded {
  const dataset = loadDataset(dataDir, today);
  const snapshot = releaseSnapshot(dataset);
  const current = currentRelease(dataset.releases, snapshot, today.toISODate() ?? "");
  if (current.recorded) return { version: current.version, created: false, changes: [] };
  writeFileAtomic(
    join(dataDir, RELEASES_FOLDER, `${current.version}.json`),
    json({ version: current.version, date: current.date, data: snapshot }),
    { exclusive: true, within: dataDir },
  );
  return {
    version: current.version,
    created: true,
    changes: diffSnapshots(dataset.releases.at(-1)?.data ?? {}, snapshot),
  };
}
