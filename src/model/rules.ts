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
import type { Translate } from "./messages.js";
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
  /** The messages, in the editor's language. */
  readonly tr: Translate;
}

export function crossRecordProblems(context: RuleContext, report: Report): void {
  const { tr } = context;
  for (const [id, project] of context.records.projects) {
    const file = context.fileOf("projects", id);
    if (file) projectRules(id, project, file, context, report);
  }
  for (const [id, partnership] of context.records.partnerships) {
    const file = context.fileOf("partnerships", id);
    if (!file) continue;
    checkPeriod(file, partnership.since, partnership.until, ["until"], report, tr);
    checkNotFuture(file, partnership.since, ["since"], context.today, report, tr);
    const both = partnership.swedish_partners.filter((org) => partnership.international_partners.includes(org));
    for (const org of both) report(file, ["international_partners"], tr("rule.bothSides", { organisation: org }));
  }
  for (const [id, source] of context.records.sources) {
    const file = context.fileOf("sources", id);
    if (file) checkNotFuture(file, source.as_of, ["as_of"], context.today, report, tr);
  }
  for (const [id, organisation] of context.records.organisations) {
    const file = context.fileOf("organisations", id);
    if (file && organisation.part_of === id) report(file, ["part_of"], tr("rule.organisationPartOfItself"));
  }
  for (const [id, programme] of context.records.programmes) {
    const file = context.fileOf("programmes", id);
    if (file && programme.part_of === id) report(file, ["part_of"], tr("rule.programmePartOfItself"));
  }
  // A record part of (or following) itself has its own message above; longer circles are found here.
  const cycles: [Kind, "part_of" | "follows", ReadonlyMap<string, string | undefined>][] = [
    ["projects", "part_of", mapValues(context.records.projects, (project) => project.part_of)],
    ["projects", "follows", mapValues(context.records.projects, (project) => project.follows)],
    ["organisations", "part_of", mapValues(context.records.organisations, (organisation) => organisation.part_of)],
    ["programmes", "part_of", mapValues(context.records.programmes, (programme) => programme.part_of)],
  ];
  for (const [kind, field, next] of cycles) {
    for (const cycle of findCycles(next)) {
      cycle.forEach((id, index) => {
        const file = context.fileOf(kind, id);
        const round = [...cycle.slice(index), ...cycle.slice(0, index), id].join(" → ");
        if (file) report(file, [field], tr("rule.cycle", { field, cycle: round }));
      });
    }
  }
  for (const kind of KINDS) {
    for (const [id, record] of context.records[kind] as Map<string, object>) {
      const file = context.fileOf(kind, id);
      if (file) checkEditorial(record as EditorialRecord, file, report, tr);
    }
  }
  if (context.site && context.siteFile) {
    const mailbox = context.site.contact_email.toLowerCase();
    const owner = [...context.records.people].find(([, person]) => person.email?.toLowerCase() === mailbox);
    if (owner) {
      report(context.siteFile, ["contact_email"], tr("rule.personalContactEmail", { person: owner[0] }));
    }
  }
}

function mapValues<T>(
  records: ReadonlyMap<string, T>,
  value: (record: T) => string | undefined,
): Map<string, string | undefined> {
  return new Map([...records].map(([id, record]) => [id, value(record)]));
}

/**
 * The circles of two or more records in a relation where each record names at most one other
 * (part_of, follows), each from its smallest id. Every record is walked once: linear.
 */
export function findCycles(next: ReadonlyMap<string, string | undefined>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const first of [...next.keys()].sort()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let id: string | undefined = first;
    while (id !== undefined && next.has(id) && !done.has(id) && !onPath.has(id)) {
      onPath.set(id, path.length);
      path.push(id);
      id = next.get(id);
    }
    const start = id === undefined ? undefined : onPath.get(id);
    if (start !== undefined && path.length - start > 1) {
      const cycle = path.slice(start);
      const smallest = cycle.indexOf([...cycle].sort()[0] as string);
      cycles.push([...cycle.slice(smallest), ...cycle.slice(0, smallest)]);
    }
    for (const seen of path) done.add(seen);
  }
  return cycles;
}

function projectRules(id: string, project: Project, file: SourceFile, context: RuleContext, report: Report): void {
  const { tr } = context;
  const start = project.start === undefined ? undefined : parsePartialDate(project.start);
  let end = project.end === undefined ? undefined : parsePartialDate(project.end);
  if (project.duration !== undefined) {
    const duration = parseDuration(project.duration);
    // Without a start, a duration is still a fact worth showing; it just yields no end date.
    if (start && duration) {
      end = endFromDuration(start, duration);
      // An end past 9999 cannot be written as a date: the outputs would silently lose it.
      if (!end) report(file, ["duration"], tr("rule.durationEndsTooLate", { start: start.iso }));
    }
  }
  const endsFirst = start !== undefined && end !== undefined && endsBeforeStart(end, start);
  if (endsFirst) {
    report(
      file,
      [project.end === undefined ? "duration" : "end"],
      tr("rule.endsBeforeStart", { end: end?.iso ?? "", start: start?.iso ?? "" }),
    );
  }
  const futureReport = checkNotFuture(file, project.status_as_of, ["status_as_of"], context.today, report, tr);
  if (project.status_as_of !== undefined && project.status === undefined) {
    report(file, ["status_as_of"], tr("rule.statusAsOfWithoutStatus"));
  }
  // With dates that contradict each other or a report from the future, the status cannot be judged.
  if (!endsFirst && !futureReport) checkStatus(project, start, end, file, context.today, report, tr);
  project.conflicts?.forEach((conflict, index) => {
    checkNotFuture(file, conflict.as_of, ["conflicts", index, "as_of"], context.today, report, tr);
    if (conflict.field === "status" && !(REPORTED_STATUSES as readonly string[]).includes(conflict.value)) {
      report(
        file,
        ["conflicts", index, "value"],
        tr("rule.conflictStatusValue", { statuses: REPORTED_STATUSES.join(", ") }),
      );
    }
  });
  if ((project as { derived?: unknown }).derived !== undefined) {
    report(file, ["derived"], tr("rule.derivedIsWorkedOut"), { at: "key" });
  }

  if (project.part_of === id) report(file, ["part_of"], tr("rule.projectPartOfItself"));
  if (project.follows === id) report(file, ["follows"], tr("rule.projectFollowsItself"));

  const total = project.budget?.total;
  const own = project.budget?.own_share;
  if (total && own && total.currency === own.currency && own.amount > total.amount) {
    report(
      file,
      ["budget", "own_share", "amount"],
      tr("rule.ownShareAboveTotal", {
        own: `${own.amount} ${own.currency}`,
        total: `${total.amount} ${total.currency}`,
      }),
    );
  }
  project.funding?.forEach((line, index) => {
    const programme = line.programme === undefined ? undefined : context.records.programmes.get(line.programme);
    if (programme && line.funder !== undefined && programme.funder !== line.funder) {
      report(
        file,
        ["funding", index, "funder"],
        tr("rule.programmeFunderMismatch", {
          programme: line.programme ?? "",
          funder: programme.funder,
          given: line.funder,
        }),
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
        tr("rule.participantTwice", { organisation: participant.organisation, role: participant.role, earlier }),
      );
    seen.set(key, index);
  });
  if (project.partner_count !== undefined && project.participants) {
    const named = project.participants.filter(
      (participant) => participant.role === "lead" || participant.role === "partner",
    ).length;
    if (named > project.partner_count) {
      report(file, ["partner_count"], tr("rule.partnerCountBelowNamed", { count: project.partner_count, named }));
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
  tr: Translate,
): void {
  if (project.status === undefined) return;
  const asOfDate = project.status_as_of === undefined ? undefined : parsePartialDate(project.status_as_of);
  const asOf = asOfDate ? lastDay(asOfDate) : today.startOf("day");
  const when = asOfDate ? tr("rule.statusDate", { date: asOfDate.iso }) : tr("rule.today");
  const ends =
    project.end === undefined && project.duration !== undefined
      ? tr("rule.endByDuration", { end: end?.iso ?? "" })
      : (end?.iso ?? "");
  if (project.status === "completed" && end && firstDay(end) > asOf) {
    report(file, ["status"], tr("rule.completedButEnds", { end: ends, when }));
  }
  if (project.status === "ongoing" && start && firstDay(start) > asOf) {
    report(file, ["status"], tr("rule.ongoingButStarts", { start: start.iso, when }));
  }
  if (project.status === "ongoing" && end && lastDay(end) < (asOfDate ? firstDay(asOfDate) : today)) {
    report(file, ["status"], tr("rule.ongoingButEnded", { end: ends, when }));
  }
  if (project.status === "planned" && start && lastDay(start) < (asOfDate ? firstDay(asOfDate) : today)) {
    report(file, ["status"], tr("rule.plannedButStarted", { start: start.iso, when }));
  }
}

type EditorialRecord = { editorial?: string[] } & Record<string, unknown>;

/** Each field marked editorial must be one the record gives; the marking says where a value comes from. */
function checkEditorial(record: EditorialRecord, file: SourceFile, report: Report, tr: Translate): void {
  record.editorial?.forEach((field, index) => {
    if (field === "editorial" || field === "sources" || record[field] === undefined) {
      report(file, ["editorial", index], tr("rule.editorialNotAField", { field }));
    }
  });
}

function checkPeriod(
  file: SourceFile,
  since: string | undefined,
  until: string | undefined,
  path: PathSegment[],
  report: Report,
  tr: Translate,
): void {
  const from = since === undefined ? undefined : parsePartialDate(since);
  const to = until === undefined ? undefined : parsePartialDate(until);
  if (from && to && endsBeforeStart(to, from))
    report(file, path, tr("rule.untilBeforeSince", { until: to.iso, since: from.iso }));
}

/** Reports a date after the build day; true when it did. */
function checkNotFuture(
  file: SourceFile,
  value: string | undefined,
  path: PathSegment[],
  today: DateTime,
  report: Report,
  tr: Translate,
): boolean {
  const date = value === undefined ? undefined : parsePartialDate(value);
  if (!date || firstDay(date) <= today) return false;
  report(file, path, tr("rule.inTheFuture", { date: date.iso }));
  return true;
}
