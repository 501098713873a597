// Two builds with one changed record: the changelog names exactly that change, old releases
// stay downloadable, and dates move only when the data change.

import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { buildDay } from "../../src/model/today.js";
import { recordRelease } from "../../src/releases/record.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("releases", () => {
  it("date the data by their release and compute the changelog from one changed record", async () => {
    const work = mkdtempSync(join(tmpdir(), "utblick-releases-"));
    const data = join(work, "data");
    const site = join(work, "_site");
    cpSync("test/fixtures/valid/minimal", data, { recursive: true });
    expect(recordRelease(data, buildDay("2026-01-10")).created).toBe(true);

    // A later build of unchanged data keeps the release's version and date.
    expect(
      (await build({ dataDir: data, outputDir: site, today: buildDay("2026-03-01"), log: () => undefined })).ok,
    ).toBe(true);
    const first = JSON.parse(readFileSync(join(site, "data", "datapackage.json"), "utf8")) as {
      version: string;
      created: string;
    };
    expect(first).toMatchObject({ version: "2026-01-10", created: "2026-01-10" });
    expect(readFileSync(join(site, "data", "catalog.rdf"), "utf8")).toContain(
      '<dct:modified rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2026-01-10</dct:modified>',
    );

    const project = join(data, "projects", "renare-vatten.yaml");
    writeFileSync(project, readFileSync(project, "utf8").replace("en: Cleaner water", "en: Cleaner lake water"));
    const log: string[] = [];
    expect(
      (await build({ dataDir: data, outputDir: site, today: buildDay("2026-03-02"), log: (line) => log.push(line) }))
        .ok,
    ).toBe(true);
    expect(log.join("\n")).toContain("npm run release");
    const history = JSON.parse(readFileSync(join(site, "data", "releases.json"), "utf8")) as {
      current: { version: string; recorded: boolean };
      releases: { version: string; changes: unknown[] }[];
    };
    expect(history.current).toEqual({ version: "2026-03-02", date: "2026-03-02", recorded: false });
    expect(history.releases[0]?.changes).toEqual([
      { kind: "projects", id: "renare-vatten", change: "changed", fields: ["title.en"] },
    ]);

    const page = load(readFileSync(join(site, "en", "open-data", "index.html"), "utf8"));
    expect(page("#release-2026-03-02").closest("section").find(".changes").text()).toBe(
      "Projects: 1 changed – renare-vatten (title.en)",
    );

    // Recording the release keeps the old one downloadable at its stable address, with its checksum.
    expect(recordRelease(data, buildDay("2026-03-02")).version).toBe("2026-03-02");
    expect(
      (await build({ dataDir: data, outputDir: site, today: buildDay("2026-04-01"), log: () => undefined })).ok,
    ).toBe(true);
    const old = readFileSync(join(site, "data", "releases", "2026-01-10", "utblick.json"), "utf8");
    expect(JSON.parse(old).projects["renare-vatten"].title.en).toBe("Cleaner water");
    const english = load(readFileSync(join(site, "en", "open-data", "index.html"), "utf8"));
    expect(english("#release-2026-01-10").closest("section").find("code.checksum").text()).toBe(sha256(old));
    const zip = readFileSync(join(site, "data", "releases", "2026-01-10", "utblick-2026-01-10.zip"));
    expect(english("#release-2026-01-10").closest("section").find("code.archive-checksum").text()).toBe(
      createHash("sha256").update(zip).digest("hex"),
    );
    expect(english("#release-2026-03-02").closest("section").find(".changes").text()).toContain(
      "renare-vatten (title.en)",
    );
    // releases.json pins each recorded release's zip by its address and checksum, for others to include.
    const listed = JSON.parse(readFileSync(join(site, "data", "releases.json"), "utf8")) as {
      releases: { version: string; schema: string; archive?: { url: string; sha256: string; bytes: number } }[];
    };
    const listedRelease = listed.releases.find((release) => release.version === "2026-01-10");
    expect(listedRelease?.archive).toEqual({
      url: "https://utblick.example.org/data/releases/2026-01-10/utblick-2026-01-10.zip",
      sha256: createHash("sha256").update(zip).digest("hex"),
      bytes: zip.byteLength,
    });
    expect(listedRelease?.schema).toBe("https://utblick.example.org/data/schemas/utblick.schema.json");
    const sums = readFileSync(join(site, "data", "SHA256SUMS"), "utf8");
    expect(sums).toContain(
      `${sha256(readFileSync(join(site, "data", "csv", "projects.csv"), "utf8"))}  csv/projects.csv`,
    );
  });

  it("keep a removed record's JSON at its old address, saying which release removed it", async () => {
    const work = mkdtempSync(join(tmpdir(), "utblick-removed-"));
    const data = join(work, "data");
    const site = join(work, "_site");
    cpSync("test/fixtures/valid/minimal", data, { recursive: true });
    const project = readFileSync(join(data, "projects", "renare-vatten.yaml"), "utf8");
    writeFileSync(join(data, "projects", "tillfalligt.yaml"), project);
    expect(recordRelease(data, buildDay("2026-01-10")).created).toBe(true);
    rmSync(join(data, "projects", "tillfalligt.yaml"));
    expect(
      (await build({ dataDir: data, outputDir: site, today: buildDay("2026-02-01"), log: () => undefined })).ok,
    ).toBe(true);
    const removed = JSON.parse(readFileSync(join(site, "data", "projects", "tillfalligt.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(removed).toMatchObject({ id: "tillfalligt", removed_in: "2026-02-01" });
    expect((removed.title as { en: string }).en).toBe("Cleaner water");
    const current = JSON.parse(readFileSync(join(site, "data", "utblick.json"), "utf8")) as {
      projects: Record<string, unknown>;
    };
    expect(Object.keys(current.projects)).not.toContain("tillfalligt");
    // The release that still had it keeps it, in its JSON, its tables and its archive.
    const release = join(site, "data", "releases", "2026-01-10");
    expect(JSON.parse(readFileSync(join(release, "utblick.json"), "utf8")).projects).toHaveProperty("tillfalligt");
    expect(readFileSync(join(release, "csv", "projects.csv"), "utf8")).toContain("\r\ntillfalligt,");
    expect(readFileSync(join(release, "utblick-2026-01-10.zip")).byteLength).toBeGreaterThan(0);
  });
});
