// The form's backend on the editor's machine, attacked as a hostile web page would: from another
// local origin, through a rebound host name, without the per-run secret, at paths outside the
// record files. Every such request is refused with nothing read or written, while the form's own
// requests read and save records.
import { createHash } from "node:crypto";
import { linkSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDay } from "../../src/model/today.js";
import { type DevServer, startDevServer } from "../../src/preview/server.js";
import { copyFixture, type TempData } from "../dev-server/temp-data.js";

const today = buildDay("2026-11-26");
/** Text in files outside the records: a response that contains it has leaked a file. */
const SECRET_TEXT = "not-for-any-web-page";
let data: TempData;
let server: DevServer;
let origin: string;
let host: string;
let api: string;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A request with any headers (fetch would not let a test set Host). */
function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const { port } = new URL(origin);
  return new Promise((done, fail) => {
    const outgoing = request(
      { host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: { host, ...init.headers } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => done({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    outgoing.on("error", fail);
    outgoing.end(init.body);
  });
}

/** An action as the form sends it: same origin, JSON, the secret in the address. */
function act(action: string, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  return send(api, {
    method: "POST",
    headers: { origin, "content-type": "application/json; charset=utf-8", "sec-fetch-site": "same-origin", ...headers },
    body: JSON.stringify({ action, params }),
  });
}

/** Every file and link under the temporary repository, with a hash of its content or its target. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) files[relative(root, path)] = `-> ${readlinkSync(path)}`;
      else files[relative(root, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(root);
  return files;
}

beforeAll(async () => {
  data = copyFixture("test/fixtures/valid/site");
  // What a hostile page would want: the repository's code and git configuration, a file outside.
  mkdirSync(join(data.root, ".git"));
  writeFileSync(join(data.root, ".git", "config"), `[core]\n# ${SECRET_TEXT}\n`);
  mkdirSync(join(data.root, "src"));
  writeFileSync(join(data.root, "src", "keep.ts"), `// ${SECRET_TEXT}\n`);
  mkdirSync(join(data.root, "elsewhere"));
  writeFileSync(join(data.root, "elsewhere", "outside.yaml"), `name: ${SECRET_TEXT}\n`);
  // Links that lead out of the data folder: a record file and the media folder.
  symlinkSync(join(data.root, "elsewhere", "outside.yaml"), join(data.dataDir, "projects", "linked.yaml"));
  symlinkSync(join(data.root, "elsewhere"), join(data.dataDir, "media"));
  symlinkSync(
    join(data.root, "elsewhere", "made-through-a-link.yaml"),
    join(data.dataDir, "projects", "dangling.yaml"),
  );
  // A second name of the outside file inside the data folder: a hard link, not a symbolic one.
  linkSync(join(data.root, "elsewhere", "outside.yaml"), join(data.dataDir, "projects", "hard.yaml"));
  // A link that stays inside the data folder, as a repository may hold: saves must still work.
  symlinkSync("miljo.yaml", join(data.dataDir, "themes", "miljo-alias.yaml"));
  writeFileSync(join(data.dataDir, "people", ".hidden.yaml"), `name: ${SECRET_TEXT}\n`);
  server = await startDevServer({ dataDir: data.dataDir, today, port: 0, editing: true, log: () => undefined });
  origin = server.url.replace(/\/$/, "");
  host = new URL(origin).host;
  const config = JSON.parse((await send("/admin/config.json", {})).body) as {
    config: { local_backend: { url: string } };
  };
  api = new URL(config.config.local_backend.url).pathname;
});

afterAll(async () => {
  await server?.close();
  data?.remove();
});

describe("the form's own requests", () => {
  it("lists and reads the records of a collection's folder, and no file that is not a record", async () => {
    const listed = await act("entriesByFolder", { folder: "data/projects", extension: "yaml", depth: 1 });
    expect(listed.status).toBe(200);
    const paths = (JSON.parse(listed.body) as { file: { path: string } }[]).map((entry) => entry.file.path).sort();
    expect(paths).toEqual([
      "data/projects/bara-svenska.yaml",
      "data/projects/farliga-tecken.yaml",
      "data/projects/renare-vatten.yaml",
    ]);
    const read = await act("getEntry", { path: "data/networks/testnatverket.yaml" });
    expect(JSON.parse(read.body).data).toBe(readFileSync(join(data.dataDir, "networks", "testnatverket.yaml"), "utf8"));
  });

  it("saves a change to a record as the form wrote it", async () => {
    const file = join(data.dataDir, "networks", "testnatverket.yaml");
    const before = readFileSync(file, "utf8");
    const raw = before
      .replace("en: The test network", "en: The testing network")
      .replace("name: { sv: Sarajevo }", "name:\n        sv: Sarajevo");
    const saved = await act("persistEntry", {
      dataFiles: [{ path: "data/networks/testnatverket.yaml", raw, slug: "testnatverket" }],
      assets: [],
      options: { collectionName: "networks", newEntry: false },
    });
    expect(saved.status, saved.body).toBe(200);
    expect(readFileSync(file, "utf8")).toBe(raw);
  });
});

describe("the check before a save", () => {
  it("says what the validator would say of the record if saved, by field, and saves nothing", async () => {
    const file = join(data.dataDir, "projects", "renare-vatten.yaml");
    const before = snapshot(data.root);
    const raw = readFileSync(file, "utf8")
      .replace(/^start: .*$/m, 'start: "2016"')
      .replace(/^duration: .*$/m, 'end: "2001"')
      .replace(/^ {2}de: Saubereres Wasser\n/m, "");
    const answer = await act("checkEntry", { path: "data/projects/renare-vatten.yaml", raw });
    expect(answer.status, answer.body).toBe(200);
    const { problems } = JSON.parse(answer.body) as { problems: { severity: string; field: string }[] };
    expect(problems).toContainEqual(expect.objectContaining({ severity: "error", field: "end" }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: "warning", field: "title" }));
    expect(snapshot(data.root)).toEqual(before);
  });
});

describe("requests that are not the form's", () => {
  const refusedAtTheDoor: [string, () => Promise<Answer>][] = [
    [
      "from another local origin",
      () => act("getEntry", { path: "data/people/anna-test.yaml" }, { origin: "http://127.0.0.1:9" }),
    ],
    [
      "from the same server under another name",
      () =>
        act("getEntry", { path: "data/people/anna-test.yaml" }, { origin: origin.replace("127.0.0.1", "localhost") }),
    ],
    [
      "through a rebound host name",
      () =>
        act(
          "getEntry",
          { path: "data/people/anna-test.yaml" },
          { host: "evil.example", origin: "http://evil.example" },
        ),
    ],
    [
      "marked cross-site by the browser",
      () => act("getEntry", { path: "data/people/anna-test.yaml" }, { "sec-fetch-site": "cross-site" }),
    ],
    [
      "as a form post (text/plain needs no preflight)",
      () => act("getEntry", { path: "data/people/anna-test.yaml" }, { "content-type": "text/plain" }),
    ],
    [
      "without the secret",
      () =>
        send("/__utblick/api/", {
          method: "POST",
          headers: { origin, "content-type": "application/json" },
          body: "{}",
        }),
    ],
    [
      "with a wrong secret",
      () =>
        send(`${api.slice(0, -2)}xx`, {
          method: "POST",
          headers: { origin, "content-type": "application/json" },
          body: "{}",
        }),
    ],
    ["as a GET", () => send(api, { headers: { origin } })],
  ];
  for (const [what, attempt] of refusedAtTheDoor)
    it(`refuses a request ${what}, reading nothing`, async () => {
      const answer = await attempt();
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toContain("Anna");
    });

  const hostile: [string, string, Record<string, unknown>][] = [
    ["a file beside the data folder", "getEntry", { path: "elsewhere/outside.yaml" }],
    ["a path that climbs out", "getEntry", { path: "data/../elsewhere/outside.yaml" }],
    ["git's configuration", "getEntry", { path: ".git/config" }],
    ["git's configuration through the data folder", "getEntry", { path: "data/projects/../../.git/config" }],
    ["the code", "getEntry", { path: "src/keep.ts" }],
    ["an absolute path", "getEntry", { path: "/etc/passwd" }],
    ["a dot-file in a collection", "getEntry", { path: "data/people/.hidden.yaml" }],
    ["a record file that is a link", "getEntry", { path: "data/projects/linked.yaml" }],
    ["a Windows path", "getEntry", { path: "data\\projects\\..\\..\\src\\keep.ts" }],
    ["the files of a list", "entriesByFiles", { files: [{ path: "src/keep.ts" }] }],
    ["a folder outside", "entriesByFolder", { folder: "elsewhere", extension: "yaml", depth: 1 }],
    ["the repository", "entriesByFolder", { folder: "data/..", extension: "", depth: 5 }],
    ["a media folder that is a link", "getMedia", { mediaFolder: "data/media" }],
    [
      "code written from the browser",
      "persistEntry",
      {
        dataFiles: [{ path: "src/from-browser.ts", raw: "title: x\n" }],
        assets: [],
        options: { newEntry: true },
      },
    ],
    [
      "git's configuration written",
      "persistEntry",
      {
        dataFiles: [{ path: ".git/config", raw: "[core]\nfsmonitor = touch /tmp/owned\n" }],
        assets: [],
        options: {},
      },
    ],
    [
      "a write through a linked record file",
      "persistEntry",
      {
        dataFiles: [{ path: "data/projects/linked.yaml", raw: "title: { sv: x }\n" }],
        assets: [],
        options: {},
      },
    ],
    [
      "a file of another extension",
      "persistEntry",
      {
        dataFiles: [{ path: "data/projects/x.yml", raw: "title: { sv: x }\n" }],
        assets: [],
        options: { newEntry: true },
      },
    ],
    [
      "a move out of the data folder",
      "persistEntry",
      {
        dataFiles: [{ path: "data/themes/miljo.yaml", raw: "label: { sv: Miljö }\n", newPath: "src/miljo.yaml" }],
        assets: [],
        options: {},
      },
    ],
    [
      "an asset beside a record",
      "persistEntry",
      {
        dataFiles: [{ path: "data/themes/miljo.yaml", raw: "label: { sv: Miljö }\n" }],
        assets: [{ path: "src/x.ts", content: "eA==", encoding: "base64" }],
        options: {},
      },
    ],
    [
      "an image written through a linked folder",
      "persistMedia",
      {
        asset: { path: "data/media/x.png", content: "eA==", encoding: "base64" },
      },
    ],
    ["a script as an image", "persistMedia", { asset: { path: "data/x.svg", content: "eA==", encoding: "base64" } }],
    ["a record deleted", "deleteFile", { path: "data/themes/miljo.yaml" }],
    ["records deleted", "deleteFiles", { paths: ["data/themes/miljo.yaml", "src/keep.ts"] }],
    ["an action the form never sends", "unpublishedEntries", {}],
    [
      "a check through a record file that is a link",
      "checkEntry",
      { path: "data/projects/linked.yaml", raw: "x: 1\n" },
    ],
    ["a check through a dangling link", "checkEntry", { path: "data/projects/dangling.yaml", raw: "x: 1\n" }],
    ["a record file hard-linked to a file outside", "getEntry", { path: "data/projects/hard.yaml" }],
    [
      "a list of thousands of files",
      "entriesByFiles",
      {
        files: Array.from({ length: 2000 }, () => ({ path: "data/projects/renare-vatten.yaml" })),
      },
    ],
  ];
  for (const [what, action, params] of hostile)
    it(`refuses ${what}, reading and writing nothing`, async () => {
      const before = snapshot(data.root);
      const answer = await act(action, params);
      expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toContain(SECRET_TEXT);
      expect(JSON.parse(answer.body).error).toEqual(expect.any(String));
      expect(snapshot(data.root)).toEqual(before);
    });
});

describe("saves the form must not make", () => {
  const network = "data/networks/testnatverket.yaml";
  const projectText = () => readFileSync(join(data.dataDir, "projects", "renare-vatten.yaml"), "utf8");

  async function refusedSave(params: Record<string, unknown>, status: number): Promise<string> {
    const before = snapshot(data.root);
    const answer = await act("persistEntry", { assets: [], ...params });
    expect(answer.status, answer.body).toBe(status);
    expect(snapshot(data.root)).toEqual(before);
    return JSON.parse(answer.body).error as string;
  }

  it("refuses a record of the collection on screen saved into another collection's file", async () => {
    const message = await refusedSave(
      { dataFiles: [{ path: network, raw: projectText() }], options: { collectionName: "projects" } },
      409,
    );
    expect(message).toContain(network);
  });

  it("refuses a project's fields saved into a network's file, naming the fields", async () => {
    const message = await refusedSave({ dataFiles: [{ path: network, raw: projectText() }], options: {} }, 422);
    expect(message).toMatch(/data\/networks\/testnatverket\.yaml:\d+:\d+/);
  });

  it("refuses a new record over an existing one", async () => {
    const raw = "label:\n  sv: Miljö igen\n";
    const message = await refusedSave(
      { dataFiles: [{ path: "data/themes/miljo.yaml", raw }], options: { collectionName: "themes", newEntry: true } },
      409,
    );
    expect(message).toContain("miljo");
  });

  it("refuses a change that the validator would call an error, with its located message", async () => {
    const raw = projectText().replace(/^start: .*$/m, 'start: "2016"\nend: "2001"');
    const message = await refusedSave(
      { dataFiles: [{ path: "data/projects/renare-vatten.yaml", raw }], options: { collectionName: "projects" } },
      422,
    );
    expect(message).toMatch(/data\/projects\/renare-vatten\.yaml:\d+:\d+/);
  });
});

describe("the preview's own pages", () => {
  it("answers no other host name, so a rebound page reads neither pages nor the form's secret", async () => {
    for (const path of ["/sv/", "/admin/config.json", "/admin/"]) {
      const answer = await send(path, { headers: { host: `evil.example:${new URL(origin).port}` } });
      expect(answer.status).toBe(421);
      expect(answer.body).not.toContain(api.split("/").pop());
    }
  });

  it("forbids other sites to frame its pages, where a click could save for them", async () => {
    for (const path of ["/admin/", "/sv/"]) {
      const headers = await new Promise<Record<string, unknown>>((done, fail) => {
        const outgoing = request(
          { host: "127.0.0.1", port: new URL(origin).port, path, headers: { host } },
          (incoming) => {
            incoming.resume();
            done(incoming.headers);
          },
        );
        outgoing.on("error", fail);
        outgoing.end();
      });
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(String(headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("sends the form at localhost to its one origin, where its backend answers", async () => {
    const answer = await send("/admin/", { headers: { host: host.replace("127.0.0.1", "localhost") } });
    expect(answer.status).toBe(308);
  });
});
