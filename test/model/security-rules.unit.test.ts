// The low and medium findings of issue #27: each mistake is laid over a copy of the valid minimal
// data and must come out as located messages, all of a file's mistakes in one run.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstDayMillis, parsePartialDate } from "../../src/model/dates.js";
import { formatProblem } from "../../src/model/problems.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "valid", "minimal");
const work = mkdtempSync(join(tmpdir(), "utblick-rules-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const today = buildDay("2026-11-25");
let count = 0;

interface Outcome {
  readonly problems: string[];
  readonly valid: boolean;
}

/** A copy of the valid minimal data, changed by `prepare`, validated. */
function validateAfter(prepare: (data: string) => void, lang: "sv" | "en" = "sv"): Outcome {
  const root = join(work, String(++count));
  const data = join(root, "data");
  cpSync(VALID, data, { recursive: true });
  prepare(data);
  const result = validateDataDirectory(data, { today, displayRoot: root, lang });
  return {
    problems: result.problems.map((problem) => formatProblem(problem, lang)),
    valid: result.dataset !== undefined,
  };
}

const problemsAfter = (prepare: (data: string) => void, lang: "sv" | "en" = "sv"): string[] =>
  validateAfter(prepare, lang).problems;

/** Replaces `from` by `to` in a file of the data, failing loudly when `from` is not there. */
function edit(data: string, file: string, from: string | RegExp, to: string): void {
  const path = join(data, file);
  const text = readFileSync(path, "utf8");
  if (!(typeof from === "string" ? text.includes(from) : from.test(text))) throw new Error(`${from} not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

const PROJECT = "projects/renare-vatten.yaml";
/** The first schema compile takes seconds on a loaded machine. */
const SLOW = { timeout: 30_000 };
const COPIED = "ta bort det (det följer ofta med när man kopierar text från ett annat program)";
const CONTROL = `har inte den form som krävs: innehåller ett osynligt styrtecken; ${COPIED}`;
const ONE_LINE =
  "har inte den form som krävs: en radbrytning eller ett tabbtecken hör inte hemma här; skriv värdet på en rad";
const TOO_LARGE = "talet är för stort för att sparas exakt; det får vara högst 9007199254740991";

/** The message for a circle of records, at the field of its first record (line and column given). */
const circle = (file: string, at: string, field: string, ids: string[]): string =>
  `data/${file}:${at}  ${field}: ${field} går runt i en cirkel: ${ids.join(" → ")}; ` +
  `ta bort ${field} i en av posterna`;

describe("a long line in a broken file (finding 1)", () => {
  // Quadratic line parsing took minutes for such a line; linear parsing takes milliseconds. The
  // limit of the test, not a timing assertion, catches a quadratic regular expression.
  // The first validation compiles the schemas: done before, outside the limits of these tests.
  beforeAll(() => void validateDataDirectory(VALID, { today }), 30_000);

  it("of 600 KB without a colon is reported at once", { timeout: 5_000 }, () => {
    const line = `a${" ".repeat(600_000)}b: c: d\n`;
    const { problems, valid } = validateAfter((data) => writeFileSync(join(data, "themes", "lang.yaml"), line));
    expect(valid).toBe(false);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith("data/themes/lang.yaml:1:"))).toBe(true);
  });

  it("of 600 KB of spaces in a value is reported at once", { timeout: 5_000 }, () => {
    const line = `label: [a${" ".repeat(600_000)}b\n`;
    const { problems, valid } = validateAfter((data) => writeFileSync(join(data, "themes", "lang.yaml"), line));
    expect(valid).toBe(false);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith("data/themes/lang.yaml:"))).toBe(true);
  });
});

describe("one rule for the characters of every text (finding 2)", () => {
  it("refuses ESC in a short name, BEL in a conflict's value, C1 controls in titles, all in one run", SLOW, () => {
    const problems = problemsAfter((data) => {
      edit(data, "organisations/fonden.yaml", "short_name: ERUF", 'short_name: "ER\\eUF"');
      edit(data, PROJECT, "  en: Cleaner water", '  en: "Cleaner\\x85water"');
      edit(data, PROJECT, "  de: Saubereres Wasser", '  de: "Sauberes\\x9b Wasser"');
      edit(
        data,
        PROJECT,
        "sources:\n",
        'conflicts:\n  - field: budget\n    value: "3\\a000"\n    source: testkalla\n' +
          "    note: { sv: Annan siffra, en: Another figure, de: Andere Zahl }\nsources:\n",
      );
    });
    expect(problems).toEqual([
      `data/organisations/fonden.yaml:5:13  short_name: "ER\\u001bUF" ${CONTROL}`,
      `data/projects/renare-vatten.yaml:3:7  title.en: "Cleaner\\u0085water" ${CONTROL}`,
      `data/projects/renare-vatten.yaml:4:7  title.de: "Sauberes\\u009b Wasser" ${CONTROL}`,
      `data/projects/renare-vatten.yaml:31:12  conflicts[0].value: "3\\u0007000" ${CONTROL}`,
    ]);
  });

  it("refuses DEL, a lone surrogate and a bidi isolate, in site.yaml too", SLOW, () => {
    const problems = problemsAfter((data) => {
      edit(data, "site.yaml", "  en: Test municipality's international work", '  en: "Test\\x7f work"');
      edit(data, "site.yaml", "  de: Internationale Arbeit der Testgemeinde", '  de: "Arbeit\\u2067 der"');
      edit(data, "themes/miljo.yaml", "  en: Environment", '  en: "Environ\\ud800ment"');
    });
    expect(problems).toEqual([
      `data/site.yaml:3:7  title.en: "Test\\u007f work" ${CONTROL}`,
      `data/site.yaml:4:7  title.de: innehåller ett osynligt tecken (riktningstecken, U+2067) som tecken 7; ${COPIED}`,
      "data/themes/miljo.yaml:3:7  label.en: innehåller ett osynligt tecken " +
        `(ett halvt tecken (ensamt surrogat), U+D800) som tecken 8; ${COPIED}`,
    ]);
  });

  it("refuses a line break or a tab in a one-line field but allows them in a text", SLOW, () => {
    const { problems } = validateAfter((data) => {
      edit(data, "organisations/fonden.yaml", "short_name: ERUF", 'short_name: "ER\\nUF"');
      edit(data, "programmes/regionalfonden.yaml", "funder: fonden", 'funder: fonden\nshort_name: "RF\\tX"');
      edit(data, PROJECT, "  en: Cleaner water", '  en: "Cleaner\\n\\twater"');
    });
    expect(problems).toEqual([
      `data/organisations/fonden.yaml:5:13  short_name: "ER\\nUF" ${ONE_LINE}`,
      `data/programmes/regionalfonden.yaml:6:13  short_name: "RF\\tX" ${ONE_LINE}`,
    ]);
  });

  it("accepts ZWJ in an emoji family and ZWNJ in Persian", SLOW, () => {
    const { problems, valid } = validateAfter((data) => {
      edit(data, PROJECT, "  en: Cleaner water", "  en: Cleaner water 👨‍👩‍👧");
      edit(data, "organisations/fonden.yaml", "short_name: ERUF", "short_name: می‌خواهم");
    });
    expect(problems).toEqual([]);
    expect(valid).toBe(true);
  });

  it("is said in English through the English catalogue", SLOW, () => {
    const problems = problemsAfter(
      (data) => edit(data, "organisations/fonden.yaml", "short_name: ERUF", 'short_name: "ER\\eUF"'),
      "en",
    );
    expect(problems).toEqual([
      'data/organisations/fonden.yaml:5:13  short_name: "ER\\u001bUF" does not have the expected form: ' +
        "contains an invisible control character; delete it (it often comes from copying text out of another program)",
    ]);
  });
});

describe("one rule for addresses in URL fields and in Markdown (finding 3)", () => {
  const summary = (link: string) => (data: string) =>
    edit(data, PROJECT, "  sv: Kommunen minskar **utsläppen** till sjön.", `  sv: "Se ${link}."`);

  it("refuses a Markdown link with a user name and password", SLOW, () => {
    const problems = problemsAfter(summary("[rapporten](https://anna:hemligt@example.org/r)"));
    expect(problems).toEqual([
      "data/projects/renare-vatten.yaml:6:7  summary.sv: en länk i texten är inte tillåten: " +
        '"https://anna:hemligt@example.org/r" innehåller ett användarnamn eller lösenord (före @); ' +
        "ta bort det, för adressen publiceras",
    ]);
  });

  it("refuses a mailto: link without an address or with header fields", SLOW, () => {
    const noAddress = problemsAfter(summary("[skriv](mailto:?cc=x@evil.example)"));
    expect(noAddress).toHaveLength(1);
    expect(noAddress[0]).toMatch(/^data\/projects\/renare-vatten\.yaml:6:7 {2}summary\.sv: en länk i texten är inte/);
    const withQuery = problemsAfter(summary("[skriv](mailto:anna@example.org?cc=x@evil.example&body=hej)"));
    expect(withQuery).toHaveLength(1);
    expect(withQuery[0]).toContain("är ingen ren e-postadress: ta bort ? eller & och allt efter det");
  });

  it("finds such links written as autolinks, references, images and without a scheme", SLOW, () => {
    for (const link of [
      "<https://anna:hemligt@example.org/>",
      "[rapporten][1]\n\n[1]: https://anna:hemligt@example.org/r",
      "![bild](https://anna:hemligt@example.org/b.png)",
      "[rapporten](//anna:hemligt@example.org/r)",
    ]) {
      const problems = problemsAfter(summary(link.replace(/\n/g, "\\n")));
      expect(problems, link).toHaveLength(1);
      expect(problems[0], link).toContain("innehåller ett användarnamn eller lösenord");
    }
  });

  it("accepts web, mail and relative links", SLOW, () => {
    const { problems, valid } = validateAfter(
      summary("[webb](https://example.org/a?b=1#c), [post](mailto:anna@example.org) och [hem](/sv/)"),
    );
    expect(problems).toEqual([]);
    expect(valid).toBe(true);
  });

  it("judges an address in a link field and in a Markdown link alike", SLOW, () => {
    const addresses = [
      "https://anna:hemligt@example.org/",
      "https://anna@example.org/",
      'https://exa\\"mple.org/',
      "https://0x7f.1/",
      "https://example.org/ok",
      "http://www.example.org/a_b",
    ];
    for (const address of addresses) {
      const inField = problemsAfter((data) =>
        edit(data, "sources/testkalla.yaml", "url: https://example.org/projekt", `url: "${address}"`),
      );
      const inMarkdown = problemsAfter(summary(`[x](${address})`));
      expect(inMarkdown.length, address).toBe(inField.length);
    }
  });
});

describe("dates and durations (findings 4 and 5)", () => {
  it("refuses the year 0000 in partial dates and days", SLOW, () => {
    const problems = problemsAfter((data) => {
      edit(data, PROJECT, "start: 2016-03", 'start: "0000-01-01"');
      edit(
        data,
        "site.yaml",
        "languages: [sv, en, de]",
        'languages: [sv, en, de]\naccessibility_reviewed: "0000-01-01"',
      );
    });
    expect(problems).toContain(
      'data/projects/renare-vatten.yaml:12:8  start: "0000-01-01" är inget datum: ' +
        "skriv ett år (2016), en månad (2016-03) eller en dag (2016-03-01)",
    );
    expect(problems.some((problem) => problem.startsWith("data/site.yaml:10:25  accessibility_reviewed:"))).toBe(true);
  });

  it("orders years before 100 before later years", () => {
    const early = parsePartialDate("0050");
    const later = parsePartialDate("1000");
    expect(early && later && firstDayMillis(early) < firstDayMillis(later)).toBe(true);
    expect(parsePartialDate("0001")?.year).toBe(1);
    expect(parsePartialDate("0000")).toBeUndefined();
  });

  it("refuses durations longer than 9999 years, and ends after the year 9999", SLOW, () => {
    const tooLong = problemsAfter((data) => edit(data, PROJECT, "duration: P3Y", "duration: P1000000Y"));
    expect(tooLong).toEqual([
      'data/projects/renare-vatten.yaml:13:11  duration: "P1000000Y" är för lång: ' +
        "en varaktighet får vara högst 9999 år",
    ]);
    const inMonths = problemsAfter((data) => edit(data, PROJECT, "duration: P3Y", "duration: P120000M"));
    expect(inMonths).toHaveLength(1);
    const window = problemsAfter((data) =>
      edit(
        data,
        "site.yaml",
        "languages: [sv, en, de]",
        "languages: [sv, en, de]\nstatus_window: P99999999999999999999Y",
      ),
    );
    expect(window).toHaveLength(1);
    expect(window[0]).toContain("status_window:");
    const late = problemsAfter((data) => {
      edit(data, PROJECT, "start: 2016-03", 'start: "9000"');
      edit(data, PROJECT, "duration: P3Y", "duration: P1001Y");
      edit(data, PROJECT, "status: ongoing\nstatus_as_of: 2017-09-05\n", "");
    });
    expect(late).toEqual([
      "data/projects/renare-vatten.yaml:11:11  duration: början (9000) plus varaktigheten slutar efter år 9999",
    ]);
  });
});

describe("amounts (finding 6)", () => {
  it("refuses numbers that cannot be stored exactly", SLOW, () => {
    const problems = problemsAfter((data) => {
      edit(data, PROJECT, "    amount: 3500000", "    amount: 1e21");
      edit(data, PROJECT, "total: { amount: 3500000", "total: { amount: 9007199254740993");
    });
    expect(problems).toEqual([
      `data/projects/renare-vatten.yaml:16:13  funding[0].amount: ${TOO_LARGE}`,
      `data/projects/renare-vatten.yaml:20:20  budget.total.amount: ${TOO_LARGE}`,
    ]);
  });

  it("accepts the largest exact integer", SLOW, () => {
    const { valid } = validateAfter((data) => {
      edit(data, PROJECT, "total: { amount: 3500000", "total: { amount: 9007199254740991");
    });
    expect(valid).toBe(true);
  });
});

/** A project file that is `part_of` or `follows` another. */
function project(data: string, id: string, field: "part_of" | "follows", other: string): void {
  const text = readFileSync(join(data, PROJECT), "utf8");
  writeFileSync(join(data, "projects", `${id}.yaml`), `${text}${field}: ${other}\n`);
}

describe("cycles of part_of and follows (finding 7)", () => {
  it("refuses two projects part of each other, naming both", SLOW, () => {
    const problems = problemsAfter((data) => {
      project(data, "a", "part_of", "b");
      project(data, "b", "part_of", "a");
    });
    expect(problems).toEqual([
      circle("projects/a.yaml", "31:10", "part_of", ["a", "b", "a"]),
      circle("projects/b.yaml", "31:10", "part_of", ["b", "a", "b"]),
    ]);
  });

  it("refuses a cycle of three projects following each other, but not a chain into it", SLOW, () => {
    const problems = problemsAfter((data) => {
      project(data, "a", "follows", "b");
      project(data, "b", "follows", "c");
      project(data, "c", "follows", "a");
      project(data, "d", "follows", "a");
    });
    expect(problems).toEqual([
      circle("projects/a.yaml", "31:10", "follows", ["a", "b", "c", "a"]),
      circle("projects/b.yaml", "31:10", "follows", ["b", "c", "a", "b"]),
      circle("projects/c.yaml", "31:10", "follows", ["c", "a", "b", "c"]),
    ]);
  });

  it("refuses cycles of organisations and of programmes", SLOW, () => {
    const problems = problemsAfter((data) => {
      edit(data, "organisations/fonden.yaml", "kind: funder", "kind: funder\npart_of: testkommun");
      edit(data, "organisations/testkommun.yaml", "kind: municipality", "kind: municipality\npart_of: fonden");
      writeFileSync(
        join(data, "programmes", "delprogram.yaml"),
        "name:\n  sv: Delprogram\nfunder: fonden\npart_of: regionalfonden\nsources:\n  - source: testkalla\n",
      );
      edit(data, "programmes/regionalfonden.yaml", "funder: fonden", "funder: fonden\npart_of: delprogram");
    });
    expect(problems).toEqual([
      circle("organisations/fonden.yaml", "7:10", "part_of", ["fonden", "testkommun", "fonden"]),
      circle("organisations/testkommun.yaml", "4:10", "part_of", ["testkommun", "fonden", "testkommun"]),
      circle("programmes/delprogram.yaml", "4:10", "part_of", ["delprogram", "regionalfonden", "delprogram"]),
      circle("programmes/regionalfonden.yaml", "6:10", "part_of", ["regionalfonden", "delprogram", "regionalfonden"]),
    ]);
  });
});

describe("the site's base_url (finding 8)", () => {
  const baseUrl = (url: string) => (data: string) =>
    edit(data, "site.yaml", "base_url: https://utblick.example.org/", `base_url: '${url}'`);

  it("refuses a host that holds a quotation mark or other characters no host has", SLOW, () => {
    for (const url of [
      'https://utblick"example.org/',
      "https://utb{lick.example.org/",
      "https://utblick_x.example.org/",
    ]) {
      const problems = problemsAfter(baseUrl(url));
      expect(problems, url).toHaveLength(1);
      expect(problems[0], url).toMatch(/^data\/site\.yaml:6:11 {2}base_url: .* har ingen giltig värd/);
    }
  });

  it("refuses a host the address parser reads as another", SLOW, () => {
    for (const url of [
      "https://0x7f.1/",
      "https://1.2.3/",
      "https://utblick%2Eexample.org/",
      "https://utblick.example.org:443/",
    ]) {
      const problems = problemsAfter(baseUrl(url));
      expect(problems, url).toHaveLength(1);
      expect(problems[0], url).toContain("har ingen giltig värd");
    }
  });

  it("accepts an ordinary host, with a port or an international name", SLOW, () => {
    for (const url of [
      "https://utblick.example.org:8443/",
      "https://www.växjö.se/internationellt/",
      "http://127.0.0.1/",
    ]) {
      const { problems } = validateAfter(baseUrl(url));
      expect(problems, url).toEqual([]);
    }
  });
});

describe("line endings (finding 9)", () => {
  it("reads files with CR-only line endings like any other", SLOW, () => {
    const { problems, valid } = validateAfter((data) => {
      for (const file of [PROJECT, "site.yaml", "themes/miljo.yaml"])
        writeFileSync(join(data, file), readFileSync(join(data, file), "utf8").replace(/\n/g, "\r"));
    });
    expect(problems).toEqual([]);
    expect(valid).toBe(true);
  });

  it("names the right lines in files with CR or CRLF line endings", SLOW, () => {
    const problems = problemsAfter((data) => {
      edit(data, "themes/miljo.yaml", "  de: Umwelt\n", "  de: Umwelt\ncolour: grön\n");
      const theme = readFileSync(join(data, "themes/miljo.yaml"), "utf8");
      writeFileSync(join(data, "themes/miljo.yaml"), theme.replace(/\n/g, "\r"));
      writeFileSync(join(data, "themes/vatten.yaml"), theme.replace(/\n/g, "\r\n"));
      edit(data, PROJECT, "  en: Cleaner water", '  en: "Cleaner\\x85water"');
      writeFileSync(join(data, PROJECT), readFileSync(join(data, PROJECT), "utf8").replace(/\n/g, "\r"));
    });
    expect(problems).toEqual([
      `data/projects/renare-vatten.yaml:3:7  title.en: "Cleaner\\u0085water" ${CONTROL}`,
      "data/themes/miljo.yaml:5:1  colour: okänt fält; fälten här heter label, description",
      "data/themes/vatten.yaml:5:1  colour: okänt fält; fälten här heter label, description",
    ]);
  });
});
