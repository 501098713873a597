// Reading the files of data/ without trusting them. Nothing outside the data folder is read, and
// nothing but regular files: a link leaving the folder, a dangling or looping link, a pipe, a
// device, a socket, a folder named like a record and a file over its size limit each become one
// message naming the path, in the editor's language, never a raw ENOENT or a stack trace. A FIFO
// is opened without blocking, so it cannot hang the build waiting for a writer.
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { sep } from "node:path";
import type { EditorLang } from "../core/languages.js";
import type { MessageKey, MessageValues } from "./messages.js";

/** Reports why the file or folder at a path cannot be read, as a message key and its values. */
export type ReportFileProblem = (path: string, key: MessageKey, values?: MessageValues) => void;

/** What a path turned out to be, or why it cannot be read. */
export type Inspected =
  | { readonly ok: true; readonly real: string; readonly stats: Stats }
  | { readonly ok: false; readonly key: MessageKey; readonly values?: MessageValues };

type ReadResult = { bytes: Uint8Array } | { key: MessageKey; values?: MessageValues };

/** The real path of the data folder, or undefined once the reason it cannot be read is reported. */
export function openDataFolder(dataDir: string, report: ReportFileProblem): string | undefined {
  try {
    const root = realpathSync(dataDir);
    if (statSync(root).isDirectory()) return root;
    report(dataDir, "fs.dataDirNotFolder");
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") report(dataDir, "fs.dataDirMissing");
    else if (code === "ENOTDIR") report(dataDir, "fs.dataDirNotFolder");
    else report(dataDir, ...fsMessage(code, true));
  }
  return undefined;
}

export interface DataFolderParams {
  /** The real path of the data folder (openDataFolder): links may lead anywhere inside it. */
  readonly root: string;
  /** The language of the messages, for the sizes in them. */
  readonly lang: EditorLang;
  readonly report: ReportFileProblem;
}

/** Lists and reads inside one data folder, reporting every path that cannot be read. */
export class DataFolder {
  readonly #root: string;
  readonly #lang: EditorLang;
  readonly #report: ReportFileProblem;

  constructor(params: DataFolderParams) {
    this.#root = params.root;
    this.#lang = params.lang;
    this.#report = params.report;
  }

  /** A path inside the data folder, followed if it is a link that stays inside. Reports nothing. */
  inspect(path: string, entry: Dirent): Inspected {
    try {
      if (!entry.isSymbolicLink()) return { ok: true, real: path, stats: lstatSync(path) };
      let real: string;
      try {
        real = realpathSync(path);
      } catch (error) {
        const code = errorCode(error);
        if (code === "ENOENT") return { ok: false, key: "fs.symlinkDangling" };
        if (code === "ELOOP") return { ok: false, key: "fs.symlinkLoop" };
        throw error;
      }
      if (real !== this.#root && !real.startsWith(this.#root + sep))
        return { ok: false, key: "fs.symlinkOutside", values: { target: readlinkSync(path) } };
      return { ok: true, real, stats: statSync(real) };
    } catch (error) {
      const [key, values] = fsMessage(errorCode(error), false);
      return { ok: false, key, ...(values ? { values } : {}) };
    }
  }

  /** The entries of a folder by name, or undefined once the reason it cannot be listed is reported. */
  list(path: string): Dirent[] | undefined {
    try {
      return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      this.#report(path, ...fsMessage(errorCode(error), true));
      return undefined;
    }
  }

  /** The bytes of a file that must be a regular file of at most `maxBytes`; reports why not otherwise. */
  read(path: string, entry: Dirent, maxBytes: number): Uint8Array | undefined {
    const found = this.inspect(path, entry);
    if (!found.ok) {
      this.#report(path, found.key, found.values);
      return undefined;
    }
    if (found.stats.isDirectory()) {
      this.#report(path, "fs.isFolder");
      return undefined;
    }
    const result = readRegularFile(found.real, maxBytes, this.#lang);
    if ("key" in result) this.#report(path, result.key, result.values);
    return "bytes" in result ? result.bytes : undefined;
  }
}

function errorCode(error: unknown): string {
  return error !== null && typeof error === "object" && "code" in error ? String(error.code) : "";
}

/** A file-system error as a plain sentence: never a raw ENOENT or a stack trace. */
function fsMessage(code: string, folder: boolean): [MessageKey, MessageValues?] {
  switch (code) {
    case "ENOENT":
      return ["fs.notFound"];
    case "EACCES":
    case "EPERM":
      return [folder ? "fs.folderNoPermission" : "fs.noPermission"];
    case "EISDIR":
      return ["fs.isFolder"];
    case "ENOTDIR":
      return ["fs.notFolder"];
    case "ELOOP":
      return ["fs.symlinkLoop"];
    case "EMFILE":
    case "ENFILE":
      return ["fs.tooManyOpen"];
    case "EIO":
      return ["fs.ioError"];
    case "ENAMETOOLONG":
      return ["fs.nameTooLong"];
    default:
      return ["fs.other", { code: code || "?" }];
  }
}

/**
 * Opens without following a link and without blocking (a FIFO would otherwise wait for a writer
 * forever), checks that it is a regular file of a sane size, and only then reads it.
 */
function readRegularFile(path: string, maxBytes: number, lang: EditorLang): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const [key, values] = fsMessage(errorCode(error), false);
    return values ? { key, values } : { key };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFIFO()) return { key: "fs.fifo" };
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return { key: "fs.device" };
    if (stats.isSocket()) return { key: "fs.socket" };
    if (stats.isDirectory()) return { key: "fs.isFolder" };
    if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes, lang);
    // One byte more than allowed tells a file that grew while it was read.
    const buffer = new Uint8Array(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) return tooLarge(length, maxBytes, lang);
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    const [key, values] = fsMessage(errorCode(error), false);
    return values ? { key, values } : { key };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number, lang: EditorLang): ReadResult {
  return { key: "limit.fileSize", values: { size: megabytes(size, lang), limit: megabytes(maxBytes, lang) } };
}

/** 52 428 800 bytes as "50,0 MB" (in Swedish) or "50.0 MB". */
function megabytes(bytes: number, lang: EditorLang): string {
  const number = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${number.format(bytes / (1024 * 1024))} MB`;
}
