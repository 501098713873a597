// Turns ajv's errors into sentences an editor understands, with the field and a suggestion, in
// the editor's language.

import type { ErrorObject } from "ajv";
import countries from "i18n-iso-countries";
import { addTo } from "../core/collections.js";
import { availableLanguages } from "../core/languages.js";
import { emailProblem, type LinkProblem, type WebUrlProblem, webUrlProblem } from "../core/url-rule.js";
import { COUNTRIES, CURRENCIES } from "./codes.js";
import { DURATION } from "./dates.js";
import type { MessageKey, Translate } from "./messages.js";
import type { PathSegment } from "./problems.js";
import { didYouMean } from "./suggest.js";

export interface SchemaMessage {
  /** The path of the field at fault. */
  readonly path: PathSegment[];
  /** Point at the key (unknown fields) rather than the value. */
  readonly at: "key" | "value";
  readonly message: string;
}

/** JSON pointer "/funding/0/currency" to ["funding", 0, "currency"]. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const show = (value: unknown): string =>
  typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));

function typeName(value: unknown, tr: Translate): string {
  if (Array.isArray(value)) return tr("actual.list");
  if (typeof value === "object") return tr("actual.group");
  if (typeof value === "string") return tr("actual.text");
  if (typeof value === "boolean") return tr("actual.boolean");
  return tr("actual.other", { type: String(value) });
}

const EXPECTED: Record<string, MessageKey> = {
  string: "type.string",
  number: "type.number",
  integer: "type.integer",
  boolean: "type.boolean",
  array: "type.array",
  object: "type.object",
};

let countryByName: Map<string, string> | undefined;

/** The code of a country written by its name in a language Utblick has a catalogue for ("Finland" is FI). */
function countryCodeFor(value: string): string | undefined {
  // One table of names, built once: looking each name up through the library scans every country.
  if (!countryByName) {
    countryByName = new Map();
    for (const lang of availableLanguages()) {
      for (const [code, names] of Object.entries(countries.getNames(lang, { select: "all" })))
        for (const name of names) countryByName.set(name.toLowerCase(), code);
    }
  }
  return countryByName.get(value.trim().toLowerCase());
}

const MULTIPLIERS: readonly [RegExp, number][] = [
  [/^(miljarder|miljard|mdr|mrd\.?|milliarden?|billions?|bn)$/, 1e9],
  [/^(miljoner|miljon|milj\.?|mkr|mn|mio\.?|millionen|millions?|m)$/, 1e6],
  [/^(tusen|tkr|tsd\.?|thousands?|k)$/, 1e3],
];
const CURRENCY_WORDS = /^(kr|kronor|sek|eur|euro|euros|€|usd|\$|dollar|dollars)$/;

/**
 * The digits an amount written in words or with separators stands for: "3,5 miljoner" is
 * 3500000, "200 000 kr" is 200000, "1.5 million" is 1500000; undefined when it cannot be read.
 */
export function amountDigits(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .trim()
    .split(/\s+(?=[^\d\s])|(?<=\d)(?=[a-z€$])/);
  const numberPart = (words.shift() ?? "").replace(/ /g, "");
  let multiplier = 1;
  for (const word of words) {
    const found = MULTIPLIERS.find(([pattern]) => pattern.test(word));
    if (found) multiplier *= found[1];
    else if (!CURRENCY_WORDS.test(word)) return undefined;
  }
  let normalised: string;
  if (
    /^\d{1,3}([,.])\d{3}(\1\d{3})+$/.test(numberPart) ||
    (/^\d{1,3}([,.])\d{3}$/.test(numberPart) && multiplier === 1)
  )
    normalised = numberPart.replace(/[,.]/g, "");
  else if (/^\d+([,.]\d+)?$/.test(numberPart)) normalised = numberPart.replace(",", ".");
  else return undefined;
  const amount = Number(normalised) * multiplier;
  if (!Number.isFinite(amount)) return undefined;
  const rounded = Math.round(amount * 100) / 100;
  return String(rounded);
}

const WEB_URL_MESSAGE: Record<WebUrlProblem, MessageKey> = {
  scheme: "format.urlScheme",
  credentials: "format.urlCredentials",
  host: "format.urlHost",
  malformed: "format.url",
};

/** Why an address is refused, the same words for a URL field, an e-mail field and a link in a text. */
export function linkMessage(problem: LinkProblem, tr: Translate): string {
  if (problem.kind === "web") return tr(WEB_URL_MESSAGE[problem.problem], { value: show(problem.url) });
  return tr(problem.problem === "query" ? "format.emailQuery" : "format.email", { value: show(problem.address) });
}

function formatMessage(format: string, value: unknown, tr: Translate): string {
  const text = String(value);
  const shown = show(value);
  switch (format) {
    case "partial-date":
      return tr("format.partialDate", { value: shown });
    case "iso-duration":
      // Of the texts of the right form, only those too long are refused.
      return tr(DURATION.test(text) ? "format.durationTooLong" : "format.duration", { value: shown });
    case "iso4217":
      return tr("format.currency", { value: shown, suggestion: didYouMean(text.toUpperCase(), CURRENCIES, tr) });
    case "iso3166-alpha2": {
      const byName = countryCodeFor(text);
      const suggestion = byName
        ? tr("suggest.didYouMean", { suggestion: byName })
        : didYouMean(text.toUpperCase(), COUNTRIES, tr);
      return tr("format.country", { value: shown, suggestion });
    }
    case "web-url":
      return linkMessage({ kind: "web", problem: webUrlProblem(text) ?? "malformed", url: text }, tr);
    case "email":
    case "plain-email":
      return linkMessage({ kind: "email", problem: emailProblem(text) ?? "malformed", address: text }, tr);
    case "date":
      return tr("format.date", { value: shown });
    case "se-organisation-number":
      return tr(/^\d{6}-?\d{4}$/.test(text) ? "format.organisationNumberCheck" : "format.organisationNumber", {
        value: shown,
      });
    default:
      return tr("format.other", { value: shown, format });
  }
}

type SchemaWithExtras = {
  properties?: Record<string, unknown>;
  "x-error"?: Record<string, string>;
  description?: string;
  format?: string;
};

/** The message an `x-error` names: a key of the catalogue (the schemas never hold the words). */
function hint(parent: SchemaWithExtras | undefined, keyword: string, tr: Translate): string | undefined {
  const key = parent?.["x-error"]?.[keyword];
  return key === undefined ? undefined : tr(key as MessageKey);
}

/** One message per ajv error that the editor needs to see; errors implied by another are dropped. */
export function describeSchemaErrors(errors: readonly ErrorObject[], tr: Translate): SchemaMessage[] {
  const explained = errors.filter((error) => {
    const parent = error.parentSchema as SchemaWithExtras | undefined;
    return (error.keyword === "anyOf" || error.keyword === "not") && parent?.["x-error"]?.[error.keyword];
  });
  // Errors inside an explained anyOf/not, found by their schema path's prefix: a set of prefixes
  // per instance path keeps this linear in the number of errors.
  const explainedAt = new Map<string, string[]>();
  for (const outer of explained) addTo(explainedAt, outer.instancePath, `${outer.schemaPath}/`);
  const insideExplained = (error: ErrorObject): boolean =>
    explainedAt.get(error.instancePath)?.some((prefix) => error.schemaPath.startsWith(prefix)) ?? false;
  const messages: SchemaMessage[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (insideExplained(error)) continue;
    const message = describe(error, tr);
    if (!message) continue;
    const key = `${message.path.join("/")}|${message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(message);
  }
  return messages;
}

function describe(error: ErrorObject, tr: Translate): SchemaMessage | undefined {
  const path = pointerToPath(error.instancePath);
  const parent = error.parentSchema as SchemaWithExtras | undefined;
  const params = error.params as Record<string, unknown>;
  const value: unknown = error.data;
  const at = (message: string, where: PathSegment[] = path): SchemaMessage => ({ path: where, at: "value", message });
  switch (error.keyword) {
    case "required":
      return at(tr("schema.required"), [...path, String(params.missingProperty)]);
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const record = (value ?? {}) as Record<string, unknown>;
      // `{ amount: 3,5 miljoner }`: the comma splits the amount into a number and a key "5 miljoner".
      const keys = Object.keys(record);
      const before = keys[keys.indexOf(name) - 1];
      if (/^\d/.test(name) && record[name] === null && before !== undefined && typeof record[before] === "number") {
        const digits = amountDigits(`${String(record[before])},${name}`);
        return at(digits ? tr("schema.digitsOnly", { digits }) : tr("schema.digitsOnlyNoGuess"), [...path, before]);
      }
      // A text's keys are languages: name those Utblick has, not fields.
      if (parent !== undefined && "x-translatable" in parent)
        return {
          path: [...path, name],
          at: "key",
          message: tr("schema.notALanguage", { name, languages: availableLanguages().join(", ") }),
        };
      // Fields the build works out (readOnly) are published, never written: they are not offered.
      const known = Object.entries(parent?.properties ?? {})
        .filter(([, property]) => (property as { readOnly?: boolean }).readOnly !== true)
        .map(([field]) => field);
      const suggestion = didYouMean(name, known, tr);
      return {
        path: [...path, name],
        at: "key",
        message: suggestion
          ? tr("schema.unknownField", { suggestion })
          : tr("schema.unknownFieldList", { fields: known.join(", ") }),
      };
    }
    case "type": {
      const types = String(params.type).split(",");
      const expected = types
        .map((type) => (EXPECTED[type] ? tr(EXPECTED[type]) : type))
        .reduce((first, second) => tr("type.or", { first, second }));
      if (parent?.format === "partial-date" && typeof value === "number")
        return at(tr("schema.dateInQuotes", { value }));
      if ((types.includes("number") || types.includes("integer")) && typeof value === "string" && /\d/.test(value)) {
        const digits = amountDigits(value);
        return at(digits ? tr("schema.digitsOnly", { digits }) : tr("schema.digitsOnlyNoGuess"));
      }
      if (value === null) return at(tr("schema.typeMissingValue", { expected }));
      return at(tr("schema.type", { expected, actual: typeName(value, tr) }));
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return at(
        tr("schema.enum", {
          value: show(value),
          allowed: allowed.join(", "),
          suggestion: didYouMean(String(value), allowed, tr),
        }),
      );
    }
    case "const":
      return at(tr("schema.const", { expected: show(params.allowedValue), value: show(value) }));
    case "format":
      return at(formatMessage(String(params.format), value, tr));
    case "pattern": {
      const explanation = hint(parent, "pattern", tr);
      return at(
        explanation
          ? tr("schema.pattern", { value: show(value), hint: explanation })
          : tr("schema.patternNoHint", { value: show(value) }),
      );
    }
    case "minimum":
    case "maximum": {
      const schema = parent as { minimum?: number; maximum?: number } | undefined;
      if (error.keyword === "minimum" && params.limit === 0) return at(tr("schema.negative", { value: show(value) }));
      // The number as read may already be rounded (9007199254740993 reads as …992): not shown.
      if (error.keyword === "maximum" && params.limit === Number.MAX_SAFE_INTEGER)
        return at(tr("schema.tooLargeToStore", { limit: String(Number.MAX_SAFE_INTEGER) }));
      if (schema?.minimum !== undefined && schema.maximum !== undefined)
        return at(tr("schema.range", { value: show(value), minimum: schema.minimum, maximum: schema.maximum }));
      return at(
        tr(error.keyword === "minimum" ? "schema.atLeast" : "schema.atMost", {
          value: show(value),
          limit: String(params.limit),
        }),
      );
    }
    case "minItems":
      return at(tr("schema.minItems", { count: Number(params.limit) }));
    case "uniqueItems": {
      // ajv names the pair in either order (by its hashed or its pairwise check): point at the later one.
      const [first, later] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      return at(tr("schema.listedTwice", { other: String(first) }), [...path, later as number]);
    }
    case "minLength":
      return at(tr("schema.empty"));
    case "dependentRequired":
      return at(
        tr("schema.dependentRequired", {
          property: String(params.property),
          missing: String(params.missingProperty),
        }),
      );
    case "false schema":
      return at(tr("release.personalData", { field: String(path.at(-1) ?? "") }));
    case "x-markdown":
      // One message per refused link; the keyword names them in its params.
      return at(tr("format.markdownLink", { problem: linkMessage(params.link as LinkProblem, tr) }));
    case "anyOf":
    case "not":
      return at(hint(parent, error.keyword, tr) ?? tr("schema.noAllowedForm"));
    default:
      return at(tr("schema.invalid"));
  }
}
