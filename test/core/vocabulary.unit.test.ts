// The core's vocabularies and the schemas' enums name the same values. The core cannot import the
// model (it lies beneath it), so the check lives here, as types: where a value is added to one and
// not the other, `npm run typecheck` (tsc) fails on the line that compares them. The runtime
// assertions below only make the checks visible in the test report.
import { describe, expect, it } from "vitest";
import { availableLanguages, type Lang, localeOf, openGraphLocale } from "../../src/core/languages.js";
import { KIND_SECTIONS, routeNames } from "../../src/core/routes.js";
import {
  DERIVED_STATUSES,
  type DerivedStatusCode,
  type Kind,
  LICENCES,
  type LicenceUrl,
  REPORTED_STATUSES,
  type ReportedStatus,
} from "../../src/core/vocabulary.js";
import type {
  Markdown,
  Name,
  Project,
  SchemaRecords,
  SourceDocument,
  Text,
  ThePublication,
} from "../../src/model/schema-types.generated.js";

/** True when A and B are the same type; false when either has a value the other lacks. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Each constant is typed `true`: when the types differ, its type is `false` and tsc rejects `true`.
const licences: Equal<ThePublication["data_licence"], LicenceUrl> = true;
const derivedStatuses: Equal<NonNullable<Project["derived"]>["status"], DerivedStatusCode> = true;
const reportedStatuses: Equal<NonNullable<Project["status"]>, ReportedStatus> = true;
const siteLanguages: Equal<ThePublication["languages"][number], Lang> = true;
const documentLanguages: Equal<SourceDocument["language"], Lang> = true;
const textLanguages: Equal<keyof Text | keyof Markdown | keyof Name, Lang | number> = true;
const kinds: Equal<Exclude<keyof SchemaRecords, "site">, Kind> = true;

describe("the core's vocabularies", () => {
  it("equal the schemas' enums (checked by tsc)", () => {
    const checks = [
      licences,
      derivedStatuses,
      reportedStatuses,
      siteLanguages,
      documentLanguages,
      textLanguages,
      kinds,
    ];
    expect(checks.every((check) => check)).toBe(true);
    // The types are the constants' own (`as const`): a value in a list is a value of its type.
    expect(Object.keys(LICENCES)).toContain("https://creativecommons.org/licenses/by/4.0/");
    expect(new Set(DERIVED_STATUSES)).toEqual(new Set([...REPORTED_STATUSES, "unconfirmed", "unknown"]));
  });

  it("give every spelling of a language's locale from the one table", () => {
    for (const lang of availableLanguages()) {
      expect(localeOf(lang).startsWith(`${lang}-`)).toBe(true);
      expect(openGraphLocale(lang)).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
    }
    expect(openGraphLocale("en")).toBe("en_GB");
  });

  it("name a section for every kind of record with pages", () => {
    for (const lang of availableLanguages())
      for (const section of Object.values(KIND_SECTIONS)) expect(routeNames(lang).sections[section]).toBeDefined();
  });
});
