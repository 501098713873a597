import { closest, distance } from "fastest-levenshtein";
import type { Translate } from "./messages.js";

/** The candidate closest to `value`, when it is close enough to be a likely typo. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const upper = value.toUpperCase();
  const prefixed = list.find((candidate) => candidate.length >= 2 && upper.startsWith(candidate.toUpperCase()));
  const best = closest(value, list);
  const limit = Math.floor(value.length / 3);
  if (distance(value.toLowerCase(), best.toLowerCase()) <= limit) return best;
  return prefixed;
}

/** ` (did you mean "x"?)` in the editor's language, or nothing when no candidate is close. */
export function didYouMean(value: string, candidates: Iterable<string>, tr: Translate): string {
  const suggestion = suggest(value, candidates);
  return suggestion === undefined ? "" : tr("suggest.didYouMean", { suggestion });
}
