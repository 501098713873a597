// The releases recorded in data/releases/<version>.json by `npm run release`: a snapshot of the
// published records. Versions are the release day (YYYY-MM-DD, with .2, .3 … for a second release
// on the same day).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Snapshot = Record<string, unknown>;

export interface Release {
  readonly version: string;
  /** The day of the release, YYYY-MM-DD. */
  readonly date: string;
  readonly data: Snapshot;
}

export const RELEASES_FOLDER = "releases";
const VERSION = /^\d{4}-\d{2}-\d{2}(\.\d+)?$/;

export function readReleases(dataDir: string): Release[] {
  const dir = join(dataDir, RELEASES_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Release)
    .filter((release) => VERSION.test(release.version))
    .sort((a, b) => compareVersions(a.version, b.version));
}

export function compareVersions(a: string, b: string): number {
  const [dayA, countA] = a.split(".");
  const [dayB, countB] = b.split(".");
  return dayA!.localeCompare(dayB!) || Number(countA ?? 1) - Number(countB ?? 1);
}
