// Rules across fields and records that JSON Schema cannot express. They run on schema-valid
// records only, so each can trust the shape of what it reads.
import type { DateTime } from "luxon";
import type { Kind } from "../core/vocabulary.js";
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
  if (start && end && endsBeforeStart(end, start)) {
    report(
      file,
      [project.end === undefined ? "duration" : "end"],
      `the project ends (${end.iso}) before it starts (${start.iso})`,
    );
  }
  checkNotFuture(file, project.status_as_of, ["status_as_of"], context.today, report);
  if (project.status_as_of !== undefined && project.status === undefined) {
    report(file, ["status_as_of"], "says when a status was true, but there is no status");
  }
  checkStatus(project, start, end, file, context.today, report);

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

/** A reported status must be possible on the day it was reported and on the day of the build. */
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
  if (project.status === "completed" && end && firstDay(end) > asOf) {
    report(
      file,
      ["status"],
      `is "completed", but the project ends ${end.iso}, after ${when}; correct the status or the end`,
    );
  }
  if (project.status === "ongoing" && start && firstDay(start) > asOf) {
    report(file, ["status"], `is "ongoing", but the project starts ${start.iso}, after ${when}; use "planned"`);
  }
  if (project.status === "planned" && start && lastDay(start) < (asOfDate ? firstDay(asOfDate) : today)) {
    report(file, ["status"], `is "planned", but the project started ${start.iso}, before ${when}`);
  }
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

function checkNotFuture(
  file: SourceFile,
  value: string | undefined,
  path: PathSegment[],
  today: DateTime,
  report: Report,
): void {
  const date = value === undefined ? undefined : parsePartialDate(value);
  if (date && firstDay(date) > today)
    report(file, path, `${date.iso} is in the future; this says what was known on a past day`);
}
