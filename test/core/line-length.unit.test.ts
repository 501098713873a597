// No line of the code is longer than 120 characters (#28). Biome wraps code at that width but
// leaves template literals, strings and comments as they are, where long lines hid the shape of
// the markup. JSON (the schemas) is not checked: a JSON string cannot be written across lines.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const MAX_LENGTH = 120;
const CHECKED = /\.(?:ts|js|mjs|cjs|css)$/;
const GENERATED = /\.generated\.ts$/;

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : codeFiles(path);
    return entry.isFile() && CHECKED.test(entry.name) && !GENERATED.test(entry.name) ? [path] : [];
  });
}

/** Every line over the limit, as file:line and its length in characters (not UTF-16 units). */
function longLines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .flatMap((line, index) => {
      const length = [...line].length;
      return length > MAX_LENGTH ? [`${relative(ROOT, file)}:${index + 1} (${length} characters)`] : [];
    });
}

describe("line length", () => {
  it(`keeps every line of src/ and scripts/ within ${MAX_LENGTH} characters`, () => {
    const files = ["src", "scripts"].flatMap((dir) => codeFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap(longLines);
    expect(long, `lines longer than ${MAX_LENGTH} characters:\n${long.join("\n")}`).toEqual([]);
  });
});
