// Other publications' records, included by site.yaml's `includes:`. A pinned include is read only
// from its vendored copy under includes/<publisher>/<version>/, which `npm run include` wrote: the
// release's archive as downloaded and the files it holds. The archive must still have the SHA-256
// the pin names, and every file beside it must still be what the archive holds, or the include is
// refused with a message naming the pin or the file. A `path:` include reads a local data folder as
// it is (development and samples). Either way the package's records are validated by the same
// schemas and rules as the site's own, in the package's own languages; its errors, located in its
// files, are the site's errors. Nothing here touches the network.
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import type { DateTime } from "luxon";
import { availableLanguages, type EditorLang } from "../core/languages.js";
import { isProjectListAddress, releaseArchiveName, releaseFolderName } from "../core/routes.js";
import { KINDS, type Kind } from "../core/vocabulary.js";
import { checkContent } from "./content-check.js";
import { isSameAsKind } from "./include-merge.js";
import { INPUT_LIMITS } from "./input-limits.js";
import { INCLUDES_FOLDER, type Loaded, loadDataDirectory, shownRelativeTo } from "./load.js";

export { INCLUDES_FOLDER };

import { type MessageKey, type MessageValues, messages, type Translate } from "./messages.js";
import { fieldPath, type PathSegment, type Problem } from "./problems.js";
import { publicationLanguagesOf } from "./publication-languages.js";
import { PERSONAL_KINDS, personalFields } from "./published.js";
import { DataFolder, openDataFolder } from "./safe-read.js";
import { locate, SourceFile } from "./source-file.js";
import {
  type FolderPin,
  type IncludedPackage,
  type IncludePin,
  isFolderPin,
  type RawDataset,
  type Records,
  type ReleasePin,
  type Site,
} from "./types.js";

export { type FolderPin, type IncludedPackage, type IncludePin, isFolderPin, type ReleasePin };

/**
 * The validator of files already read (validate.ts's validateLoaded), given so that the two modules
 * do not import each other.
 */
export type ValidateLoaded = (
  loaded: Loaded,
  options: { readonly today: DateTime; readonly lang: EditorLang },
) => { readonly problems: Problem[]; readonly dataset?: RawDataset };

/** The file of a release that holds its records (and its site's public settings). */
export const RECORDS_FILE = "utblick.json";

/** Where a pinned release is vendored: includes/<publisher>/<version>/. */
export const vendoredFolder = (dataDir: string, pin: Pick<ReleasePin, "publisher" | "version">): string =>
  join(dataDir, INCLUDES_FOLDER, pin.publisher, pin.version);

const show = (check: IncludesCheck): ((path: string) => string) => shownRelativeTo(check.displayRoot);

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The files a release's archive holds (src/exports/release-files.ts): its records, its package and its tables. */
const RELEASE_FILE_NAME = /^(?:utblick\.json|datapackage\.json|csv\/[a-z0-9_]{1,64}\.csv)$/;

/** Why an archive cannot be read as a release: a message key and its values. */
export class PackageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
  ) {
    super(key);
    this.name = "PackageError";
  }
}

/**
 * The files of a release's archive by their path inside its folder (utblick.json, csv/projects.csv).
 * Throws PackageError for an archive that is no zip, holds anything outside that folder or a path
 * that climbs out of it, or would unpack beyond the size a release may have.
 */
export function unpackRelease(archive: Uint8Array, version: string): Map<string, Uint8Array> {
  const folder = `${releaseFolderName(version)}/`;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive, {
      filter: (file) => {
        total += file.originalSize;
        if (total > INPUT_LIMITS.releaseBytes) throw new PackageError("include.archiveTooLarge");
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError("include.notAZip", { problem: error instanceof Error ? error.message : String(error) });
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith("/")) continue;
    const inside = name.startsWith(folder) ? name.slice(folder.length) : undefined;
    const segments = inside?.split("/") ?? [];
    if (inside === undefined || segments.some((part) => part === "" || part === "." || part === ".."))
      throw new PackageError("include.archiveOutside", { name, folder });
    if (/[\\\0]/.test(inside)) throw new PackageError("include.archiveOutside", { name, folder });
    // Only what a release holds is unpacked into the data folder: no hidden file (.git/config …).
    if (!RELEASE_FILE_NAME.test(inside)) throw new PackageError("include.archiveStrayFile", { name });
    files.set(inside, bytes);
  }
  if (!files.has(RECORDS_FILE)) throw new PackageError("include.noRecords", { file: RECORDS_FILE });
  return files;
}

/** The public records of a release's utblick.json; throws PackageError for a file that is no such thing. */
export function recordsOfRelease(bytes: Uint8Array): { site: unknown; records: Map<Kind, Record<string, unknown>> } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new PackageError("include.notRecords", { file: RECORDS_FILE });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new PackageError("include.notRecords", { file: RECORDS_FILE });
  const { $schema: _schema, site, ...kinds } = value as Record<string, unknown>;
  if (site === null || typeof site !== "object") throw new PackageError("include.notRecords", { file: RECORDS_FILE });
  const records = new Map<Kind, Record<string, unknown>>();
  for (const [kind, byId] of Object.entries(kinds)) {
    if (!(KINDS as readonly string[]).includes(kind) || PERSONAL_KINDS.has(kind as Kind))
      throw new PackageError("include.unknownKind", { kind });
    if (byId === null || typeof byId !== "object" || Array.isArray(byId))
      throw new PackageError("include.notRecords", { file: RECORDS_FILE });
    records.set(kind as Kind, byId as Record<string, unknown>);
  }
  return { site, records };
}

export interface IncludesCheck {
  readonly dataDir: string;
  /** The site's own site.yaml, schema-valid. */
  readonly site: Site;
  readonly siteFile: SourceFile;
  /** The site's own files of the kinds whose records may name their twins in includes (`same_as`). */
  readonly sameAsFiles: readonly SourceFile[];
  readonly today: DateTime;
  readonly lang: EditorLang;
  readonly tr: Translate;
  readonly validateLoaded: ValidateLoaded;
  /** Paths in messages are shown relative to this directory when they are inside it. */
  readonly displayRoot: string;
}

export interface IncludesResult {
  readonly packages: IncludedPackage[];
  readonly problems: Problem[];
}

/** Reads, verifies and validates every include of site.yaml; every problem of every include at once. */
export function readIncludes(check: IncludesCheck): IncludesResult {
  const problems: Problem[] = [];
  const packages: IncludedPackage[] = [];
  const at = (file: SourceFile, path: readonly PathSegment[], key: MessageKey, values: MessageValues = {}) => {
    const position = locate(file, path);
    problems.push({
      severity: "error",
      file: file.path,
      line: position.line,
      column: position.column,
      field: fieldPath(path),
      message: check.tr(key, values),
    });
  };
  const whole = (path: string, key: MessageKey, values: MessageValues = {}) =>
    problems.push({
      severity: "error",
      file: show(check)(path),
      line: 0,
      column: 0,
      field: "",
      message: check.tr(key, values),
    });

  const pins = check.site.includes ?? [];
  const seen = new Map<string, number>();
  const ownSource = publicationLanguagesOf(check.site).source;
  const addresses = new Map<string, string>();
  pins.forEach((pin, index) => {
    const pinAt = (field: string | undefined, key: MessageKey, values: MessageValues = {}) =>
      at(check.siteFile, field ? ["includes", index, field] : ["includes", index], key, {
        publisher: pin.publisher,
        ...values,
      });
    const earlier = seen.get(pin.publisher);
    if (earlier !== undefined) {
      pinAt("publisher", "include.samePublisher", { other: earlier + 1 });
      return;
    }
    seen.set(pin.publisher, index);
    const taken = slugTaken(check.site, pin.publisher);
    if (taken) {
      pinAt("publisher", taken);
      return;
    }
    const before = problems.length;
    const found = isFolderPin(pin)
      ? readFolderPackage({ check, pin, pinAt, problems })
      : readVendoredPackage({ check, pin: pin as ReleasePin, pinAt, whole, problems });
    if (!found || problems.length > before) return;
    const source = publicationLanguagesOf(found.site).source;
    if (source !== ownSource) pinAt(undefined, "include.otherSourceLanguage", { source, own: ownSource });
    const address = found.site.base_url;
    if (address === check.site.base_url) pinAt(undefined, "include.isThisSite", { address });
    const twin = addresses.get(address);
    if (twin !== undefined) pinAt(undefined, "include.samePublication", { other: twin, address });
    addresses.set(address, pin.publisher);
    if (problems.length === before) packages.push(found);
  });
  sameAsProblems(check, packages, at);
  return { packages, problems };
}

/**
 * Why a slug cannot name an include: it is this site's own publisher's, or an address the project
 * lists already have in some language (a status or year list, a page number).
 */
function slugTaken(site: Site, slug: string): MessageKey | undefined {
  if (slug === site.publisher) return "include.ownPublisher";
  return isProjectListAddress(slug, availableLanguages()) ? "include.slugIsRoute" : undefined;
}

type PinReport = (field: string | undefined, key: MessageKey, values?: MessageValues) => void;

interface PackageRead {
  readonly check: IncludesCheck;
  readonly pinAt: PinReport;
  readonly problems: Problem[];
}

/** A local data folder, validated as `npm run validate` would, its contact persons left out. */
function readFolderPackage({
  check,
  pin,
  pinAt,
  problems,
}: PackageRead & { pin: FolderPin }): IncludedPackage | undefined {
  const folder = resolve(check.dataDir, pin.path);
  if (!existsSync(join(folder, "site.yaml"))) {
    pinAt("path", "include.folderMissing", { path: pin.path });
    return undefined;
  }
  if (resolve(folder) === resolve(check.dataDir)) {
    pinAt("path", "include.folderIsSelf", { path: pin.path });
    return undefined;
  }
  const loaded = loadDataDirectory(folder, { tr: check.tr, lang: check.lang });
  const result = check.validateLoaded(loaded, { today: check.today, lang: check.lang });
  // The included publication's warnings are its editors' to mend; its errors make it unusable here.
  problems.push(...result.problems.filter((problem) => problem.severity === "error"));
  if (!result.dataset) return undefined;
  const records = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      PERSONAL_KINDS.has(kind)
        ? new Map()
        : new Map(
            [...(result.dataset!.records[kind] as Map<string, object>)].map(([id, record]) => [
              id,
              withoutPersonal(kind, record),
            ]),
          ),
    ]),
  ) as Records;
  return { pin, site: withoutPersonal("site", result.dataset.site) as Site, records };
}

function withoutPersonal(kind: Kind | "site", record: object): object {
  const hidden = new Set(personalFields(kind));
  return Object.fromEntries(Object.entries(record).filter(([field]) => !hidden.has(field)));
}

interface VendoredRead extends PackageRead {
  readonly pin: ReleasePin;
  readonly whole: (path: string, key: MessageKey, values?: MessageValues) => void;
}

/** A pinned release from its vendored copy: the archive's hash, the files beside it, then its records. */
function readVendoredPackage({ check, pin, pinAt, whole, problems }: VendoredRead): IncludedPackage | undefined {
  const folder = vendoredFolder(check.dataDir, pin);
  const shownFolder = show(check)(folder);
  if (!existsSync(folder)) {
    pinAt("version", "include.notVendored", { folder: shownFolder });
    return undefined;
  }
  const before = problems.length;
  const root = openDataFolder(folder, (path, key, values) => whole(path, key, values));
  if (root === undefined) return undefined;
  const reader = new DataFolder({ root, lang: check.lang, report: (path, key, values) => whole(path, key, values) });
  const onDisk = new Map<string, { path: string; entry: Dirent }>();
  const walk = (path: string, inside: string) => {
    for (const entry of reader.list(path) ?? []) {
      const child = join(path, entry.name);
      const name = inside ? `${inside}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child, name);
      else onDisk.set(name, { path: child, entry });
    }
  };
  walk(root, "");
  const archiveName = releaseArchiveName(pin.version);
  const archiveFile = onDisk.get(archiveName);
  if (!archiveFile) {
    pinAt("version", "include.notVendored", { folder: shownFolder });
    return undefined;
  }
  const archive = reader.read(archiveFile.path, archiveFile.entry, INPUT_LIMITS.releaseBytes);
  if (!archive || problems.length > before) return undefined;
  const actual = sha256Hex(archive);
  if (actual !== pin.sha256) {
    pinAt("sha256", "include.hashMismatch", { file: show(check)(join(folder, archiveName)), actual });
    return undefined;
  }
  let files: Map<string, Uint8Array>;
  try {
    files = unpackRelease(archive, pin.version);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    pinAt(undefined, error.key, { ...error.values });
    return undefined;
  }
  // The unpacked files are for reading; the archive is what was verified, and they must equal it.
  for (const [name, bytes] of files) {
    const copy = onDisk.get(name);
    const path = join(folder, name);
    if (!copy) whole(path, "include.fileMissing", { publisher: pin.publisher });
    else {
      const read = reader.read(copy.path, copy.entry, INPUT_LIMITS.releaseBytes);
      if (read && sha256Hex(read) !== sha256Hex(bytes))
        whole(path, "include.fileChanged", { publisher: pin.publisher });
    }
  }
  for (const name of onDisk.keys())
    if (name !== archiveName && !files.has(name))
      whole(join(folder, name), "include.fileExtra", { publisher: pin.publisher });
  if (problems.length > before) return undefined;
  let content: ReturnType<typeof recordsOfRelease>;
  try {
    content = recordsOfRelease(files.get(RECORDS_FILE) as Uint8Array);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    pinAt(undefined, error.key, { ...error.values });
    return undefined;
  }
  return validatedRelease({ check, pin, content, shownFile: `${shownFolder}/${RECORDS_FILE}`, problems });
}

/**
 * Whether a pinned release's vendored copy is still exactly what was pinned: the archive with the
 * pinned SHA-256 and beside it every file it holds, unchanged, and nothing else. Reports nothing:
 * `npm run include -- update` downloads a copy that is not intact again; validate says why.
 */
export function vendoredCopyIntact(dataDir: string, pin: ReleasePin): boolean {
  const folder = vendoredFolder(dataDir, pin);
  const archiveName = releaseArchiveName(pin.version);
  try {
    const archive = readFileSync(join(folder, archiveName));
    if (sha256Hex(archive) !== pin.sha256) return false;
    const files = unpackRelease(archive, pin.version);
    const onDisk = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter(
      (name) => name !== archiveName && !lstatSync(join(folder, name)).isDirectory(),
    );
    if (onDisk.length !== files.size) return false;
    return [...files].every(([name, bytes]) => {
      const path = join(folder, name);
      return lstatSync(path).isFile() && sha256Hex(readFileSync(path)) === sha256Hex(bytes);
    });
  } catch {
    return false;
  }
}

export interface ReleaseValidation {
  /** What validating needs of the site: its day, its editor's language and the validator. */
  readonly check: Pick<IncludesCheck, "validateLoaded" | "today" | "lang">;
  readonly pin: ReleasePin;
  readonly content: ReturnType<typeof recordsOfRelease>;
  /** utblick.json as the editor sees its path; each record is named inside it. */
  readonly shownFile: string;
  readonly problems: Problem[];
}

/**
 * A release's records through the validator, each as a file named by its place in utblick.json; its
 * errors go to `problems`. `npm run include` calls it on a download before writing anything.
 */
export function validatedRelease({
  check,
  pin,
  content,
  shownFile,
  problems,
}: ReleaseValidation): IncludedPackage | undefined {
  // The same limits and character rules as the site's own files: its texts reach pages and tables.
  const tr = messages(check.lang);
  const contentProblems: Problem[] = [];
  const file = (fields: { path: string; kind: Kind | "site"; id: string; value: unknown }) =>
    checkContent(new SourceFile({ ...fields, text: "" }), contentProblems, tr);
  const files = [file({ path: `${shownFile} › site`, kind: "site", id: "site", value: content.site })];
  for (const [kind, byId] of content.records)
    for (const [id, value] of Object.entries(byId))
      files.push(file({ path: `${shownFile} › ${kind}/${id}`, kind, id, value }));
  const result = check.validateLoaded({ files, releases: [], problems: [] }, { today: check.today, lang: check.lang });
  problems.push(...contentProblems, ...result.problems.filter((problem) => problem.severity === "error"));
  if (!result.dataset || contentProblems.length > 0) return undefined;
  return { pin, site: result.dataset.site, records: result.dataset.records };
}

/** Each `same_as` of the site's records must name a record of the same kind in an include, once. */
function sameAsProblems(
  check: IncludesCheck,
  packages: readonly IncludedPackage[],
  at: (file: SourceFile, path: readonly PathSegment[], key: MessageKey, values?: MessageValues) => void,
): void {
  const byPublisher = new Map(packages.map((entry) => [entry.pin.publisher, entry]));
  const published = new Set((check.site.includes ?? []).map((pin) => pin.publisher));
  const claimed = new Map<string, string>();
  for (const file of check.sameAsFiles) {
    if (!isSameAsKind(file.kind)) continue;
    const kind = file.kind;
    const value = file.value as { same_as?: unknown } | null | undefined;
    const targets = Array.isArray(value?.same_as) ? value.same_as : [];
    targets.forEach((target: unknown, index) => {
      if (typeof target !== "string") return;
      const [publisher = "", other = ""] = target.split("/");
      const path = ["same_as", index];
      const known = byPublisher.get(publisher)?.records[kind] as ReadonlyMap<string, unknown> | undefined;
      if (!published.has(publisher)) at(file, path, "include.sameAsNoInclude", { target, publisher });
      else if (known && !known.has(other)) at(file, path, "include.sameAsUnknown", { target, publisher, id: other });
      else if (claimed.has(`${kind}/${target}`))
        at(file, path, "include.sameAsTwice", { target, other: claimed.get(`${kind}/${target}`) ?? "" });
      claimed.set(`${kind}/${target}`, file.id);
    });
  }
}
