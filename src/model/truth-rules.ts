// Rules for slips of fact that no schema sees (issue #32): a period only a plan gives, told as done;
// numbers that a translation lost or changed; partners a text speaks of that the record neither
// names nor counts; a partnership the chart can count in its first year only. All are warnings:
// each asks the editor to look again, none blocks publishing.

import { Duration } from "luxon";
import { LANGUAGE_TAG, type Lang, sourceLanguage } from "../core/languages.js";
import { projectFacts, statusWindow } from "./dataset.js";
import type { PathSegment } from "./problems.js";
import type { Report, RuleContext } from "./rule-context.js";
import type { SourceFile } from "./source-file.js";
import type { Partnership, Project } from "./types.js";

/** Runs every rule of this file: called once from crossRecordProblems. */
export function truthProblems(context: RuleContext, report: Report): void {
  const source = sourceLanguage();
  const window = context.site ? statusWindow(context.site) : Duration.fromObject({ months: 12 });
  for (const [id, project] of context.records.projects) {
    const file = context.fileOf("projects", id);
    if (!file) continue;
    const facts = projectFacts({ id, record: project, records: context.records, today: context.today, window });
    const planned = facts.planned.start || facts.planned.end;
    if (planned && facts.start && facts.end) {
      periodToldAsDone({ context, report, file, project, years: [facts.start.year, facts.end.year] });
    }
    partnersFromOwnersOnly({ context, report, file, project, source });
  }
  for (const [id, partnership] of context.records.partnerships) {
    const file = context.fileOf("partnerships", id);
    if (file) sinceWithoutDatedReport({ context, report, file, partnership });
  }
  for (const kind of Object.keys(context.records) as (keyof RuleContext["records"])[]) {
    for (const [id, record] of context.records[kind] as Map<string, unknown>) {
      const file = context.fileOf(kind, id);
      if (file) numbersAcrossLanguages({ context, report, file, record, source });
    }
  }
  if (context.site && context.siteFile) {
    numbersAcrossLanguages({ context, report, file: context.siteFile, record: context.site, source });
  }
}

interface RuleInput {
  readonly context: RuleContext;
  readonly report: Report;
  readonly file: SourceFile;
}

/**
 * The languages whose words the rules below know (plans, attributions, partners). Texts in other
 * languages are left to the editor: a rule that cannot read a language says nothing of it.
 */
const WORDED_LANGUAGES: ReadonlySet<Lang> = new Set(["sv", "en", "de"]);

// Words that tell a period as a plan or as what a source gave, in the languages above.
const LETTER = "\\p{L}";
const PLAN_WORDS = new RegExp(
  `(?<!${LETTER})(?:${[
    "plan\\p{L}*",
    "skulle",
    "angav",
    "anger",
    "avsåg",
    "tänkt\\p{L}*",
    "beräkna\\p{L}*",
    "enligt",
    "was to",
    "were to",
    "is to",
    "gave",
    "gives",
    "intended",
    "scheduled",
    "expected",
    "according to",
    "set to",
    "geplant\\p{L}*",
    "sollte\\p{L}*",
    "angelegt\\p{L}*",
    "vorgesehen\\p{L}*",
    "nannte",
    "nennt",
    "laut",
  ].join("|")})(?!${LETTER})`,
  "iu",
);

/** "2017–2019", "2017-19", "2017 to 2019", "2017 bis 2019", "2017 och 2019" … */
function spanPattern(first: number, last: number): RegExp {
  const short = String(last % 100).padStart(2, "0");
  return new RegExp(`(?<!\\d)${first}\\s*(?:[–—-]|to|till|bis|och|and|und)\\s*(?:${last}|${short})(?!\\d)`, "giu");
}

interface PeriodInput extends RuleInput {
  readonly project: Project;
  readonly years: readonly [number, number];
}

/** The sentence of a text around a position: from the end of the one before to the end of its own. */
function sentenceAt(text: string, index: number): string {
  const ends = /[.!?](?=\s|$)|\n/gu;
  let start = 0;
  for (const end of text.matchAll(ends)) {
    if (end.index >= index) return text.slice(start, end.index);
    start = end.index + 1;
  }
  return text.slice(start);
}

/**
 * A period whose end (or start) only a plan gives, told in a summary as if it ran its course:
 * "worked with … from 2017 to 2019". The sentence that gives the period must say it as a plan or
 * as what a source gave ("planned for 2015–2017", "the page gave 2017–2019", "was to").
 */
function periodToldAsDone({ context, report, file, project, years }: PeriodInput): void {
  const [first, last] = years;
  if (first === last) return;
  for (const [lang, value] of Object.entries(project.summary)) {
    if (typeof value !== "string" || !WORDED_LANGUAGES.has(lang)) continue;
    for (const match of value.matchAll(spanPattern(first, last))) {
      if (PLAN_WORDS.test(sentenceAt(value, match.index))) continue;
      const message = context.tr("rule.periodToldAsDone", { period: match[0], first, last });
      report({ file, path: ["summary", lang], message, severity: "warning" });
      break;
    }
  }
}

/**
 * The numbers of a text that a reader of any language must find the same: years, amounts,
 * counts. Thousands separators and decimal commas are read alike; digits glued to letters (CO2,
 * PM10) and single digits (often written as words: "two-year", "sixth-grade") are left out.
 */
export function numbersOf(text: string): Set<string> {
  const plain = text
    .replace(/\]\([^)]*\)/gu, "]")
    .replace(/\b(?:https?|mailto):\S+/gu, "")
    .replace(/(?<=\d)[\u00a0\u202f ,.'’](?=\d{3}(?!\d))/gu, "")
    .replace(/(?<=\d),(?=\d)/gu, ".");
  const found = plain.matchAll(/(?<![\p{L}\d.])\d+(?:\.\d+)?/gu);
  return new Set([...found].map((match) => match[0]).filter((number) => number.includes(".") || number.length > 1));
}

interface NumbersInput extends RuleInput {
  readonly record: unknown;
  readonly source: Lang;
}

/** A text by language: an object of language tags to strings, with the source language. */
function isText(node: object, source: Lang): node is Record<Lang, string> {
  const entries = Object.entries(node);
  return (
    typeof (node as Record<string, unknown>)[source] === "string" &&
    entries.every(([key, value]) => LANGUAGE_TAG.test(key) && typeof value === "string")
  );
}

/** Every text of a record, with its path. */
function textsOf(node: unknown, path: readonly PathSegment[], source: Lang): [PathSegment[], Record<Lang, string>][] {
  if (node === null || typeof node !== "object") return [];
  if (!Array.isArray(node) && isText(node, source)) return [[[...path], node]];
  const entries: [PathSegment, unknown][] = Array.isArray(node)
    ? node.map((value, index) => [index, value])
    : Object.entries(node);
  return entries.flatMap(([key, value]) => textsOf(value, [...path, key], source));
}

/** A number in one language's text that the source language's lacks, or the other way round. */
function numbersAcrossLanguages({ context, report, file, record, source }: NumbersInput): void {
  for (const [path, text] of textsOf(record, [], source)) {
    const original = numbersOf(text[source] ?? "");
    for (const [lang, value] of Object.entries(text)) {
      if (lang === source) continue;
      const translated = numbersOf(value);
      const missing = [...original].filter((number) => !translated.has(number));
      const added = [...translated].filter((number) => !original.has(number));
      if (missing.length === 0 && added.length === 0) continue;
      const message = context.tr(missing.length > 0 ? "rule.numbersMissing" : "rule.numbersAdded", {
        numbers: (missing.length > 0 ? missing : added).join(", "),
        source,
      });
      report({ file, path: [...path, lang], message, severity: "warning" });
    }
  }
}

interface PartnersInput extends RuleInput {
  readonly project: Project;
  readonly source: Lang;
}

const PARTNER_WORD = /(?<!\p{L})partner(?:n|na|s)?(?!\p{L})/iu;

/**
 * A summary that speaks of partners, in a record that names none, counts none and lists no
 * country besides its owners': key facts would count only the owners' country. The record should
 * say that the sources do not name them (partners_unnamed), or name them.
 */
function partnersFromOwnersOnly({ context, report, file, project, source }: PartnersInput): void {
  if (project.partners_unnamed === true || project.partner_count !== undefined) return;
  const others = (project.participants ?? []).filter(
    (participant) =>
      participant.role !== "funder" &&
      participant.role !== "stakeholder" &&
      !project.owners.includes(participant.organisation),
  );
  if (others.length > 0) return;
  const owners = new Set(project.owners.map((id) => context.records.organisations.get(id)?.country));
  if ((project.countries ?? []).some((country) => !owners.has(country))) return;
  // Read in the source language, or the first language whose word for partners the rule knows.
  const lang = [source, ...Object.keys(project.summary)].find((candidate) => WORDED_LANGUAGES.has(candidate));
  const summary = lang === undefined ? undefined : project.summary[lang];
  if (lang === undefined || summary === undefined || !PARTNER_WORD.test(summary)) return;
  report({ file, path: ["summary", lang], message: context.tr("rule.partnersUnnamed"), severity: "warning" });
}

interface SinceInput extends RuleInput {
  readonly partnership: Partnership;
}

/**
 * A partnership with a start and only undated reports that it went on (no status_as_of, no
 * active_as_of, no dated source): the partnerships-over-time chart can count it in its first
 * year only, though the sources speak of it later. The editor gives the date a source reports,
 * or one she infers (listed under editorial, with the reason in a note on the source).
 */
function sinceWithoutDatedReport({ context, report, file, partnership }: SinceInput): void {
  const { since, until, status, status_as_of, active_as_of } = partnership;
  if (since === undefined || until !== undefined || status === "ended") return;
  if (status_as_of !== undefined || active_as_of !== undefined) return;
  const dated = partnership.sources.some((ref) => context.records.sources.get(ref.source)?.as_of !== undefined);
  if (dated) return;
  const year = since.slice(0, 4);
  report({ file, path: ["since"], message: context.tr("rule.sinceWithoutDatedReport", { year }), severity: "warning" });
}
