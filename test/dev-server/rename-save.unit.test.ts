// A save by rename (write a new file, rename it over the old one, as many editors and `sed -i`
// do) reaches the preview every time, and so do a new file, a deleted one and a new folder's.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventually, previewOfFixture } from "./temp-data.js";

const preview = previewOfFixture("test/fixtures/valid/site");

/** The Swedish title of a project as the preview has it now. */
async function titleOf(id: string): Promise<string | undefined> {
  const state = await preview.server().state();
  return state.ok ? state.dataset.records.projects.get(id)?.title.sv : undefined;
}

function saveByRename(path: string, change: (text: string) => string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, change(readFileSync(path, "utf8")));
  renameSync(temporary, path);
}

describe("the preview's watch on the data folder", () => {
  it("sees every save by rename of the same file, not only the first", async () => {
    const file = join(preview.data().dataDir, "projects", "renare-vatten.yaml");
    for (const title of ["Klarare sjöar", "Klarare vatten", "Renare sjöar"]) {
      saveByRename(file, (text) => text.replace(/^ {2}sv: .*$/m, `  sv: ${title}`));
      await eventually(async () => ((await titleOf("renare-vatten")) === title ? true : undefined), 10_000, title);
    }
  });

  it("sees a new file, a deleted one, and a file in a folder made after it started", async () => {
    const source = readFileSync(join(preview.data().dataDir, "projects", "renare-vatten.yaml"), "utf8");
    writeFileSync(join(preview.data().dataDir, "projects", "ny.yaml"), source.replace(/^ {2}sv: .*$/m, "  sv: Ny"));
    await eventually(async () => ((await titleOf("ny")) === "Ny" ? true : undefined), 10_000, "new file");
    rmSync(join(preview.data().dataDir, "projects", "ny.yaml"));
    await eventually(async () => ((await titleOf("ny")) === undefined ? true : undefined), 10_000, "deleted");
    mkdirSync(join(preview.data().dataDir, "networks-new"));
    rmSync(join(preview.data().dataDir, "networks-new"), { recursive: true });
    const file = join(preview.data().dataDir, "projects", "renare-vatten.yaml");
    saveByRename(file, (text) => text.replace(/^ {2}sv: .*$/m, "  sv: Efter mappen"));
    await eventually(async () => ((await titleOf("renare-vatten")) === "Efter mappen" ? true : undefined), 10_000);
    expect(await titleOf("renare-vatten")).toBe("Efter mappen");
  });
});
