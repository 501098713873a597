// Runs a command-line script as an editor would, in a process of its own, with the editor's locale
// cleared (so messages are Swedish unless the test asks otherwise); optionally on a disk that fills
// up (test/build/full-disk.ts).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = join(import.meta.dirname, "..", "..");
export const MINIMAL = join(ROOT, "test", "fixtures", "valid", "minimal");
// tsx by its file, since the package cannot be found from the temporary folder.
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const FULL_DISK = pathToFileURL(join(ROOT, "test", "build", "full-disk.ts")).href;

export interface FullDisk {
  /** The folder whose files the disk-full writes hit. */
  readonly dir: string;
  /** How many writes there succeed before the disk is full. */
  readonly after?: number;
  /** Only writes to paths containing this count. */
  readonly at?: string;
}

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runScript(
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string>; fullDisk?: FullDisk; cwd?: string } = {},
): Ran {
  const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, UTBLICK_DEBUG: _debug, ...rest } = process.env;
  const disk = options.fullDisk;
  const env: Record<string, string | undefined> = { ...rest, ...options.env };
  if (disk) {
    env.UTBLICK_TEST_DISK = disk.dir;
    env.UTBLICK_TEST_DISK_FULL_AFTER = String(disk.after ?? 0);
    if (disk.at !== undefined) env.UTBLICK_TEST_DISK_FULL_AT = disk.at;
  }
  const result = spawnSync(
    process.execPath,
    ["--import", TSX, ...(disk ? ["--import", FULL_DISK] : []), join(ROOT, "scripts", script), ...args],
    { cwd: options.cwd ?? tmpdir(), env, encoding: "utf8" },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A path as the scripts show it: relative to the folder they start in (the system's temporary folder). */
export const shown = (path: string): string => relative(tmpdir(), path);

/** Whether the output holds a stack trace of a crash or of our own code (Eleventy's report is prefixed). */
export const hasStackTrace = (text: string): boolean => /^\s+at |^Node\.js v/m.test(text);

/** Every entry below a folder, links not followed: files by content, links by target, folders as such. */
export function tree(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const key = relative(dir, path);
      if (entry.isSymbolicLink()) entries.set(key, `link → ${readlinkSync(path)}`);
      else if (entry.isDirectory()) {
        entries.set(key, "folder");
        walk(path);
      } else entries.set(key, readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return entries;
}
