// Validates a data directory: YAML syntax, JSON Schema, and the rules across records that a
// schema cannot express. Returns every problem at once, as values; it never throws for bad data.
import type { DateTime } from "luxon";
import { LANGUAGES, type Lang } from "../core/languages.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { loadDataDirectory, locate, type SourceFile } from "./load.js";
import { describeSchemaErrors, pointerToPath } from "./schema-errors.js";
import { fieldPath, type Problem, sortProblems } from "./problems.js";
import { crossRecordProblems, type Report } from "./rules.js";
import { ValidationNotes, validatorFor } from "./schemas.js";
import { didYouMean } from "./suggest.js";
import type { RawDataset, Records, Site } from "./types.js";

export interface Coverage {
  /** Translatable texts in the data. */
  texts: number;
  /** How many of them exist in each language. */
  present: Record<Lang, number>;
}

export interface ValidationResult {
  readonly problems: Problem[];
  /** The records, present only when there is no error. */
  readonly dataset?: RawDataset;
  readonly coverage: Coverage;
  readonly files: number;
}

export interface ValidateOptions {
  /** The day the build speaks for; statuses are checked against it. */
  readonly today: DateTime;
  /** Treat warnings as errors. */
  readonly strict?: boolean;
  /** File paths in messages are shown relative to this directory (default: the working directory). */
  readonly displayRoot?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGUAGE_NAMES: Record<Lang, string> = { sv: "Swedish", en: "English", de: "German" };

export function validateDataDirectory(dataDir: string, options: ValidateOptions): ValidationResult {
  const { files, problems } = loadDataDirectory(dataDir, options.displayRoot);
  const report: Report = (file, path, message, { severity = "error", at = "value" } = {}) => {
    const position = locate(file, path, at);
    problems.push({
      severity,
      file: file.path,
      line: position.line,
      column: position.column,
      field: fieldPath(path),
      message,
    });
  };

  const coverage: Coverage = { texts: 0, present: { sv: 0, en: 0, de: 0 } };
  const notesByFile = new Map<SourceFile, ValidationNotes>();
  const idsByKind = new Map<Kind, Set<string>>(KINDS.map((kind) => [kind, new Set<string>()]));
  const schemaValid = new Set<SourceFile>();

  const byFoldedId = new Map<string, SourceFile[]>();
  for (const file of files) {
    const key = `${file.kind}/${file.id.toLowerCase()}`;
    byFoldedId.set(key, [...(byFoldedId.get(key) ?? []), file]);
  }
  for (const file of files) {
    if (file.kind !== "site") {
      checkId(file, byFoldedId.get(`${file.kind}/${file.id.toLowerCase()}`) ?? [], report);
      idsByKind.get(file.kind)?.add(file.id);
    }
    if (file.value === undefined) continue;
    if (file.value === null || typeof file.value !== "object" || Array.isArray(file.value)) {
      report(file, [], "the file must hold a group of fields (key: value lines)");
      continue;
    }
    const notes = new ValidationNotes();
    const errors = validatorFor(file.kind)(file.value, notes);
    notesByFile.set(file, notes);
    for (const message of describeSchemaErrors(errors)) report(file, message.path, message.message, { at: message.at });
    if (errors.length === 0) schemaValid.add(file);
    for (const text of notes.texts) {
      coverage.texts++;
      for (const lang of text.languages) coverage.present[lang]++;
      for (const lang of LANGUAGES.filter((lang) => !text.languages.includes(lang))) {
        report(
          file,
          pointerToPath(text.instancePath),
          `no ${LANGUAGE_NAMES[lang]} text yet; the ${lang} pages show the Swedish text, marked as such`,
          {
            severity: "warning",
          },
        );
      }
    }
  }

  for (const [file, notes] of notesByFile) {
    for (const reference of notes.references) {
      const known = idsByKind.get(reference.kind) ?? new Set<string>();
      if (!known.has(reference.id)) {
        report(
          file,
          pointerToPath(reference.instancePath),
          `there is no ${reference.kind} record "${reference.id}" (no file data/${reference.kind}/${reference.id}.yaml)${didYouMean(reference.id, known)}`,
        );
      }
    }
  }

  const records = Object.fromEntries(KINDS.map((kind) => [kind, new Map()])) as Records;
  let site: Site | undefined;
  const sourceFiles = new Map<string, SourceFile>();
  for (const file of [...schemaValid].sort((a, b) => a.id.localeCompare(b.id))) {
    if (file.kind === "site") site = file.value as Site;
    else {
      (records[file.kind] as Map<string, unknown>).set(file.id, file.value);
      sourceFiles.set(`${file.kind}/${file.id}`, file);
    }
  }
  crossRecordProblems(
    {
      records,
      site,
      today: options.today,
      fileOf: (kind, id) => sourceFiles.get(`${kind}/${id}`),
      siteFile: files.find((file) => file.kind === "site"),
    },
    report,
  );

  const sorted = sortProblems(
    options.strict ? problems.map((problem) => ({ ...problem, severity: "error" as const })) : problems,
  );
  const failed = sorted.some((problem) => problem.severity === "error");
  return {
    problems: sorted,
    coverage,
    files: files.length,
    ...(failed || !site ? {} : { dataset: { site, records } }),
  };
}

/** `sameFoldedId`: the files of the same kind whose ids are equal ignoring letter case. */
function checkId(file: SourceFile, sameFoldedId: readonly SourceFile[], report: Report): void {
  if (!ID.test(file.id)) {
    const slug = file.id
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    report(
      file,
      [],
      `the file name "${file.id}" cannot be an id: use lowercase a-z, 0-9 and hyphens${slug ? ` (did you mean "${slug}.yaml"?)` : ""}`,
    );
  }
  const twin = sameFoldedId.find((other) => other !== file);
  if (twin && file.id !== file.id.toLowerCase()) {
    report(file, [], `the id "${file.id}" differs only in letter case from ${twin.path}; ids must be unique`);
  }
}

/** `Translations: sv 100 % (120 of 120), en 95 % (114 of 120), de 80 % (96 of 120)`. */
export function formatCoverage(coverage: Coverage): string {
  const part = (lang: Lang): string => {
    const present = coverage.present[lang];
    const percent = coverage.texts === 0 ? 100 : Math.floor((present / coverage.texts) * 100);
    return `${lang} ${percent} % (${present} of ${coverage.texts})`;
  };
  return `Translations: ${LANGUAGES.map(part).join(", ")}`;
}
