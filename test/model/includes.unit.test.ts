// Included publications in the model: a vendored release is verified against its pin and its
// records validated before the site may use them; included records keep their publisher in their
// ids, and organisations become one only by an identifier both give or by the editor's same_as.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { RECORDS_FILE, vendoredFolder } from "../../src/model/includes.js";
import { loadDataset } from "../../src/model/index.js";
import { releaseSnapshot } from "../../src/model/published.js";
import { includedFoldersOf } from "../../src/model/site-languages.js";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";
import { vendorTestkommun } from "../helpers/includes.js";

const FIXTURES = "test/fixtures/includes";
const today = buildDay("2026-12-05");
const VERSION = "2026-12-01";

const errorsOf = (dataDir: string) =>
  validateDataDirectory(dataDir, { today, displayRoot: dataDir }).problems.filter(
    (problem) => problem.severity === "error",
  );

describe("a register that includes two publications by path", () => {
  const dataset = loadDataset(join(FIXTURES, "register"), today);

  it("shows every included record once, under its publisher, beside its own", () => {
    expect([...dataset.records.projects.keys()]).toEqual([
      "grannkommun/bara-svenska",
      "grannkommun/farliga-tecken",
      "grannkommun/renare-vatten",
      "testkommun/bara-svenska",
      "testkommun/farliga-tecken",
      "testkommun/renare-vatten",
    ]);
    expect(dataset.origins.get("projects/testkommun/renare-vatten")).toEqual({
      publisher: "testkommun",
      id: "renare-vatten",
    });
    expect(dataset.origins.has("organisations/riksorganet")).toBe(false);
    expect(dataset.projectsBy.publisher.get("grannkommun")).toHaveLength(3);
    expect(dataset.includes.map((entry) => [entry.publisher, entry.name.sv])).toEqual([
      ["testkommun", "Testkommun"],
      ["grannkommun", "Grannkommun"],
    ]);
  });

  it("resolves references inside a package to its own records", () => {
    const project = dataset.records.projects.get("grannkommun/renare-vatten");
    expect(project?.owners).toEqual(["grannkommun/grannkommun"]);
    expect(project?.funding?.[0]?.programme).toBe("grannkommun/regionalfonden");
    expect(project?.sources.map((ref) => ref.source)).toEqual(["grannkommun/testkalla"]);
    // The contact persons are never part of what is included.
    expect(project?.contacts).toBeUndefined();
    expect(dataset.records.people.size).toBe(0);
  });

  it("reconciles organisations by a shared identifier and by same_as, and by nothing else", () => {
    // Testkommun: the same IATI identifier in the register and in testkommun's publication.
    expect(dataset.records.organisations.has("testkommun/testkommun")).toBe(false);
    expect(dataset.records.projects.get("testkommun/renare-vatten")?.owners).toEqual(["testkommun"]);
    // Partnerstaden: the register's editor confirmed testkommun's; grannkommun's has its Wikidata item.
    expect(dataset.records.organisations.has("testkommun/partnerstad")).toBe(false);
    expect(dataset.records.organisations.has("grannkommun/partnerstad")).toBe(false);
    expect(dataset.reconciled.get("partnerstad")?.map((entry) => [entry.origin.publisher, entry.by])).toEqual([
      ["testkommun", "same_as"],
      ["grannkommun", "wikidata Q4115189"],
    ]);
    // The fund has no identifier anywhere: three records stay three.
    expect(
      ["fonden", "testkommun/fonden", "grannkommun/fonden"].every((id) => dataset.records.organisations.has(id)),
    ).toBe(true);
    expect([...dataset.records.themes.keys()]).toEqual(["miljo"]);
    // The network: the register's own stands for testkommun's, which its same_as names; not for grannkommun's.
    expect([...dataset.records.networks.keys()]).toEqual(["grannkommun/testnatverket", "testnatverket"]);
    expect(dataset.records.partnerships.get("testkommun/test-partnerstad")?.network).toBe("testnatverket");
  });

  it("links two publishers' records of one partnership, with what they disagree on", () => {
    const also = dataset.alsoReported.get("testkommun-partnerstad");
    expect(also?.others).toEqual(["testkommun/test-partnerstad"]);
    expect(also?.differences).toEqual([
      {
        field: "since",
        values: [
          { id: "testkommun-partnerstad", value: "2007" },
          { id: "testkommun/test-partnerstad", value: "2006" },
        ],
      },
    ]);
    // Grannkommun's partnership has other partners: it reports nothing the others do.
    expect(dataset.alsoReported.has("grannkommun/grannkommun-partnerstad")).toBe(false);
  });

  it("names the folders it includes, for the preview to watch", () => {
    expect(includedFoldersOf(join(FIXTURES, "register"))).toEqual([
      resolve(FIXTURES, "testkommun"),
      resolve(FIXTURES, "grannkommun"),
    ]);
    expect(includedFoldersOf(join(FIXTURES, "testkommun"))).toEqual([]);
  });

  it("releases only its own records", () => {
    const snapshot = releaseSnapshot(dataset) as { projects?: object; organisations: object };
    expect(Object.keys(snapshot.projects ?? {})).toEqual([]);
    expect(Object.keys(snapshot.organisations).every((id) => !id.includes("/"))).toBe(true);
  });
});

/** A release of testkommun's publication as `npm run include` vendors it, pinned in a copy of the register. */
function registerWithVendoredRelease(root: string, change?: (records: Record<string, unknown>) => void) {
  const register = join(root, "register");
  cpSync(join(FIXTURES, "register"), register, { recursive: true });
  const sha256 = vendorTestkommun({ register, version: VERSION, today: "2026-12-05", ...(change ? { change } : {}) });
  const site = parseDocument(readFileSync(join(register, "site.yaml"), "utf8"));
  site.setIn(["includes", 0], {
    publisher: "testkommun",
    url: "https://testkommun.example.org/",
    version: VERSION,
    sha256,
    retrieved: "2026-12-02",
  });
  writeFileSync(join(register, "site.yaml"), site.toString());
  return { register, folder: vendoredFolder(register, { publisher: "testkommun", version: VERSION }) };
}

describe("a vendored release", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "utblick-includes-"));
    // The register's path includes lead from its folder; the copies sit beside copies of them.
    cpSync(join(FIXTURES, "grannkommun"), join(root, "grannkommun"), { recursive: true });
    return () => rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => rmSync(join(root, "register"), { recursive: true, force: true }));

  it("is used as it was downloaded", () => {
    const { register } = registerWithVendoredRelease(root);
    expect(errorsOf(register)).toEqual([]);
    const dataset = loadDataset(register, today);
    expect(dataset.records.projects.has("testkommun/renare-vatten")).toBe(true);
    expect(dataset.includes[0]?.pin).toMatchObject({ version: VERSION, retrieved: "2026-12-02" });
  });

  it("is refused when a file beside the archive was changed, named by its path", () => {
    const { register, folder } = registerWithVendoredRelease(root);
    const file = join(folder, RECORDS_FILE);
    writeFileSync(file, readFileSync(file, "utf8").replace("Renare vatten", "Smutsigare vatten"));
    expect(errorsOf(register)).toEqual([
      expect.objectContaining({ file: `includes/testkommun/${VERSION}/${RECORDS_FILE}` }),
    ]);
    expect(errorsOf(register)[0]?.message).toMatch(/har ändrats efter att den hämtades/);
  });

  it("is refused when the pinned hash is not the archive's, at the line of the pin", () => {
    const { register } = registerWithVendoredRelease(root);
    const site = join(register, "site.yaml");
    writeFileSync(site, readFileSync(site, "utf8").replace(/sha256: [0-9a-f]{64}/, `sha256: ${"0".repeat(64)}`));
    const line =
      readFileSync(site, "utf8")
        .split("\n")
        .findIndex((text) => text.includes("sha256:")) + 1;
    const [error, ...others] = errorsOf(register);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ file: "site.yaml", line, field: "includes[0].sha256" });
  });

  it("is refused when a file is missing or one was added", () => {
    const { register, folder } = registerWithVendoredRelease(root);
    rmSync(join(folder, RECORDS_FILE));
    writeFileSync(join(folder, "extra.txt"), "not in the release");
    expect(errorsOf(register).map((problem) => problem.file)).toEqual([
      `includes/testkommun/${VERSION}/extra.txt`,
      `includes/testkommun/${VERSION}/${RECORDS_FILE}`,
    ]);
  });

  it("is refused when its records break the schemas, each named by its place in the release", () => {
    const { register } = registerWithVendoredRelease(root, (snapshot) => {
      const projects = snapshot.projects as Record<string, Record<string, unknown>>;
      (projects["renare-vatten"] as Record<string, unknown>).status = "sort-of";
    });
    const errors = errorsOf(register);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: `includes/testkommun/${VERSION}/${RECORDS_FILE} › projects/renare-vatten`,
      field: "status",
    });
  });

  it("is refused when it is missing, and a same_as may name only what an include has", () => {
    const { register, folder } = registerWithVendoredRelease(root);
    rmSync(folder, { recursive: true });
    const organisation = join(register, "organisations", "testkommun.yaml");
    writeFileSync(organisation, `${readFileSync(organisation, "utf8")}same_as: [okand/testkommun]\n`);
    const errors = errorsOf(register);
    expect(errors.map((problem) => [problem.file, problem.field])).toEqual([
      ["organisations/testkommun.yaml", "same_as[0]"],
      ["site.yaml", "includes[0].version"],
    ]);
  });
});
