// The parts of `npm run include` that need no network: which release is newer, where a
// publication's releases.json is, which release of it is included, and site.yaml edited in place.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editedIncludes, newestRelease, releasesAddress } from "../../src/build/include.js";
import { messages } from "../../src/model/messages.js";
import { compareVersions } from "../../src/model/releases.js";

const HASH = "a".repeat(64);
const PIN = {
  publisher: "vaxjo",
  url: "https://vaxjo.example/",
  version: "2026-12-01",
  sha256: HASH,
  retrieved: "2026-12-05",
};

describe("versions", () => {
  it("order by day, then by the number of the release that day", () => {
    expect(compareVersions("2026-12-01", "2026-12-02")).toBeLessThan(0);
    expect(compareVersions("2026-12-01.2", "2026-12-01")).toBeGreaterThan(0);
    expect(compareVersions("2026-12-01.10", "2026-12-01.9")).toBeGreaterThan(0);
    expect(compareVersions("2027-01-01", "2026-12-31.3")).toBeGreaterThan(0);
    expect(compareVersions("2026-12-01", "2026-12-01")).toBe(0);
  });
});

describe("a publication's address", () => {
  it("leads to its data/releases.json, from its base URL with or without a slash, or is that file", () => {
    expect(releasesAddress("https://vaxjo.example/")).toBe("https://vaxjo.example/data/releases.json");
    expect(releasesAddress("https://example.org/vaxjo")).toBe("https://example.org/vaxjo/data/releases.json");
    expect(releasesAddress("https://example.org/vaxjo/data/releases.json")).toBe(
      "https://example.org/vaxjo/data/releases.json",
    );
  });

  it("is refused unless it is a web address", () => {
    for (const address of ["vaxjo.example", "file:///etc/passwd", "ftp://vaxjo.example/", "https://user:pw@x.example/"])
      expect(releasesAddress(address)).toBeUndefined();
  });
});

describe("the release to include", () => {
  const list = "https://vaxjo.example/data/releases.json";
  const entry = (version: string, extra: object = {}) => ({
    version,
    recorded: true,
    archive: { url: `https://vaxjo.example/data/releases/${version}/utblick-${version}.zip`, sha256: HASH, bytes: 10 },
    ...extra,
  });

  it("is the newest recorded release with an archive, whatever the order of the list", () => {
    const releases = [
      { version: "2026-12-09", recorded: false },
      entry("2026-12-01.2"),
      entry("2026-12-03"),
      entry("2026-12-02"),
    ];
    const { recorded: _recorded, ...newest } = entry("2026-12-03");
    expect(newestRelease({ releases }, list)).toEqual(newest);
  });

  it("skips entries that could not be included or would name a folder outside includes/", () => {
    const releases = [
      entry("../../etc"),
      entry("2026-12-05", { archive: { url: "https://x.example/a.zip", sha256: "nope", bytes: 10 } }),
      entry("2026-12-06", { archive: { url: "javascript:alert(1)", sha256: HASH, bytes: 10 } }),
      entry("2026-12-07", { archive: { url: "https://x.example/a.zip", sha256: HASH, bytes: -1 } }),
      { ...entry("2026-12-08"), recorded: "yes" },
    ];
    expect(newestRelease({ releases }, list)).toBeUndefined();
  });

  it("reads an archive's relative address from the list's", () => {
    const releases = [entry("2026-12-01", { archive: { url: "releases/x.zip", sha256: HASH, bytes: 1 } })];
    expect(newestRelease({ releases }, list)).toMatchObject({
      archive: { url: "https://vaxjo.example/data/releases/x.zip" },
    });
  });

  it("is not there when the file is no list of releases", () => {
    for (const value of [null, [], { releases: "none" }, "text"])
      expect(newestRelease(value, list)).toBe("notPublication");
  });
});

describe("site.yaml, edited in place", () => {
  const site = [
    "# Our site. Comments stay.",
    "title:",
    "  sv: Registret   # the Swedish title",
    "languages: [sv, en]",
    "links: { a: b }",
    "base_url: https://register.example/",
    "",
  ].join("\n");

  it("gains an includes list at the end, every other line as it was written", () => {
    const text = editedIncludes(site, (document) => document.set("includes", document.createNode([PIN])));
    expect(text.startsWith(site)).toBe(true);
    expect(text.slice(site.length)).toBe(
      [
        "includes:",
        "  - publisher: vaxjo",
        "    url: https://vaxjo.example/",
        "    version: 2026-12-01",
        `    sha256: ${HASH}`,
        "    retrieved: 2026-12-05",
        "",
      ].join("\n"),
    );
    expect(parse(text).includes).toEqual([PIN]);
  });

  it("changes only the includes when a pin is added, changed or removed", () => {
    const pinned = editedIncludes(site, (document) => document.set("includes", document.createNode([PIN])));
    const withMiddle = pinned.replace("base_url:", "# about the address\nbase_url:");
    const moved = editedIncludes(withMiddle, (document) => {
      document.addIn(["includes"], document.createNode({ ...PIN, publisher: "vasteras" }));
      document.setIn(["includes", 0, "version"], "2026-12-03");
    });
    expect(moved.split("\n").slice(0, 8)).toEqual(withMiddle.split("\n").slice(0, 8));
    expect(parse(moved).includes).toEqual([
      { ...PIN, version: "2026-12-03" },
      { ...PIN, publisher: "vasteras" },
    ]);
    const removed = editedIncludes(moved, (document) => document.deleteIn(["includes", 0]));
    expect(parse(removed).includes).toEqual([{ ...PIN, publisher: "vasteras" }]);
    const none = editedIncludes(removed, (document) => document.delete("includes"));
    expect(none).toBe(withMiddle.slice(0, withMiddle.indexOf("includes:")));
  });

  it("keeps includes where they are written, with the lines after them", () => {
    const text = ["includes:", "  - publisher: a", "    path: ../a", "title:", "  sv: Registret", ""].join("\n");
    const edited = editedIncludes(text, (document) => document.addIn(["includes"], { publisher: "b", path: "../b" }));
    expect(edited).toBe(
      [
        "includes:",
        "  - publisher: a",
        "    path: ../a",
        "  - publisher: b",
        "    path: ../b",
        "title:",
        "  sv: Registret",
        "",
      ].join("\n"),
    );
  });
});

describe("the command line", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", join("scripts", "include.ts"), ...args], { encoding: "utf8" });
  const en = messages("en");

  it("prints its usage with --help and ends with 0", { timeout: 60_000 }, () => {
    const result = run("--help", "--lang", "en");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(en("cli.usage", { usage: en("includeCommand.usage") }));
  });

  it("ends a mistake in the arguments with the reason, the usage and code 2, before it touches anything", {
    timeout: 60_000,
  }, () => {
    const usage = en("includeCommand.usage");
    const cases: [string[], string][] = [
      [[], en("includeCommand.noAction")],
      [["fetch"], en("includeCommand.unknownAction", { action: "fetch" })],
      [["add"], en("includeCommand.missingAddress")],
      [["remove"], en("includeCommand.missingPublisher")],
      [["update", "a", "b"], en("includeCommand.tooMany", { extra: "b" })],
    ];
    for (const [args, detail] of cases) {
      const result = run(...args, "--data", "/nonexistent", "--lang", "en");
      expect(result.stderr.trim()).toBe(en("cli.badArguments", { detail, usage }));
      expect(result.status).toBe(2);
    }
  });
});
