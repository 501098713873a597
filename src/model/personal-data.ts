// Contact persons are shown on pages but never published as open data: their records are left
// out and the fields that point at them are dropped (published.ts). A name, e-mail address or
// phone number written into a text of another record would still be published, so such a text is
// an error, located at its field, with the words to use instead.
import type { Kind } from "../core/vocabulary.js";
import type { PathSegment } from "./problems.js";
import { PERSONAL_KINDS, personalFields } from "./published.js";
import type { Report, RuleContext } from "./rules.js";
import type { SourceFile } from "./source-file.js";

interface Person {
  readonly id: string;
  readonly patterns: readonly RegExp[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A whole name or address, in any letter case, not as part of a longer word. */
const wholeWords = (text: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, "iu");

/** What identifies a person in a text: the name, the e-mail address, the phone number's digits. */
function personOf(id: string, record: Readonly<Record<string, unknown>>): Person {
  const patterns: RegExp[] = [];
  for (const field of ["name", "email"] as const) {
    const value = record[field];
    if (typeof value === "string" && value.trim().length > 2) patterns.push(wholeWords(value.trim()));
  }
  const digits = typeof record.phone === "string" ? record.phone.replace(/\D/g, "") : "";
  // A phone number however it is spaced: the digits with anything but digits between them.
  if (digits.length >= 6) patterns.push(new RegExp(`(?<!\\d)${digits.split("").join("\\D{0,2}")}(?!\\d)`));
  return { id, patterns };
}

/** Every text of a value with its path, the fields that point at people left out. */
function* texts(value: unknown, path: readonly PathSegment[]): Generator<[readonly PathSegment[], string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* texts(item, [...path, index]);
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) yield* texts(item, [...path, key]);
}

export function personalDataInTexts(context: RuleContext, report: Report): void {
  const people = [...PERSONAL_KINDS].flatMap((kind) =>
    [...(context.records[kind] as ReadonlyMap<string, object>)].map(([id, record]) =>
      personOf(id, record as Readonly<Record<string, unknown>>),
    ),
  );
  if (people.length === 0) return;
  const check = (file: SourceFile, kind: Kind | "site", record: object) => {
    const hidden = new Set(personalFields(kind));
    for (const [key, value] of Object.entries(record)) {
      if (hidden.has(key)) continue;
      for (const [path, text] of texts(value, [key])) {
        const person = people.find((candidate) => candidate.patterns.some((pattern) => pattern.test(text)));
        if (person) report({ file, path, message: context.tr("rule.personalDataInText", { person: person.id }) });
      }
    }
  };
  for (const [kind, records] of Object.entries(context.records) as [Kind, ReadonlyMap<string, object>][]) {
    if (PERSONAL_KINDS.has(kind)) continue;
    for (const [id, record] of records) {
      const file = context.fileOf(kind, id);
      if (file) check(file, kind, record);
    }
  }
  // The site's contact address has a rule of its own, with advice fit for a mailbox (rules.ts).
  if (context.site && context.siteFile) {
    const { contact_email: _checkedElsewhere, ...site } = context.site;
    check(context.siteFile, "site", site);
  }
}
