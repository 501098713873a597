// Publishing a build in one step, one build at a time.
//
// The output directory (`_site`) is a symbolic link to a complete build in a sibling folder
// (`.site-builds/<id>`). A build writes into a new folder there and, once everything succeeded,
// replaces the link by a new one with a single rename(2), which is atomic: whoever reads `_site`
// sees the old site or the new one, never a mixture or nothing. A lock file in the same folder
// lets one build at a time publish; a build that was killed leaves its lock and its folders
// behind, and the next build recognises them (the process is gone) and removes them.
//
// A build replaces only what a build made (see refusalToPublish): never the data folder, the
// repository, a folder holding either, or a folder with files of its own.
import { randomUUID } from "node:crypto";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";
import {
  type Guarded,
  isTemporaryName,
  type Refusal,
  RefusedFolderError,
  refusalOf,
  writeFileAtomic,
} from "../core/safe-write.js";
import { messages, type Translate } from "../model/messages.js";

/** Moments of a build at which a test can stop it, as a kill would. */
export type BuildStage = "locked" | "rendering" | "indexing" | "staged" | "linked" | "published";

export type StageHook = (stage: BuildStage) => void | Promise<void>;

/** Who holds the lock: enough to tell whether that build still runs, and to name it. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused process id is not mistaken for it. */
  readonly processStart?: string;
  readonly token: string;
}

/** A lock's start time as a reader would write it: "2026-11-26 10:55:12 UTC". */
const time = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, " UTC");

/** Another build holds the lock: this one stops before changing anything. */
export class BuildLockedError extends Error {
  constructor(
    message: string,
    readonly holder?: LockHolder,
  ) {
    super(message);
    this.name = "BuildLockedError";
  }
}

export interface PublicationOptions {
  readonly log: (line: string) => void;
  readonly onStage?: StageHook;
  readonly lang?: EditorLang;
  /** The folders the output must never be nor hold (the data folder and the repository). */
  readonly guarded?: Guarded;
}

export interface Publication {
  /** The empty folder the build writes into. */
  readonly staging: string;
  /**
   * Makes the staged build the published site in one step, then removes the previous one.
   * `beforeSwitch` runs once everything is written, just before the switch: what must change with
   * the site (the server configuration) is put in place then.
   */
  publish(beforeSwitch?: () => void): Promise<void>;
  /** After a failure: removes the staged build; the published site stays as it was. */
  abandon(): void;
  /** Removes the staged build if it was not published, and releases the lock (if it is still ours). */
  close(): void;
}

/** The folder of builds beside the output: `_site` → `.site-builds`. */
export function buildsFolder(output: string): string {
  const absolute = resolve(output);
  return join(dirname(absolute), `.${basename(absolute).replace(/^[._]+/, "")}-builds`);
}

const LOCK = "lock";
/** Names the output a builds folder belongs to: `_site` and `site` would otherwise share `.site-builds`. */
const OWNER = "output";
/**
 * A build's folder (`2026-11-26T10-55-12-123Z-4567-1`): the time, the process and the process's
 * count of builds (earlier versions left the count out).
 */
const BUILD = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+(?:-\d+)?$/;
/** A build's lock, link, lock moved aside, previous site (the last as earlier versions left them). */
const BUILD_FILE = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+(?:-\d+)?\.(lock|link|stale|previous)$/;

/** What a builds folder may hold: builds, their links, locks and temporary files, the owner file. */
const inBuilds = (name: string) =>
  name === LOCK || name === OWNER || BUILD.test(name) || BUILD_FILE.test(name) || isTemporaryName(name);

/**
 * Why a build must not replace `output` (or clean its builds folder), if it must not.
 * The output is a build of ours when it is a link to a folder in its builds folder named as
 * builds are: the structure every version since the link scheme has made, with or without the
 * owner file that came later, so earlier builds stay replaceable without a marker file in the
 * site. An empty folder holds nothing to lose. Any other folder is not ours: the scheme before
 * the link wrote no marker, and its files cannot be told from an editor's, so it is moved aside
 * by hand once rather than deleted by guess.
 */
function refusalToPublish(output: string, builds: string, guarded: Guarded | undefined): Refusal | undefined {
  const problem = refusalOf(builds, guarded, inBuilds);
  if (problem) return problem;
  const published = linkedBuild(output);
  if (published !== undefined && dirname(published) === builds && BUILD.test(basename(published))) return undefined;
  return refusalOf(output, guarded, () => false);
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error ? String(error.code) : undefined;

/** A file-system error's code (EACCES, EBUSY, …) is what tells an administrator what to look at. */
const reason = (error: unknown): string => codeOf(error) ?? (error instanceof Error ? error.message : String(error));

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces): the start time. */
function processStart(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function readHolder(path: string): LockHolder | undefined | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (codeOf(error) === "ENOENT") return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return typeof holder.pid === "number" && typeof holder.token === "string" ? holder : "unreadable";
  } catch {
    // A lock being written by a file system without hard links: its build has only just started.
    return "unreadable";
  }
}

/** The locks this process holds (a test may run builds side by side in one process). */
const held = new Set<string>();

/**
 * Whether the build that wrote the lock still runs; on another host that cannot be known, so it
 * counts as running.
 */
function running(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return held.has(holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (codeOf(error) === "ESRCH") return false;
  }
  const start = processStart(holder.pid);
  return holder.processStart === undefined || start === undefined || start === holder.processStart;
}

function kindOf(path: string): "link" | "folder" | "file" | "none" {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? "link" : stat.isDirectory() ? "folder" : "file";
  } catch {
    return "none";
  }
}

/** The build folder a link points to, if the output is such a link. */
function linkedBuild(output: string): string | undefined {
  try {
    return resolve(dirname(output), readlinkSync(output));
  } catch {
    return undefined;
  }
}

/**
 * Staging folders of failed builds, removed now and again when the process ends: Eleventy goes on
 * writing for a moment after one of its writes failed, and may make the folder anew.
 */
const abandoned = new Set<string>();

function removeNowAndAtExit(path: string): void {
  rmSync(path, { recursive: true, force: true });
  if (abandoned.size === 0)
    process.once("exit", () => {
      for (const folder of abandoned) rmSync(folder, { recursive: true, force: true });
    });
  abandoned.add(path);
}

/** How many builds this process has opened. */
let buildsOpened = 0;

/** One build's view of its output: the folders, its lock and how it speaks. */
interface Build {
  readonly output: string;
  readonly builds: string;
  readonly lock: string;
  readonly id: string;
  readonly staging: string;
  readonly me: LockHolder;
  readonly tr: Translate;
  readonly log: (line: string) => void;
  readonly options: PublicationOptions;
}

/**
 * Takes the lock for `outputDir` (or throws BuildLockedError), removes what killed builds left
 * behind, and gives the folder to build into.
 */
export function openPublication(outputDir: string, options: PublicationOptions): Publication {
  const output = resolve(outputDir);
  const builds = buildsFolder(output);
  // The process's own count after its id: two builds of one process in one millisecond differ.
  const id = `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${++buildsOpened}`;
  const start = processStart("self");
  const build: Build = {
    output,
    builds,
    lock: join(builds, LOCK),
    id,
    staging: join(builds, id),
    me: {
      pid: process.pid,
      host: hostname(),
      started: new Date().toISOString(),
      ...(start ? { processStart: start } : {}),
      token: randomUUID(),
    },
    tr: messages(options.lang ?? DEFAULT_EDITOR_LANG),
    log: options.log,
    options,
  };
  const refused = refusalToPublish(output, builds, options.guarded);
  if (refused) throw new RefusedFolderError(refused);

  mkdirSync(builds, { recursive: true });
  claimBuildsFolder(build);
  acquireLock(build);
  try {
    removeLeftovers(build);
    mkdirSync(build.staging);
  } catch (error) {
    releaseLock(build);
    throw error;
  }
  return {
    staging: build.staging,
    publish: (beforeSwitch) => publishStaged(build, beforeSwitch),
    abandon: () => abandonStaged(build),
    close() {
      try {
        abandonStaged(build);
        releaseLock(build);
      } catch (error) {
        build.log(build.tr("cli.publish.notRemoved", { path: build.lock, reason: reason(error) }));
      }
    },
  };
}

/** Marks the builds folder as the output's own, or stops if it belongs to another output. */
function claimBuildsFolder({ output, builds, tr }: Build): void {
  const path = join(builds, OWNER);
  if (!existsSync(path))
    try {
      writeFileAtomic(path, `${basename(output)}\n`, { exclusive: true });
      return;
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw error;
    }
  const owner = readFileSync(path, "utf8").trim();
  if (owner !== basename(output)) throw new Error(tr("cli.publish.sharedBuilds", { builds, owner, output }));
}

/** Written whole beside it and then linked: nobody ever reads a half-written lock, even on a full disk. */
function acquireLock(build: Build): void {
  const { lock, me, output, tr } = build;
  const take = (): boolean => {
    try {
      writeFileAtomic(lock, `${JSON.stringify(me)}\n`, { exclusive: true });
    } catch (error) {
      // Taken; or a build cleaning up removed our temporary file: the next attempt reads who holds it.
      if (codeOf(error) === "EEXIST" || codeOf(error) === "ENOENT") return false;
      throw error;
    }
    held.add(me.token);
    return true;
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (take()) return;
    const holder = readHolder(lock);
    if (holder === undefined) continue;
    if (holder === "unreadable") throw new BuildLockedError(tr("cli.publish.lockedUnknown", { output, lock }));
    if (running(holder)) {
      const { pid, host } = holder;
      throw new BuildLockedError(
        tr("cli.publish.locked", { pid, host, started: time(holder.started), output, lock }),
        holder,
      );
    }
    takeOverLock(build, holder);
  }
  throw new Error(tr("cli.publish.lockChurn", { lock }));
}

/** Moves a dead build's lock aside; if another build took it over meanwhile, puts that one back. */
function takeOverLock({ builds, id, lock, tr, log }: Build, stale: LockHolder): void {
  const aside = join(builds, `${id}.stale`);
  try {
    renameSync(lock, aside);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== undefined && moved !== "unreadable" && moved.token !== stale.token) {
    try {
      linkSync(aside, lock);
    } catch {
      // Someone holds a newer lock already; the next attempt reads it.
    }
  } else log(tr("cli.publish.staleLock", { pid: stale.pid, started: time(stale.started) }));
  rmSync(aside, { force: true });
}

function releaseLock({ lock, me }: Build): void {
  held.delete(me.token);
  const holder = readHolder(lock);
  if (holder !== undefined && holder !== "unreadable" && holder.token === me.token) unlinkSync(lock);
}

/** Everything in the builds folder but the lock and the published build, and the previous scheme's leftovers. */
function removeLeftovers({ output, builds, tr, log }: Build): void {
  const published = linkedBuild(output);
  const removed: string[] = [];
  const earlierScheme = (name: string) =>
    name.startsWith(`.${basename(output)}-staging-`) || name.startsWith(`${basename(output)}.previous-`);
  const candidates = [
    ...readdirSync(builds)
      .filter((name) => name !== LOCK && name !== OWNER && join(builds, name) !== published)
      .map((name) => join(builds, name)),
    ...readdirSync(dirname(output))
      .filter(earlierScheme)
      .map((name) => join(dirname(output), name)),
  ];
  for (const path of candidates) {
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(relative(dirname(output), path));
    } catch (error) {
      log(tr("cli.publish.notRemoved", { path, reason: reason(error) }));
    }
  }
  if (removed.length) log(tr("cli.publish.leftovers", { names: removed.join(", ") }));
}

/** Removes the staged build unless it is the published one, whatever failed after it was published. */
function abandonStaged({ output, builds, id, staging }: Build): void {
  if (linkedBuild(output) !== staging) removeNowAndAtExit(staging);
  rmSync(join(builds, `${id}.link`), { force: true });
}

async function publishStaged(build: Build, beforeSwitch: (() => void) | undefined): Promise<void> {
  const { output, builds, id, staging, options, tr, log } = build;
  const link = join(builds, `${id}.link`);
  // Relative, so that the site keeps working when the whole folder is moved or mounted elsewhere.
  symlinkSync(relative(dirname(output), staging), link, "dir");
  await options.onStage?.("linked");
  // Again: something may have been put at the output while the site was built.
  const refused = refusalToPublish(output, builds, options.guarded);
  if (refused) throw new RefusedFolderError(refused);
  const previous = linkedBuild(output);
  beforeSwitch?.();
  // The first time, an empty folder: it cannot be replaced by a link in one step. rmdir(2)
  // fails rather than delete a file put in it meanwhile.
  const folder = kindOf(output) === "folder";
  if (folder) rmdirSync(output);
  try {
    renameSync(link, output);
  } catch (error) {
    if (folder) mkdirSync(output);
    throw error;
  }
  await options.onStage?.("published");
  if (previous === undefined || previous === staging) return;
  try {
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    // The new site is published either way; the next build tries again.
    log(tr("cli.publish.notRemoved", { path: previous, reason: reason(error) }));
  }
}
