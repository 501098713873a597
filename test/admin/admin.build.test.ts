// The published web editor: a build writes /admin/ only when site.yaml names the git host the form
// saves to, with Decap's bundle from node_modules, the configuration for that host and a
// Content-Security-Policy of its own; the site's pages keep theirs.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KINDS } from "../../src/core/vocabulary.js";
import type { RecordsSnapshot } from "../../src/model/validate-in-memory.js";
import { copyFixture, type TempData } from "../dev-server/temp-data.js";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

let data: TempData;
let site: BuiltSite;

beforeAll(async () => {
  data = copyFixture("test/fixtures/valid/minimal");
  appendFileSync(
    join(data.dataDir, "site.yaml"),
    "editing:\n  backend: gitlab\n  repo: kommun/utblick\n  app_id: abc123\n  api_root: https://git.kommun.se/api/v4\n",
  );
  site = await buildSite(data.dataDir);
});

afterAll(() => data?.remove());

describe("the published /admin/", () => {
  it("loads Decap CMS and our script from the site itself, under a policy that allows only them and the git host", () => {
    const page = site.html("/admin/index.html");
    expect(
      page("script[src]")
        .map((_, element) => page(element).attr("src"))
        .get(),
    ).toEqual(["/admin/manual-init.js", "/admin/decap/decap-cms.js", "/admin/utblick-cms.js"]);
    const policy = page('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
    expect(policy).toContain("script-src 'self' 'unsafe-eval';");
    expect(policy).toContain("connect-src 'self' https://git.kommun.se;");
    expect(site.exists("/admin/decap/decap-cms.js")).toBe(true);
    expect(site.files.filter((file) => file.endsWith(".map"))).toEqual([]);
  });

  it("configures the git host named in site.yaml, links records to the published pages, and has no local backend", () => {
    const { config } = JSON.parse(site.read("/admin/config.json")) as { config: Record<string, unknown> };
    expect(config.backend).toEqual({
      name: "gitlab",
      repo: "kommun/utblick",
      app_id: "abc123",
      api_root: "https://git.kommun.se/api/v4",
      branch: "main",
    });
    expect(config.local_backend).toBeUndefined();
    expect(config.site_url).toBe(site.dataset.site.base_url.replace(/\/$/, ""));
  });

  it("carries the validator for the page and the records it checks a save against, people by id only", () => {
    expect(site.exists("/admin/utblick-validator.js")).toBe(true);
    const snapshot = JSON.parse(site.read("/admin/records.json")) as RecordsSnapshot;
    expect(snapshot.dataFolder).toBe("data");
    for (const kind of KINDS)
      expect(Object.keys(snapshot.records[kind] ?? {}).sort()).toEqual([...site.dataset.records[kind].keys()].sort());
    for (const person of Object.values(snapshot.records.people ?? {})) expect(person).toBeNull();
  });

  it("leaves the site's pages without scripts", () => {
    const policy = site.html("/sv/index.html")('meta[http-equiv="Content-Security-Policy"]').attr("content");
    expect(policy).toContain("script-src 'none'");
  });
});

describe("a site whose site.yaml names no git host", () => {
  it("has no /admin/", async () => {
    const plain = await buildSite("test/fixtures/valid/minimal");
    expect(plain.files.filter((file) => file.startsWith("/admin/"))).toEqual([]);
  });
});
