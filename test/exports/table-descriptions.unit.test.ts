// Each table's and column's description knows the language it is in: for a language the schemas
// have no words in (Finnish), the English stands in, marked as English; and where a text goes
// out tagged with one language (the catalog's literals), English words are not tagged Finnish.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogRdfUrl } from "../../src/core/routes.js";
import { openData } from "../../src/exports/files.js";
import { descriptionIn, tablesFor } from "../../src/exports/tables.js";
import { loadDataset } from "../../src/model/index.js";
import { readSchemas, resolveSchema, type Schema } from "../../src/model/schemas.js";
import { buildDay } from "../../src/model/today.js";

const tables = tablesFor(["sv", "fi"]);
const projects = tables.find((table) => table.name === "projects")!;
const column = (name: string) => projects.columns.find((candidate) => candidate.name === name)!;
/** A project's title as the schema describes it: in English, and in Swedish (not in Finnish). */
const title = resolveSchema(
  resolveSchema(readSchemas().get("project.schema.json") as Schema).properties?.title as Schema,
);
const english = title.description!;
const swedish = title["x-description"]?.sv as string;

describe("a description's language", () => {
  it("is the reader's where the schema has their words, else English", () => {
    expect(column("title_fi").descriptions.sv).toMatchObject({ lang: "sv", text: swedish });
    expect(column("title_fi").descriptions.fi).toMatchObject({ lang: "en", text: english });
    // The sentence that names the text's language is in the reader's language, whatever the rest is in.
    expect(column("title_fi").descriptions.fi?.note).toBe(" Tekstin kieli: suomi.");
    expect(column("title_sv").descriptions.sv?.note).toBe(" Texten på svenska.");
  });

  it("is the reader's for the sentences of the UI, and for a field known only by its name", () => {
    expect(column("id").descriptions.fi?.lang).toBe("fi");
    expect(projects.descriptions.fi).toEqual({ text: "projects: yksi rivi tietuetta kohden.", lang: "fi" });
    const funders = tables.find((table) => table.name === "network_funders")!;
    const funder = funders.columns.find((candidate) => candidate.name === "funder")!;
    expect(funder.descriptions.fi).toEqual({ text: "funder", lang: "fi" });
  });

  it("gives a plain text only in the language it is for", () => {
    expect(descriptionIn(column("title_fi").descriptions.sv, "sv")).toBe(`${swedish} Texten på finska.`);
    expect(descriptionIn(column("title_fi").descriptions.fi, "fi")).toBeUndefined();
  });
});

describe("the catalog of a publication in Swedish and Finnish", () => {
  const work = mkdtempSync(join(tmpdir(), "utblick-descriptions-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const data = join(work, "data");
  const made = spawnSync(
    "npx",
    ["tsx", "scripts/init.ts", data, "--name", "Testkommun", "--languages", "sv,fi"].concat([
      "--base-url",
      "https://x.example/",
      "--contact-email",
      "a@x.example",
    ]),
    { encoding: "utf8" },
  );

  it("describes each table file in Finnish without the English the schemas stand in with", () => {
    expect(made.status).toBe(0);
    const files = openData(loadDataset(data, buildDay("2026-12-04"))).files;
    const csv = files.filter((file) => file.group === "csv" || file.group === "csv-excel");
    expect(csv.length).toBeGreaterThan(20);
    for (const file of csv) {
      const table = file.table!;
      expect(file.description?.fi).not.toContain(table.description);
      expect(file.description?.fi).toMatch(/^\S/);
      const swedish = descriptionIn(table.descriptions.sv, "sv");
      if (swedish) expect(file.description?.sv).toContain(swedish);
    }
    const rdf = String(files.find((file) => file.url === catalogRdfUrl)!.render());
    expect(rdf).not.toContain(`xml:lang="fi">${tables.find((table) => table.name === "project_funding")!.description}`);
    expect(rdf).toContain('xml:lang="fi">projects: yksi rivi tietuetta kohden.');
  });
});
