// The validator on records in memory (the web form's check on a git host): the same problems as
// `validate` finds in a data folder with the record saved, the snapshot it checks against free of
// contact details, and its browser twins holding the same schemas and messages as the files.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as browserMessages from "../../src/model/message-source.browser.js";
import { readCatalogue } from "../../src/model/message-source.js";
import { schemaFiles as browserSchemaFiles } from "../../src/model/schema-source.browser.js";
import { SCHEMA_DIR, schemaFiles } from "../../src/model/schema-source.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import {
  type RecordsSnapshot,
  recordAt,
  recordsSnapshot,
  validateInMemory,
} from "../../src/model/validate-in-memory.js";
import { copyFixture, type TempData } from "../dev-server/temp-data.js";

const FIXTURE = "test/fixtures/valid/site";
const today = buildDay("2026-11-26");
let snapshot: RecordsSnapshot;
let copy: TempData;

beforeAll(() => {
  const { dataset } = validateDataDirectory(FIXTURE, { today });
  if (!dataset) throw new Error(`${FIXTURE} does not validate`);
  // Through JSON, as the form reads records.json.
  snapshot = JSON.parse(JSON.stringify(recordsSnapshot("data", dataset.site, dataset.records))) as RecordsSnapshot;
  copy = copyFixture(FIXTURE);
});

afterAll(() => copy?.remove());

const fixtureText = (path: string): string => readFileSync(join(FIXTURE, path), "utf8");

/** What `validate` says of the same record saved into a copy of the data folder, in its file only. */
function inDataFolder(path: string, text: string) {
  const file = join(copy.dataDir, path);
  const before = readFileSync(file, "utf8");
  writeFileSync(file, text);
  try {
    const { problems } = validateDataDirectory(copy.dataDir, { today, displayRoot: copy.root });
    return problems.filter((problem) => problem.file === `data/${path}`);
  } finally {
    writeFileSync(file, before);
  }
}

describe("validateInMemory", () => {
  it("finds nothing wrong with a record saved as it is", () => {
    const text = fixtureText("projects/renare-vatten.yaml");
    const problems = validateInMemory({ saved: { path: "data/projects/renare-vatten.yaml", text }, snapshot, today });
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });

  it("reports an end before the start at the end, with the line and message `validate` gives", () => {
    const text = fixtureText("projects/renare-vatten.yaml").replace(/^duration: .*$/m, 'end: "2001"');
    expect(text).toContain('end: "2001"');
    const path = "data/projects/renare-vatten.yaml";
    const problems = validateInMemory({ saved: { path, text }, snapshot, today });
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: "error",
        file: path,
        field: "end",
        message: "projektet slutar (2001) innan det börjar (2016-03)",
      }),
    );
    expect(problems).toEqual(inDataFolder("projects/renare-vatten.yaml", text));
  });

  it("checks references against the snapshot's ids, people's included, with the messages of `validate`", () => {
    const path = "data/projects/renare-vatten.yaml";
    // The record names its contact person (anna-test), whose id alone the snapshot holds.
    const text = fixtureText("projects/renare-vatten.yaml").replace("owners: [testkommun]", "owners: [testkommunen]");
    expect(text).toContain("contacts: [anna-test]");
    const problems = validateInMemory({ saved: { path, text }, snapshot, today });
    expect(problems.some((problem) => problem.field.startsWith("owners") && /testkommun/.test(problem.message))).toBe(
      true,
    );
    expect(problems.some((problem) => problem.field.startsWith("contacts"))).toBe(false);
    expect(problems).toEqual(inDataFolder("projects/renare-vatten.yaml", text));
  });

  it("reports warnings (a missing translation) without errors", () => {
    const path = "data/projects/renare-vatten.yaml";
    const text = fixtureText("projects/renare-vatten.yaml").replace(/^ {2}de: Saubereres Wasser\n/m, "");
    expect(text).not.toContain("Saubereres");
    const problems = validateInMemory({ saved: { path, text }, snapshot, today });
    expect(problems.some((problem) => problem.severity === "warning")).toBe(true);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });

  it("reports an error the save would add to another record, and none the others already had", () => {
    const path = "data/people/anna-test.yaml";
    // A contact person named like a project: the project's title would publish a person's name.
    const text = fixtureText("people/anna-test.yaml").replace("name: Anna Test", "name: Renare vatten");
    const problems = validateInMemory({ saved: { path, text }, snapshot, today });
    const elsewhere = problems.filter((problem) => problem.file !== path);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((problem) => problem.severity === "error")).toBe(true);
    expect(elsewhere.every((problem) => problem.file === "data/projects/renare-vatten.yaml")).toBe(true);
  });

  it("refuses YAML that cannot be read, located as `validate` locates it", () => {
    const path = "data/themes/miljo.yaml";
    const text = "label:\n  sv: Miljö\n   en: [\n";
    const problems = validateInMemory({ saved: { path, text }, snapshot, today });
    expect(problems.some((problem) => problem.severity === "error" && problem.line > 0)).toBe(true);
    expect(problems).toEqual(inDataFolder("themes/miljo.yaml", text));
  });
});

describe("the snapshot the build writes beside the form (records.json)", () => {
  it("keeps every record's id, and of the people nothing else", () => {
    expect(Object.keys(snapshot.records.projects ?? {}).sort()).toEqual(
      readdirSync(join(FIXTURE, "projects")).map((file) => file.replace(/\.yaml$/, "")),
    );
    expect(snapshot.records.people).toEqual({ "anna-test": null });
    const json = JSON.stringify(snapshot);
    for (const detail of ["Anna Test", "anna.test@example.org", "012-111 22 33"]) expect(json).not.toContain(detail);
  });

  it("names records by their paths in the repository", () => {
    expect(recordAt("data/projects/renare-vatten.yaml", "data")).toEqual({ kind: "projects", id: "renare-vatten" });
    expect(recordAt("data/site.yaml", "data")).toEqual({ kind: "site", id: "site" });
    expect(recordAt("data/media/bild.png", "data")).toBeUndefined();
    expect(recordAt("other/projects/x.yaml", "data")).toBeUndefined();
  });
});

describe("the validator's browser twins", () => {
  it("hold every schema file of src/model/schemas/, as the files are", () => {
    const names = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith(".schema.json"));
    expect([...browserSchemaFiles().keys()].sort()).toEqual(names.sort());
    expect(Object.fromEntries(browserSchemaFiles())).toEqual(Object.fromEntries(schemaFiles()));
  });

  it("hold the editor's messages as the catalogues are", () => {
    for (const lang of ["sv", "en"] as const) expect(browserMessages.readCatalogue(lang)).toEqual(readCatalogue(lang));
    const fixed = browserMessages.editorCatalogues().getFixedT("sv");
    expect(fixed("report.errors", { count: 2 })).toBe("2 fel");
  });
});
