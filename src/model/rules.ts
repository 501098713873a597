// Rules across fields and records that JSON Schema cannot express. They run on schema-valid
// records only, so each can trust the shape of what it reads.
import type { DateTime } from "luxon";
import { KINDS, type Kind, REPORTED_STATUSES } from "../core/vocabulary.js";
import {
  endFromDuration,
  endsBeforeStart,
  firstDay,
  lastDay,
  type PartialDate,
  parseDuration,
  parsePartialDate,
} from "./dates.js";
import type { SourceFile } from "./load.js";
import type { PathSegment, Severity } from "./problems.js";
import type { Project, Records, Site } from "./types.js";

/** A way to report a problem at a field of a file. */
export type Report = (
  file: SourceFile,
  path: readonly PathSegment[],
  message: string,
  options?: { severity?: Severity; at?: "key" | "value" },
) => void;

export interface RuleContext {
  readonly records: Records;
  readonly site: Site | undefined;
  readonly today: DateTime;
  readonly fileOf: (kind: Kind, id: string) => SourceFile | undefined;
  readonly siteFile: SourceFile | undefined;
}

export function crossRecordProblems(context: RuleContext, report: Report): void {
  for (const [id, project] of context.records.projects) {
    const file = context.fileOf("projects", id);
    if (file) projectRules(id, project, file, context, report);
  }
  for (const [id, partnership] of context.records.partnerships) {
    const file = context.fileOf("partnerships", id);
    if (!file) continue;
    checkPeriod(file, partnership.since, partnership.until, ["until"], report);
    checkNotFuture(file, partnership.since, ["since"], context.today, report);
    const both = partnership.swedish_partners.filter((org) => partnership.international_partners.includes(org));
    for (const org of both) report(file, ["international_partners"], `"${org}" is on both sides of the partnership`);
  }
  for (const [id, source] of context.records.sources) {
    const file = context.fileOf("sources", id);
    if (file) checkNotFuture(file, source.as_of, ["as_of"], context.today, report);
  }
  for (const [id, organisation] of context.records.organisations) {
    const file = context.fileOf("organisations", id);
    if (file && organisation.part_of === id) report(file, ["part_of"], "an organisation cannot be part of itself");
  }
  for (const [id, programme] of context.records.programmes) {
    const file = context.fileOf("programmes", id);
    if (file && programme.part_of === id) report(file, ["part_of"], "a programme cannot be part of itself");
  }
  for (const kind of KINDS) {
    for (const [id, record] of context.records[kind] as Map<string, object>) {
      const file = context.fileOf(kind, id);
      if (file) checkEditorial(record as EditorialRecord, file, report);
    }
  }
  if (context.site && context.siteFile) {
    const mailbox = context.site.contact_email.toLowerCase();
    const owner = [...context.records.people].find(([, person]) => person.email?.toLowerCase() === mailbox);
    if (owner) {
      report(
        context.siteFile,
        ["contact_email"],
        `is the personal address of ${owner[0]}; use a functional mailbox (it is published in the open data)`,
      );
    }
  }
}

function projectRules(id: string, project: Project, file: SourceFile, context: RuleContext, report: Report): void {
  const start = project.start === undefined ? undefined : parsePartialDate(project.start);
  let end = project.end === undefined ? undefined : parsePartialDate(project.end);
  if (project.duration !== undefined) {
    const duration = parseDuration(project.duration);
    // Without a start, a duration is still a fact worth showing; it just yields no end date.
    if (start && duration) end = endFromDuration(start, duration);
  }
  const endsFirst = start !== undefined && end !== undefined && endsBeforeStart(end, start);
  if (endsFirst) {
    report(
      file,
      [project.end === undefined ? "duration" : "end"],
      `the project ends (${end?.iso}) before it starts (${start?.iso})`,
    );
  }
  const futureReport = checkNotFuture(file, project.status_as_of, ["status_as_of"], context.today, report);
  if (project.status_as_of !== undefined && project.status === undefined) {
    report(file, ["status_as_of"], "says when a status was true, but there is no status");
  }
  // With dates that contradict each other or a report from the future, the status cannot be judged.
  if (!endsFirst && !futureReport) checkStatus(project, start, end, file, context.today, report);
  project.conflicts?.forEach((conflict, index) => {
    checkNotFuture(file, conflict.as_of, ["conflicts", index, "as_of"], context.today, report);
    if (conflict.field === "status" && !(REPORTED_STATUSES as readonly string[]).includes(conflict.value)) {
      report(
        file,
        ["conflicts", index, "value"],
        `a conflict on the status gives a status the source reported: one of ${REPORTED_STATUSES.join(", ")}`,
      );
    }
  });
  if ((project as { derived?: unknown }).derived !== undefined) {
    report(file, ["derived"], "is worked out by the build from the dates and reports; delete it", { at: "key" });
  }

  if (project.part_of === id) report(file, ["part_of"], "a project cannot be part of itself");
  if (project.follows === id) report(file, ["follows"], "a project cannot follow itself");

  const total = project.budget?.total;
  const own = project.budget?.own_share;
  if (total && own && total.currency === own.currency && own.amount > total.amount) {
    report(
      file,
      ["budget", "own_share", "amount"],
      `the own share (${own.amount} ${own.currency}) is larger than the total budget (${total.amount} ${total.currency})`,
    );
  }
  project.funding?.forEach((line, index) => {
    const programme = line.programme === undefined ? undefined : context.records.programmes.get(line.programme);
    if (programme && line.funder !== undefined && programme.funder !== line.funder) {
      report(
        file,
        ["funding", index, "funder"],
        `the programme "${line.programme}" is funded by "${programme.funder}", not "${line.funder}"; leave funder out or correct it`,
      );
    }
  });
  const seen = new Map<string, number>();
  project.participants?.forEach((participant, index) => {
    const key = `${participant.organisation}/${participant.role}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      report(
        file,
        ["participants", index],
        `"${participant.organisation}" is already listed as ${participant.role} (participants[${earlier}])`,
      );
    seen.set(key, index);
  });
  if (project.partner_count !== undefined && project.participants) {
    const named = project.participants.filter(
      (participant) => participant.role === "lead" || participant.role === "partner",
    ).length;
    if (named > project.partner_count) {
      report(
        file,
        ["partner_count"],
        `says ${project.partner_count} partners, but ${named} are named as lead or partner`,
      );
    }
  }
}

/**
 * A reported status must be possible on the day it was reported by the record's own dates:
 * not "ongoing" before the start or after the end, not "planned" after the start, not
 * "completed" before the end. A source that says so anyway is kept as a conflict, not as the status.
 */
function checkStatus(
  project: Project,
  start: PartialDate | undefined,
  end: PartialDate | undefined,
  file: SourceFile,
  today: DateTime,
  report: Report,
): void {
  if (project.status === undefined) return;
  const asOfDate = project.status_as_of === undefined ? undefined : parsePartialDate(project.status_as_of);
  const asOf = asOfDate ? lastDay(asOfDate) : today.startOf("day");
  const when = asOfDate ? `the status date (${asOfDate.iso})` : "today";
  const ends =
    project.end === undefined && project.duration !== undefined ? `${end?.iso} (start plus duration)` : end?.iso;
  const keepAsConflict =
    "; if the source says so, keep its report under conflicts (field: status) and remove the status";
  if (project.status === "completed" && end && firstDay(end) > asOf) {
    report(
      file,
      ["status"],
      `is "completed", but the project ends ${ends}, after ${when}; correct the status or the end, or keep the source's report under conflicts (field: status)`,
    );
  }
  if (project.status === "ongoing" && start && firstDay(start) > asOf) {
    report(file, ["status"], `is "ongoing", but the project starts ${start.iso}, after ${when}; use "planned"`);
  }
  if (project.status === "ongoing" && end && lastDay(end) < (asOfDate ? firstDay(asOfDate) : today)) {
    report(file, ["status"], `is "ongoing", but the project ended ${ends}, before ${when}${keepAsConflict}`);
  }
  if (project.status === "planned" && start && lastDay(start) < (asOfDate ? firstDay(asOfDate) : today)) {
    report(file, ["status"], `is "planned", but the project started ${start.iso}, before ${when}`);
  }
}

type EditorialRecord = { editorial?: string[] } & Record<string, unknown>;

/** Each field marked editorial must be one the record gives; the marking says where a value comes from. */
function checkEditorial(record: EditorialRecord, file: SourceFile, report: Report): void {
  record.editorial?.forEach((field, index) => {
    if (field === "editorial" || field === "sources" || record[field] === undefined) {
      report(
        file,
        ["editorial", index],
        `"${field}" is not a field this record gives; list only fields whose values the editor added without a source`,
      );
    }
  });
}

function checkPeriod(
  file: SourceFile,
  since: string | undefined,
  until: string | undefined,
  path: PathSegment[],
  report: Report,
): void {
  const from = since === undefined ? undefined : parsePartialDate(since);
  const to = until === undefined ? undefined : parsePartialDate(until);
  if (from && to && endsBeforeStart(to, from)) report(file, path, `${to.iso} is before the start, ${from.iso}`);
}

/** Reports a date after the build day; true when it did. */
function checkNotFuture(
  file: SourceFile,
  value: string | undefined,
  path: PathSegment[],
  today: DateTime,
  report: Report,
): boolean {
  const date = value === undefined ? undefined : parsePartialDate(value);
  if (!date || firstDay(date) <= today) return false;
  report(file, path, `${date.iso} is in the future; this says what was known on a past day`);
  return true;
}
