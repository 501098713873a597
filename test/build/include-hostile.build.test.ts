// `npm run include -- add` against a hostile publication served on 127.0.0.1 (no network): its
// releases.json and archive are whatever the publisher wants them to be, sha256 and size included,
// since the same publisher lists them. An archive whose files cannot be written as named (a name
// longer than a file system allows, a file and a folder of one name) or that holds what no release
// holds (.git/config) must end in a refusal told to the editor, with nothing pinned or written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addInclude, releasesAddress } from "../../src/build/include.js";
import { releaseFolderName } from "../../src/core/routes.js";
import { RECORDS_FILE, sha256Hex } from "../../src/model/includes.js";
import { loadDataset } from "../../src/model/index.js";
import { releaseSnapshot } from "../../src/model/published.js";
import { buildDay } from "../../src/model/today.js";
import { registerWithoutIncludes } from "../helpers/includes.js";

const FIXTURES = resolve("test/fixtures/includes");
const VERSION = "2026-12-01";
const today = buildDay("2026-12-05");
const work = mkdtempSync(join(tmpdir(), "utblick-include-hostile-"));

/** What the server answers, by path: a publication's releases.json and its archive. */
const planted = new Map<string, Uint8Array | string>();
const server = createServer((request, response) => {
  const answer = planted.get(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  if (answer === undefined) response.writeHead(404).end("not found");
  else response.writeHead(200).end(answer);
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(work, { recursive: true, force: true });
});

/** testkommun's records as its release holds them. */
const records = () => strToU8(JSON.stringify(releaseSnapshot(loadDataset(join(FIXTURES, "testkommun"), today))));

/** Publishes an archive with these files besides utblick.json at base/<name>/, listed with its true size and hash. */
function publish(name: string, files: Record<string, Uint8Array>): string {
  const folder = releaseFolderName(VERSION);
  const archive = zipSync({
    [`${folder}/${RECORDS_FILE}`]: records(),
    ...Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`${folder}/${path}`, bytes])),
  });
  planted.set(`/${name}/archive.zip`, archive);
  planted.set(
    `/${name}/data/releases.json`,
    JSON.stringify({
      releases: [
        {
          version: VERSION,
          recorded: true,
          archive: { url: `${base}/${name}/archive.zip`, sha256: sha256Hex(archive), bytes: archive.byteLength },
        },
      ],
    }),
  );
  return `${base}/${name}/`;
}

/** The register without includes, copied afresh. */
const freshRegister = (name: string): string => registerWithoutIncludes(join(work, name));

describe("an archive that is no release", () => {
  it.each([
    ["a file name longer than a file system allows", { [`csv/${"a".repeat(300)}.csv`]: strToU8("id\n") }],
    ["a file and a folder of one name", { csv: strToU8("x"), "csv/projects.csv": strToU8("id\n") }],
    ["a git repository's settings", { ".git/config": strToU8("[core]\n\tfsmonitor = touch /tmp/utblick-pwned\n") }],
  ])("with %s is refused with a message, and nothing is pinned or written", async (name, files) => {
    const slug = name.replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
    const register = freshRegister(slug);
    const before = readFileSync(join(register, "site.yaml"), "utf8");
    const url = publish(slug, files);
    // A refusal resolves with ok false and says why; an error thrown from the file system is no message.
    const outcome = await addInclude({ dataDir: register, today, url, publisher: "testkommun", timeoutMs: 10_000 });
    expect(outcome.ok).toBe(false);
    expect(outcome.lines.at(-1)).toBeTruthy();
    expect(readFileSync(join(register, "site.yaml"), "utf8")).toBe(before);
    expect(existsSync(join(register, "includes"))).toBe(false);
  });

  it("with only a release's files is included (the archive the tests above change)", async () => {
    const register = freshRegister("sound");
    const url = publish("sound", { "csv/projects.csv": strToU8("id\n") });
    const outcome = await addInclude({ dataDir: register, today, url, publisher: "testkommun", timeoutMs: 10_000 });
    expect(outcome.lines).toEqual(expect.arrayContaining([expect.stringContaining("testkommun")]));
    expect(outcome.ok).toBe(true);
  });
});

describe("a publication's address", () => {
  it("is refused over plain http, where anyone on the way could hand over another package and its checksum", () => {
    // The first download is trusted as it comes (the pin is made from it): it must come over https.
    expect(releasesAddress("http://vaxjo.example.org/")).toBeUndefined();
    expect(releasesAddress("http://vaxjo.example.org/data/releases.json")).toBeUndefined();
  });

  it("is taken over https, and over http on this machine only (development, these tests)", () => {
    expect(releasesAddress("https://vaxjo.example.org/")).toBe("https://vaxjo.example.org/data/releases.json");
    expect(releasesAddress(`${base}/testkommun/`)).toBe(`${base}/testkommun/data/releases.json`);
  });
});
