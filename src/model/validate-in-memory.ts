// The validator on records held in memory: the web form's check before a save on a git host,
// where there is no data folder to read. The record being saved comes as the YAML text the form
// would write; the other records come from a snapshot the build writes beside the form
// (`recordsSnapshot`). Both go through the loader's own steps for one file (readYamlFile) and the
// validator's (validateLoaded): the same schemas, rules and messages as `npm run validate`.
//
// The snapshot holds every record as the build validated it, except the people: contact persons
// are never published as open data, so of them only the ids are kept (a reference to a person can
// be checked; a person's name in another record's text is left to the pipeline's validation), and
// the fields of other records that point at people are left out.
import type { DateTime } from "luxon";
import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import type { Loaded } from "./load.js";
import { messages } from "./messages.js";
import { formatProblem, type Problem } from "./problems.js";
import { PERSONAL_KINDS, personalFields } from "./published.js";
import { SourceFile } from "./source-file.js";
import type { Records, Site } from "./types.js";
import { validateLoaded } from "./validate.js";
import { readYamlFile } from "./yaml-file.js";

/** The site's records as the form's check needs them: JSON, written by the build beside the form. */
export interface RecordsSnapshot {
  /** The data folder as the form's paths name it ("data"). */
  readonly dataFolder: string;
  readonly site: unknown;
  /** By kind, by id: each record's value; null for a person, whose id alone is kept. */
  readonly records: Readonly<Partial<Record<Kind, Readonly<Record<string, unknown>>>>>;
}

/** The snapshot of validated records: people by id only, no field that points at a person. */
export function recordsSnapshot(dataFolder: string, site: Site, records: Records): RecordsSnapshot {
  const byKind: Partial<Record<Kind, Record<string, unknown>>> = {};
  for (const kind of KINDS) {
    const hidden = new Set(personalFields(kind));
    const entries = [...(records[kind] as ReadonlyMap<string, object>)].map(([id, record]) => [
      id,
      PERSONAL_KINDS.has(kind)
        ? null
        : Object.fromEntries(Object.entries(record).filter(([field]) => !hidden.has(field))),
    ]);
    byKind[kind] = Object.fromEntries(entries);
  }
  // site.yaml's contacts point at people too.
  const siteHidden = new Set(personalFields("site"));
  const publicSite = Object.fromEntries(Object.entries(site).filter(([field]) => !siteHidden.has(field)));
  return { dataFolder: dataFolder.replace(/^\.\/|\/$/g, ""), site: publicSite, records: byKind };
}

/** A record being saved: its path as the form names it ("data/projects/x.yaml") and its YAML text. */
export interface RecordText {
  readonly path: string;
  readonly text: string;
}

export interface InMemoryCheck {
  readonly saved: RecordText;
  readonly snapshot: RecordsSnapshot;
  /** The day the check speaks for; statuses are checked against it. */
  readonly today: DateTime;
  readonly lang?: EditorLang;
}

const RECORD_PATH = /^([a-z]+)\/([^/]+)\.yaml$/;
const isKind = (name: string): name is Kind => (KINDS as readonly string[]).includes(name);

/** The kind and id of a record by its path under the data folder; undefined for anything else. */
export function recordAt(path: string, dataFolder: string): { kind: Kind | "site"; id: string } | undefined {
  const prefix = `${dataFolder}/`;
  if (!path.startsWith(prefix)) return undefined;
  const inside = path.slice(prefix.length);
  if (inside === "site.yaml") return { kind: "site", id: "site" };
  const match = RECORD_PATH.exec(inside);
  return match?.[1] && match[2] && isKind(match[1]) ? { kind: match[1], id: match[2] } : undefined;
}

/** The snapshot's records as files, the site first; a person's without a value. */
function snapshotFiles(snapshot: RecordsSnapshot): SourceFile[] {
  const folder = snapshot.dataFolder;
  const files = [
    new SourceFile({ path: `${folder}/site.yaml`, kind: "site", id: "site", text: "", value: snapshot.site }),
  ];
  for (const kind of KINDS) {
    for (const [id, value] of Object.entries(snapshot.records[kind] ?? {})) {
      const path = `${folder}/${kind}/${id}.yaml`;
      files.push(new SourceFile({ path, kind, id, text: "", value: value ?? undefined }));
    }
  }
  return files;
}

interface Baseline {
  readonly files: readonly SourceFile[];
  /** The errors of the snapshot as it is, one line each, in each language asked for. */
  readonly errors: Map<string, ReadonlySet<string>>;
}

const baselineOf = memoize(
  (snapshot: RecordsSnapshot): Baseline => ({ files: snapshotFiles(snapshot), errors: new Map() }),
);

const errorLines = (problems: readonly Problem[], lang: EditorLang): Set<string> =>
  new Set(problems.filter((problem) => problem.severity === "error").map((problem) => formatProblem(problem, lang)));

/**
 * What the validator says if `saved` were saved into the snapshot's data: every problem located in
 * the saved record, and the errors the save would add to other records (a person named in their
 * texts, a circle of part_of). Problems the other records have anyway are not the save's.
 */
export function validateInMemory({ saved, snapshot, today, lang = DEFAULT_EDITOR_LANG }: InMemoryCheck): Problem[] {
  const tr = messages(lang);
  const baseline = baselineOf(snapshot);
  const options = { today, lang };
  let before = baseline.errors.get(lang);
  if (!before) {
    const loaded: Loaded = { files: [...baseline.files], releases: [], problems: [] };
    before = errorLines(validateLoaded(loaded, options).problems, lang);
    baseline.errors.set(lang, before);
  }
  const problems: Problem[] = [];
  const place = recordAt(saved.path, snapshot.dataFolder);
  if (!place) throw new Error(`${saved.path} is no record of ${snapshot.dataFolder}/`);
  const bytes = new TextEncoder().encode(saved.text);
  const file = readYamlFile({ bytes, shownPath: saved.path, kind: place.kind, id: place.id, problems, tr });
  const others = baseline.files.filter((other) => other.path !== saved.path);
  const result = validateLoaded({ files: [file, ...others], releases: [], problems }, options);
  return result.problems.filter(
    (problem) =>
      problem.file === saved.path || (problem.severity === "error" && !before.has(formatProblem(problem, lang))),
  );
}
