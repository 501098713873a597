// An included publication is someone else's data: every byte of a vendored release is treated as
// hostile. What validate must refuse in it, as it refuses the same in the site's own files: texts
// over the length limit or with forbidden characters, a package that claims to be the site itself,
// a publisher slug whose records' addresses are the site's own pages, and archive entries that
// are no file of a release (.git/config, .gitattributes) but would be unpacked into the data folder.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { releaseArchiveName, releaseFolderName } from "../../src/core/routes.js";
import { alsoReported } from "../../src/model/dataset.js";
import { PackageError, RECORDS_FILE, sha256Hex, unpackRelease, vendoredFolder } from "../../src/model/includes.js";
import { loadDataset } from "../../src/model/index.js";
import { INPUT_LIMITS } from "../../src/model/input-limits.js";
import { releaseSnapshot } from "../../src/model/published.js";
import { reportLines } from "../../src/model/report.js";
import { buildDay } from "../../src/model/today.js";
import type { Partnership } from "../../src/model/types.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const FIXTURES = "test/fixtures/includes";
const today = buildDay("2026-12-05");
const VERSION = "2026-12-01";

type Snapshot = Record<string, Record<string, Record<string, unknown>>>;

const errorsOf = (dataDir: string) =>
  validateDataDirectory(dataDir, { today, displayRoot: dataDir }).problems.filter(
    (problem) => problem.severity === "error",
  );

/** Sets one field of a record of the release, as a hostile publisher would have written it. */
const setTitle = (snapshot: Snapshot, sv: string) => {
  const project = snapshot.projects?.["renare-vatten"] as { title: Record<string, string> };
  project.title.sv = sv;
};

let root = "";
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "utblick-includes-hostile-"));
  // The register's other include leads from its folder to grannkommun beside it.
  cpSync(join(FIXTURES, "grannkommun"), join(root, "grannkommun"), { recursive: true });
  return () => rmSync(root, { recursive: true, force: true });
});
afterEach(() => rmSync(join(root, "register"), { recursive: true, force: true }));

/**
 * A copy of the register with testkommun's release vendored and pinned under `publisher`, after
 * `change` rewrote its records: what `npm run include` would have stored of a hostile release.
 */
function registerWith(
  options: { change?: (snapshot: Snapshot) => void; publisher?: string; text?: (json: string) => string } = {},
): string {
  const publisher = options.publisher ?? "testkommun";
  const register = join(root, "register");
  cpSync(join(FIXTURES, "register"), register, { recursive: true });
  const snapshot = releaseSnapshot(loadDataset(join(FIXTURES, "testkommun"), today)) as unknown as Snapshot;
  options.change?.(snapshot);
  const records = strToU8((options.text ?? ((json: string) => json))(JSON.stringify(snapshot)));
  const archive = zipSync({ [`${releaseFolderName(VERSION)}/${RECORDS_FILE}`]: records });
  const folder = vendoredFolder(register, { publisher, version: VERSION });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, releaseArchiveName(VERSION)), archive);
  writeFileSync(join(folder, RECORDS_FILE), records);
  const site = parseDocument(readFileSync(join(register, "site.yaml"), "utf8"));
  site.setIn(["includes", 0], {
    publisher,
    url: "https://testkommun.example.org/",
    version: VERSION,
    sha256: sha256Hex(archive),
    retrieved: "2026-12-02",
  });
  writeFileSync(join(register, "site.yaml"), site.toString());
  // The register's editor confirmed testkommun's partner town under the slug it is included by.
  const partner = join(register, "organisations", "partnerstad.yaml");
  writeFileSync(partner, readFileSync(partner, "utf8").replace("testkommun/partnerstad", `${publisher}/partnerstad`));
  return register;
}

describe("a vendored release's texts meet the same limits and character rules as the site's own", () => {
  it("is used when its texts are sound (the copy these tests change)", () => {
    expect(errorsOf(registerWith())).toEqual([]);
  });

  it("is refused with a text longer than a text may be", () => {
    const register = registerWith({
      change: (snapshot) => setTitle(snapshot, "A".repeat(INPUT_LIMITS.textCharacters + 1)),
    });
    expect(errorsOf(register)).not.toEqual([]);
  });

  it("is refused with a bidi override that turns the text around on the page", () => {
    const register = registerWith({ change: (snapshot) => setTitle(snapshot, "Renare \u202Enettav\u202C") });
    expect(errorsOf(register)).not.toEqual([]);
  });

  it("is refused with control characters (NUL, BEL), which reach the CSV files as they are", () => {
    const register = registerWith({ change: (snapshot) => setTitle(snapshot, "Renare\u0000\u0007 vatten") });
    expect(errorsOf(register)).not.toEqual([]);
  });
});

describe("a publication that claims to be the site itself", () => {
  it("is refused as a release whose base_url is the site's own", () => {
    const register = registerWith({
      change: (snapshot) => {
        (snapshot.site as unknown as { base_url: string }).base_url = "https://register.example.org/";
      },
    });
    expect(errorsOf(register)).not.toEqual([]);
  });

  it("is refused as a path include that reaches the site's own folder through a link", () => {
    const register = registerWith();
    symlinkSync(register, join(root, "alias"));
    try {
      const file = join(register, "site.yaml");
      const site = parseDocument(readFileSync(file, "utf8"));
      site.setIn(["includes", 1], { publisher: "sjalv", path: "../alias" });
      writeFileSync(file, site.toString());
      expect(errorsOf(register)).not.toEqual([]);
    } finally {
      rmSync(join(root, "alias"), { force: true });
    }
  });
});

describe("an included record's address", () => {
  it("is refused where it is a page of the site's own (publisher 'ar', project '2020': the year 2020's list)", () => {
    // validate accepted this and the build ended in Eleventy's DuplicatePermalinkOutputError.
    const register = registerWith({
      publisher: "ar",
      change: (snapshot) => {
        const projects = snapshot.projects as Record<string, Record<string, unknown>>;
        projects["2020"] = projects["bara-svenska"] as Record<string, unknown>;
        delete projects["bara-svenska"];
      },
    });
    expect(errorsOf(register)).not.toEqual([]);
  });
});

describe("a release's archive", () => {
  const withEntry = (name: string) =>
    zipSync({
      [`${releaseFolderName(VERSION)}/${RECORDS_FILE}`]: strToU8("{}"),
      [`${releaseFolderName(VERSION)}/${name}`]: strToU8("[core]\n\tfsmonitor = touch /tmp/pwned\n"),
    });

  it.each([".git/config", ".gitattributes", "csv/.gitignore", ".htaccess"])(
    "is refused when it holds %s, which no release holds and which would be unpacked into the data folder",
    (name) => {
      expect(() => unpackRelease(withEntry(name), VERSION)).toThrow(PackageError);
    },
  );

  it("is unpacked when it holds only a release's files (the archive the test above changes)", () => {
    const archive = zipSync({
      [`${releaseFolderName(VERSION)}/${RECORDS_FILE}`]: strToU8("{}"),
      [`${releaseFolderName(VERSION)}/csv/projects.csv`]: strToU8("id\n"),
    });
    expect([...unpackRelease(archive, VERSION).keys()]).toEqual([RECORDS_FILE, "csv/projects.csv"]);
  });
});

describe("what validate tells the editor of a hostile release", () => {
  it("holds no terminal control sequence of the publisher (a record id that clears the screen)", () => {
    const sequence = "\u001b]0;utblick\u0007\u001b[2J";
    const register = registerWith({
      text: (json) => json.replace('"bara-svenska":', `${JSON.stringify(`bara${sequence}`)}:`),
    });
    const { problems } = validateDataDirectory(register, { today, displayRoot: register });
    const lines = reportLines({ problems, files: 1, lang: "sv" });
    expect(lines.join("\n")).toContain("bara");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for
    expect(lines.filter((line) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line))).toEqual([]);
  });
});

describe("partnerships reported by several publishers", () => {
  it("link to each other in numbers that grow with the records, not with their square", () => {
    // Two packages, each with 300 records of one partnership (validate accepts them): every record
    // linked to all 300 of the other's, 180 000 links and as many conflict values; at 3 000 each,
    // 18 million and 26 s in the model alone, before any page of 3 000 links is written.
    const partnerships = new Map<string, Partnership>();
    for (const publisher of ["a", "b"])
      for (let index = 0; index < 300; index++)
        partnerships.set(`${publisher}/kopia-${index}`, {
          swedish_partners: ["testkommun"],
          international_partners: ["partnerstad"],
          since: String(1700 + index),
        } as unknown as Partnership);
    const found = alsoReported(partnerships, (_kind, id) => id.split("/")[0]);
    const links = [...found.values()].reduce((sum, entry) => sum + entry.others.length, 0);
    const values = [...found.values()].reduce(
      (sum, entry) => sum + entry.differences.reduce((inner, difference) => inner + difference.values.length, 0),
      0,
    );
    expect(links).toBeLessThanOrEqual(10 * partnerships.size);
    expect(values).toBeLessThanOrEqual(10 * partnerships.size);
  });
});
