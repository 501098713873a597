// The run builds only the shared sites its selected test files read (test/helpers/shared-sites.ts):
// those a build or browser test file names, all of them for one that reads shared sites by names
// it does not write, none for a unit test file or one that reads no shared site.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_SITES, sitesRead } from "../helpers/shared-sites.js";

const dir = mkdtempSync(join(tmpdir(), "utblick-sites-read-"));

/** A test file of that name and text, in a folder of its own. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ALL = Object.keys(SHARED_SITES);

describe("the shared sites a run builds", () => {
  it("are those the selected build and browser test files name, in the order of SHARED_SITES", () => {
    const build = file("a.build.test.ts", 'const site = sharedSite("sample");\nconst other = sharedSite("real");\n');
    const browser = file("b.browser.test.ts", "reader = await openInBrowser(sharedSite('iati').dir);\n");
    expect(sitesRead([build, browser])).toEqual(["real", "sample", "iati"]);
  });

  it("are all of them for a file that reads shared sites by names it does not write", () => {
    const named = file("c.build.test.ts", "for (const name of names()) site = sharedSite(name);\n");
    expect(sitesRead([named])).toEqual(ALL);
    const injected = file("d.browser.test.ts", 'const data = inject("sharedSites").changed.data;\n');
    expect(sitesRead([injected])).toEqual(ALL);
  });

  it("are none for unit test files, nor for build tests that read no shared site", () => {
    const unit = file("e.unit.test.ts", 'const data = inject("sharedSites").changed.data; sharedSite("real");\n');
    const own = file("f.build.test.ts", 'const site = await buildSite("test/fixtures/valid/minimal"); // "real"\n');
    expect(sitesRead([unit, own])).toEqual([]);
  });
});
