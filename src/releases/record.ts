// Recording a release: the current published records become data/releases/<version>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DateTime } from "luxon";
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

/** Throws InvalidDataError when the data have errors: an invalid state is never released. */
export function recordRelease(dataDir: string, today: DateTime): Recorded {
  const dataset = loadDataset(dataDir, today);
  const snapshot = releaseSnapshot(dataset);
  const current = currentRelease(dataset.releases, snapshot, today.toISODate() ?? "");
  if (current.recorded) return { version: current.version, created: false, changes: [] };
  const dir = join(dataDir, RELEASES_FOLDER);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${current.version}.json`),
    json({ version: current.version, date: current.date, data: snapshot }),
  );
  return {
    version: current.version,
    created: true,
    changes: diffSnapshots(dataset.releases.at(-1)?.data ?? {}, snapshot),
  };
}
