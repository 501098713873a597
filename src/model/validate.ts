// Validates a data directory: YAML syntax, JSON Schema, and the rules across records that a
// schema cannot express. Returns every problem at once, as values, in the editor's language; it
// never throws for bad data.
import type { DateTime } from "luxon";
import { groupBy } from "../core/collections.js";
import { RECORD_ID, recordIdFrom } from "../core/ids.js";
import {
  availableLanguages,
  currentPublication,
  DEFAULT_EDITOR_LANG,
  type EditorLang,
  endonym,
  isLang,
  type Lang,
  usePublicationLanguages,
} from "../core/languages.js";
import { EASY_READ_LANG, routeNames } from "../core/routes.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { isSameAsKind } from "./include-merge.js";
import { readIncludes } from "./includes.js";
import { type Loaded, loadDataDirectory } from "./load.js";
import { messages, type Translate } from "./messages.js";
import { personalDataInTexts } from "./personal-data.js";
import { fieldPath, type Problem, sortProblems } from "./problems.js";
import { publicationLanguagesOf } from "./publication-languages.js";
import { checkReleases } from "./release-check.js";
import type { Release } from "./releases.js";
import {
  crossRecordProblems,
  type FieldProblem,
  PROJECT_DATE_FIELDS,
  type ProjectDates,
  projectDateRules,
  type Report,
  type RuleContext,
} from "./rules.js";
import { describeSchemaErrors, pointerToPath } from "./schema-errors.js";
import { type TextSeen, ValidationNotes, validatorFor } from "./schemas.js";
import { locate, type SourceFile } from "./source-file.js";
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
  /** The releases of data/releases/, checked, oldest first; present with the dataset. */
  readonly releases?: readonly Release[];
  readonly coverage: Coverage;
  readonly files: number;
  /** The language the messages are written in. */
  readonly lang: EditorLang;
}

export interface ValidateOptions {
  /** The day the build speaks for; statuses are checked against it. */
  readonly today: DateTime;
  /** Treat warnings as errors. */
  readonly strict?: boolean;
  /** File paths in messages are shown relative to this directory (default: the working directory). */
  readonly displayRoot?: string;
  /** The language of the messages (default Swedish). */
  readonly lang?: EditorLang;
}

export function validateDataDirectory(dataDir: string, options: ValidateOptions): ValidationResult {
  const lang = options.lang ?? DEFAULT_EDITOR_LANG;
  const tr = messages(lang);
  const displayRoot = options.displayRoot ?? process.cwd();
  const loaded = loadDataDirectory(dataDir, { tr, lang, displayRoot });
  const result = validateLoaded(loaded, options);
  // The includes are checked whenever site.yaml's own part is sound, so their problems come in the same run.
  const siteFile = loaded.files.find((file) => file.kind === "site");
  const site = siteFile?.value as Site | undefined;
  // A site without includes is checked too: a same_as may name an include no longer there.
  if (!siteFile || !site || validatorFor("site")(site, new ValidationNotes()).length > 0) return result;
  const included = readIncludes({
    dataDir,
    site,
    siteFile,
    sameAsFiles: loaded.files.filter((file) => isSameAsKind(file.kind)),
    today: options.today,
    lang,
    tr,
    validateLoaded,
    displayRoot,
  });
  const problems = sortProblems([...result.problems, ...included.problems]);
  const failed = problems.some((problem) => problem.severity === "error");
  const { dataset, releases, ...rest } = result;
  return {
    ...rest,
    problems,
    ...(failed || !dataset ? {} : { dataset: { ...dataset, includes: included.packages }, releases: releases ?? [] }),
  };
}

/**
 * Validates files already read: data/ by the loader, or records held in memory (the web form's
 * check in the browser, validate-in-memory.ts). Reads no file.
 */
export function validateLoaded(loaded: Loaded, options: ValidateOptions): ValidationResult {
  const lang = options.lang ?? DEFAULT_EDITOR_LANG;
  const tr = messages(lang);
  const { files, problems } = loaded;
  const report: TextReport = ({ file, path, message, severity = "error", at = "value", untranslated }) => {
    const position = locate(file, path, at);
    problems.push({
      severity,
      file: file.path,
      line: position.line,
      column: position.column,
      field: fieldPath(path),
      message,
      ...(untranslated ? { untranslated } : {}),
    });
  };

  const coverage: Coverage = { texts: 0, present: {} };
  const notesByFile = new Map<SourceFile, ValidationNotes>();
  const idsByKind = new Map<Kind, Set<string>>(KINDS.map((kind) => [kind, new Set<string>()]));
  const schemaValid = new Set<SourceFile>();
  /** Projects with schema errors, and the fields the errors are in: their other dates are still checked. */
  const fieldsInError = new Map<SourceFile, Set<string>>();
  const texts: [SourceFile, TextSeen][] = [];

  const byFoldedId = groupBy(files, (file) => `${file.kind}/${file.id.toLowerCase()}`);
  for (const file of files) {
    if (file.kind === "release") continue;
    if (file.kind !== "site") {
      const sameFoldedId = byFoldedId.get(`${file.kind}/${file.id.toLowerCase()}`) ?? [];
      checkId({ file, sameFoldedId, report, tr });
      idsByKind.get(file.kind)?.add(file.id);
    }
    if (file.value === undefined) continue;
    if (file.value === null || typeof file.value !== "object" || Array.isArray(file.value)) {
      report({ file, path: [], message: tr("schema.notAGroup") });
      continue;
    }
    const notes = new ValidationNotes();
    const errors = validatorFor(file.kind)(file.value, notes);
    notesByFile.set(file, notes);
    for (const { path, message, at } of describeSchemaErrors(errors, tr)) report({ file, path, message, at });
    if (errors.length === 0) schemaValid.add(file);
    else if (file.kind === "projects")
      fieldsInError.set(file, new Set(errors.map((error) => String(pointerToPath(error.instancePath)[0] ?? ""))));
    for (const text of notes.texts) texts.push([file, text]);
  }

  for (const [file, notes] of notesByFile) {
    for (const reference of notes.references) {
      const known = idsByKind.get(reference.kind) ?? new Set<string>();
      if (!known.has(reference.id)) {
        const suggestion = didYouMean(reference.id, known, tr);
        const message = tr("reference.unknown", { kind: reference.kind, id: reference.id, suggestion });
        report({ file, path: pointerToPath(reference.instancePath), message });
      }
    }
  }

  const records = Object.fromEntries(KINDS.map((kind) => [kind, new Map()])) as Records;
  let site: Site | undefined;
  const sourceFiles = new Map<string, SourceFile>();
  for (const file of [...schemaValid].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (file.kind === "site") site = file.value as Site;
    else if (file.kind !== "release") {
      (records[file.kind] as Map<string, unknown>).set(file.id, file.value);
      sourceFiles.set(`${file.kind}/${file.id}`, file);
    }
  }

  // The site's languages as it names them, even when site.yaml has errors of its own; in use only
  // while this check runs, so that checking a candidate never changes what a preview serves.
  const siteFile = files.find((file) => file.kind === "site");
  const publication = publicationLanguagesOf(siteFile?.value);
  const { source, languages: siteLanguages } = publication;
  if (site) siteLanguageProblems({ file: siteFile, site, source, report, tr });
  const previous = currentPublication();
  usePublicationLanguages(publication);
  try {
    coverage.present = Object.fromEntries(siteLanguages.map((lang) => [lang, 0]));
    textLanguageProblems({ texts, source, siteLanguages, coverage, report, tr, editorLang: lang });

    const ruleContext: RuleContext = {
      records,
      site,
      today: options.today,
      fileOf: (kind, id) => sourceFiles.get(`${kind}/${id}`),
      siteFile,
      tr,
    };
    crossRecordProblems(ruleContext, report);
    personalDataInTexts(ruleContext, report);
    // Every mistake at once: a project's dates are checked against each other even when another field
    // has a schema error, as long as the date fields themselves are as the schema wants them.
    for (const [file, inError] of fieldsInError) {
      const value = file.value as Record<string, unknown>;
      // A status in error is not an absent one: its date is left out too, or it would seem to date nothing.
      if (inError.has("status")) inError.add("status_as_of");
      const dates = Object.fromEntries(
        PROJECT_DATE_FIELDS.filter((field) => field in value && !inError.has(field)).map((field) => [
          field,
          value[field],
        ]),
      ) as ProjectDates;
      projectDateRules({ file, context: ruleContext, report }, dates);
    }

    const releases = checkReleases(loaded.releases, report, tr);

    const sorted = sortProblems(
      options.strict ? problems.map((problem) => ({ ...problem, severity: "error" as const })) : problems,
    );
    const failed = sorted.some((problem) => problem.severity === "error");
    return {
      problems: sorted,
      coverage,
      files: files.length + loaded.releases.length,
      lang,
      ...(failed || !site ? {} : { dataset: { site, records }, releases }),
    };
  } finally {
    usePublicationLanguages(previous);
  }
}

interface IdCheck {
  readonly file: SourceFile;
  /** The files of the same kind whose ids are equal ignoring letter case. */
  readonly sameFoldedId: readonly SourceFile[];
  readonly report: Report;
  readonly tr: Translate;
}

/** Reports an id that is no valid file name, and one that differs from another only in letter case. */
function checkId({ file, sameFoldedId, report, tr }: IdCheck): void {
  if (!RECORD_ID.test(file.id)) {
    const slug = recordIdFrom(file.id);
    const suggestion = slug ? tr("suggest.didYouMean", { suggestion: `${slug}.yaml` }) : "";
    report({ file, path: [], message: tr("id.invalid", { id: file.id, suggestion }) });
  }
  const twin = sameFoldedId.find((other) => other !== file);
  if (twin && file.id !== file.id.toLowerCase()) {
    report({ file, path: [], message: tr("id.caseTwin", { id: file.id, other: twin.path }) });
  }
}

/** A report of a problem that may be a text not yet translated (into the language named). */
type TextReport = (problem: FieldProblem & Pick<Problem, "untranslated">) => void;

interface TextLanguageCheck {
  readonly texts: readonly [SourceFile, TextSeen][];
  readonly source: Lang;
  readonly siteLanguages: readonly Lang[];
  readonly coverage: Coverage;
  readonly report: TextReport;
  readonly tr: Translate;
  readonly editorLang: EditorLang;
}

/**
 * Every text must have the source language (an error: nothing else can stand in for it); a text
 * meant for every reader lacking a site language is a warning (its pages show the source text,
 * marked); a language Utblick has no catalogue for is a warning too, most often a mistyped code.
 * Texts in a language the site does not publish are left alone: a site may publish fewer.
 */
function textLanguageProblems(check: TextLanguageCheck): void {
  const { texts, source, siteLanguages, coverage, report, tr } = check;
  const names = new Intl.DisplayNames([check.editorLang], { type: "language" });
  const languageName = (lang: Lang): string => names.of(lang) ?? lang;
  for (const [file, text] of texts) {
    const path = pointerToPath(text.instancePath);
    if (!text.languages.includes(source)) {
      report({ file, path, message: tr("text.missingSource", { language: languageName(source) }) });
      continue;
    }
    for (const lang of text.languages.filter((lang) => !isLang(lang)))
      report({ file, path: [...path, lang], message: tr("text.unknownLanguage", { code: lang }), severity: "warning" });
    if (!text.translatable) continue;
    coverage.texts++;
    for (const lang of text.languages) if (lang in coverage.present) coverage.present[lang]! += 1;
    for (const lang of siteLanguages.filter((lang) => !text.languages.includes(lang))) {
      const untranslated = { language: languageName(lang), source: languageName(source) };
      report({ file, path, message: tr("text.missingIn", untranslated), severity: "warning", untranslated });
    }
  }
}

interface SiteLanguageCheck {
  readonly file: SourceFile | undefined;
  /** The site's source language, as publicationLanguagesOf reads it. */
  readonly source: Lang;
  readonly site: Site;
  readonly report: Report;
  readonly tr: Translate;
}

/** A site language needs a UI catalogue; the source language must be the first of the site's languages. */
function siteLanguageProblems({ file, site, source, report, tr }: SiteLanguageCheck): void {
  if (!file) return;
  const available = availableLanguages().join(", ");
  // Every catalogue, used by this site or not: the server's redirects read every language's addresses.
  for (const catalogue of availableLanguages()) {
    try {
      endonym(catalogue);
      routeNames(catalogue);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      report({ file, path: [], message: tr("site.brokenCatalogue", { problem }) });
    }
  }
  site.languages.forEach((lang, index) => {
    if (!isLang(lang))
      report({ file, path: ["languages", index], message: tr("site.noCatalogue", { code: lang, available }) });
  });
  if (!site.languages.includes(source))
    report({ file, path: ["languages"], message: tr("site.sourceMissing", { source }) });
  else if (site.languages[0] !== source)
    report({ file, path: ["languages"], message: tr("site.sourceFirst", { source }) });
  // Texts the site would never show: the easy-to-read page is Swedish, on a site that publishes Swedish.
  if (site.easy_to_read && !site.languages.includes(EASY_READ_LANG))
    report({ file, path: ["easy_to_read"], message: tr("site.easyReadUnused"), severity: "warning" });
  // The statement was reviewed after the assessment it rests on, or the page would say otherwise.
  const assessed = site.accessibility?.assessed;
  const reviewed = site.accessibility_reviewed;
  if (assessed && reviewed && reviewed < assessed)
    report({
      file,
      path: ["accessibility_reviewed"],
      message: tr("site.reviewedBeforeAssessed", { reviewed, assessed }),
      severity: "warning",
    });
}

/** `Översättningar: sv 100 % (120 av 120), en 95 % (114 av 120), de 80 % (96 av 120)`. */
export function formatCoverage(coverage: Coverage, lang: EditorLang = DEFAULT_EDITOR_LANG): string {
  const tr = messages(lang);
  const part = (language: Lang): string => {
    const present = coverage.present[language] ?? 0;
    const percent = coverage.texts === 0 ? 100 : Math.floor((present / coverage.texts) * 100);
    return tr("report.coveragePart", { lang: language, percent, present, total: coverage.texts });
  };
  return tr("report.coverage", { parts: Object.keys(coverage.present).map(part).join(", ") });
}
