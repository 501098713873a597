// An IATI 2.03 activity file of the site's own projects the reporting organisation owns: identifier,
// reporting organisation, titles and descriptions in sv/en/de, participants with roles, status,
// dates and budgets where known. Written with xmlbuilder2 through core/xml, safe for any text.
// Published only when site.yaml names the reporting organisation's IATI identifier: an identifier
// is never invented. An included publication's projects are its publisher's to report, in its own
// file: never here, even where their owner is reconciled with the reporting organisation.

import { type Lang, sourceLanguage } from "../core/languages.js";
import { sourceText } from "../core/names.js";
import { organisationIatiIdentifier } from "../core/org-identifiers.js";
import { IATI_ACTIVITY_STATUS } from "../core/vocabulary.js";
import { element, type XMLBuilder, xmlDocument } from "../core/xml.js";
import type { Dataset, ProjectFacts } from "../model/dataset.js";
import { firstDay, lastDay } from "../model/dates.js";
import { recordKey } from "../model/include-merge.js";
import type { OrganisationKind, ParticipantRole, Site, Text } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";

/** IATI OrganisationType codes for the kinds that have one. */
const ORGANISATION_TYPE: Partial<Record<OrganisationKind, string>> = {
  municipality: "10",
  region: "10",
  "county-board": "10",
  "government-agency": "10",
  "international-body": "40",
  university: "80",
  school: "15",
  company: "70",
  "municipal-company": "15",
  ngo: "22",
  funder: "15",
};

/** IATI OrganisationRole: 1 funding, 2 accountable, 4 implementing. */
const ROLE: Record<ParticipantRole, string | undefined> = {
  funder: "1",
  lead: "2",
  partner: "4",
  associated: "4",
  stakeholder: undefined,
};

/** An element whose text is one narrative per language of the site that has it. */
interface Narratives {
  readonly parent: XMLBuilder;
  readonly name: string;
  readonly text: Text;
  readonly languages: readonly Lang[];
  readonly attributes?: Record<string, string>;
}

function narratives({ parent, name, text, languages, attributes = {} }: Narratives): void {
  const node = element(parent, name, { attributes });
  for (const lang of languages) {
    const value = text[lang];
    if (value !== undefined) element(node, "narrative", { attributes: { "xml:lang": lang }, text: value });
  }
}

/** What an activity is written from. */
interface Activity {
  readonly dataset: Dataset;
  readonly facts: ProjectFacts;
  /** The publication's IATI identifier and reporting organisation. */
  readonly iati: Required<NonNullable<Site["iati"]>>;
  /** The file's date-time, which is each activity's last update. */
  readonly updated: string;
  /** The activity's IATI status code. */
  readonly status: string;
}

function activity(root: XMLBuilder, { dataset, facts, iati, updated, status }: Activity): void {
  const project = facts.record;
  const languages = dataset.site.languages;
  const node = element(root, "iati-activity", {
    attributes: {
      "last-updated-datetime": updated,
      "xml:lang": sourceLanguage(),
      ...(project.budget?.total ? { "default-currency": project.budget.total.currency } : {}),
    },
  });
  element(node, "iati-identifier", { text: `${iati.identifier}-${facts.id}` });
  const reporter = dataset.records.organisations.get(iati.reporting_org);
  narratives({
    parent: node,
    name: "reporting-org",
    text: reporter?.name ?? sourceText(iati.reporting_org),
    languages,
    attributes: { ref: iati.identifier, type: (reporter && ORGANISATION_TYPE[reporter.kind]) ?? "10" },
  });
  narratives({ parent: node, name: "title", text: project.title, languages });
  narratives({ parent: node, name: "description", text: project.summary, languages, attributes: { type: "1" } });
  participatingOrganisations(node, { dataset, facts, reporter: iati });
  element(node, "activity-status", { attributes: { code: status } });
  activityDates(node, dataset, facts);
  for (const country of facts.countries.filter(
    (code) => code !== dataset.records.organisations.get(project.owners[0] ?? "")?.country,
  )) {
    element(node, "recipient-country", { attributes: { code: country } });
  }
  budget(node, facts);
}

/**
 * Owners, funders and participants, each organisation once per role, named by its IATI identifier
 * where the data give one (the reporting organisation by the file's).
 */
function participatingOrganisations(
  node: XMLBuilder,
  { dataset, facts, reporter }: Pick<Activity, "dataset" | "facts"> & { reporter: Activity["iati"] },
): void {
  const project = facts.record;
  const participants: [string, string][] = [
    ...project.owners.map((owner): [string, string] => [owner, "2"]),
    ...facts.funders.map((funder): [string, string] => [funder, "1"]),
    ...(project.participants ?? []).flatMap((participant): [string, string][] =>
      ROLE[participant.role] ? [[participant.organisation, ROLE[participant.role]!]] : [],
    ),
  ];
  for (const [id, role] of participants.filter(
    ([id, role], index) => participants.findIndex(([other, otherRole]) => other === id && otherRole === role) === index,
  )) {
    const organisation = dataset.records.organisations.get(id);
    const type = organisation ? ORGANISATION_TYPE[organisation.kind] : undefined;
    // Only an identifier the data give: an organisation without one has no ref, never a guessed one.
    const own = organisation ? organisationIatiIdentifier(organisation) : undefined;
    const ref = id === reporter.reporting_org ? reporter.identifier : own;
    narratives({
      parent: node,
      name: "participating-org",
      text: organisation?.name ?? sourceText(id),
      languages: dataset.site.languages,
      attributes: { ...(ref ? { ref } : {}), role, ...(type ? { type } : {}) },
    });
  }
}

/** The start and end, planned or actual as the build day says. */
function activityDates(node: XMLBuilder, dataset: Dataset, facts: ProjectFacts): void {
  const today = dataset.today;
  if (facts.start)
    element(node, "activity-date", {
      attributes: {
        // 1 planned, 2 actual start: a start only a plan gives stays planned.
        type: firstDay(facts.start) <= today && !facts.planned.start ? "2" : "1",
        "iso-date": firstDay(facts.start).toISODate() ?? "",
      },
    });
  if (facts.end)
    element(node, "activity-date", {
      attributes: {
        // 3 planned, 4 actual end: an end only a plan gives stays planned.
        type: lastDay(facts.end) < today && !facts.planned.end ? "4" : "3",
        "iso-date": lastDay(facts.end).toISODate() ?? "",
      },
    });
}

/** The total budget over the whole period, when both the total and the period are known. */
function budget(node: XMLBuilder, facts: ProjectFacts): void {
  const total = facts.record.budget?.total;
  if (!total || !facts.start || !facts.end) return;
  const start = firstDay(facts.start).toISODate() ?? "";
  const budget = element(node, "budget", { attributes: { type: "1", status: "2" } });
  element(budget, "period-start", { attributes: { "iso-date": start } });
  element(budget, "period-end", { attributes: { "iso-date": lastDay(facts.end).toISODate() ?? "" } });
  element(budget, "value", {
    attributes: { currency: total.currency, "value-date": start },
    text: xsDecimal(total.amount),
  });
}

/**
 * A non-negative amount as xs:decimal, which IATI's value requires: digits and a point, never the
 * exponent JavaScript writes for numbers from 1e21 up and below 1e-6 ("1e+21", "1e-7").
 */
export function xsDecimal(amount: number): string {
  const text = String(amount);
  const exponential = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponential) return text;
  const [, first = "", rest = "", exponent = "0"] = exponential;
  const digits = first + rest;
  // Where the decimal point falls in `digits`.
  const point = 1 + Number(exponent);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * IATI has no "not confirmed": an unconfirmed project carries the status last reported, which the
 * file's last-updated date qualifies. A project nothing is known of has none, and is left out.
 */
function iatiStatus(facts: ProjectFacts): string | undefined {
  const reported = facts.status.report ? IATI_ACTIVITY_STATUS[facts.status.report.status] : undefined;
  return IATI_ACTIVITY_STATUS[facts.status.status] ?? reported;
}

/**
 * The reporting organisation and its identifier: as site.yaml gives it, else the organisation's own
 * (its iati identifier, or SE-ON- and its organisation number).
 */
function reportingOrganisation(dataset: Dataset): Required<NonNullable<Site["iati"]>> | undefined {
  const iati = dataset.site.iati;
  if (!iati) return undefined;
  const reporter = dataset.records.organisations.get(iati.reporting_org);
  const identifier = iati.identifier ?? (reporter === undefined ? undefined : organisationIatiIdentifier(reporter));
  return identifier === undefined ? undefined : { ...iati, identifier };
}

/**
 * The IATI activity file, or undefined when the publication has no IATI identifier or no project
 * qualifies: the IATI schema rejects a file without activities.
 */
export function iatiActivities(dataset: Dataset): string | undefined {
  const iati = reportingOrganisation(dataset);
  if (!iati) return undefined;
  // IATI requires a status and at least one activity date: projects whose sources give neither
  // are left out rather than given a guessed status or date.
  const qualifying = dataset.projects.flatMap((facts) => {
    const status = iatiStatus(facts);
    const own = !dataset.origins.has(recordKey("projects", facts.id));
    return own && facts.record.owners.includes(iati.reporting_org) && (facts.start || facts.end) && status
      ? [{ facts, status }]
      : [];
  });
  if (qualifying.length === 0) return undefined;
  const updated = `${releaseHistory(dataset).current.date}T00:00:00Z`;
  const root = element(xmlDocument(), "iati-activities", {
    attributes: { version: "2.03", "generated-datetime": updated },
  });
  for (const { facts, status } of qualifying) activity(root, { dataset, facts, iati, updated, status });
  return root.end({ prettyPrint: true });
}
