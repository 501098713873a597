// Dates, periods, money, numbers and country names in the reader's language. Dates through luxon,
// numbers through Intl.NumberFormat, countries through Intl.DisplayNames.

import { DateTime, Duration } from "luxon";
import { type Lang, localeOf, monthYearFormat } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { type PartialDate, parsePartialDate } from "../model/dates.js";
import type { Money } from "../model/types.js";
import { t, type UiKey } from "./translate.js";

// Formatting is slow per call and pages ask for the same few dates, amounts and names: remember them.
const partialDateText = memoize((key: string) => {
  const [lang, iso] = key.split(":") as [Lang, string];
  return formatPartialDateUncached(parsePartialDate(iso)!, lang);
});

export function formatPartialDate(date: PartialDate, lang: Lang): string {
  return partialDateText(`${lang}:${date.iso}`);
}

function formatPartialDateUncached(date: PartialDate, lang: Lang): string {
  const day = DateTime.fromObject(
    { year: date.year, month: date.month ?? 1, day: date.day ?? 1 },
    { zone: "utc" },
  ).setLocale(localeOf(lang));
  if (date.precision === "year") return String(date.year);
  if (date.precision === "month") return day.toFormat(monthYearFormat(lang));
  return day.toLocaleString(DateTime.DATE_FULL);
}

/** "March 2016 – February 2019", "2017–2019", "since 2006", "until 2021". */
export function formatPeriod(
  start: PartialDate | undefined,
  end: PartialDate | undefined,
  lang: Lang,
): string | undefined {
  if (start && end) {
    if (start.precision === "year" && end.precision === "year")
      return start.year === end.year ? String(start.year) : `${start.year}–${end.year}`;
    return `${formatPartialDate(start, lang)} – ${formatPartialDate(end, lang)}`;
  }
  if (start) return t(lang, "period.since", { date: formatPartialDate(start, lang) });
  if (end) return t(lang, "period.until", { date: formatPartialDate(end, lang) });
  return undefined;
}

/** Creating an Intl.NumberFormat costs far more than using one: one per language and options. */
const numberFormats = memoize((key: string) => {
  const [lang, options] = JSON.parse(key) as [Lang, Intl.NumberFormatOptions];
  return new Intl.NumberFormat(localeOf(lang), options);
});
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return numberFormats(JSON.stringify([lang, options]));
}

const compactNumber = (value: number, lang: Lang): string =>
  numberFormat(lang, { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 }).format(value);

const currencySymbol = memoize((key: string) => {
  const [lang, currency] = key.split(":") as [Lang, string];
  const parts = numberFormat(lang, { style: "currency", currency }).formatToParts(1);
  return parts.find((part) => part.type === "currency")?.value ?? currency;
});

const moneyText = memoize((key: string) => {
  const [lang, currency, amount, approximate] = key.split(":") as [Lang, string, string, string];
  return formatMoneyUncached({ amount: Number(amount), currency, approximate: approximate === "true" }, lang);
});

/** `≈ €3.5 million`, `cirka 3,5 miljoner euro`, `273 500 svenska kronor`. */
export function formatMoney(money: Money, lang: Lang): string {
  return moneyText(`${lang}:${money.currency}:${money.amount}:${money.approximate === true}`);
}

// CLDR capitalises the adjective of a German currency name ("Schwedische Kronen"); in running text
// it is "schwedische Kronen".
const GERMAN_ADJECTIVE = /\b([A-ZÄÖÜ][a-zäöüß]+isch(?:e|en|er))\b/gu;

function formatMoneyUncached(money: Money, lang: Lang): string {
  const large = money.amount >= 1_000_000;
  let text: string;
  if (lang === "en") {
    const symbol = currencySymbol(`${lang}:${money.currency}`);
    const number = large
      ? compactNumber(money.amount, lang)
      : numberFormat(lang, { maximumFractionDigits: 2 }).format(money.amount);
    text = /^\p{L}+$/u.test(symbol) ? `${symbol} ${number}` : `${symbol}${number}`;
  } else {
    text = numberFormat(lang, {
      style: "currency",
      currency: money.currency,
      currencyDisplay: "name",
      maximumFractionDigits: large ? 1 : 2,
      minimumFractionDigits: 0,
      ...(large ? { notation: "compact", compactDisplay: "long" } : {}),
    }).format(money.amount);
  }
  if (lang === "de") text = text.replace(GERMAN_ADJECTIVE, (word) => word.toLowerCase());
  return money.approximate ? t(lang, "money.approximately", { amount: text }) : text;
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang).format(value);
}

const countryNameOf = memoize((key: string) => {
  const [lang, code] = key.split(":") as [Lang, string];
  const named = new Intl.DisplayNames([localeOf(lang)], { type: "region" }).of(code) ?? code;
  // CLDR's English short forms write "Bosnia & Herzegovina"; running text and the UN write "and".
  return lang === "en" ? named.replace(" & ", " and ") : named;
});

export function countryName(code: string, lang: Lang): string {
  return countryNameOf(`${lang}:${code}`);
}

const lists = memoize((lang: Lang) => new Intl.ListFormat(localeOf(lang), { type: "conjunction" }));
/** "svenska, engelska och tyska": items joined as the reader's language joins them. */
export function formatList(items: readonly string[], lang: Lang): string {
  return lists(lang).format(items);
}

const languageNames = memoize((lang: Lang) => new Intl.DisplayNames([localeOf(lang)], { type: "language" }));
export function languageName(code: string, lang: Lang): string {
  return languageNames(lang).of(code) ?? code;
}

/** Sorts by a label in the reader's language (å after z in Swedish, ä with a in German). */
export const collator = memoize((lang: Lang): Intl.Collator => new Intl.Collator(localeOf(lang)));

/** A calendar day in full: "25 november 2026", "25 November 2026", "25. November 2026". */
export function formatDay(day: DateTime, lang: Lang): string {
  // Every page's footer names the build day: formatted once per language, not once per page.
  return dayText(`${lang}|${day.zoneName}|${day.toMillis()}`);
}

const dayText = memoize((key: string) => {
  const [lang, zone, millis] = key.split("|") as [Lang, string, string];
  return DateTime.fromMillis(Number(millis), { zone, locale: localeOf(lang) }).toLocaleString(DateTime.DATE_FULL);
});

/** "3 years", "30 månader": an ISO 8601 duration in words. */
export function formatDuration(iso: string, lang: Lang): string {
  return durationText(`${lang}:${iso}`);
}

const durationText = memoize((key: string) => {
  const [lang, iso] = key.split(":") as [Lang, string];
  return Duration.fromISO(iso)
    .reconfigure({ locale: localeOf(lang) })
    .toHuman();
});

/** A UN Sustainable Development Goal by its official short name in the reader's language. */
export function sdgName(goal: number, lang: Lang): string {
  return t(lang, `sdgs.names.${goal}` as UiKey);
}
