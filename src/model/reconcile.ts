// Organisations that are likely one and the same, for the editor to confirm or set apart: records
// are never merged by themselves. Two records are likely the same when their names, transliterated
// and without case, accents or punctuation, are equal in the same country; or when two local or
// regional authorities are in the same town of the same country.
import { recordIdFrom } from "../core/ids.js";
import { sourceLanguage } from "../core/languages.js";
import { name } from "../core/names.js";
import type { Organisation } from "./types.js";

export interface LikelyDuplicate {
  readonly first: string;
  readonly second: string;
  /** "name": the same name in one country; "town": two authorities of one town. */
  readonly reason: "name" | "town";
}

/** Kinds of which one town has one: a second in the same town is likely the same body. */
const ONE_PER_TOWN: ReadonlySet<string> = new Set(["municipality", "region", "county-board"]);

/** The pairs of likely duplicates among organisations, each pair once, in the order of their ids. */
export function likelyDuplicates(organisations: ReadonlyMap<string, Organisation>): LikelyDuplicate[] {
  const keyed = (key: (organisation: Organisation) => string | undefined) => {
    const groups = new Map<string, string[]>();
    for (const [id, organisation] of [...organisations].sort(([a], [b]) => a.localeCompare(b))) {
      const value = key(organisation);
      if (value) groups.set(value, [...(groups.get(value) ?? []), id]);
    }
    return [...groups.values()].filter((ids) => ids.length > 1);
  };
  const names = (organisation: Organisation): string[] =>
    Object.values(organisation.name).filter((value): value is string => value !== undefined);
  // Any of a record's names, in any language, against any of another's.
  const byName = new Map<string, Set<string>>();
  for (const [id, organisation] of organisations)
    for (const written of names(organisation)) {
      const key = `${organisation.country}:${recordIdFrom(written)}`;
      byName.set(key, new Set([...(byName.get(key) ?? []), id]));
    }
  const pairs = new Map<string, LikelyDuplicate>();
  const add = (ids: readonly string[], reason: LikelyDuplicate["reason"]) => {
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}|${sorted[j]}`;
        if (!pairs.has(key)) pairs.set(key, { first: sorted[i]!, second: sorted[j]!, reason });
      }
  };
  for (const ids of byName.values()) if (ids.size > 1) add([...ids], "name");
  const town = (organisation: Organisation): string | undefined =>
    ONE_PER_TOWN.has(organisation.kind) && organisation.city
      ? `${organisation.country}:${organisation.kind}:${recordIdFrom(name(organisation.city, sourceLanguage()))}`
      : undefined;
  for (const ids of keyed(town)) add(ids, "town");
  return [...pairs.values()].sort((a, b) => a.first.localeCompare(b.first) || a.second.localeCompare(b.second));
}
