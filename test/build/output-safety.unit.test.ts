// The publish step replaces only what a build made, whatever appears at the output meanwhile, and
// the one atomic writer never writes through a link nor leaves part of a file.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildsFolder, openPublication } from "../../src/build/publish.js";
import { FileError, RefusedFolderError, writeFileAtomic } from "../../src/core/safe-write.js";

const quiet = { log: () => undefined };
const workDir = () => mkdtempSync(join(tmpdir(), "utblick-output-safety-"));

function refusal(action: () => unknown): RefusedFolderError["refusal"] | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof RefusedFolderError) return error.refusal;
    throw error;
  }
  return undefined;
}

describe("the publish step", () => {
  it("does not replace a folder with files put at the output while the site was built", async () => {
    const output = join(workDir(), "_site");
    const publication = openPublication(output, quiet);
    writeFileSync(join(publication.staging, "index.html"), "new");
    mkdirSync(output);
    writeFileSync(join(output, "mine.txt"), "an editor's file");
    await expect(publication.publish()).rejects.toThrow(RefusedFolderError);
    publication.close();
    expect(readdirSync(output)).toEqual(["mine.txt"]);
    expect(readdirSync(buildsFolder(output))).toEqual(["output"]);
  });

  it("refuses a link that does not lead to one of its builds, and leaves link and target alone", () => {
    const work = workDir();
    mkdirSync(join(work, "elsewhere"));
    writeFileSync(join(work, "elsewhere", "page.html"), "kept");
    symlinkSync("elsewhere", join(work, "_site"));
    expect(refusal(() => openPublication(join(work, "_site"), quiet))).toMatchObject({ kind: "link" });
    expect(readFileSync(join(work, "_site", "page.html"), "utf8")).toBe("kept");
    expect(existsSync(buildsFolder(join(work, "_site")))).toBe(false);
  });

  it("refuses a builds folder that holds files no build wrote, instead of clearing it", () => {
    const output = join(workDir(), "_site");
    mkdirSync(buildsFolder(output));
    writeFileSync(join(buildsFolder(output), "notes.txt"), "kept");
    expect(refusal(() => openPublication(output, quiet))).toMatchObject({ kind: "foreign", detail: "notes.txt" });
    expect(readdirSync(buildsFolder(output))).toEqual(["notes.txt"]);
  });

  it("refuses the data folder, a project, and a folder holding the data or the repository", () => {
    const work = workDir();
    const data = join(work, "repo", "data");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "site.yaml"), "title: x\n");
    writeFileSync(join(work, "repo", "package.json"), "{}\n");
    const guarded = { data, repository: join(work, "repo") };
    const open = (output: string) => refusal(() => openPublication(output, { ...quiet, guarded }));
    expect(open(data)).toMatchObject({ kind: "data" });
    expect(open(join(work, "repo"))).toMatchObject({ kind: "project", detail: "package.json" });
    expect(open(work)).toMatchObject({ kind: "holdsData", detail: data });
    expect(readdirSync(data)).toEqual(["site.yaml"]);
  });
});

describe("writeFileAtomic", () => {
  it("exclusive, fails on a link at the path, even one that leads nowhere, and writes nothing", () => {
    const work = workDir();
    symlinkSync(join(work, "target.txt"), join(work, "file.txt"));
    expect(() => writeFileAtomic(join(work, "file.txt"), "text", { exclusive: true })).toThrow(FileError);
    expect(readdirSync(work)).toEqual(["file.txt"]);
  });

  it("replaces a link at the path itself, not what it points to", () => {
    const work = workDir();
    writeFileSync(join(work, "target.txt"), "kept");
    symlinkSync(join(work, "target.txt"), join(work, "file.txt"));
    writeFileAtomic(join(work, "file.txt"), "new");
    expect(readFileSync(join(work, "target.txt"), "utf8")).toBe("kept");
    expect(readFileSync(join(work, "file.txt"), "utf8")).toBe("new");
  });

  it("within a folder, makes the folders below it and refuses one whose real path leads out", () => {
    const work = workDir();
    const data = join(work, "data");
    mkdirSync(join(work, "outside"));
    mkdirSync(data);
    writeFileAtomic(join(data, "releases", "a.json"), "{}", { within: data });
    expect(readdirSync(join(data, "releases"))).toEqual(["a.json"]);
    symlinkSync(join(work, "outside"), join(data, "projects"));
    const refused = refusal(() => writeFileAtomic(join(data, "projects", "x", "y.yaml"), "", { within: data }));
    expect(refused).toMatchObject({ kind: "outside", folder: join(data, "projects") });
    expect(readdirSync(join(work, "outside"))).toEqual([]);
  });
});
