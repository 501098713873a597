// A save by rename (write a new file, rename it over the old one, as many editors and `sed -i`
// do) reaches the preview every time, and so do a new file, a deleted one and a new folder's.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDay } from "../../src/model/today.js";
import { type DevServer, startDevServer } from "../../src/preview/server.js";
import { copyFixture, eventually, type TempData } from "./temp-data.js";

let data: TempData;
let server: DevServer;

beforeAll(async () => {
  data = copyFixture("test/fixtures/valid/site");
  server = await startDevServer({
    dataDir: data.dataDir,
    today: buildDay("2026-11-26"),
    port: 0,
    log: () => undefined,
  });
  await server.state();
});

afterAll(async () => {
  await server?.close();
  data?.remove();
});

/** The Swedish title of a project as the preview has it now. */
async function titleOf(id: string): Promise<string | undefined> {
  const state = await server.state();
  return state.ok ? state.dataset.records.projects.get(id)?.title.sv : undefined;
}

function saveByRename(path: string, change: (text: string) => string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, change(readFileSync(path, "utf8")));
  renameSync(temporary, path);
}

describe("the preview's watch on the data folder", () => {
  it("sees every save by rename of the same file, not only the first", async () => {
    const file = join(data.dataDir, "projects", "renare-vatten.yaml");
    for (const title of ["Klarare sjöar", "Klarare vatten", "Renare sjöar"]) {
      saveByRename(file, (text) => text.replace(/^ {2}sv: .*$/m, `  sv: ${title}`));
      await eventually(async () => ((await titleOf("renare-vatten")) === title ? true : undefined), 10_000, title);
    }
  });

  it("sees a new file, a deleted one, and a file in a folder made after it started", async () => {
    const source = readFileSync(join(data.dataDir, "projects", "renare-vatten.yaml"), "utf8");
    writeFileSync(join(data.dataDir, "projects", "ny.yaml"), source.replace(/^ {2}sv: .*$/m, "  sv: Ny"));
    await eventually(async () => ((await titleOf("ny")) === "Ny" ? true : undefined), 10_000, "new file");
    rmSync(join(data.dataDir, "projects", "ny.yaml"));
    await eventually(async () => ((await titleOf("ny")) === undefined ? true : undefined), 10_000, "deleted");
    mkdirSync(join(data.dataDir, "networks-new"));
    rmSync(join(data.dataDir, "networks-new"), { recursive: true });
    const file = join(data.dataDir, "projects", "renare-vatten.yaml");
    saveByRename(file, (text) => text.replace(/^ {2}sv: .*$/m, "  sv: Efter mappen"));
    await eventually(async () => ((await titleOf("renare-vatten")) === "Efter mappen" ? true : undefined), 10_000);
    expect(await titleOf("renare-vatten")).toBe("Efter mappen");
  });
});
