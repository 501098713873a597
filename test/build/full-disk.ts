// A full disk, simulated: preloaded into a command (node --import tsx --import test/build/full-disk.ts
// scripts/build.ts …), it makes writes below UTBLICK_TEST_DISK fail as a full disk does. The first
// UTBLICK_TEST_DISK_FULL_AFTER writes there succeed (default 0); with UTBLICK_TEST_DISK_FULL_AT, only
// writes to a path that contains that text count as the disk filling up. A failing write leaves
// half its bytes behind, then throws ENOSPC without a path, as Node's write does when the disk
// fills mid-file (only a failed open or copy names its file).
// Writes to files outside the folder (the terminal, the test's own files) are left alone.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";

type Data = string | NodeJS.ArrayBufferView;

const dir = process.env.UTBLICK_TEST_DISK;
const after = Number(process.env.UTBLICK_TEST_DISK_FULL_AFTER ?? "0");
const at = process.env.UTBLICK_TEST_DISK_FULL_AT;

const original = {
  openSync: fs.openSync,
  closeSync: fs.closeSync,
  writeSync: fs.writeSync,
  writeFileSync: fs.writeFileSync,
  copyFileSync: fs.copyFileSync,
  writeFile: fs.promises.writeFile,
  copyFile: fs.promises.copyFile,
};
/** The files open for writing below the folder, by descriptor, for writes that name no path. */
const open = new Map<number, string>();
let writes = 0;

function below(path: unknown): path is string {
  return dir !== undefined && typeof path === "string" && resolve(path).startsWith(`${resolve(dir)}/`);
}

/** Whether this write finds the disk full (counting it). */
function full(path: string): boolean {
  if (at !== undefined && !path.includes(at)) return false;
  writes += 1;
  return writes > after;
}

function noSpace(path: string | undefined, syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, ${syscall}`);
  error.code = "ENOSPC";
  error.errno = -28;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  return error;
}

const half = (data: Data): Data =>
  typeof data === "string"
    ? data.slice(0, data.length >> 1)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength >> 1);

if (dir !== undefined) {
  fs.openSync = ((path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    const fd = original.openSync(path, flags ?? "r", mode);
    if (below(path)) open.set(fd, path);
    return fd;
  }) as typeof fs.openSync;
  fs.closeSync = (fd: number) => {
    open.delete(fd);
    original.closeSync(fd);
  };
  fs.writeSync = ((fd: number, data: Data, ...rest: unknown[]) => {
    const path = open.get(fd);
    if (path !== undefined && full(path)) {
      original.writeSync(fd, half(data) as string);
      throw noSpace(undefined, "write");
    }
    return (original.writeSync as (fd: number, data: Data, ...rest: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  fs.writeFileSync = ((path: fs.PathOrFileDescriptor, data: Data, options?: fs.WriteFileOptions) => {
    if (below(path) && full(path)) {
      original.writeFileSync(path, half(data), options);
      throw noSpace(undefined, "write");
    }
    original.writeFileSync(path, data, options);
  }) as typeof fs.writeFileSync;
  fs.copyFileSync = ((source: fs.PathLike, target: fs.PathLike, mode?: number) => {
    if (below(target) && full(target)) throw noSpace(target, "copyfile");
    original.copyFileSync(source, target, mode);
  }) as typeof fs.copyFileSync;
  fs.promises.writeFile = (async (path: fs.PathLike, data: Data, options?: fs.WriteFileOptions) => {
    if (below(path) && full(path)) {
      await original.writeFile(path, half(data), options);
      throw noSpace(undefined, "write");
    }
    await original.writeFile(path, data, options);
  }) as typeof fs.promises.writeFile;
  fs.promises.copyFile = (async (source: fs.PathLike, target: fs.PathLike, mode?: number) => {
    if (below(target) && full(target)) throw noSpace(target, "copyfile");
    await original.copyFile(source, target, mode);
  }) as typeof fs.promises.copyFile;
  // Modules that imported these by name (`import { writeFileSync } from "node:fs"`) see them too.
  syncBuiltinESMExports();
}
