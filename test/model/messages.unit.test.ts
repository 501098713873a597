// The editor's message catalogues: Swedish and English hold the same messages with the same
// placeholders, and the language comes from --lang or the environment's locale.
import { describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/core/catalogues.js";
import { EDITOR_LANGUAGES } from "../../src/core/languages.js";
import { editorLanguage, type MessageKey, messages, readCatalogue } from "../../src/model/messages.js";

function entries(catalogue: Catalogue, prefix = ""): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();

describe("the message catalogues", () => {
  const [sv, en] = EDITOR_LANGUAGES.map((lang) => new Map(entries(readCatalogue(lang))));

  it("hold exactly the same keys in Swedish and English", () => {
    expect([...en!.keys()].sort()).toEqual([...sv!.keys()].sort());
  });

  it("use the same placeholders for a key in both languages", () => {
    const differing = [...sv!].filter(
      ([key, text]) => placeholders(en!.get(key) ?? "").join() !== placeholders(text).join(),
    );
    expect(differing).toEqual([]);
  });

  it("have no empty message", () => {
    const empty = [...sv!, ...en!].filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });
});

describe("a message", () => {
  it("is Swedish by default and English when asked for", () => {
    expect(messages()("schema.required")).toBe("saknas men måste finnas");
    expect(messages("en")("schema.required")).toBe("is required but missing");
  });

  it("chooses its plural form by count", () => {
    expect(messages("en")("report.errors", { count: 1 })).toBe("1 error");
    expect(messages("en")("report.errors", { count: 2 })).toBe("2 errors");
    expect(messages("sv")("report.warnings", { count: 1 })).toBe("1 varning");
    expect(messages("sv")("report.warnings", { count: 5 })).toBe("5 varningar");
  });

  it("puts values in as they are, without HTML escaping", () => {
    const key: MessageKey = "schema.enum";
    expect(messages("en")(key, { value: '"<a & b>"', allowed: "x, y", suggestion: "" })).toBe(
      '"<a & b>" is not one of: x, y',
    );
  });
});

describe("the editor's language", () => {
  it("is Swedish when nothing says otherwise", () => {
    expect(editorLanguage(undefined, {})).toBe("sv");
    expect(editorLanguage(undefined, { LANG: "C.UTF-8" })).toBe("sv");
    expect(editorLanguage(undefined, { LANG: "de_DE.UTF-8" })).toBe("sv");
  });

  it("is English when --lang en is given, whatever the environment says", () => {
    expect(editorLanguage("en", { LANG: "sv_SE.UTF-8" })).toBe("en");
    expect(editorLanguage("sv", { LANG: "en_GB.UTF-8" })).toBe("sv");
  });

  it("follows LC_ALL, then LC_MESSAGES, then LANG when it starts with en", () => {
    expect(editorLanguage(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(editorLanguage(undefined, { LANG: "en" })).toBe("en");
    expect(editorLanguage(undefined, { LC_ALL: "sv_SE.UTF-8", LANG: "en_US.UTF-8" })).toBe("sv");
    expect(editorLanguage(undefined, { LC_MESSAGES: "en_GB.UTF-8", LANG: "sv_SE.UTF-8" })).toBe("en");
    expect(editorLanguage(undefined, { LANG: "eng" })).toBe("sv");
  });
});
