// What the web editor writes: the YAML of the hand-written files, which the validator reads back
// to the same values.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NEW_ID_FIELD, readRecordYaml, recordYaml, updatedRecordYaml, withoutEmpty } from "../../src/admin/yaml.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { localFormSetup } from "../helpers/form.js";

const order = localFormSetup().order;

describe("the record YAML the web editor writes", () => {
  it("keeps a record in the house style byte for byte when it is read and written again", () => {
    const text = `title:
  sv: Renare vatten
  en: Cleaner water
summary:
  sv: Kommunen minskar **utsläppen** till sjön.
owners: [testkommun]
status: ongoing
status_as_of: "2017-09-05"
start: "2016"
duration: P3Y
funding:
  - programme: regionalfonden
    amount: 3500000
    currency: EUR
    approximate: true
countries: [SE, FI]
sdgs: [6, 14]
sources:
  - source: testkalla
`;
    expect(recordYaml(readRecordYaml(text), order.projects)).toBe(text);
  });

  it("writes dates in double quotes, so that a year stays a text and not a number", () => {
    expect(recordYaml({ status_as_of: "2017-09-05", start: "2016", end: "2019-02" }, order.projects)).toBe(
      'status_as_of: "2017-09-05"\nstart: "2016"\nend: "2019-02"\n',
    );
  });

  it("writes the keys in the schema's order at every level, whatever order the form gives them in", () => {
    const written = recordYaml(
      { sources: [{ note: { sv: "Not" }, source: "k" }], owners: ["a"], title: { de: "T", sv: "T" } },
      order.projects,
    );
    expect(written).toBe("title:\n  sv: T\n  de: T\nowners: [a]\nsources:\n  - source: k\n    note:\n      sv: Not\n");
  });

  it("leaves out fields the editor left empty instead of writing empty texts and lists", () => {
    expect(withoutEmpty({ title: { sv: "T", en: "", de: null }, themes: [], budget: { total: {} }, n: 0 })).toEqual({
      title: { sv: "T" },
      n: 0,
    });
    expect(recordYaml({ title: { sv: "T", en: "" }, places: [{ name: {} }] }, order.projects)).toBe(
      "title:\n  sv: T\n",
    );
  });

  it("reads back every text exactly, whatever characters it holds", () => {
    const texts = [
      "yes",
      "null",
      "0123",
      "1e3",
      "- a list?",
      "key: value",
      "a # not a comment",
      "'quoted'",
      '"double"',
      "två rader\nmed radbrytning",
      "  leading spaces",
      "trailing space ",
      "emoji 🌍 och å ä ö",
      "<script>alert(1)</script>",
      "@mention",
      "%directive",
      "`backtick",
      "tab\there",
      "",
    ];
    for (const text of texts) {
      const data = { title: { sv: `x${text}` }, summary: { sv: text || "y" }, owners: [text || "z"] };
      expect(readRecordYaml(recordYaml(data, order.projects)), JSON.stringify(text)).toEqual(data);
    }
  });

  it("writes a record the validator accepts: a new project saved into a copy of a fixture passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "utblick-yaml-"));
    try {
      cpSync("test/fixtures/valid/site", dir, { recursive: true });
      const form = {
        title: { sv: "Nya broar", en: "", de: "" },
        summary: { sv: "Kommunen bygger **två** broar." },
        owners: ["testkommun"],
        start: "2016",
        duration: "P2Y",
        funding: [{ programme: "regionalfonden", amount: 1000, currency: "SEK" }],
        sdgs: [11],
        places: [],
        sources: [{ source: "testkalla", note: { sv: "" } }],
      };
      writeFileSync(join(dir, "projects", "nya-broar.yaml"), recordYaml(form, order.projects));
      const result = validateDataDirectory(dir, { today: buildDay("2026-11-26") });
      expect(result.problems.filter((problem) => problem.severity === "error")).toEqual([]);
      expect(result.dataset?.records.projects.get("nya-broar")?.start).toBe("2016");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a record edited in the form", () => {
  // Written by hand, unlike the form: comments, quotes, block lists, folded and flow texts.
  const HAND_WRITTEN = `# Källa: kommunens sida, läst 2019.
title:
  sv: 'Gångbroar över ån'
  en: Footbridges across the river
summary:
  sv: >-
    Kommunen bygger två gångbroar
    över ån.
owners:
  - testkommun
start: 2016-03   # månad enligt källan
duration: P2Y
budget:
  total: { amount: 1000, currency: SEK }
participants:
  - organisation: testkommun
    role: partner
  - { organisation: partnerstad, role: partner }
countries: [ SE, FI ]
sources:
  - source: testkalla
`;
  const edited = (change: (data: Record<string, unknown>) => void): string => {
    const data = structuredClone(readRecordYaml(HAND_WRITTEN)) as Record<string, unknown>;
    change(data);
    return updatedRecordYaml(HAND_WRITTEN, data, order.projects);
  };
  const changedLines = (text: string): string[] => {
    const before = HAND_WRITTEN.split("\n");
    return text.split("\n").filter((line, index) => line !== before[index]);
  };

  it("changes only the line of the one text changed, keeping every other line as written", () => {
    const text = edited((data) => {
      (data.title as Record<string, string>).en = "Two footbridges across the river";
    });
    expect(text).toBe(HAND_WRITTEN.replace("en: Footbridges", "en: Two footbridges"));
    // The form's own writer would have rewritten the untouched lines.
    expect(changedLines(recordYaml(readRecordYaml(text), order.projects)).length).toBeGreaterThan(5);
  });

  it("changes one field of one list item in place, and adds a new field where the schema puts it", () => {
    const text = edited((data) => {
      ((data.participants as Record<string, string>[])[0] as Record<string, string>).role = "coordinator";
      data.end = "2018";
    });
    expect(text).toContain('start: 2016-03   # månad enligt källan\nend: "2018"\nduration: P2Y\n');
    expect(text).toContain(
      "  - organisation: testkommun\n    role: coordinator\n  - { organisation: partnerstad, role: partner }\n",
    );
    expect(readRecordYaml(text)).toMatchObject({ end: "2018", countries: ["SE", "FI"] });
  });

  it("removes a field emptied in the form with its lines, and leaves the id field of a new record out", () => {
    const text = edited((data) => {
      data.budget = undefined;
      data[NEW_ID_FIELD] = "gangbroar";
    });
    expect(text).toBe(HAND_WRITTEN.replace("budget:\n  total: { amount: 1000, currency: SEK }\n", ""));
  });
});
