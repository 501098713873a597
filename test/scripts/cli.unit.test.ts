// The command-line tools from any working directory, in the editor's language, with mistakes in
// their arguments said plainly (exit code 2, no stack trace).
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const MINIMAL = join(ROOT, "test", "fixtures", "valid", "minimal");
const TIMEOUT = { timeout: 120_000 };
// tsx by its file, since the package cannot be found from the temporary folder.
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** Runs a script with tsx from the system's temporary folder, as an editor's shell might. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, ...rest } = process.env;
  const result = spawnSync(process.execPath, ["--import", TSX, join(ROOT, "scripts", script), ...args], {
    cwd: tmpdir(),
    env: { ...rest, ...env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run validate", () => {
  it("checks a data folder given by its absolute path from another working directory, in Swedish", TIMEOUT, () => {
    const result = run("validate.ts", ["--data", MINIMAL, "--today", "2026-11-25"]);
    expect(result.stdout.trim().split("\n")).toEqual([
      "Översättningar: sv 100 % (5 av 5), en 100 % (5 av 5), de 100 % (5 av 5)",
      "8 filer kontrollerade: 0 fel i 0 filer",
    ]);
    expect(result.status).toBe(0);
  });

  it("speaks English when the locale is English, and --lang wins over the locale", TIMEOUT, () => {
    expect(run("validate.ts", ["--data", MINIMAL, "--today", "2026-11-25"], { LANG: "en_GB.UTF-8" }).stdout).toContain(
      "8 files checked: 0 errors in 0 files",
    );
    expect(
      run("validate.ts", ["--data", MINIMAL, "--today", "2026-11-25", "--lang", "sv"], { LANG: "en_GB.UTF-8" }).stdout,
    ).toContain("8 filer kontrollerade: 0 fel i 0 filer");
  });

  it("names a missing data folder with a plain sentence and fails", TIMEOUT, () => {
    const result = run("validate.ts", ["--data", join(tmpdir(), "utblick-finns-inte"), "--lang", "en"]);
    // Shown relative to the folder the command started in.
    expect(result.stdout).toContain(
      "utblick-finns-inte: the data folder does not exist; give the right folder with --data",
    );
    expect(result.status).toBe(1);
  });

  it("refuses an unknown option or language with the usage and no stack trace", TIMEOUT, () => {
    const option = run("validate.ts", ["--dta", MINIMAL]);
    expect(option.stderr).toContain("okänt alternativ --dta");
    expect(option.stderr).toContain("Användning: npm run validate --");
    expect(option.status).toBe(2);
    const language = run("validate.ts", ["--lang", "fr"]);
    expect(language.stderr).toContain('--lang kan vara sv eller en, inte "fr"');
    expect(language.status).toBe(2);
    const day = run("validate.ts", ["--data", MINIMAL, "--today", "igår"]);
    expect(day.stderr).toContain('"igår" är ingen dag; skriv --today ÅÅÅÅ-MM-DD');
    expect(day.status).toBe(2);
    for (const result of [option, language, day]) expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("--help", () => {
  const commands: [string, string, readonly string[]][] = [
    ["validate.ts", "validate", ["--strict", "--data", "--today"]],
    ["build.ts", "build", ["--out", "--deploy", "--server-root", "--listen", "--today"]],
    ["release.ts", "release", ["--data", "--today"]],
    ["new.ts", "new", ["<"]],
    [
      "init.ts",
      "init",
      [
        "--name",
        "--languages",
        "--source-language",
        "--base-url",
        "--contact-email",
        "--organisation-number",
        "--kind",
      ],
    ],
    ["serve.ts", "serve", ["--port", "--host"]],
    ["edit.ts", "edit", ["--port", "--data"]],
    ["places.ts", "places", ["--write"]],
    ["reconcile.ts", "reconcile", ["--data"]],
    ["include.ts", "include", ["add", "update", "remove", "--publisher", "--data"]],
    ["preview.ts", "preview", ["--dir", "--port"]],
    ["editor-loop.ts", "editor-loop", ["--projects", "--runs"]],
    ["bench.ts", "bench", ["--sizes", "--work-dir", "--no-sync", "--publications", "--includes"]],
  ];
  it.each(commands)("on %s prints its whole usage and ends with 0", TIMEOUT, (script, name, options) => {
    const result = run(script, ["--help", "--lang", "en"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: npm run ${name} --`);
    for (const option of options) expect(result.stdout).toContain(option);
  });
});
