// The web editor's configuration is derived from the JSON Schemas: every field of every kind, with
// the widget its schema calls for and the Swedish texts the schema carries.
import { describe, expect, it } from "vitest";
import { type CmsField, cmsSetup, fieldLabel } from "../../src/admin/config.js";
import { NEW_ID_FIELD } from "../../src/admin/yaml.js";
import { KINDS } from "../../src/core/vocabulary.js";
import { readSchemas } from "../../src/model/schemas.js";
import { SCHEMA_OF_KIND } from "../../src/model/types.js";
import { localFormSetup } from "../helpers/form.js";

const setup = localFormSetup();
const collections = setup.config.collections as {
  name: string;
  folder?: string;
  format: string;
  identifier_field?: string;
  slug?: string;
  preview_path?: string;
  fields?: CmsField[];
  files?: { file: string; fields: CmsField[] }[];
}[];
const collection = (name: string) => collections.find((candidate) => candidate.name === name)!;
const field = (fields: readonly CmsField[] | undefined, path: string): CmsField => {
  const [head, ...rest] = path.split(".");
  const found = fields?.find((candidate) => candidate.name === head);
  if (!found) throw new Error(`no field ${path}`);
  return rest.length ? field(found.fields ?? (found.field ? [found.field] : []), rest.join(".")) : found;
};
const project = (path: string) => field(collection("projects").fields, path);

describe("the CMS configuration", () => {
  it("has one folder collection per kind of record, reading and writing data/<kind>/*.yaml, and one for site.yaml", () => {
    expect(collections.map((c) => c.name).sort()).toEqual([...KINDS, "site"].sort());
    expect(collection("projects").folder).toBe("data/projects");
    expect(collection("projects").format).toBe("utblick-projects");
    expect(collection("site").files?.[0]?.file).toBe("data/site.yaml");
  });

  it("names each collection by its records in the plural and a new record in the singular", () => {
    const named = (name: string) =>
      collections.find((c) => c.name === name) as unknown as { label: string; label_singular: string };
    expect(named("organisations")).toMatchObject({ label: "Organisationer", label_singular: "Organisation" });
    expect(named("people")).toMatchObject({ label: "Kontaktpersoner", label_singular: "Kontaktperson" });
    expect(named("places")).toMatchObject({ label: "Platser", label_singular: "Plats" });
    expect(named("themes")).toMatchObject({ label: "Teman", label_singular: "Tema" });
    for (const kind of KINDS) expect(named(kind).label, kind).toBeTruthy();
  });

  it("names every list by a noun and its rows by one, which read well after a number and 'Lägg till'", () => {
    expect(project("sources")).toMatchObject({ label: "Källdokument", label_singular: "källdokument" });
    expect(project("funding")).toMatchObject({ label: "Beviljade bidrag", label_singular: "bidrag" });
    expect(project("sdgs")).toMatchObject({ label: "Globala mål", label_singular: "mål" });
    const lists = (fields: readonly CmsField[] | undefined): CmsField[] =>
      (fields ?? []).flatMap((f) => [...(f.widget === "list" ? [f] : []), ...lists(f.fields)]);
    for (const c of collections)
      for (const list of lists(c.fields ?? c.files?.[0]?.fields))
        expect(list.label_singular, `${c.name} ${list.name}`).toMatch(/^\p{Ll}/u);
  });

  it("has a field for every property the editor owns, in the schema's order, and none for what the build works out", () => {
    for (const kind of [...KINDS, "site"] as const) {
      const schema = readSchemas().get(SCHEMA_OF_KIND[kind]) as {
        properties: Record<string, { readOnly?: boolean; "x-command"?: string }>;
      };
      const fields = kind === "site" ? collection("site").files?.[0]?.fields : collection(kind).fields;
      // What the build works out, and what a command writes (site.yaml's includes), are not the editor's.
      const owned = Object.entries(schema.properties).filter(
        ([, property]) => !property.readOnly && property["x-command"] === undefined,
      );
      expect(fields?.map((f) => f.name)).toEqual(owned.map(([name]) => name));
    }
    expect(collection("projects").fields?.map((f) => f.name)).not.toContain("derived");
    expect(collection("site").files?.[0]?.fields?.map((f) => f.name)).not.toContain("includes");
  });

  it("asks for a text in Swedish, English and German, requiring Swedish only where the text is required", () => {
    const title = project("title");
    expect(title.widget).toBe("object");
    expect(title.fields?.map((f) => [f.name, f.label, f.required])).toEqual([
      ["sv", "Svenska", true],
      ["en", "Engelska", false],
      ["de", "Tyska", false],
    ]);
    // A note on a source is optional: an empty one must not stop the form from saving.
    expect(project("sources.note.sv").required).toBe(false);
  });

  it("edits the easy-to-read texts, Markdown in one language, in a box that keeps their lines", () => {
    const site = collection("site").files?.[0]?.fields;
    expect(field(site, "easy_to_read.work").widget).toBe("text");
    expect(field(site, "accessibility.compliance").label).toBe("Förenlighet med lagen");
  });

  it("names, finds and previews records by the publication's source language, whichever it is", () => {
    const english = localFormSetup(["en", "fi"]);
    const projects = (
      english.config.collections as {
        name: string;
        identifier_field?: string;
        preview_path?: string;
        fields?: CmsField[];
      }[]
    ).find((c) => c.name === "projects")!;
    expect(projects.identifier_field).toBe("title.en");
    expect(projects.preview_path).toBe("en/projects/{{slug}}/");
    expect(field(projects.fields, "title").fields?.map((f) => [f.name, f.label, f.required])).toEqual([
      ["en", "Engelska", true],
      ["fi", "Finska", false],
    ]);
    expect(field(projects.fields, "owners").search_fields).toEqual(["name.en"]);
  });

  it("edits Markdown texts as plain multi-line text, never through a rich-text editor that rewrites them", () => {
    expect(project("summary.sv").widget).toBe("text");
    expect(project("title.sv").widget).toBe("string");
  });

  it("offers references to other records as relation widgets that store the record's id (its file name)", () => {
    expect(project("owners")).toMatchObject({
      widget: "relation",
      collection: "organisations",
      value_field: "{{slug}}",
      search_fields: ["name.sv"],
      multiple: true,
    });
    expect(project("sources.source")).toMatchObject({ widget: "relation", collection: "sources", required: true });
    expect(project("sources.source").search_fields).toEqual(["title.sv"]);
  });

  it("offers fixed values as a select of exactly the schema's values, each by its Swedish name", () => {
    const values = (field: CmsField) =>
      field.options?.map((option) => (typeof option === "string" ? option : option.value));
    const labels = (field: CmsField) =>
      field.options?.map((option) => (typeof option === "string" ? option : option.label));
    expect(project("status").widget).toBe("select");
    expect(values(project("status"))).toEqual(["planned", "ongoing", "completed", "cancelled"]);
    expect(labels(project("status"))).toEqual(["Planerat", "Pågår", "Avslutat", "Avbrutet"]);
    expect(values(project("participants.role"))).toEqual(["lead", "partner", "associated", "funder", "stakeholder"]);
    expect(labels(project("participants.role"))).not.toContain("lead");
    const site = (path: string) => field(collection("site").files?.[0]?.fields, path);
    // Every language with a catalogue, by its Swedish name.
    expect(labels(site("languages"))).toEqual(expect.arrayContaining(["Svenska", "Engelska", "Tyska", "Finska"]));
    expect(labels(site("source_language"))).toEqual(labels(site("languages")));
    expect(labels(site("data_licence"))).toContain("Creative Commons Attribution 4.0 International");
  });

  it("offers countries and currencies by their Swedish names, keeping the codes", () => {
    const countries = project("countries");
    expect(countries).toMatchObject({ widget: "select", multiple: true });
    expect(countries.options).toContainEqual({ value: "SE", label: "Sverige (SE)" });
    expect(project("funding.currency").options).toContainEqual({ value: "SEK", label: "SEK – svensk krona" });
  });

  it("helps in plain Swedish, naming a key of the file only where the editor must type it", () => {
    const texts = (fields: readonly CmsField[] | undefined): string[] =>
      (fields ?? []).flatMap((f) => [f.label, f.hint ?? "", ...texts(f.fields), ...texts(f.field ? [f.field] : [])]);
    const all = collections.flatMap((c) => texts(c.fields ?? c.files?.[0]?.fields)).join("\n");
    for (const code of [
      "under editorial",
      "prefix enligt",
      "skrivet med små bokstäver",
      "contact_email",
      "i Markdown",
      "ADMS",
      "LocalAuthority",
      "Id för en källa",
      "värds rot",
      "norr positiv",
      "[lat, lon]",
    ])
      expect(all, code).not.toContain(code);
  });

  it("gives help only where it says more than the label", () => {
    for (const kind of KINDS)
      for (const f of collection(kind).fields ?? [])
        if (f.hint) expect(f.hint.replace(/[\s.:]+$/, "").toLowerCase()).not.toBe(f.label.toLowerCase());
  });

  it("takes dates as text with the partial-date pattern: a year, a month or a day", () => {
    const start = project("start");
    expect(start.widget).toBe("string");
    const pattern = new RegExp(start.pattern?.[0] ?? "^$");
    for (const good of ["2016", "2016-03", "2016-03-01"]) expect(pattern.test(good), good).toBe(true);
    for (const bad of ["16", "2016-3", "2016/03", "mars 2016", "2016-03-01T00:00"])
      expect(pattern.test(bad), bad).toBe(false);
    expect(start.pattern?.[1]).toContain("2016-03");
  });

  it("takes amounts and goals as numbers, with the schema's bounds", () => {
    expect(project("funding.amount")).toMatchObject({ widget: "number", value_type: "float", min: 0 });
    expect(project("sdgs").field).toMatchObject({ widget: "number", value_type: "int", min: 1, max: 17 });
  });

  it("labels each field in Swedish and gives the schema's Swedish description as help", () => {
    expect(project("start").label).toBe("Start");
    expect(project("start").hint).toBe('Start: år ("2016"), månad ("2016-03") eller dag.');
    expect(project("funding.amount").label).toBe("Beloppet");
  });

  it("names new files after the Swedish title or name, in the id's alphabet (a–z, digits, hyphens)", () => {
    expect(collection("projects").identifier_field).toBe("title.sv");
    expect(collection("organisations").identifier_field).toBe("name.sv");
    expect(setup.config.slug).toEqual({ encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
  });

  it("names every kind by a field its schema has (a theme by its label), and new files by the id made from it", () => {
    expect(collection("themes").identifier_field).toBe("label.sv");
    for (const kind of KINDS) {
      const naming = String(collection(kind).identifier_field).split(".")[0] as string;
      expect(collection(kind).fields?.map((field) => field.name)).toContain(naming);
      expect(collection(kind).slug).toBe(`{{fields.${NEW_ID_FIELD}}}`);
    }
  });

  it("links a record to its Swedish page; kinds without pages have no link", () => {
    expect(collection("projects").preview_path).toBe("sv/projekt/{{slug}}/");
    expect(collection("people").preview_path).toBeUndefined();
  });

  it("uses the preview server's backend for local work and the git host's API in production", () => {
    expect(setup.config.local_backend).toEqual({ url: "http://127.0.0.1:8081/api/v1" });
    const github = cmsSetup({
      backend: { name: "github", repo: "kommun/utblick" },
      dataFolder: "data",
      languages: ["sv", "en", "de"],
    });
    expect(github.config.backend).toEqual({ name: "github", repo: "kommun/utblick", branch: "main" });
    expect(github.config.local_backend).toBeUndefined();
  });
});

describe("field labels", () => {
  it("are the first clause of the Swedish description, or the property's own title when it has one", () => {
    expect(fieldLabel("end", { "x-description": { sv: "Slut: år, månad eller dag." } })).toBe("Slut");
    expect(fieldLabel("amount", { "x-description": { sv: "Beloppet, ett tal utan mellanslag." } })).toBe("Beloppet");
    expect(fieldLabel("x", { "x-title": { sv: "Egen titel" }, "x-description": { sv: "Något annat." } })).toBe(
      "Egen titel",
    );
  });

  it("name a yes/no field by the condition under which it is yes", () => {
    expect(fieldLabel("approximate", { "x-description": { sv: 'true när källan säger "cirka".' } })).toBe(
      'Källan säger "cirka"',
    );
  });

  it("fall back to the property's name when the description is too long to be a label", () => {
    expect(fieldLabel("partner_count", { "x-description": { sv: `${"Mycket lång beskrivning ".repeat(4)}.` } })).toBe(
      "Partner count",
    );
  });
});
