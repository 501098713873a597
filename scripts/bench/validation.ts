// npm run bench:validation [-- --sizes 12500,25000,50000]
// Validation time against the number of problems, to show it grows linearly (issue #22: 50 000
// unknown keys once took 178 s). Two shapes of data, each laid over the valid minimal fixture in a
// temporary folder: N wrong country codes in one project's list, and N unknown fields spread over
// files of 999 fields each (just under the limit of fields per group). Prints seconds per size and
// per 10 000 problems; a figure for the README, not a test (times depend on the machine's load).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildDay } from "../../src/model/today.js";
import { validateDataDirectory } from "../../src/model/validate.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "12500,25000,50000" } } });
const sizes = values.sizes.split(",").map(Number);
const VALID = join(import.meta.dirname, "..", "..", "test", "fixtures", "valid", "minimal");
const today = buildDay("2026-11-25");
const work = mkdtempSync(join(tmpdir(), "utblick-bench-validation-"));

function dataWith(name: string, write: (data: string) => void): string {
  const data = join(work, name);
  cpSync(VALID, data, { recursive: true });
  write(data);
  return data;
}

const shapes: Record<string, (data: string, problems: number) => void> = {
  "wrong codes in one list": (data, problems) => {
    const file = join(data, "projects", "renare-vatten.yaml");
    const codes = Array.from({ length: problems }, (_, index) => `X${index}`).join(", ");
    writeFileSync(file, readFileSync(file, "utf8").replace("countries: [SE, FI]", `countries: [${codes}]`));
  },
  "unknown fields in files of 999": (data, problems) => {
    for (let file = 0; file * 999 < problems; file++) {
      const keys = Array.from({ length: Math.min(999, problems - file * 999) }, (_, index) => `okant${index}: 1`);
      writeFileSync(join(data, "themes", `tema-${file}.yaml`), `label:\n  sv: Tema\n${keys.join("\n")}\n`);
    }
  },
};

try {
  // The schemas are compiled once per process; a first run keeps that out of the figures.
  validateDataDirectory(VALID, { today });
  console.log("shape                              problems   seconds   s per 10 000");
  for (const [shape, write] of Object.entries(shapes)) {
    for (const size of sizes) {
      const data = dataWith(`${shape.replace(/\W+/g, "-")}-${size}`, (dir) => write(dir, size));
      const started = performance.now();
      const result = validateDataDirectory(data, { today });
      const seconds = (performance.now() - started) / 1000;
      const found = result.problems.length;
      const per10000 = ((seconds / found) * 10_000).toFixed(2);
      console.log(
        `${shape.padEnd(34)} ${String(found).padStart(8)} ${seconds.toFixed(2).padStart(9)} ${per10000.padStart(14)}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
