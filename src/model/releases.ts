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
export function compareVersions(a: string, b: string): number {
  const [dayA, countA] = a.split(".");
  const [dayB, countB] = b.split(".");
  return dayA!.localeCompare(dayB!) || Number(countA ?? 1) - Number(countB ?? 1);
}
