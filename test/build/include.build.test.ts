// `npm run include` over HTTP: the two fixture publications, each with a recorded release, built and
// served by a local server (127.0.0.1, no network), included into a copy of the register that has
// no includes of its own; its build shows each included project once, under its publisher. Then
// what must be refused: a vendored copy or a pin changed by hand (validate), an address nobody
// answers, an archive that is not the one listed, a package that fails the rules, a second include
// of one publisher, a downgrade; and an update that tells the changes of a new release.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { build } from "../../src/build/build.js";
import { addInclude, type IncludeOptions, removeInclude, updateIncludes } from "../../src/build/include.js";
import { recordUrl, releaseArchiveName, releaseFolderName } from "../../src/core/routes.js";
import { messages } from "../../src/model/messages.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { recordRelease } from "../../src/releases/record.js";
import { registerWithoutIncludes } from "../helpers/includes.js";

const FIXTURES = resolve("test/fixtures/includes");
const TODAY = "2026-12-05";
const FIRST = "2026-12-01";
const SECOND = "2026-12-03";
const tr = messages("sv");
const work = mkdtempSync(join(tmpdir(), "utblick-include-"));

// ---- the local server: /<publication>/… from that publication's built site, or a planted answer ----
const sites = new Map<string, string>();
const planted = new Map<string, Uint8Array | string>();
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  if (path.startsWith("/silent/")) return; // never answers
  const answer = planted.get(path);
  if (answer !== undefined) {
    response.writeHead(200).end(answer);
    return;
  }
  const [, prefix = "", ...rest] = path.split("/");
  const root = sites.get(prefix);
  const file = root ? join(root, ...rest, path.endsWith("/") ? "index.html" : "") : "";
  if (!root || !file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    response.writeHead(404).end("not found");
    return;
  }
  response.writeHead(200).end(readFileSync(file));
});
let base = "";
/** An address where nothing answers: a port that was listened on and closed. */
let deadAddress = "";

/** A copy of a fixture publication published at base/<name>/. */
function copyPublication(name: string): string {
  const data = join(work, `${name}-data`);
  cpSync(join(FIXTURES, name), data, { recursive: true });
  const file = join(data, "site.yaml");
  const document = parseDocument(readFileSync(file, "utf8"));
  document.set("base_url", `${base}${name}/`);
  writeFileSync(file, document.toString());
  return data;
}

/** Records a release of `data` on `day` and builds it into a folder of its own. */
async function publish(data: string, name: string, day: string): Promise<string> {
  expect(recordRelease(data, buildDay(day)).created).toBe(true);
  const out = join(work, `${name}-${day}-site`);
  const built = await build({ dataDir: data, outputDir: out, today: buildDay(day), log: () => undefined });
  expect(built.ok).toBe(true);
  return out;
}

/** The register without its `path:` includes, copied afresh. */
const freshRegister = (name: string): string => registerWithoutIncludes(join(work, name));

const options = (dataDir: string): IncludeOptions => ({ dataDir, today: buildDay(TODAY), timeoutMs: 10_000 });
const errorsOf = (dataDir: string) =>
  validateDataDirectory(dataDir, { today: buildDay(TODAY) }).problems.filter((problem) => problem.severity === "error");
const siteYaml = (dataDir: string) => readFileSync(join(dataDir, "site.yaml"), "utf8");
const pinsOf = (dataDir: string) =>
  (parseDocument(siteYaml(dataDir)).toJS() as { includes?: Record<string, string>[] }).includes ?? [];

/** A release's archive: where the server has it, and where the built site holds it. */
const archivePath = (name: string, version: string) =>
  `/${name}/data/releases/${version}/${releaseArchiveName(version)}`;
const archiveIn = (site: string, version: string) =>
  readFileSync(join(site, "data", "releases", version, releaseArchiveName(version)));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let testkommun = "";
let testkommunFirst = "";
let register = "";

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
  deadAddress = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/testkommun/`;
  await new Promise((done) => closed.close(done));
  testkommun = copyPublication("testkommun");
  testkommunFirst = await publish(testkommun, "testkommun", FIRST);
  sites.set("testkommun", testkommunFirst);
  sites.set("grannkommun", await publish(copyPublication("grannkommun"), "grannkommun", FIRST));
  register = freshRegister("register");
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(work, { recursive: true, force: true });
});

describe("npm run include -- add", () => {
  it("includes a publication from its address, as the command line runs it, pinned and vendored", async () => {
    const run = await promisify(execFile)(
      "npx",
      ["tsx", "scripts/include.ts", "add", `${base}testkommun/`, "--data", register, "--today", TODAY, "--lang", "en"],
      { encoding: "utf8" },
    );
    const version = FIRST;
    const folder = join(register, "includes", "testkommun", version);
    expect(run.stdout).toContain(
      messages("en")("includeCommand.added", {
        publisher: "testkommun",
        version,
        url: `${base}testkommun/`,
        folder,
      }),
    );
    expect(pinsOf(register)).toEqual([
      {
        publisher: "testkommun",
        url: `${base}testkommun/`,
        version,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        retrieved: TODAY,
      },
    ]);
    // The editor's comment stays; the archive as downloaded and every file it holds lie beside each other.
    expect(siteYaml(register)).toMatch(/^# The register's own settings/);
    expect(readdirSync(folder).sort()).toEqual([
      "csv",
      "datapackage.json",
      releaseArchiveName(version),
      "utblick.json",
    ]);
    const archive = readFileSync(join(folder, releaseArchiveName(version)));
    expect(readFileSync(join(folder, "utblick.json"))).toEqual(
      Buffer.from(unzipSync(archive)[`${releaseFolderName(version)}/utblick.json`] as Uint8Array),
    );
  }, 60_000);

  it("includes a second publication under the publisher its site names, and the register validates", async () => {
    const outcome = await addInclude({ ...options(register), url: `${base}grannkommun/data/releases.json` });
    expect(outcome.lines).toContain(
      tr("includeCommand.added", {
        publisher: "grannkommun",
        version: FIRST,
        url: `${base}grannkommun/data/releases.json`,
        folder: join(register, "includes", "grannkommun", FIRST),
      }),
    );
    expect(outcome.ok).toBe(true);
    expect(pinsOf(register).map((pin) => pin.publisher)).toEqual(["testkommun", "grannkommun"]);
    expect(errorsOf(register)).toEqual([]);
  });

  it("builds a register with each included project once, under its publisher, one shared organisation", async () => {
    const out = join(work, "register-site");
    const built = await build({ dataDir: register, outputDir: out, today: buildDay(TODAY), log: () => undefined });
    expect(built.ok).toBe(true);
    const projects = (publisher: string) =>
      readdirSync(join(FIXTURES, publisher, "projects")).map((file) => `${publisher}/${file.replace(/\.yaml$/, "")}`);
    const expected = [...projects("testkommun"), ...projects("grannkommun")].sort();
    const published = JSON.parse(readFileSync(join(out, "data", "utblick.json"), "utf8")) as {
      projects: Record<string, unknown>;
      organisations: Record<string, unknown>;
    };
    expect(Object.keys(published.projects).sort()).toEqual(expected);
    for (const id of expected) expect(existsSync(join(out, recordUrl("sv", "projects", id), "index.html"))).toBe(true);
    expect(recordUrl("sv", "projects", "testkommun/renare-vatten")).toBe("/sv/projekt/testkommun/renare-vatten/");
    // Testkommun's organisation shares its IATI identifier with the register's: one page, the register's.
    expect(Object.keys(published.organisations)).toContain("testkommun");
    expect(Object.keys(published.organisations)).not.toContain("testkommun/testkommun");
    expect(existsSync(join(out, recordUrl("sv", "organisations", "testkommun"), "index.html"))).toBe(true);
    expect(existsSync(join(out, recordUrl("sv", "organisations", "testkommun/testkommun")))).toBe(false);
  }, 120_000);
});

describe("validate, on a vendored copy changed by hand", () => {
  it("refuses a tampered file of the copy, naming the file", () => {
    const copy = join(work, "tampered");
    cpSync(register, copy, { recursive: true });
    const file = join(copy, "includes", "testkommun", FIRST, "csv", "projects.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("Renare", "Smutsigare"));
    expect(errorsOf(copy)).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/includes\/testkommun\/2026-12-01\/csv\/projects\.csv$/),
        message: tr("include.fileChanged", { publisher: "testkommun" }),
      }),
    ]);
  });

  it("refuses a pin whose hash is not the copy's, at its line in site.yaml", () => {
    const copy = join(work, "wrong-hash");
    cpSync(register, copy, { recursive: true });
    const text = siteYaml(copy);
    const pinned = pinsOf(copy)[0]?.sha256 ?? "";
    writeFileSync(join(copy, "site.yaml"), text.replace(pinned, "f".repeat(64)));
    const errors = errorsOf(copy);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: "includes[0].sha256", file: expect.stringMatching(/site\.yaml$/) });
    const line = text.split("\n").findIndex((row) => row.includes(pinned)) + 1;
    expect(errors[0]?.line).toBe(line);
    expect(errors[0]?.message).toContain(pinned);
  });
});

describe("npm run include mends what validate refuses", () => {
  it("downloads a tampered or missing copy again on update, as it was pinned", async () => {
    const copy = join(work, "mended");
    cpSync(register, copy, { recursive: true });
    const file = join(copy, "includes", "testkommun", FIRST, "utblick.json");
    writeFileSync(file, readFileSync(file, "utf8").replace("Renare", "Smutsigare"));
    rmSync(join(copy, "includes", "grannkommun"), { recursive: true });
    expect(errorsOf(copy)).toHaveLength(2);
    const pinned = siteYaml(copy);
    const outcome = await updateIncludes(options(copy));
    expect(outcome.ok).toBe(true);
    expect(outcome.lines).toContain(tr("includeCommand.repaired", { publisher: "testkommun", version: FIRST }));
    expect(outcome.lines).toContain(tr("includeCommand.repaired", { publisher: "grannkommun", version: FIRST }));
    expect(errorsOf(copy)).toEqual([]);
    expect(siteYaml(copy)).toBe(pinned);
  });

  it("puts a release in place of a local folder of the same publisher that the register's records name", async () => {
    const copy = join(work, "from-folder");
    cpSync(join(FIXTURES, "register"), copy, { recursive: true });
    // The register's path includes lead from its folder in the fixtures.
    const file = join(copy, "site.yaml");
    const document = parseDocument(readFileSync(file, "utf8"));
    for (const index of [0, 1])
      document.setIn(
        ["includes", index, "path"],
        relative(copy, join(FIXTURES, String(document.getIn(["includes", index, "publisher"])))),
      );
    writeFileSync(file, document.toString());
    expect(errorsOf(copy)).toEqual([]);
    const outcome = await addInclude({ ...options(copy), url: `${base}testkommun/` });
    expect(outcome.ok).toBe(true);
    expect(pinsOf(copy).map((pin) => [pin.publisher, pin.path ?? pin.version])).toEqual([
      ["testkommun", FIRST],
      ["grannkommun", relative(copy, join(FIXTURES, "grannkommun"))],
    ]);
    expect(errorsOf(copy)).toEqual([]);
  });
});

describe("npm run include refuses, and changes nothing", () => {
  /** Runs `step` on a fresh register and checks that it was refused and that nothing was written. */
  async function refusedOnFresh(name: string, step: (dataDir: string) => ReturnType<typeof addInclude>) {
    const data = freshRegister(name);
    const before = siteYaml(data);
    const outcome = await step(data);
    expect(outcome.ok).toBe(false);
    expect(siteYaml(data)).toBe(before);
    expect(existsSync(join(data, "includes"))).toBe(false);
    return outcome;
  }

  it("an address nobody answers, naming it", async () => {
    const outcome = await refusedOnFresh("unreachable", (data) => addInclude({ ...options(data), url: deadAddress }));
    expect(outcome.lines.at(-1)).toBe(
      tr("includeCommand.unreachable", { url: `${deadAddress}data/releases.json`, reason: "ECONNREFUSED" }),
    );
  });

  it("an address that does not answer in time, naming it", async () => {
    const outcome = await refusedOnFresh("silent", (data) =>
      addInclude({ ...options(data), url: `${base}silent/`, timeoutMs: 500 }),
    );
    expect(outcome.lines.at(-1)).toBe(
      tr("includeCommand.timeout", { url: `${base}silent/data/releases.json`, seconds: 1 }),
    );
  });

  it("an address that is no Utblick publication, and one with no recorded release", async () => {
    const none = await refusedOnFresh("none", (data) => addInclude({ ...options(data), url: `${base}nowhere/` }));
    expect(none.lines.at(-1)).toBe(tr("includeCommand.notPublication", { url: `${base}nowhere/data/releases.json` }));
    planted.set("/unreleased/data/releases.json", JSON.stringify({ releases: [{ version: TODAY, recorded: false }] }));
    const unreleased = await refusedOnFresh("unreleased", (data) =>
      addInclude({ ...options(data), url: `${base}unreleased/` }),
    );
    expect(unreleased.lines.at(-1)).toBe(
      tr("includeCommand.noRelease", { url: `${base}unreleased/data/releases.json` }),
    );
  });

  it("a served archive whose bytes are not those releases.json lists", async () => {
    const path = archivePath("testkommun", FIRST);
    const archive = archiveIn(testkommunFirst, FIRST);
    const url = `${base}${path.slice(1)}`;
    try {
      const changed = Uint8Array.from(archive);
      changed.set([(changed.at(-1) ?? 0) ^ 1], changed.length - 1);
      planted.set(path, changed);
      const hash = await refusedOnFresh("changed", (data) =>
        addInclude({ ...options(data), url: `${base}testkommun/` }),
      );
      expect(hash.lines.at(-1)).toBe(
        tr("includeCommand.hashMismatch", { url, actual: sha256(changed), expected: sha256(archive) }),
      );
      planted.set(path, archive.subarray(0, archive.length - 10));
      const size = await refusedOnFresh("short", (data) => addInclude({ ...options(data), url: `${base}testkommun/` }));
      expect(size.lines.at(-1)).toBe(
        tr("includeCommand.sizeMismatch", { url, actual: archive.length - 10, expected: archive.length }),
      );
    } finally {
      planted.delete(path);
    }
  });

  it("a package whose records fail the rules, naming the record inside it", async () => {
    const version = FIRST;
    const folder = releaseFolderName(version);
    const files = unzipSync(archiveIn(testkommunFirst, version));
    const records = JSON.parse(new TextDecoder().decode(files[`${folder}/utblick.json`])) as {
      projects: Record<string, Record<string, unknown>>;
    };
    delete records.projects["renare-vatten"]?.title;
    files[`${folder}/utblick.json`] = strToU8(JSON.stringify(records));
    const archive = zipSync(files);
    planted.set("/broken/archive.zip", archive);
    planted.set(
      "/broken/data/releases.json",
      JSON.stringify({
        releases: [
          {
            version,
            recorded: true,
            archive: { url: "../archive.zip", sha256: sha256(archive), bytes: archive.length },
          },
        ],
      }),
    );
    const outcome = await refusedOnFresh("broken", (data) => addInclude({ ...options(data), url: `${base}broken/` }));
    expect(outcome.lines).toContain(tr("includeCommand.invalidPackage", { version, url: `${base}broken/archive.zip` }));
    expect(outcome.problems.map((problem) => problem.file)).toContain(
      `${base}broken/archive.zip › utblick.json › projects/renare-vatten`,
    );
    expect(outcome.lines.at(-1)).toBe(tr("includeCommand.nothingIncluded"));
  });

  it("a second include of a publisher already included, by its slug, its address or another way to it", async () => {
    const before = siteYaml(register);
    const again = await addInclude({ ...options(register), url: `${base}testkommun/` });
    const renamed = await addInclude({ ...options(register), url: `${base}testkommun/`, publisher: "tvilling" });
    for (const outcome of [again, renamed]) {
      expect(outcome.ok).toBe(false);
      expect(outcome.lines.at(-1)).toBe(
        tr("includeCommand.samePublisher", { publisher: "testkommun", url: `${base}testkommun/` }),
      );
    }
    // By its releases.json and under another slug it is still the same publication: validate
    // refuses it, and what was written is undone.
    const twin = await addInclude({
      ...options(register),
      url: `${base}testkommun/data/releases.json`,
      publisher: "tvilling",
    });
    expect(twin.ok).toBe(false);
    expect(twin.problems.map((problem) => problem.field)).toEqual(["includes[2]"]);
    expect(twin.lines.at(-1)).toBe(tr("includeCommand.invalidAfter"));
    expect(siteYaml(register)).toBe(before);
    expect(existsSync(join(register, "includes", "tvilling"))).toBe(false);
  });

  it("an update or removal of a publisher that is not included", async () => {
    const update = await updateIncludes({ ...options(register), publisher: "okand" });
    const remove = await removeInclude({ ...options(register), publisher: "okand" });
    for (const outcome of [update, remove]) {
      expect(outcome.ok).toBe(false);
      expect(outcome.lines.at(-1)).toBe(
        tr("includeCommand.unknownPublisher", { publisher: "okand", known: "testkommun, grannkommun" }),
      );
    }
  });

  it("the removal of a publication the register's own records name", async () => {
    const before = siteYaml(register);
    const outcome = await removeInclude({ ...options(register), publisher: "testkommun" });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((problem) => problem.message)).toContain(
      tr("include.sameAsNoInclude", { target: "testkommun/partnerstad", publisher: "testkommun" }),
    );
    expect(outcome.lines.at(-1)).toBe(tr("includeCommand.stillNeeded", { publisher: "testkommun" }));
    expect(siteYaml(register)).toBe(before);
    expect(existsSync(join(register, "includes", "testkommun", FIRST))).toBe(true);
  });
});

describe("npm run include -- update", () => {
  it("says so when the pinned release is the newest", async () => {
    const outcome = await updateIncludes(options(register));
    expect(outcome.ok).toBe(true);
    expect(outcome.lines).toEqual(
      ["testkommun", "grannkommun"].flatMap((publisher) => [
        tr("includeCommand.fetching", { url: `${base}${publisher}/data/releases.json` }),
        tr("includeCommand.upToDate", { publisher, version: FIRST }),
      ]),
    );
  });

  it("refuses a pinned release whose archive the publication has since changed", async () => {
    const list = JSON.parse(readFileSync(join(testkommunFirst, "data", "releases.json"), "utf8")) as {
      releases: { archive?: { sha256: string; url: string } }[];
    };
    const archive = list.releases.find((release) => release.archive)?.archive;
    const pinned = pinsOf(register)[0]?.sha256 ?? "";
    if (archive) archive.sha256 = "e".repeat(64);
    planted.set("/testkommun/data/releases.json", JSON.stringify(list));
    try {
      const before = siteYaml(register);
      const outcome = await updateIncludes({ ...options(register), publisher: "testkommun" });
      expect(outcome.ok).toBe(false);
      expect(outcome.lines).toContain(
        tr("includeCommand.releaseChanged", {
          publisher: "testkommun",
          version: FIRST,
          url: archive?.url ?? "",
          actual: "e".repeat(64),
          expected: pinned,
        }),
      );
      expect(outcome.lines.at(-1)).toBe(tr("includeCommand.notUpdated", { publisher: "testkommun", version: FIRST }));
      expect(siteYaml(register)).toBe(before);
    } finally {
      planted.delete("/testkommun/data/releases.json");
    }
  });

  it("moves to a newer release, tells its changes record by record and removes the old copy", async () => {
    const project = join(testkommun, "projects", "renare-vatten.yaml");
    const document = parseDocument(readFileSync(project, "utf8"));
    document.setIn(["title", "en"], "Cleaner water, second phase");
    writeFileSync(project, document.toString());
    rmSync(join(testkommun, "projects", "bara-svenska.yaml"));
    sites.set("testkommun", await publish(testkommun, "testkommun", SECOND));
    const outcome = await updateIncludes({ ...options(register), publisher: "testkommun" });
    expect(outcome.ok).toBe(true);
    expect(outcome.updates).toEqual([
      {
        publisher: "testkommun",
        from: FIRST,
        to: SECOND,
        changes: [
          { kind: "projects", id: "bara-svenska", change: "removed", fields: [] },
          { kind: "projects", id: "renare-vatten", change: "changed", fields: ["title.en"] },
        ],
      },
    ]);
    expect(outcome.lines).toContain(
      tr("includeCommand.updated", { publisher: "testkommun", from: FIRST, to: SECOND, count: 2 }),
    );
    expect(outcome.lines).toContain(`  ${tr("includeCommand.change.changed")} projects/renare-vatten (title.en)`);
    expect(pinsOf(register)[0]).toMatchObject({ publisher: "testkommun", version: SECOND });
    expect(readdirSync(join(register, "includes", "testkommun"))).toEqual([SECOND]);
    expect(errorsOf(register)).toEqual([]);
  }, 60_000);

  it("refuses to move back to an older release", async () => {
    sites.set("testkommun", testkommunFirst);
    const before = siteYaml(register);
    const outcome = await updateIncludes({ ...options(register), publisher: "testkommun" });
    expect(outcome.ok).toBe(false);
    expect(outcome.lines).toContain(
      tr("includeCommand.downgrade", {
        publisher: "testkommun",
        url: `${base}testkommun/`,
        latest: FIRST,
        version: SECOND,
      }),
    );
    expect(siteYaml(register)).toBe(before);
    expect(readdirSync(join(register, "includes", "testkommun"))).toEqual([SECOND]);
  });
});

describe("npm run include -- remove", () => {
  it("drops the pin and the vendored copy of a publication nothing needs", async () => {
    const outcome = await removeInclude({ ...options(register), publisher: "grannkommun" });
    expect(outcome.ok).toBe(true);
    expect(pinsOf(register).map((pin) => pin.publisher)).toEqual(["testkommun"]);
    expect(existsSync(join(register, "includes", "grannkommun"))).toBe(false);
    expect(errorsOf(register)).toEqual([]);
  });
});
