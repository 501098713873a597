// Writing files so that nobody ever finds half of one, and so that a write never goes through a
// link or replaces what Utblick did not make. Every file Utblick writes outside a build's own
// staging folder goes through writeFileAtomic or stageFile: records (npm run new), releases, the
// server configuration, a build's lock and owner file. A file is written whole to a temporary file
// beside it, flushed, then renamed into place in one step; a full disk, a crash or a kill leaves
// the old file (or none) and at most a temporary dotfile, which the data loader skips.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** A file operation that failed: the file it was for and the system's reason (ENOSPC, EACCES, …). */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    options: { readonly cause: unknown },
  ) {
    super(`${path}: ${code}`, options);
    this.name = "FileError";
  }
}

/**
 * Why a folder must not be replaced or written into: it is the data folder, a project (it holds
 * .git or package.json), a folder that holds the data folder or Utblick itself, a folder with
 * files Utblick did not write, a file, a link that does not lead to a build of ours, or a folder
 * whose real path leads out of the data folder. `detail` names the file, folder or target.
 */
export type RefusalKind =
  | "data"
  | "project"
  | "holdsData"
  | "holdsRepository"
  | "foreign"
  | "file"
  | "link"
  | "outside";

export interface Refusal {
  readonly kind: RefusalKind;
  readonly folder: string;
  readonly detail: string;
}

/** A command refused to touch a folder; nothing was written or removed. */
export class RefusedFolderError extends Error {
  constructor(readonly refusal: Refusal) {
    super(`${refusal.folder}: refused (${refusal.kind}${refusal.detail ? `: ${refusal.detail}` : ""})`);
    this.name = "RefusedFolderError";
  }
}

/** The folders a build must never replace nor hold: the data folder and the Utblick repository. */
export interface Guarded {
  readonly data: string;
  readonly repository: string;
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;

/** Whether `inner` is `outer` or inside it. */
export function isWithin(outer: string, inner: string): boolean {
  const path = relative(outer, inner);
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** The real path, links resolved; the path itself when nothing is there (yet). */
function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Where a link points, to name it in a message. */
function targetOf(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return path;
  }
}

/** At most three names, so that a message stays a line. */
const someOf = (names: readonly string[]) => `${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}`;

/**
 * Why a build must not replace or write into `folder`, if it must not; nothing there is fine.
 * `ours` tells the names a build of ours leaves in it: any other makes the folder someone else's.
 */
export function refusalOf(
  folder: string,
  guarded: Guarded | undefined,
  ours: (name: string) => boolean,
): Refusal | undefined {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(folder);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return refusal("link", folder, targetOf(folder));
  if (!stat.isDirectory()) return refusal("file", folder, "");
  const real = realpathSync(folder);
  if (guarded && real === realOrSame(guarded.data)) return refusal("data", folder, "");
  const names = readdirSync(real);
  const project = names.find((name) => name === ".git" || name === "package.json");
  if (project) return refusal("project", folder, project);
  if (guarded && isWithin(real, realOrSame(guarded.data))) return refusal("holdsData", folder, guarded.data);
  if (guarded && isWithin(real, realOrSame(guarded.repository)))
    return refusal("holdsRepository", folder, guarded.repository);
  const foreign = names.filter((name) => !ours(name)).sort();
  return foreign.length ? refusal("foreign", folder, someOf(foreign)) : undefined;
}

const refusal = (kind: RefusalKind, folder: string, detail: string): Refusal => ({ kind, folder, detail });

/** Throws RefusedFolderError when refusalOf finds a reason. */
export function assertReplaceable(folder: string, guarded: Guarded | undefined, ours: (name: string) => boolean): void {
  const reason = refusalOf(folder, guarded, ours);
  if (reason) throw new RefusedFolderError(reason);
}

/** `.name.<12 hex digits>.tmp`: a dotfile, so that the data loader and Eleventy pass it by. */
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;
export const isTemporaryName = (name: string): boolean => TEMPORARY.test(name);

export interface WriteOptions {
  /** Never replace: fail with EEXIST when anything is at the path, a link that leads nowhere too. */
  readonly exclusive?: boolean;
  /**
   * The folder the file must stay in: missing folders are made one by one from here down, and a
   * folder whose real path (links resolved) leads out of it is refused (RefusedFolderError).
   */
  readonly within?: string;
}

export interface StagedFile {
  readonly path: string;
  /** Puts the file in place in one step: a rename, or a hard link that fails if the name is taken. */
  commit(): void;
  /** Removes the temporary file if it is still there. */
  discard(): void;
}

/** Errors of link(2) on a file system without hard links (some network and FUSE file systems). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/** The error with the file it was for: the system's own names a temporary file, or none at all. */
function located(path: string, error: unknown): unknown {
  if (error instanceof FileError || error instanceof RefusedFolderError) return error;
  const code = codeOf(error);
  return code ? new FileError(path, code, { cause: error }) : error;
}

/** Writes `data` to a temporary file beside `path`, whole and flushed; commit() puts it in place. */
export function stageFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): StagedFile {
  const folder = dirname(resolve(path));
  if (options.within !== undefined) makeFolders(folder, options.within);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const discard = () => {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was made there (its folder is missing or a file): the failure itself is what to tell.
    }
  };
  try {
    // O_EXCL: a link planted at the temporary name is never followed.
    const fd = openSync(temporary, "wx");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      for (let offset = 0; offset < bytes.byteLength; ) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    discard();
    throw located(path, error);
  }
  return {
    path,
    commit() {
      try {
        // rename(2) replaces a link at the path itself, never what it points to.
        if (options.exclusive) placeNew(temporary, path);
        else renameSync(temporary, path);
      } catch (error) {
        discard();
        throw located(path, error);
      }
    },
    discard,
  };
}

/** Writes a file whole or not at all (see stageFile). */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  stageFile(path, data, options).commit();
}

/** Puts the temporary file at `path` unless something is there. */
function placeNew(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    if (!NO_HARD_LINKS.has(codeOf(error) ?? "")) throw error;
    // Without hard links the name is taken by an empty file made with O_EXCL, then replaced whole.
    closeSync(openSync(path, "wx"));
    try {
      renameSync(temporary, path);
    } catch (rename) {
      unlinkSync(path);
      throw rename;
    }
    return;
  }
  unlinkSync(temporary);
}

/** Makes the folders between `within` and `folder`, and refuses a folder that leads out of `within`. */
function makeFolders(folder: string, within: string): void {
  const root = resolve(within);
  if (!isWithin(root, folder)) throw new RefusedFolderError(refusal("outside", folder, folder));
  mkdirSync(root, { recursive: true });
  const realRoot = realpathSync(root);
  let current = root;
  for (const step of relative(root, folder).split(sep).filter(Boolean)) {
    current = join(current, step);
    try {
      // One level at a time: mkdir(2) fails on a link (EEXIST) instead of making what it points to.
      mkdirSync(current);
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw located(current, error);
    }
    // A link on the way may lead anywhere: go down only while the real path stays inside.
    let real: string | undefined;
    try {
      real = realpathSync(current);
    } catch {
      real = undefined;
    }
    if (real === undefined || !isWithin(realRoot, real))
      throw new RefusedFolderError(refusal("outside", current, real ?? targetOf(current)));
  }
}

/**
 * The system's error (one with a code) at the root of `error`: Eleventy wraps the errors of its
 * writes in `originalError`, others use `cause`.
 */
export function systemErrorOf(error: unknown): (Error & { code: string; path?: string }) | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (codeOf(current) !== undefined) return current as Error & { code: string; path?: string };
    const next: unknown = "originalError" in current ? current.originalError : current.cause;
    current = next;
  }
  return undefined;
}

/**
 * A failure as a FileError naming its file: the one the error names, else `where` (the folder the
 * work was writing). Errors without a system error code (a bug) stay as they are.
 */
export function locatedIn(error: unknown, where: string): unknown {
  if (error instanceof FileError || error instanceof RefusedFolderError) return error;
  const system = systemErrorOf(error);
  if (system === undefined) return error;
  return new FileError(typeof system.path === "string" ? system.path : where, system.code, { cause: error });
}
