// An IATI 2.03 activity file of the projects the reporting organisation owns: identifier,
// reporting organisation, titles and descriptions in sv/en/de, participants with roles, status,
// dates and budgets where known. Written with xmlbuilder2 through core/xml, safe for any text. Published only when site.yaml names
// the reporting organisation's IATI identifier: an identifier is never invented.
import { type Lang, SOURCE_LANG } from "../core/languages.js";
import { IATI_ACTIVITY_STATUS } from "../core/vocabulary.js";
import { element, type XMLBuilder, xmlDocument } from "../core/xml.js";
import type { Dataset, ProjectFacts } from "../model/dataset.js";
import { firstDay, lastDay } from "../model/dates.js";
import type { OrganisationKind, ParticipantRole, Text } from "../model/types.js";
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

function narratives(
  languages: readonly Lang[],
  parent: XMLBuilder,
  name: string,
  text: Text,
  attributes: Record<string, string> = {},
): void {
  const node = element(parent, name, attributes);
  for (const lang of languages) {
    const value = text[lang];
    if (value !== undefined) element(node, "narrative", { "xml:lang": lang }, value);
  }
}

function activity(
  root: XMLBuilder,
  dataset: Dataset,
  facts: ProjectFacts,
  identifier: string,
  reportingOrg: string,
  updated: string,
  status: string,
): void {
  const project = facts.record;
  const node = element(root, "iati-activity", {
    "last-updated-datetime": updated,
    "xml:lang": SOURCE_LANG,
    ...(project.budget?.total ? { "default-currency": project.budget.total.currency } : {}),
  });
  element(node, "iati-identifier", {}, `${identifier}-${facts.id}`);
  const reporter = dataset.records.organisations.get(reportingOrg);
  narratives(dataset.site.languages, node, "reporting-org", reporter?.name ?? { sv: reportingOrg }, {
    ref: identifier,
    type: (reporter && ORGANISATION_TYPE[reporter.kind]) ?? "10",
  });
  narratives(dataset.site.languages, node, "title", project.title);
  narratives(dataset.site.languages, node, "description", project.summary, { type: "1" });
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
    narratives(dataset.site.languages, node, "participating-org", organisation?.name ?? { sv: id }, {
      role,
      ...(type ? { type } : {}),
    });
  }
  element(node, "activity-status", { code: status });
  const today = dataset.today;
  if (facts.start)
    element(node, "activity-date", {
      type: firstDay(facts.start) <= today ? "2" : "1",
      "iso-date": firstDay(facts.start).toISODate() ?? "",
    });
  if (facts.end)
    element(node, "activity-date", {
      type: lastDay(facts.end) < today ? "4" : "3",
      "iso-date": lastDay(facts.end).toISODate() ?? "",
    });
  for (const country of facts.countries.filter(
    (code) => code !== dataset.records.organisations.get(project.owners[0] ?? "")?.country,
  )) {
    element(node, "recipient-country", { code: country });
  }
  const total = project.budget?.total;
  if (total && facts.start && facts.end) {
    const budget = element(node, "budget", { type: "1", status: "2" });
    element(budget, "period-start", { "iso-date": firstDay(facts.start).toISODate() ?? "" });
    element(budget, "period-end", { "iso-date": lastDay(facts.end).toISODate() ?? "" });
    element(
      budget,
      "value",
      { currency: total.currency, "value-date": firstDay(facts.start).toISODate() ?? "" },
      xsDecimal(total.amount),
    );
  }
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
 * The IATI activity file, or undefined when the publication has no IATI identifier or no project
 * qualifies: the IATI schema rejects a file without activities.
 */
export function iatiActivities(dataset: Dataset): string | undefined {
  const iati = dataset.site.iati;
  if (!iati) return undefined;
  // IATI requires a status and at least one activity date: projects whose sources give neither
  // are left out rather than given a guessed status or date.
  const qualifying = dataset.projects.flatMap((facts) => {
    const status = iatiStatus(facts);
    return facts.record.owners.includes(iati.reporting_org) && (facts.start || facts.end) && status
      ? [{ facts, status }]
      : [];
  });
  if (qualifying.length === 0) return undefined;
  const updated = `${releaseHistory(dataset).current.date}T00:00:00Z`;
  const root = element(xmlDocument(), "iati-activities", {
    version: "2.03",
    "generated-datetime": updated,
  });
  for (const { facts, status } of qualifying)
    activity(root, dataset, facts, iati.identifier, iati.reporting_org, updated, status);
  return root.end({ prettyPrint: true });
}
