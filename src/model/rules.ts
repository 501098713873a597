// Rules across fields and records that JSON Schema cannot express. They run on schema-valid
// records only, so each can trust the shape of what it reads.

import {
  IATI_SCHEME,
  iatiIdentifierFromNumber,
  identifierIn,
  identifierProblem,
  organisationIatiIdentifier,
  swedishIdentifierMismatch,
} from "../core/org-identifiers.js";
import {
  KINDS,
  type Kind,
  REPORTED_LINK_STATUSES,
  REPORTED_STATUSES,
  type ReportedLinkStatus,
} from "../core/vocabulary.js";
import {
  endFromDuration,
  endsBeforeStart,
  firstDay,
  lastDay,
  type PartialDate,
  parseDuration,
  parsePartialDate,
} from "./dates.js";
import type { PathSegment } from "./problems.js";
import type { FieldProblem, Report, RuleContext } from "./rule-context.js";
import type { SourceFile } from "./source-file.js";
import { truthProblems } from "./truth-rules.js";
import type { Organisation, Project } from "./types.js";

export type { FieldProblem, Report, RuleContext };

/** One record's file under the rules: where its errors go, and what the rules read. */
export interface RecordCheck {
  readonly file: SourceFile;
  readonly context: RuleContext;
  readonly report: Report;
}

/** Reports an error at a field of the record under check. */
function fail(check: RecordCheck, path: readonly PathSegment[], message: string): void {
  check.report({ file: check.file, path, message });
}

/** Reports a warning at a field of the record under check: the data stay valid (but not under --strict). */
function warn(check: RecordCheck, path: readonly PathSegment[], message: string): void {
  check.report({ file: check.file, path, message, severity: "warning" });
}

/** A derived object is the build's: written in data/, it is an error. */
function checkNotDerived(check: RecordCheck, record: object): void {
  if ((record as { derived?: unknown }).derived === undefined) return;
  check.report({
    file: check.file,
    path: ["derived"],
    message: check.context.tr("rule.derivedIsWorkedOut"),
    at: "key",
  });
}

/** The fields of a record that date a reported status and name its sources. */
interface DatedStatus {
  readonly status_as_of?: string | undefined;
  readonly editorial?: readonly string[] | undefined;
  readonly sources: readonly { readonly source: string }[];
}

/**
 * A status date is the date of the source that reports the status. One that none of the record's
 * sources carries is the editor's conclusion: it must say so (editorial), or it passes for a source's.
 */
function checkStatusDate(check: RecordCheck, record: DatedStatus): void {
  const asOf = record.status_as_of === undefined ? undefined : parsePartialDate(record.status_as_of);
  if (!asOf || record.editorial?.includes("status_as_of")) return;
  const sources = record.sources.map((ref) => check.context.records.sources.get(ref.source));
  // A source that is missing or in error has a message of its own; its date cannot be read.
  if (sources.some((source) => source === undefined)) return;
  const dates = sources.map((source) => source?.as_of);
  if (dates.some((date) => date !== undefined && withinSourceDate(date, asOf))) return;
  // A date in the future is an error of its own, the status date's or the source's: no second word on it.
  const future = (date: string | undefined) => {
    const parsed = date === undefined ? undefined : parsePartialDate(date);
    return parsed !== undefined && firstDay(parsed) > check.context.today;
  };
  if (future(record.status_as_of) || dates.some(future)) return;
  const given = dates.filter((date): date is string => date !== undefined);
  const { tr } = check.context;
  const message = tr("rule.statusDateNotInSources", {
    date: asOf.iso,
    dates: given.length > 0 ? [...new Set(given)].join(", ") : tr("rule.undatedSources"),
    field: "status_as_of",
  });
  warn(check, ["status_as_of"], message);
}

/** Whether a status date is a source's date, or the month or year it falls in. */
function withinSourceDate(sourceDate: string, asOf: PartialDate): boolean {
  const date = parsePartialDate(sourceDate);
  return date !== undefined && firstDay(asOf) <= firstDay(date) && lastDay(date) <= lastDay(asOf);
}

/** The fields of a partnership or network that its status rules read. */
interface LinkDates extends DatedStatus {
  readonly status?: ReportedLinkStatus | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly conflicts?: readonly { readonly field: string; readonly value: string; readonly as_of?: string }[];
}

/**
 * A partnership's or network's reported status, by the rules of a project's: possible on the day it
 * was reported by the record's own dates, dated no later than the build day, never derived by hand.
 */
function linkStatusRules(check: RecordCheck, record: LinkDates): void {
  const { tr, today } = check.context;
  checkNotDerived(check, record);
  const future = checkNotFuture(check, record.status_as_of, ["status_as_of"]);
  if (record.status_as_of !== undefined && record.status === undefined) {
    fail(check, ["status_as_of"], tr("rule.statusAsOfWithoutStatus"));
  }
  record.conflicts?.forEach((conflict, index) => {
    checkNotFuture(check, conflict.as_of, ["conflicts", index, "as_of"]);
    if (conflict.field === "status" && !(REPORTED_LINK_STATUSES as readonly string[]).includes(conflict.value)) {
      const statuses = REPORTED_LINK_STATUSES.join(", ");
      fail(check, ["conflicts", index, "value"], tr("rule.conflictStatusValue", { statuses }));
    }
  });
  checkStatusDate(check, record);
  if (future || record.status === undefined) return;
  const since = record.since === undefined ? undefined : parsePartialDate(record.since);
  const until = record.until === undefined ? undefined : parsePartialDate(record.until);
  const asOfDate = record.status_as_of === undefined ? undefined : parsePartialDate(record.status_as_of);
  const asOf = asOfDate ? lastDay(asOfDate) : today.startOf("day");
  const when = asOfDate ? tr("rule.statusDate", { date: asOfDate.iso }) : tr("rule.today");
  const reported = asOfDate ? firstDay(asOfDate) : today;
  if (record.status === "active" && since && firstDay(since) > asOf) {
    fail(check, ["status"], tr("rule.linkActiveBeforeSince", { since: since.iso, when }));
  }
  if (record.status === "planned" && since && lastDay(since) < reported) {
    fail(check, ["status"], tr("rule.linkPlannedButStarted", { since: since.iso, when }));
  }
  if (record.status === "active" && until && lastDay(until) < reported) {
    fail(check, ["status"], tr("rule.linkActiveAfterUntil", { until: until.iso, when }));
  }
  if (record.status === "ended" && until && firstDay(until) > asOf) {
    fail(check, ["status"], tr("rule.linkEndedBeforeUntil", { until: until.iso, when }));
  }
}

export function crossRecordProblems(context: RuleContext, report: Report): void {
  const { tr } = context;
  for (const [id, project] of context.records.projects) {
    const file = context.fileOf("projects", id);
    if (file) projectRules({ file, context, report }, id, project);
  }
  for (const [id, partnership] of context.records.partnerships) {
    const file = context.fileOf("partnerships", id);
    if (!file) continue;
    const check: RecordCheck = { file, context, report };
    checkPeriod(check, partnership, ["until"]);
    checkNotFuture(check, partnership.since, ["since"]);
    linkStatusRules(check, partnership);
    const both = partnership.swedish_partners.filter((org) => partnership.international_partners.includes(org));
    for (const org of both) fail(check, ["international_partners"], tr("rule.bothSides", { organisation: org }));
  }
  for (const [id, network] of context.records.networks) {
    const file = context.fileOf("networks", id);
    if (file) linkStatusRules({ file, context, report }, network);
  }
  for (const [id, source] of context.records.sources) {
    const file = context.fileOf("sources", id);
    if (file) checkNotFuture({ file, context, report }, source.as_of, ["as_of"]);
  }
  for (const [id, organisation] of context.records.organisations) {
    const file = context.fileOf("organisations", id);
    if (file && organisation.part_of === id)
      report({ file, path: ["part_of"], message: tr("rule.organisationPartOfItself") });
  }
  organisationIdentifierRules(context, report);
  for (const [id, programme] of context.records.programmes) {
    const file = context.fileOf("programmes", id);
    if (file && programme.part_of === id)
      report({ file, path: ["part_of"], message: tr("rule.programmePartOfItself") });
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
        if (file) report({ file, path: [field], message: tr("rule.cycle", { field, cycle: round }) });
      });
    }
  }
  for (const kind of KINDS) {
    for (const [id, record] of context.records[kind] as Map<string, object>) {
      const file = context.fileOf(kind, id);
      if (file) checkEditorial({ file, context, report }, record as EditorialRecord);
    }
  }
  if (context.site && context.siteFile) {
    const mailbox = context.site.contact_email.toLowerCase();
    const owner = [...context.records.people].find(([, person]) => person.email?.toLowerCase() === mailbox);
    if (owner) {
      const message = tr("rule.personalContactEmail", { person: owner[0] });
      report({ file: context.siteFile, path: ["contact_email"], message });
    }
    iatiIdentifierRule(context, context.siteFile, report);
  }
  truthProblems(context, report);
}

/**
 * An organisation's identifiers: each of the form its scheme has, one per scheme, a Swedish IATI
 * identifier its organisation number's, each from a source of the record or marked editorial, and
 * none another organisation's too.
 */
function organisationIdentifierRules(context: RuleContext, report: Report): void {
  const taken = new Map<string, string>();
  for (const [id, organisation] of context.records.organisations) {
    const file = context.fileOf("organisations", id);
    if (file && organisation.identifiers) identifierRules({ file, context, report }, { id, organisation, taken });
  }
}

function identifierRules(
  check: RecordCheck,
  { id, organisation, taken }: { id: string; organisation: Organisation; taken: Map<string, string> },
): void {
  const { tr } = check.context;
  const identifiers = organisation.identifiers ?? [];
  const cited = new Set((organisation.sources ?? []).map((ref) => ref.source));
  if (cited.size === 0 && !organisation.editorial?.includes("identifiers"))
    fail(check, ["identifiers"], tr("orgIdentifiers.withoutSource"));
  const schemes = new Map<string, number>();
  identifiers.forEach((identifier, index) => {
    const earlier = schemes.get(identifier.scheme);
    if (earlier !== undefined)
      fail(check, ["identifiers", index, "scheme"], tr("orgIdentifiers.schemeTwice", { ...identifier, earlier }));
    else schemes.set(identifier.scheme, index);
    if (identifier.source !== undefined && !cited.has(identifier.source))
      fail(
        check,
        ["identifiers", index, "source"],
        tr("orgIdentifiers.sourceNotListed", { source: identifier.source }),
      );
    const problem = identifierProblem(identifier);
    if (problem) {
      fail(check, ["identifiers", index, "id"], tr(`orgIdentifiers.${problem}`, { id: identifier.id }));
      return;
    }
    const derived = swedishIdentifierMismatch(identifier, organisation);
    if (derived !== undefined) {
      const number = organisation.organisation_number ?? "";
      fail(
        check,
        ["identifiers", index, "id"],
        tr("orgIdentifiers.notTheNumber", { id: identifier.id, number, derived }),
      );
    }
    const key = `${identifier.scheme} ${identifier.id}`;
    const other = taken.get(key);
    if (other !== undefined && other !== id)
      fail(check, ["identifiers", index, "id"], tr("orgIdentifiers.taken", { ...identifier, organisation: other }));
    else taken.set(key, id);
  });
}

/**
 * IATI needs the reporting organisation's identifier: the one site.yaml gives, or the
 * organisation's own (its iati identifier, else SE-ON- and its number). Both given, a Swedish
 * identifier must be that number's, and any the organisation's iati identifier.
 */
function iatiIdentifierRule(context: RuleContext, siteFile: SourceFile, report: Report): void {
  const iati = context.site?.iati;
  if (!iati) return;
  const reporter = context.records.organisations.get(iati.reporting_org);
  const derived = reporter === undefined ? undefined : iatiIdentifierFromNumber(reporter);
  const own = reporter === undefined ? undefined : organisationIatiIdentifier(reporter);
  const given = reporter === undefined ? undefined : identifierIn(reporter, IATI_SCHEME);
  if (iati.identifier === undefined && own === undefined)
    report({ file: siteFile, path: ["iati"], message: context.tr("rule.iatiIdentifierMissing") });
  else if (derived && iati.identifier?.startsWith("SE-ON-") && iati.identifier !== derived)
    report({
      file: siteFile,
      path: ["iati", "identifier"],
      message: context.tr("rule.iatiIdentifierMismatch", { identifier: iati.identifier, derived }),
    });
  else if (iati.identifier !== undefined && given !== undefined && iati.identifier !== given)
    report({
      file: siteFile,
      path: ["iati", "identifier"],
      message: context.tr("orgIdentifiers.siteDiffers", { identifier: iati.identifier, given }),
    });
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

/** The fields of a project that the date rules read; each is optional, so a partial record will do. */
export const PROJECT_DATE_FIELDS = ["start", "end", "duration", "status", "status_as_of"] as const;
export type ProjectDates = Pick<Project, (typeof PROJECT_DATE_FIELDS)[number]>;

/**
 * The rules between a project's dates and its reported status. They read only the fields of
 * PROJECT_DATE_FIELDS, so they also run on a record with schema errors in other fields: the editor
 * hears of an end before the start in the same run as of a missing source.
 */
export function projectDateRules(check: RecordCheck, project: ProjectDates): void {
  const { tr } = check.context;
  const start = project.start === undefined ? undefined : parsePartialDate(project.start);
  let end = project.end === undefined ? undefined : parsePartialDate(project.end);
  if (project.duration !== undefined) {
    const duration = parseDuration(project.duration);
    // Without a start, a duration is still a fact worth showing; it just yields no end date.
    if (start && duration) {
      end = endFromDuration(start, duration);
      // An end past 9999 cannot be written as a date: the outputs would silently lose it.
      if (!end) fail(check, ["duration"], tr("rule.durationEndsTooLate", { start: start.iso }));
    }
  }
  const endsFirst = start !== undefined && end !== undefined && endsBeforeStart(end, start);
  if (endsFirst) {
    fail(
      check,
      [project.end === undefined ? "duration" : "end"],
      tr("rule.endsBeforeStart", { end: end?.iso ?? "", start: start?.iso ?? "" }),
    );
  }
  const futureReport = checkNotFuture(check, project.status_as_of, ["status_as_of"]);
  if (project.status_as_of !== undefined && project.status === undefined) {
    fail(check, ["status_as_of"], tr("rule.statusAsOfWithoutStatus"));
  }
  // With dates that contradict each other or a report from the future, the status cannot be judged.
  if (!endsFirst && !futureReport) checkStatus(check, project, { start, end });
}

function projectRules(check: RecordCheck, id: string, project: Project): void {
  const { context } = check;
  const { tr } = context;
  projectDateRules(check, project);
  project.conflicts?.forEach((conflict, index) => {
    checkNotFuture(check, conflict.as_of, ["conflicts", index, "as_of"]);
    if (conflict.field === "status" && !(REPORTED_STATUSES as readonly string[]).includes(conflict.value)) {
      fail(
        check,
        ["conflicts", index, "value"],
        tr("rule.conflictStatusValue", { statuses: REPORTED_STATUSES.join(", ") }),
      );
    }
  });
  checkNotDerived(check, project);
  checkStatusDate(check, project);
  project.participants?.forEach((participant, index) => {
    if (participant.role !== "lead" || participant.note !== undefined) return;
    if (project.editorial?.includes("participants")) return;
    warn(
      check,
      ["participants", index, "role"],
      tr("rule.leadWithoutSource", { organisation: participant.organisation }),
    );
  });

  if (project.part_of === id) fail(check, ["part_of"], tr("rule.projectPartOfItself"));
  if (project.follows === id) fail(check, ["follows"], tr("rule.projectFollowsItself"));

  const total = project.budget?.total;
  const own = project.budget?.own_share;
  if (total && own && total.currency === own.currency && own.amount > total.amount) {
    fail(
      check,
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
      fail(
        check,
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
      fail(
        check,
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
      fail(check, ["partner_count"], tr("rule.partnerCountBelowNamed", { count: project.partner_count, named }));
    }
  }
}

/**
 * A reported status must be possible on the day it was reported by the record's own dates:
 * not "ongoing" before the start or after the end, not "planned" after the start, not
 * "completed" before the end. A source that says so anyway is kept as a conflict, not as the status.
 */
function checkStatus(
  check: RecordCheck,
  project: ProjectDates,
  { start, end }: { readonly start: PartialDate | undefined; readonly end: PartialDate | undefined },
): void {
  const { today, tr } = check.context;
  if (project.status === undefined) return;
  const asOfDate = project.status_as_of === undefined ? undefined : parsePartialDate(project.status_as_of);
  const asOf = asOfDate ? lastDay(asOfDate) : today.startOf("day");
  const when = asOfDate ? tr("rule.statusDate", { date: asOfDate.iso }) : tr("rule.today");
  const ends =
    project.end === undefined && project.duration !== undefined
      ? tr("rule.endByDuration", { end: end?.iso ?? "" })
      : (end?.iso ?? "");
  if (project.status === "completed" && end && firstDay(end) > asOf) {
    fail(check, ["status"], tr("rule.completedButEnds", { end: ends, when }));
  }
  if (project.status === "ongoing" && start && firstDay(start) > asOf) {
    fail(check, ["status"], tr("rule.ongoingButStarts", { start: start.iso, when }));
  }
  if (project.status === "ongoing" && end && lastDay(end) < (asOfDate ? firstDay(asOfDate) : today)) {
    fail(check, ["status"], tr("rule.ongoingButEnded", { end: ends, when }));
  }
  if (project.status === "planned" && start && lastDay(start) < (asOfDate ? firstDay(asOfDate) : today)) {
    fail(check, ["status"], tr("rule.plannedButStarted", { start: start.iso, when }));
  }
}

type EditorialRecord = { editorial?: string[] } & Record<string, unknown>;

/** Each field marked editorial must be one the record gives; the marking says where a value comes from. */
function checkEditorial(check: RecordCheck, record: EditorialRecord): void {
  record.editorial?.forEach((field, index) => {
    if (field === "editorial" || field === "sources" || record[field] === undefined) {
      fail(check, ["editorial", index], check.context.tr("rule.editorialNotAField", { field }));
    }
  });
}

/** Reports a period whose end (`until`) comes before its start (`since`). */
function checkPeriod(
  check: RecordCheck,
  { since, until }: { readonly since?: string | undefined; readonly until?: string | undefined },
  path: PathSegment[],
): void {
  const from = since === undefined ? undefined : parsePartialDate(since);
  const to = until === undefined ? undefined : parsePartialDate(until);
  if (from && to && endsBeforeStart(to, from))
    fail(check, path, check.context.tr("rule.untilBeforeSince", { until: to.iso, since: from.iso }));
}

/** Reports a date after the build day; true when it did. */
function checkNotFuture(check: RecordCheck, value: string | undefined, path: PathSegment[]): boolean {
  const date = value === undefined ? undefined : parsePartialDate(value);
  if (!date || firstDay(date) <= check.context.today) return false;
  fail(check, path, check.context.tr("rule.inTheFuture", { date: date.iso }));
  return true;
}
