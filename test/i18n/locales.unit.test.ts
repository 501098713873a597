import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/core/catalogues.js";
import { availableLanguages, LANGUAGE_TAG, type Lang, localeOf } from "../../src/core/languages.js";
import { routeNames } from "../../src/core/routes.js";
import { readLocale, t, type UiKey } from "../../src/i18n/translate.js";

/** A string by its key as the catalogue writes it (a plural form too: "keyFacts.owner_one"). */
const lookup = (lang: Lang, key: string): string => t(lang, key as UiKey);

function keys(messages: Catalogue, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the UI strings", () => {
  it("exist for Swedish, English, German and Finnish at least", () => {
    expect(availableLanguages()).toEqual(expect.arrayContaining(["sv", "en", "de", "fi"]));
  });

  it("have exactly the same keys in every language", () => {
    const swedish = keys(readLocale("sv")).sort();
    for (const lang of availableLanguages()) expect(keys(readLocale(lang)).sort(), lang).toEqual(swedish);
  });

  it("describe their own language: its name, its locale and its EU authority code", () => {
    for (const lang of availableLanguages()) {
      expect(lang).toMatch(LANGUAGE_TAG);
      expect(localeOf(lang)).toMatch(new RegExp(`^${lang}-[A-Z]{2}$`));
      const { euAuthority } = readLocale(lang).language as Record<string, string>;
      expect(euAuthority, lang).toMatch(/^[A-Z]{3}$/);
    }
  });

  it("name every address in plain lowercase ASCII, each section once per language", () => {
    for (const lang of availableLanguages()) {
      const { sections, facets, statuses, dictionary } = routeNames(lang);
      const names = [...Object.values(sections), ...Object.values(facets), ...Object.values(statuses), dictionary];
      for (const name of names) expect(name, lang).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(Object.values(sections)).size, lang).toBe(Object.values(sections).length);
      expect(new Set(Object.values(statuses)).size, lang).toBe(Object.values(statuses).length);
    }
  });

  it("have no empty string in any language", () => {
    for (const lang of availableLanguages()) {
      const empty = keys(readLocale(lang)).filter((key) => lookup(lang, key).trim() === "");
      expect(empty).toEqual([]);
    }
  });

  it("contain every key the code asks for by name", () => {
    const available = new Set(keys(readLocale("sv")).map((key) => key.replace(/_(one|other)$/, "")));
    const used = sourceFiles("src").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\([a-zA-Z.]+, "([a-zA-Z.]+)"/g)].map((match) => match[1]!),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !available.has(key))).toEqual([]);
  });

  it("use the same placeholders in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const key of keys(readLocale("sv"))) {
      const inLanguage = (lang: Lang) =>
        placeholders(
          String(
            key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], readLocale(lang)),
          ),
        );
      for (const lang of availableLanguages()) expect(inLanguage(lang), `${key} in ${lang}`).toEqual(inLanguage("sv"));
    }
  });
});

interface Concept {
  /** The term, or the term and its inflected forms. */
  readonly terms: Record<string, string | readonly string[]>;
  readonly keys: readonly string[];
  readonly never?: Partial<Record<string, readonly string[]>>;
}

const glossary = JSON.parse(readFileSync(join("locales", "glossary.json"), "utf8")) as {
  concepts: Record<string, Concept>;
};

describe("the glossary (locales/glossary.json)", () => {
  it.each(Object.entries(glossary.concepts))("names %s with its one term in each language", (_, concept) => {
    for (const lang of availableLanguages()) {
      const forms = [concept.terms[lang] ?? []].flat().map((form) => form.toLocaleLowerCase(lang));
      expect(forms.length, `a term in ${lang}`).toBeGreaterThan(0);
      for (const key of concept.keys) {
        const value = lookup(lang, key).toLocaleLowerCase(lang);
        expect(
          forms.some((form) => value.includes(form)),
          `${key} in ${lang} ("${value}") uses ${forms.join(" or ")}`,
        ).toBe(true);
      }
    }
  });

  it("never uses a wording it rules out, in any UI string", () => {
    for (const lang of availableLanguages()) {
      const strings = keys(readLocale(lang)).map((key) => [key, lookup(lang, key)] as const);
      for (const concept of Object.values(glossary.concepts)) {
        for (const wording of concept.never?.[lang] ?? []) {
          expect(
            strings.filter(([, value]) => value.includes(wording)).map(([key]) => key),
            `"${wording}" in ${lang}`,
          ).toEqual([]);
        }
      }
    }
  });
});
