// Inputs that used to crash, hang or slip through the loader, made in a temporary folder because
// git cannot hold them (a FIFO, links, a 50 MB file): each must give exactly one located message,
// in the editor's language, and never a stack trace or a raw ENOENT/EISDIR/EACCES.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INPUT_LIMITS } from "../../src/model/input-limits.js";
import { misindentedLines } from "../../src/model/misindented-lines.js";
import { formatProblem } from "../../src/model/problems.js";
import { amountDigits } from "../../src/model/schema-errors.js";
import { buildDay } from "../../src/model/today.js";
import { firstInvalidUtf8 } from "../../src/model/utf8.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "valid", "minimal");
const work = mkdtempSync(join(tmpdir(), "utblick-hostile-"));
afterAll(() => {
  chmodSync(work, 0o700);
  rmSync(work, { recursive: true, force: true });
});
const today = buildDay("2026-11-25");
let count = 0;

/** A copy of the valid minimal data, changed by `prepare`; its problems as the editor reads them. */
function problemsAfter(prepare: (data: string) => void, lang: "sv" | "en" = "sv"): string[] {
  const root = join(work, String(++count));
  const data = join(root, "data");
  cpSync(VALID, data, { recursive: true });
  prepare(data);
  const result = validateDataDirectory(data, { today, displayRoot: root, lang });
  return result.problems.map((problem) => formatProblem(problem, lang));
}

const project = (data: string): string => join(data, "projects", "renare-vatten.yaml");
const TIMEOUT = { timeout: 60_000 };

describe("files that are not regular files inside data/", () => {
  it("a FIFO named like a record is refused without waiting for a writer", TIMEOUT, () => {
    const problems = problemsAfter((data) => execFileSync("mkfifo", [join(data, "projects", "ror.yaml")]));
    expect(problems).toEqual([
      "data/projects/ror.yaml: är ingen vanlig fil utan en namngiven pipe (FIFO); bara vanliga filer läses",
    ]);
  });

  it("a link to a file that does not exist is named as such", TIMEOUT, () => {
    const problems = problemsAfter((data) => symlinkSync("finns-inte.yaml", join(data, "themes", "borta.yaml")));
    expect(problems).toEqual(["data/themes/borta.yaml: är en länk till en fil som inte finns"]);
  });

  it("a link to a record outside data/ is not followed", TIMEOUT, () => {
    const outside = join(work, "utanfor.yaml");
    writeFileSync(outside, "label:\n  sv: Utanför\n");
    const problems = problemsAfter((data) => symlinkSync(outside, join(data, "themes", "utanfor.yaml")));
    expect(problems).toEqual([
      `data/themes/utanfor.yaml: är en länk till ${outside}, som ligger utanför datamappen; ` +
        "lägg själva filen i datamappen",
    ]);
  });

  it("a link that stays inside data/ is read like the file it points at", TIMEOUT, () => {
    const problems = problemsAfter((data) => symlinkSync("miljo.yaml", join(data, "themes", "miljo-kopia.yaml")));
    expect(problems).toEqual([]);
  });

  it("a folder named like a record is refused", TIMEOUT, () => {
    const problems = problemsAfter((data) => mkdirSync(join(data, "projects", "mapp.yaml")));
    expect(problems).toEqual([
      "data/projects/mapp.yaml: är en mapp, men namnet slutar på .yaml; byt namn på mappen eller flytta den ut ur data",
    ]);
  });

  // root reads every file whatever its mode, so the check only means something for other users.
  it.skipIf(process.getuid?.() === 0)("an unreadable file is named with a plain sentence", TIMEOUT, () => {
    const problems = problemsAfter((data) => chmodSync(join(data, "themes", "miljo.yaml"), 0));
    expect(problems).toContain(
      "data/themes/miljo.yaml: filen får inte läsas; ge den som bygger webbplatsen läsrätt till den",
    );
  });

  it("a data folder that does not exist is said plainly, in English when asked", TIMEOUT, () => {
    const result = validateDataDirectory(join(work, "saknas"), { today, displayRoot: work, lang: "en" });
    expect(result.problems.map((problem) => formatProblem(problem, "en"))).toEqual([
      "saknas: the data folder does not exist; give the right folder with --data",
    ]);
  });
});

describe("files beyond the limits", () => {
  it("a 50 MB file is refused by its size without being read", TIMEOUT, () => {
    const problems = problemsAfter((data) => {
      writeFileSync(join(data, "themes", "stor.yaml"), "label:\n  sv: Stor\n");
      truncateSync(join(data, "themes", "stor.yaml"), 50 * 1024 * 1024);
    });
    expect(problems).toEqual(["data/themes/stor.yaml: filen är 50,0 MB stor; en fil i data får vara högst 1,0 MB"]);
  });

  it("a 10 MB text is refused by the file's size", TIMEOUT, () => {
    const problems = problemsAfter((data) =>
      writeFileSync(join(data, "themes", "lang.yaml"), `label:\n  sv: ${"x".repeat(10 * 1024 * 1024)}\n`),
    );
    expect(problems).toEqual(["data/themes/lang.yaml: filen är 10,0 MB stor; en fil i data får vara högst 1,0 MB"]);
  });

  it("a text longer than the limit but in a small enough file is located at the text", TIMEOUT, () => {
    const length = INPUT_LIMITS.textCharacters + 1;
    const problems = problemsAfter((data) =>
      writeFileSync(join(data, "themes", "lang.yaml"), `label:\n  sv: ${"x".repeat(length)}\n`),
    );
    expect(problems).toEqual([
      `data/themes/lang.yaml:2:7  label.sv: texten är ${length} tecken lång; en text får vara högst 100000 tecken`,
    ]);
  });

  it("10 000 levels of nesting stop at the level past the limit", TIMEOUT, () => {
    const problems = problemsAfter((data) =>
      writeFileSync(join(data, "themes", "djup.yaml"), `label: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`),
    );
    // The group of the file is the first level and the brackets start at column 8, so js-yaml
    // stops at the 32nd bracket, the 33rd level: column 8 + 31.
    expect(problems).toEqual(["data/themes/djup.yaml:1:39  är inbäddad i fler än 32 nivåer; så djupt går inga data"]);
  });

  it("50 000 unknown keys in one group give one message at the first key past the limit", TIMEOUT, () => {
    const keys = Array.from({ length: 50_000 }, (_, index) => `k${index}: 1`).join("\n");
    const problems = problemsAfter((data) => writeFileSync(join(data, "themes", "nycklar.yaml"), `${keys}\n`));
    expect(problems).toEqual([
      "data/themes/nycklar.yaml:1001:1  k1000: har 50000 fält; en grupp får ha högst 1000 fält",
    ]);
  });
});

describe("a release", () => {
  it("may hold more records of a kind than a group may hold fields", TIMEOUT, () => {
    const themes = Object.fromEntries(
      Array.from({ length: INPUT_LIMITS.keys + 1 }, (_, index) => [`tema-${index}`, { label: { sv: "Tema" } }]),
    );
    const problems = problemsAfter((data) => {
      const site = { title: { sv: "T" }, publisher: "testkommun", base_url: "https://utblick.example.org/" };
      const release = { version: "2026-11-25", date: "2026-11-25", data: { site, themes } };
      mkdirSync(join(data, "releases"));
      writeFileSync(join(data, "releases", "2026-11-25.json"), JSON.stringify(release));
    });
    // The site in this release lacks required fields: proof that the file was checked, not refused.
    expect(problems.every((problem) => problem.startsWith("data/releases/2026-11-25.json:1:"))).toBe(true);
    expect(problems.some((problem) => problem.includes("fält; en grupp får ha högst"))).toBe(false);
    expect(problems.some((problem) => problem.includes("data.site.data_licence: saknas men måste finnas"))).toBe(true);
  });
});

describe("text that is not UTF-8", () => {
  it("is reported at the first bad byte with the Windows-1252 letter it would be", TIMEOUT, () => {
    const problems = problemsAfter((data) =>
      writeFileSync(join(data, "themes", "miljo.yaml"), Buffer.from("label:\n  sv: Milj\xf6\n", "latin1")),
    );
    expect(problems).toEqual([
      "data/themes/miljo.yaml:2:11  filen är inte sparad som UTF-8: byten 0xF6 på rad 2 kan inte läsas " +
        '(i Windows-1252 betyder den "ö"); spara filen med teckenkodningen UTF-8',
    ]);
  });

  it("offsets of the first malformed sequence follow the UTF-8 rules", () => {
    const bytes = (...values: number[]) => Uint8Array.from(values);
    expect(firstInvalidUtf8(bytes(0x61, 0xc3, 0xa5))).toBe(3); // "aå": all valid
    expect(firstInvalidUtf8(bytes(0x61, 0xe5, 0x62))).toBe(1); // Latin-1 å
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1); // cut short
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // beyond U+10FFFF
  });
});

describe("the editor's slips", () => {
  it("three spaces instead of two are named as wrong indentation, with the column that is right", TIMEOUT, () => {
    const problems = problemsAfter(
      (data) =>
        writeFileSync(
          project(data),
          readFileSync(project(data), "utf8").replace("\n  en: Cleaner water", "\n   en: Cleaner water"),
        ),
      "en",
    );
    expect(problems).toEqual([
      "data/projects/renare-vatten.yaml:3:4  wrong indentation: the line starts at column 4, " +
        "but the lines of its group start at column 3",
    ]);
  });

  it("indentation slips are found from the groups above the line", () => {
    expect(misindentedLines("a:\n  b: 1\n   c: 2\n")).toEqual([{ line: 3, found: 4, expected: [3] }]);
    // One space: as close to the top level as to the group, so both columns are offered.
    expect(misindentedLines("a:\n  b: 1\n c: 2\n")).toEqual([{ line: 3, found: 2, expected: [1, 3] }]);
    expect(misindentedLines("list:\n  - a: 1\n    b: 2\n     c: 3\n")).toEqual([{ line: 4, found: 6, expected: [5] }]);
    // Block texts and lists that start at their key's column are not slips.
    expect(misindentedLines("a: |\n  text\n     more text\nb:\n- x\n- y\n")).toEqual([]);
  });

  it("amounts written in words or with separators become digits", () => {
    expect(amountDigits("3,5 miljoner")).toBe("3500000");
    expect(amountDigits("3.5 million")).toBe("3500000");
    expect(amountDigits("200 000 kr")).toBe("200000");
    expect(amountDigits("3 500 000")).toBe("3500000");
    expect(amountDigits("1,2 mdr")).toBe("1200000000");
    expect(amountDigits("350 tkr")).toBe("350000");
    expect(amountDigits("3,500,000")).toBe("3500000");
    expect(amountDigits("ungefär tre miljoner")).toBeUndefined();
  });

  it("a bidi override in a key is refused like one in a text", TIMEOUT, () => {
    const problems = problemsAfter((data) =>
      writeFileSync(
        join(data, "themes", "miljo.yaml"),
        "label:\n  sv: Miljö\n  en: Environment\n  de: Umwelt\n\u2066x: 1\n",
      ),
    );
    expect(problems[0]).toBe(
      "data/themes/miljo.yaml:5:1  \u2066x: innehåller ett osynligt tecken (riktningstecken, U+2066) som tecken 1; " +
        "ta bort det (det följer ofta med när man kopierar text från ett annat program)",
    );
  });
});
