// The form names a field the validator speaks of by the form's own labels, read from the
// configuration Decap is given: one home for the labels, the schemas by way of src/admin/config.ts.
import { describe, expect, it } from "vitest";
import type { CmsField } from "../../src/admin/config.js";
import { fieldName, fieldSteps, namedSteps } from "../../src/admin/field-names.js";
import { refusal, withOurs } from "../../src/admin/form-texts.js";
import { localFormSetup } from "../helpers/form.js";

const setup = localFormSetup();
const collections = setup.config.collections as {
  name: string;
  fields?: CmsField[];
  files?: { fields: CmsField[] }[];
}[];
const fieldsOf = (name: string): CmsField[] => {
  const collection = collections.find((candidate) => candidate.name === name);
  return collection?.fields ?? collection?.files?.[0]?.fields ?? [];
};

describe("a field's name in the form", () => {
  it("reads a path as fields and list rows", () => {
    expect(fieldSteps("accessibility.shortcomings[2].text")).toEqual([
      { name: "accessibility" },
      { name: "shortcomings", index: 2 },
      { name: "text" },
    ]);
    expect(fieldSteps("end")).toEqual([{ name: "end" }]);
    expect(fieldSteps("")).toEqual([]);
  });

  it("names a field by the form's Swedish labels, a list's rows counted from 1", () => {
    expect(fieldName(fieldsOf("projects"), "end")).toBe("Slut");
    expect(fieldName(fieldsOf("organisations"), "identifiers[0].scheme")).toBe("Identifierare 1, Systemet");
    expect(fieldName(fieldsOf("site"), "accessibility.shortcomings[2].text")).toBe(
      "Tillgänglighetsredogörelse, Kända brister 3, Bristen",
    );
    expect(fieldName(fieldsOf("projects"), "title.en")).toBe("Titel, Engelska");
    expect(fieldName(fieldsOf("projects"), "funding[1].currency")).toMatch(/^Beviljade bidrag 2, \p{Lu}/u);
    expect(fieldName(fieldsOf("projects"), "sources[0]")).toBe("Källdokument 1");
  });

  it("keeps the path's own words past what the form shows", () => {
    const { named, rest } = namedSteps(fieldsOf("projects"), "title.fi");
    expect(named.map((step) => step.label)).toEqual(["Titel"]);
    expect(rest).toEqual([{ name: "fi" }]);
    expect(fieldName(fieldsOf("projects"), "derived.year")).toBe("derived, year");
  });
});

describe("the form's own Swedish", () => {
  it("replaces Decap's words where it has its own, and keeps Decap's elsewhere", () => {
    const decap = { ui: { toast: { onFailToPersist: "Kunde inte spara inlägg: %{details}", entrySaved: "x" } } };
    const ours = { ui: { toast: { onFailToPersist: "Posten sparades inte. %{details}" } }, utblick: { a: "b" } };
    expect(withOurs(decap, ours)).toEqual({
      ui: { toast: { onFailToPersist: "Posten sparades inte. %{details}", entrySaved: "x" } },
      utblick: { a: "b" },
    });
  });

  it("refuses a save with an error that reads as its message alone, without 'Error:'", () => {
    expect(String(refusal("Rätta det som står vid fälten och spara igen."))).toBe(
      "Rätta det som står vid fälten och spara igen.",
    );
  });
});
