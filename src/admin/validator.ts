// The web form's own validator in the browser, for a form that saves to a git host (no local API
// to ask): the project's validator (src/model/validate-in-memory.ts) bundled from the same code by
// src/admin/plugin.ts, run on the record being saved and the snapshot of the other records the
// build wrote beside the form (records.json). browser.ts loads this script only when it is needed.
import countries from "i18n-iso-countries";
import german from "i18n-iso-countries/langs/de.json" with { type: "json" };
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import swedish from "i18n-iso-countries/langs/sv.json" with { type: "json" };
import { buildDay } from "../model/today.js";
import { type RecordsSnapshot, validateInMemory } from "../model/validate-in-memory.js";

// In Node the package registers every language's country names itself; the messages that turn a
// country's name into its code ("Finland" is FI) read them in these three.
for (const locale of [swedish, english, german]) countries.registerLocale(locale);

/** A problem as the form shows it. */
export interface FormProblem {
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly field: string;
  readonly line: number;
  readonly message: string;
}

let snapshot: Promise<RecordsSnapshot> | undefined;

async function loadSnapshot(url: URL): Promise<RecordsSnapshot> {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return (await response.json()) as RecordsSnapshot;
}

/** The problems the validator finds if the record at `path` were saved as `raw`. */
export async function checkRecord(path: string, raw: string, snapshotUrl: URL): Promise<FormProblem[]> {
  snapshot ??= loadSnapshot(snapshotUrl).catch((error: unknown) => {
    snapshot = undefined;
    throw error;
  });
  const problems = validateInMemory({ saved: { path, text: raw }, snapshot: await snapshot, today: buildDay() });
  return problems.map(({ severity, file, field, line, message }) => ({ severity, file, field, line, message }));
}
