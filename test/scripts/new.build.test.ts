// npm run new writes a record whole or not at all, and never through a link: not through a link
// at the record's own name (even one that points nowhere yet), nor into a folder that leads out
// of the data folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, MINIMAL, runScript, shown } from "./run.js";

function workDir() {
  const work = mkdtempSync(join(tmpdir(), "utblick-new-"));
  const data = join(work, "data");
  cpSync(MINIMAL, data, { recursive: true });
  const outside = join(work, "outside");
  mkdirSync(outside);
  return { work, data, outside };
}

describe("npm run new", () => {
  it("on a full disk leaves no part of the record, says where, and writes it on the next run", () => {
    const { data } = workDir();
    const projects = readdirSync(join(data, "projects")).sort();
    const record = join(data, "projects", "nytt-projekt.yaml");
    const failed = runScript("new.ts", ["--data", data, "projects", "nytt-projekt"], { fullDisk: { dir: data } });
    expect(failed.stderr).toContain(`${shown(record)}: disken är full`);
    expect(hasStackTrace(failed.stderr)).toBe(false);
    expect(failed.status, failed.stderr).toBe(1);
    expect(readdirSync(join(data, "projects")).sort()).toEqual(projects);

    const next = runScript("new.ts", ["--data", data, "projects", "nytt-projekt"]);
    expect(next.stdout).toContain(`Skapade ${shown(record)}.`);
    expect(next.status, next.stderr).toBe(0);
  });

  it("does not follow a link at the record's name, even one that points nowhere yet", () => {
    const { data, outside } = workDir();
    const record = join(data, "projects", "nytt-projekt.yaml");
    symlinkSync(join(outside, "stolen.yaml"), record);
    const result = runScript("new.ts", ["--data", data, "projects", "nytt-projekt"]);
    expect(result.stderr).toContain(`${shown(record)} är en länk till ${join(outside, "stolen.yaml")}`);
    expect(result.status, result.stderr).toBe(1);
    expect(existsSync(join(outside, "stolen.yaml"))).toBe(false);
    expect(readlinkSync(record)).toBe(join(outside, "stolen.yaml"));
  });

  it("does not write into a folder that leads out of the data folder", () => {
    const { data, outside } = workDir();
    symlinkSync(outside, join(data, "networks"));
    const result = runScript("new.ts", ["--data", data, "networks", "nytt-natverk"]);
    expect(result.stderr).toContain(
      `Inget skrevs: ${shown(join(data, "networks"))} leder till ${outside}, utanför datamappen`,
    );
    expect(result.status, result.stderr).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
  });
});
