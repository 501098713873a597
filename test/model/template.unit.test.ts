import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { KINDS, type Kind } from "../../src/core/vocabulary.js";
import { recordTemplate } from "../../src/model/template.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "valid", "minimal");
const work = mkdtempSync(join(tmpdir(), "utblick-template-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const today = buildDay("2026-11-25");

/** What an editor writes into the fields the template leaves empty. */
const FILLED: Record<Kind, Record<string, unknown>> = {
  sources: { title: { sv: "Ny källa" }, publisher: "testkommun", language: "sv" },
  themes: { label: { sv: "Nytt tema" } },
  places: { name: { sv: "Ny plats" }, country: "SE", lat: 59.61, lon: 16.55, editorial: ["lat", "lon"] },
  organisations: { name: { sv: "Ny organisation" }, kind: "ngo", country: "SE" },
  programmes: { name: { sv: "Nytt program" }, funder: "fonden", sources: [{ source: "testkalla" }] },
  people: { name: "Ny Person", organisation: "testkommun", sources: [{ source: "testkalla" }] },
  networks: { name: { sv: "Nytt nätverk" }, sources: [{ source: "testkalla" }] },
  partnerships: {
    swedish_partners: ["testkommun"],
    international_partners: ["fonden"],
    sources: [{ source: "testkalla" }],
  },
  projects: {
    title: { sv: "Nytt projekt" },
    summary: { sv: "Vad projektet gör." },
    owners: ["testkommun"],
    sources: [{ source: "testkalla" }],
  },
};

function validateWith(kind: Kind, text: string) {
  const data = join(work, `${kind}-${Math.random().toString(36).slice(2)}`);
  cpSync(VALID, data, { recursive: true });
  // Git keeps no empty folders: the minimal fixture may have none for this kind.
  mkdirSync(join(data, kind), { recursive: true });
  writeFileSync(join(data, kind, "ny-post.yaml"), text);
  return validateDataDirectory(data, { today, displayRoot: data });
}

describe("a new record from the template", () => {
  it.each(KINDS)("for %s names every field of the schema, with Swedish comments", (kind) => {
    const text = recordTemplate(kind);
    expect(text.startsWith("# yaml-language-server: $schema=../../src/model/schemas/")).toBe(true);
    const comments = text.split("\n").filter((line) => line.startsWith("# ") && !line.startsWith("# yaml"));
    expect(comments.length).toBeGreaterThan(2);
    for (const field of Object.keys(FILLED[kind])) expect(text).toMatch(new RegExp(`^${field}:`, "m"));
  });

  it.each(KINDS)("for %s is reported, field by field, while its required fields are empty", (kind) => {
    const result = validateWith(kind, recordTemplate(kind));
    expect(result.dataset).toBeUndefined();
    const fields = result.problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => problem.field.split(/[.[]/)[0]);
    for (const field of Object.keys(FILLED[kind])) expect(fields).toContain(field);
  });

  it.each(KINDS)("for %s validates once its required fields are filled", (kind) => {
    const template = parse(recordTemplate(kind)) as Record<string, unknown>;
    const result = validateWith(kind, stringify({ ...template, ...FILLED[kind] }));
    expect(result.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(result.dataset).toBeDefined();
  });
});
