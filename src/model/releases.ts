// The releases recorded in data/releases/<version>.json by `npm run release`: a snapshot of the
// published records. Versions are the release day (YYYY-MM-DD, with .2, .3 … for a second release
// on the same day). They are read and checked with the rest of data/ (load.ts, release-file.ts, release-check.ts).

export type Snapshot = Record<string, unknown>;

export interface Release {
  readonly version: string;
  /** The day of the release, YYYY-MM-DD. */
  readonly date: string;
  readonly data: Snapshot;
}

export const RELEASES_FOLDER = "releases";

/** A release's version: its day, and a count after the first of a day (2026-11-25, 2026-11-25.2). */
export const RELEASE_VERSION_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(\\.[0-9]+)?$";

/** Below zero when `a` is older than `b`, zero when they are the same release (2026-12-01 = 2026-12-01.1). */
export function compareVersions(a: string, b: string): number {
  const [dayA = "", countA = "1"] = a.split(".");
  const [dayB = "", countB = "1"] = b.split(".");
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  return Number(countA) - Number(countB);
}
