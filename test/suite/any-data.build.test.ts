// npm test must pass whatever records an editor adds, changes or removes in data/. The checks
// that hold for any data (strict validation, links, language versions, HTML, open data without
// personal data, statistics from the CSV) run on data/ and on a copy of it after an editor's
// changes (test/helpers/changed-data.ts); this file proves that the copy really was changed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sectionUrl } from "../../src/core/routes.js";
import { type BuiltSite, fileOfUrl, REAL_DATA, sharedSite } from "../helpers/built-site.js";
import { languagesOf } from "../helpers/shared-sites.js";

const LANGUAGES = languagesOf(REAL_DATA);

let real: BuiltSite;
let changed: BuiltSite;
const change = inject("dataChange");

beforeAll(() => {
  real = sharedSite("real");
  changed = sharedSite("changed");
});

const projectFile = (data: string, id: string) => join(data, "projects", `${id}.yaml`);

describe("the copy of data/ an editor has changed", () => {
  it("has one project more, one less, and one retitled, while data/ itself is untouched", () => {
    const data = inject("sharedSites").changed.data;
    expect(existsSync(projectFile(data, change.added))).toBe(true);
    expect(existsSync(projectFile(REAL_DATA, change.added))).toBe(false);
    // A register with too few projects of its own has none to remove or retitle (changed-data.ts).
    const { removed, retitled } = change;
    if (removed) {
      expect(existsSync(projectFile(data, removed))).toBe(false);
      expect(existsSync(projectFile(REAL_DATA, removed))).toBe(true);
    }
    if (retitled) {
      expect(readFileSync(projectFile(data, retitled), "utf8")).toContain(change.newTitle);
      expect(readFileSync(projectFile(REAL_DATA, retitled), "utf8")).not.toContain(change.newTitle);
    }
    expect(changed.dataset.projects.length).toBe(real.dataset.projects.length + (removed ? 0 : 1));
  });

  it("builds into a site with the new project, the new title and no page of the removed project", () => {
    const { removed, retitled } = change;
    for (const lang of LANGUAGES) {
      expect(changed.exists(sectionUrl(lang, "projects", change.added)), lang).toBe(true);
      if (removed) {
        expect(changed.exists(sectionUrl(lang, "projects", removed)), lang).toBe(false);
        expect(real.exists(sectionUrl(lang, "projects", removed)), lang).toBe(true);
      }
    }
    if (retitled)
      expect(
        changed
          .html(fileOfUrl(sectionUrl("en", "projects", retitled)))("h1")
          .text(),
      ).toBe(change.newTitle);
    const records = JSON.parse(changed.read("/data/utblick.json")) as { projects: Record<string, unknown> };
    expect(Object.keys(records.projects)).toContain(change.added);
    if (removed) expect(Object.keys(records.projects)).not.toContain(removed);
  });
});
