// What a release is to the data published now: the next version, the current release, and the
// changes between two snapshots. Changelogs are computed, never written.
import { isDeepStrictEqual } from "node:util";
import type { Release, Snapshot } from "../model/releases.js";

export interface CurrentRelease {
  readonly version: string;
  readonly date: string;
  /** False when the data differ from the last recorded release: `npm run release` should record them. */
  readonly recorded: boolean;
}

/** The version a new release made on `day` gets, after the releases already made. */
export function nextVersion(releases: readonly Release[], day: string): string {
  const sameDay = releases.filter((release) => release.version.split(".")[0] === day).length;
  return sameDay === 0 ? day : `${day}.${sameDay + 1}`;
}

/** The release the current data belong to: the last one if nothing changed, else a new one today. */
export function currentRelease(releases: readonly Release[], snapshot: Snapshot, day: string): CurrentRelease {
  const last = releases.at(-1);
  if (last && isDeepStrictEqual(last.data, snapshot)) return { version: last.version, date: last.date, recorded: true };
  return { version: nextVersion(releases, day), date: day, recorded: false };
}

export interface RecordChange {
  readonly kind: string;
  readonly id: string;
  readonly change: "added" | "removed" | "changed";
  /** For a changed record: the fields that differ, as paths (title.en, funding[0].amount). */
  readonly fields: readonly string[];
}

function changedPaths(before: unknown, after: unknown, path: string): string[] {
  if (isDeepStrictEqual(before, after)) return [];
  const objects = before !== null && after !== null && typeof before === "object" && typeof after === "object";
  if (!objects || Array.isArray(before) !== Array.isArray(after)) return [path];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [path];
    return before.flatMap((item, index) => changedPaths(item, after[index], `${path}[${index}]`));
  }
  const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
  return [...keys]
    .sort()
    .flatMap((key) =>
      changedPaths(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      ),
    );
}

/** What changed between two snapshots, record by record, in a stable order. */
export function diffSnapshots(before: Snapshot, after: Snapshot): RecordChange[] {
  const changes: RecordChange[] = [];
  const kinds = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const kind of kinds) {
    const old = (before[kind] ?? {}) as Record<string, unknown>;
    const now = (after[kind] ?? {}) as Record<string, unknown>;
    if (kind === "site") {
      const fields = changedPaths(old, now, "");
      if (fields.length) changes.push({ kind, id: "site", change: "changed", fields });
      continue;
    }
    for (const id of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
      if (!(id in old)) changes.push({ kind, id, change: "added", fields: [] });
      else if (!(id in now)) changes.push({ kind, id, change: "removed", fields: [] });
      else {
        const fields = changedPaths(old[id], now[id], "");
        if (fields.length) changes.push({ kind, id, change: "changed", fields });
      }
    }
  }
  return changes;
}
