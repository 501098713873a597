// Reads data/ into files that keep their values, their text and, when needed, where each value
// was written, so that every problem can name its file, line and column. This module walks the
// folder: site.yaml, one folder per kind of record, and data/releases/. Each step is a module of
// its own: reading safely inside the folder (safe-read.ts), the text of the bytes (utf8.ts), a YAML
// file with its two parsers (yaml-file.ts), a release file (release-file.ts) and the check of
// every value against the limits and the text rule (content-check.ts).
//
// Every problem is reported, never thrown: an entry that is not what the folder may hold (a stray
// file, a folder that is no kind, a file not named .yaml) becomes one message naming the path, in
// the editor's language. Names starting with a dot (editors' and safe-write's temporary files) are
// skipped.
import type { Dirent } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { EditorLang } from "../core/languages.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { INPUT_LIMITS } from "./input-limits.js";
import type { Translate } from "./messages.js";
import type { Problem } from "./problems.js";
import { readReleaseFile } from "./release-file.js";
import { RELEASES_FOLDER } from "./releases.js";

/** The folder of vendored includes (includes.ts), which the loader leaves to it. */
export const INCLUDES_FOLDER = "includes";

import { DataFolder, openDataFolder, type ReportFileProblem } from "./safe-read.js";
import type { SourceFile } from "./source-file.js";
import { didYouMean } from "./suggest.js";
import { readYamlFile } from "./yaml-file.js";

export interface LoadOptions {
  /** File paths in messages are shown relative to this directory when they are inside it. */
  readonly displayRoot?: string;
  readonly tr: Translate;
  /** The language of `tr`, for the numbers in messages. */
  readonly lang: EditorLang;
}

export interface Loaded {
  readonly files: SourceFile[];
  /** The release files of data/releases/, read and parsed but not yet checked. */
  readonly releases: SourceFile[];
  readonly problems: Problem[];
}

const SITE_FILE = "site.yaml";
const RECORD_FILE = /\.yaml$/;
const RELEASE_FILE = /\.json$/;

/** One load under way: the folder it reads, how it names paths, and what it has found so far. */
interface Loading {
  readonly loaded: Loaded;
  readonly folder: DataFolder;
  /** A path as shown to the editor. */
  readonly show: (path: string) => string;
  /** Reports a problem with a file or folder as a whole. */
  readonly report: ReportFileProblem;
  readonly tr: Translate;
}

/** A subfolder of data/: its path under the data directory as given, and its real path. */
interface Subfolder {
  readonly path: string;
  readonly real: string;
}

/** Reads every file of a data directory. Never throws for problems in the data; reports them. */
export function loadDataDirectory(dataDir: string, options: LoadOptions): Loaded {
  const loaded: Loaded = { files: [], releases: [], problems: [] };
  const show = shownRelativeTo(options.displayRoot ?? process.cwd());
  const report: ReportFileProblem = (path, key, values) => {
    loaded.problems.push(wholeFileProblem(show(path), options.tr(key, values)));
  };
  const root = openDataFolder(dataDir, report);
  if (root === undefined) return loaded;
  const folder = new DataFolder({ root, lang: options.lang, report });
  const loading: Loading = { loaded, folder, show, report, tr: options.tr };

  const entries = folder.list(root) ?? [];
  if (!entries.some((entry) => entry.name === SITE_FILE)) report(join(dataDir, SITE_FILE), "dir.siteMissing");
  for (const entry of visible(entries)) readEntry(loading, join(dataDir, entry.name), entry);
  return loaded;
}

/** A path relative to `displayRoot` when it is inside it, else as given. */
export function shownRelativeTo(displayRoot: string): (path: string) => string {
  return (path) => {
    const shown = relative(displayRoot, path);
    return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? path : shown;
  };
}

function wholeFileProblem(shownPath: string, message: string): Problem {
  return { severity: "error", file: shownPath, line: 0, column: 0, field: "", message };
}

/** The entries whose names do not start with a dot. */
function visible(entries: readonly Dirent[]): Dirent[] {
  return entries.filter((entry) => !entry.name.startsWith("."));
}

const isKind = (name: string): name is Kind => (KINDS as readonly string[]).includes(name);

/** One entry of the data folder: site.yaml, the releases folder, or a folder of records. */
function readEntry(loading: Loading, path: string, entry: Dirent): void {
  if (entry.name === SITE_FILE) {
    readSiteFile(loading, path, entry);
    return;
  }
  const found = loading.folder.inspect(path, entry);
  if (!found.ok) loading.report(path, found.key, found.values);
  else if (!found.stats.isDirectory()) loading.report(path, "dir.unexpectedFile", { kinds: KINDS.join(", ") });
  else if (entry.name === RELEASES_FOLDER) readReleasesFolder(loading, { path, real: found.real });
  // Vendored copies of other publications' releases: read and verified by includes.ts, as site.yaml pins them.
  else if (entry.name === INCLUDES_FOLDER) return;
  else if (isKind(entry.name)) readKindFolder(loading, entry.name, { path, real: found.real });
  else {
    loading.report(path, "dir.notAKind", {
      name: entry.name,
      suggestion: didYouMean(entry.name, KINDS, loading.tr),
      kinds: KINDS.join(", "),
    });
  }
}

function readSiteFile(loading: Loading, path: string, entry: Dirent): void {
  const { loaded, tr } = loading;
  const bytes = loading.folder.read(path, entry, INPUT_LIMITS.recordBytes);
  if (bytes) {
    const shownPath = loading.show(path);
    loaded.files.push(readYamlFile({ bytes, shownPath, kind: "site", id: "site", problems: loaded.problems, tr }));
  }
}

/** The records of one kind, one .yaml file each. */
function readKindFolder(loading: Loading, kind: Kind, folder: Subfolder): void {
  const { loaded, tr } = loading;
  for (const record of visible(loading.folder.list(folder.real) ?? [])) {
    const recordPath = join(folder.path, record.name);
    if (!RECORD_FILE.test(record.name)) {
      if (record.name.endsWith(".yml")) loading.report(recordPath, "dir.renameYml");
      else loading.report(recordPath, "dir.onlyYaml", { folder: kind });
      continue;
    }
    const bytes = loading.folder.read(join(folder.real, record.name), record, INPUT_LIMITS.recordBytes);
    if (bytes) {
      const shownPath = loading.show(recordPath);
      const id = record.name.replace(RECORD_FILE, "");
      loaded.files.push(readYamlFile({ bytes, shownPath, kind, id, problems: loaded.problems, tr }));
    }
  }
}

/** The release files of data/releases/, one .json file per version. */
function readReleasesFolder(loading: Loading, folder: Subfolder): void {
  const { loaded, tr } = loading;
  for (const release of visible(loading.folder.list(folder.real) ?? [])) {
    const releasePath = join(folder.path, release.name);
    if (!RELEASE_FILE.test(release.name)) {
      loading.report(releasePath, "release.fileName");
      continue;
    }
    const bytes = loading.folder.read(join(folder.real, release.name), release, INPUT_LIMITS.releaseBytes);
    if (bytes) {
      const shownPath = loading.show(releasePath);
      const version = release.name.replace(RELEASE_FILE, "");
      loaded.releases.push(readReleaseFile({ bytes, shownPath, version, problems: loaded.problems, tr }));
    }
  }
}
