// `npm run include`: other Utblick publications' releases, fetched over HTTP, verified, vendored
// under includes/<publisher>/<version>/ and pinned in site.yaml, where src/model/includes.ts reads
// them back. `add` takes a publication's address, picks its newest recorded release, checks the
// archive's size and SHA-256 against what the publication's releases.json lists, validates its
// records, writes the copy (to a temporary folder, then renamed) and the pin, and then validates the
// whole data folder: on any error site.yaml is restored and what was written removed, so nothing is
// pinned or written on failure. `update` moves a pin to the newest release (never back) and tells
// the changes record by record; `remove` drops a pin and its copy unless the site's own records
// still need it. This is the only code that touches the network: the build reads the copies.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { DateTime } from "luxon";
import { type Document, isMap, isScalar, isSeq, type Node, parse, parseDocument } from "yaml";
import { RECORD_ID } from "../core/ids.js";
import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";
import { releaseArchiveName, releasesJsonUrl } from "../core/routes.js";
import { writeFileAtomic } from "../core/safe-write.js";
import { SHA256_PATTERN } from "../core/serialise.js";
import { webUrlProblem } from "../core/url-rule.js";
import {
  INCLUDES_FOLDER,
  type IncludePin,
  isFolderPin,
  PackageError,
  RECORDS_FILE,
  type ReleasePin,
  recordsOfRelease,
  sha256Hex,
  unpackRelease,
  validatedRelease,
  vendoredCopyIntact,
  vendoredFolder,
} from "../model/includes.js";
import { INPUT_LIMITS } from "../model/input-limits.js";
import { type MessageKey, type MessageValues, messages, type Translate } from "../model/messages.js";
import type { Problem } from "../model/problems.js";
import { compareVersions, RELEASE_VERSION_PATTERN, type Snapshot } from "../model/releases.js";
import { reportLines } from "../model/report.js";
import type { Site } from "../model/types.js";
import { validateDataDirectory, validateLoaded } from "../model/validate.js";
import { diffSnapshots, type RecordChange } from "../releases/releases.js";

export interface IncludeOptions {
  readonly dataDir: string;
  /** The day the data are validated for, and the pin's `retrieved`. */
  readonly today: DateTime;
  /** The language of the editor's messages (default Swedish). */
  readonly lang?: EditorLang;
  /** How long one download may take, in milliseconds (default a minute). */
  readonly timeoutMs?: number;
  /** Each line for the editor as soon as it is known; the outcome holds them all too. */
  readonly log?: (line: string) => void;
  /** A path as the editor is shown it (default: as it is). */
  readonly show?: (path: string) => string;
}

export interface IncludeUpdate {
  readonly publisher: string;
  readonly from: string;
  readonly to: string;
  readonly changes: readonly RecordChange[];
}

export interface IncludeOutcome {
  /** False when anything asked for was refused; what was refused changed nothing. */
  readonly ok: boolean;
  /** Every line told to the editor, in her language. */
  readonly lines: readonly string[];
  /** The data folder's errors that made a change be refused and undone. */
  readonly problems: readonly Problem[];
  /** The publications moved to a newer release, with their changes. */
  readonly updates: readonly IncludeUpdate[];
}

/** A release's version, as site.schema.json's `includes[].version` has it: 2026-12-05, 2026-12-05.2. */
const VERSION = new RegExp(RELEASE_VERSION_PATTERN);
const SHA256 = new RegExp(SHA256_PATTERN);
const DEFAULT_TIMEOUT_MS = 60_000;
/** A list of releases larger than this is no Utblick releases.json. */
const LIST_BYTES = 16 * 1024 * 1024;
const SITE_FILE = "site.yaml";
/** Changes listed per updated publication; the rest are counted. */
const SHOWN_CHANGES = 50;

/** The address of a publication's releases.json: `address` itself when it names a .json file, else below it. */
export function releasesAddress(address: string): string | undefined {
  if (webUrlProblem(address) !== undefined) return undefined;
  const url = new URL(address);
  // The first download is trusted as it comes (its checksum is pinned from it): only over HTTPS,
  // except from this machine, where tests and a publication under development are served.
  if (url.protocol !== "https:" && !LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  url.hash = "";
  if (url.pathname.endsWith(".json")) return url.href;
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  url.search = "";
  return new URL(releasesJsonUrl.replace(/^\//, ""), url).href;
}

/** The host names of this machine, where a publication may be served over plain HTTP. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A release a publication offers, as its releases.json lists it. */
export interface OfferedRelease {
  readonly version: string;
  readonly archive: { readonly url: string; readonly sha256: string; readonly bytes: number };
}

/**
 * The newest recorded release with an archive in a parsed releases.json, `undefined` when it lists
 * none, or `"notPublication"` when the value is no list of releases. Relative archive addresses are
 * read from `listUrl`.
 */
export function newestRelease(value: unknown, listUrl: string): OfferedRelease | undefined | "notPublication" {
  if (value === null || typeof value !== "object" || !Array.isArray((value as { releases?: unknown }).releases))
    return "notPublication";
  const offered: OfferedRelease[] = [];
  for (const entry of (value as { releases: unknown[] }).releases) {
    if (entry === null || typeof entry !== "object") continue;
    const { recorded, version, archive } = entry as { recorded?: unknown; version?: unknown; archive?: unknown };
    if (recorded !== true || typeof version !== "string" || !VERSION.test(version)) continue;
    if (archive === null || typeof archive !== "object") continue;
    const { url, sha256, bytes } = archive as { url?: unknown; sha256?: unknown; bytes?: unknown };
    if (typeof url !== "string" || typeof sha256 !== "string" || !SHA256.test(sha256)) continue;
    if (typeof bytes !== "number" || !Number.isSafeInteger(bytes) || bytes < 0 || !URL.canParse(url, listUrl)) continue;
    const absolute = new URL(url, listUrl);
    if (absolute.protocol !== "https:" && absolute.protocol !== "http:") continue;
    offered.push({ version, archive: { url: absolute.href, sha256, bytes } });
  }
  return offered.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** A refusal told to the editor by a message; nothing it interrupts has been left changed. */
class Refusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
  ) {
    super(key);
    this.name = "Refusal";
  }
}

class Session {
  readonly tr: Translate;
  readonly lines: string[] = [];
  readonly problems: Problem[] = [];
  readonly updates: IncludeUpdate[] = [];
  ok = true;

  constructor(readonly options: IncludeOptions) {
    this.tr = messages(options.lang ?? DEFAULT_EDITOR_LANG);
  }

  line(text: string): void {
    this.lines.push(text);
    this.options.log?.(text);
  }

  say(key: MessageKey, values: MessageValues = {}): void {
    this.line(this.tr(key, values));
  }

  show(path: string): string {
    return this.options.show?.(path) ?? path;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Runs one step; a refusal is told and marks the outcome failed, anything else is thrown on. */
  async attempt(step: () => Promise<void> | void): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.say(error.key, error.values);
      this.ok = false;
    }
  }

  outcome(): IncludeOutcome {
    return { ok: this.ok, lines: this.lines, problems: this.problems, updates: this.updates };
  }
}

// ---- site.yaml ----

interface SiteFile {
  readonly path: string;
  readonly text: string;
  /** The pins as written, each with its place in the list. */
  readonly pins: readonly { readonly pin: IncludePin; readonly index: number }[];
}

function readSiteFile(session: Session): SiteFile {
  const path = join(session.dataDir, SITE_FILE);
  if (!existsSync(path)) throw new Refusal("includeCommand.noSite", { folder: session.show(session.dataDir) });
  const text = readFileSync(path, "utf8");
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents))
    throw new Refusal("includeCommand.siteUnreadable", { file: session.show(path) });
  const { includes } = (document.toJS() ?? {}) as { includes?: unknown };
  const pins = (Array.isArray(includes) ? includes : []).flatMap((pin: unknown, index) =>
    pin !== null && typeof pin === "object" && typeof (pin as IncludePin).publisher === "string"
      ? [{ pin: pin as IncludePin, index }]
      : [],
  );
  return { path, text, pins };
}

/** A pin of a release whose slug and version can name its folder (an invalid one is validate's to report). */
const isReleasePin = (pin: IncludePin): pin is ReleasePin =>
  !isFolderPin(pin) &&
  RECORD_ID.test(pin.publisher) &&
  typeof pin.url === "string" &&
  typeof pin.version === "string" &&
  VERSION.test(pin.version);

/** The range of the top-level `includes:` key and its value in a YAML text, or undefined. */
function includesRange(text: string): { start: number; end: number } | undefined {
  const document = parseDocument(text);
  if (!isMap(document.contents)) return undefined;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === "includes");
  const start = (pair?.key as Node | undefined)?.range?.[0];
  const end = (pair?.value as Node | null | undefined)?.range?.[2];
  return start === undefined || end === undefined ? undefined : { start, end };
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf("\n", offset - 1) + 1;
const withNewline = (text: string): string => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

/**
 * site.yaml's text after `edit` changed its `includes:`. Only the lines of `includes:` are written
 * anew; every other line stays as the editor wrote it, comments and all. Should the splice not
 * read back as the edited document, the whole document is written by the yaml package instead.
 */
export function editedIncludes(text: string, edit: (document: Document) => void): string {
  const document = parseDocument(text);
  edit(document);
  const wanted: unknown = document.toJS();
  const padded = /[:-] [[{] /.test(text);
  const whole = document.toString({ lineWidth: 0, flowCollectionPadding: padded });
  const before = includesRange(text);
  const after = includesRange(whole);
  let spliced: string;
  if (after === undefined)
    spliced = before === undefined ? text : text.slice(0, lineStart(text, before.start)) + text.slice(before.end);
  else {
    const block = withNewline(whole.slice(lineStart(whole, after.start), after.end));
    spliced =
      before === undefined
        ? withNewline(text) + block
        : text.slice(0, lineStart(text, before.start)) + block + text.slice(before.end);
  }
  return isDeepStrictEqual(parse(spliced), wanted) ? spliced : whole;
}

function pinNode(pin: ReleasePin): ReleasePin {
  // The order the schema lists them in, which an editor reads the pin in.
  return { publisher: pin.publisher, url: pin.url, version: pin.version, sha256: pin.sha256, retrieved: pin.retrieved };
}

// ---- the network ----

function unreachable(url: string, error: unknown, timeoutMs: number): Refusal {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return new Refusal("includeCommand.timeout", { url, seconds: Math.round(timeoutMs / 1000) });
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" ? code : cause instanceof Error ? cause.message : String(cause);
  return new Refusal("includeCommand.unreachable", { url, reason });
}

/** The bytes at `url`, at most `limit` of them; a refusal naming the address for any failure. */
async function download(session: Session, url: string, limit: number): Promise<Uint8Array> {
  const timeoutMs = session.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tooLarge = () => new Refusal("includeCommand.tooLarge", { url, limit: Math.ceil(limit / 1024 / 1024) });
  session.say("includeCommand.fetching", { url });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    throw unreachable(url, error, timeoutMs);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Refusal("includeCommand.httpStatus", { url, status: response.status });
  }
  if (Number(response.headers.get("content-length") ?? 0) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      total += chunk.value.byteLength;
      if (total > limit) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    throw error instanceof Refusal ? error : unreachable(url, error, timeoutMs);
  }
  return Buffer.concat(chunks);
}

/** The newest release the publication at `address` offers. */
async function offeredBy(session: Session, address: string): Promise<OfferedRelease> {
  const listUrl = releasesAddress(address);
  if (listUrl === undefined) throw new Refusal("includeCommand.badAddress", { url: address });
  let bytes: Uint8Array;
  try {
    bytes = await download(session, listUrl, LIST_BYTES);
  } catch (error) {
    // An address that answers, but has no list of releases, is a website of another kind.
    const missing = error instanceof Refusal && (error.values.status === 404 || error.values.status === 410);
    throw missing ? new Refusal("includeCommand.notPublication", { url: listUrl }) : error;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new Refusal("includeCommand.notPublication", { url: listUrl });
  }
  const newest = newestRelease(value, listUrl);
  if (newest === "notPublication") throw new Refusal("includeCommand.notPublication", { url: listUrl });
  if (newest === undefined) throw new Refusal("includeCommand.noRelease", { url: listUrl });
  return newest;
}

interface Verified {
  readonly offered: OfferedRelease;
  readonly archive: Uint8Array;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly snapshot: Snapshot;
  readonly site: Site;
}

/** What a release's utblick.json holds, as releases and changelogs compare it. */
function snapshotOf(content: ReturnType<typeof recordsOfRelease>): Snapshot {
  return { site: content.site, ...Object.fromEntries(content.records) } as Snapshot;
}

/** The offered archive, downloaded and checked: its size and hash as listed, its files, its records valid. */
async function verified(session: Session, offered: OfferedRelease, publisher: string): Promise<Verified> {
  const { url, bytes, sha256 } = offered.archive;
  if (bytes > INPUT_LIMITS.releaseBytes)
    throw new Refusal("includeCommand.tooLarge", { url, limit: INPUT_LIMITS.releaseBytes / 1024 / 1024 });
  const archive = await download(session, url, INPUT_LIMITS.releaseBytes);
  if (archive.byteLength !== bytes)
    throw new Refusal("includeCommand.sizeMismatch", { url, actual: archive.byteLength, expected: bytes });
  const actual = sha256Hex(archive);
  if (actual !== sha256) throw new Refusal("includeCommand.hashMismatch", { url, actual, expected: sha256 });
  let files: Map<string, Uint8Array>;
  let content: ReturnType<typeof recordsOfRelease>;
  try {
    files = unpackRelease(archive, offered.version);
    content = recordsOfRelease(files.get(RECORDS_FILE) as Uint8Array);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    const problem = session.tr(error.key, { publisher, ...error.values });
    throw new Refusal("includeCommand.badPackage", { version: offered.version, url, problem });
  }
  if (files.has(releaseArchiveName(offered.version))) {
    const problem = session.tr("include.archiveOutside", {
      publisher,
      name: releaseArchiveName(offered.version),
      folder: ".",
    });
    throw new Refusal("includeCommand.badPackage", { version: offered.version, url, problem });
  }
  const problems: Problem[] = [];
  const pin: ReleasePin = { publisher, url, version: offered.version, sha256, retrieved: today(session) };
  const lang = session.options.lang ?? DEFAULT_EDITOR_LANG;
  const check = { validateLoaded, today: session.options.today, lang };
  const found = validatedRelease({ check, pin, content, shownFile: `${url} › ${RECORDS_FILE}`, problems });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (!found || errors.length > 0) {
    session.say("includeCommand.invalidPackage", { version: offered.version, url });
    for (const line of reportLines({ problems: errors, files: 1 + countRecords(content), lang })) session.line(line);
    session.problems.push(...errors);
    throw new Refusal("includeCommand.nothingIncluded");
  }
  return { offered, archive, files, snapshot: snapshotOf(content), site: found.site };
}

const countRecords = (content: ReturnType<typeof recordsOfRelease>): number =>
  [...content.records.values()].reduce((sum, byId) => sum + Object.keys(byId).length, 0);

const today = (session: Session): string => session.options.today.toISODate() ?? "";

// ---- the vendored copy ----

interface Placed {
  readonly folder: string;
  /** An unpinned copy that was in the way, moved aside until the change is kept or undone. */
  readonly aside?: string;
  /** The first folder this change made (includes/ or includes/<publisher>/), removed on undo. */
  readonly made?: string;
}

const temporaryBeside = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);

/** Writes the release's archive and files to a temporary folder, then renames it to includes/<publisher>/<version>/. */
function placeVendored(session: Session, pin: ReleasePin, release: Verified): Placed {
  const folder = vendoredFolder(session.dataDir, pin);
  const made = [join(session.dataDir, INCLUDES_FOLDER), dirname(folder)].find((path) => !existsSync(path));
  const temporary = temporaryBeside(folder);
  try {
    const within = session.dataDir;
    writeFileAtomic(join(temporary, releaseArchiveName(pin.version)), release.archive, { within });
    for (const [name, bytes] of release.files) writeFileAtomic(join(temporary, name), bytes, { within });
    const aside = existsSync(folder) ? temporaryBeside(folder) : undefined;
    if (aside) renameSync(folder, aside);
    renameSync(temporary, folder);
    return { folder, ...(aside ? { aside } : {}), ...(made ? { made } : {}) };
  } catch (error) {
    rmSync(made ?? temporary, { recursive: true, force: true });
    throw error;
  }
}

function undoPlaced(placed: Placed): void {
  rmSync(placed.folder, { recursive: true, force: true });
  if (placed.aside) renameSync(placed.aside, placed.folder);
  if (placed.made) rmSync(placed.made, { recursive: true, force: true });
}

function keepPlaced(placed: Placed): void {
  if (placed.aside) rmSync(placed.aside, { recursive: true, force: true });
}

// ---- validating a change ----

/**
 * Writes site.yaml's new text and validates the data folder. On an error, site.yaml gets its old
 * text back, `undo` runs, the errors are told and `refusal` is thrown.
 */
interface Change {
  readonly site: SiteFile;
  readonly text: string;
  readonly undo: () => void;
  readonly refusal: Refusal;
  /** The data folder's errors before the change (errorsNow). */
  readonly errorsBefore: readonly Problem[];
}

/** The data folder's errors as they are, before a change is written. */
function errorsNow(session: Session): Problem[] {
  const lang = session.options.lang ?? DEFAULT_EDITOR_LANG;
  return validateDataDirectory(session.dataDir, { today: session.options.today, lang }).problems.filter(
    (problem) => problem.severity === "error",
  );
}

function commitOrUndo(session: Session, change: Change) {
  const { site, text, undo, refusal } = change;
  const lang = session.options.lang ?? DEFAULT_EDITOR_LANG;
  // Errors the data had before are not the change's: only those it adds refuse it. They are told
  // apart by file, field and message, not by line: a pin written above one moves it.
  const sameError = (problem: Problem) => `${problem.file}\u0000${problem.field}\u0000${problem.message}`;
  const before = new Set(change.errorsBefore.map(sameError));
  try {
    writeFileAtomic(site.path, text);
  } catch (error) {
    undo();
    throw error;
  }
  let errors: Problem[];
  let files = 0;
  try {
    const result = validateDataDirectory(session.dataDir, { today: session.options.today, lang });
    errors = result.problems.filter((problem) => problem.severity === "error" && !before.has(sameError(problem)));
    files = result.files;
  } catch (error) {
    writeFileAtomic(site.path, site.text);
    undo();
    throw error;
  }
  if (errors.length === 0) return;
  writeFileAtomic(site.path, site.text);
  undo();
  session.problems.push(...errors);
  for (const line of reportLines({ problems: errors, files, lang })) session.line(line);
  throw refusal;
}

/**
 * Puts a verified release's copy in place and writes site.yaml's new text; both are undone, and the
 * change refused, when the data folder then has errors it did not have before.
 */
function placeAndPin(
  session: Session,
  change: Pick<Change, "site" | "text" | "errorsBefore"> & { readonly pin: ReleasePin; readonly release: Verified },
): Placed {
  const placed = placeVendored(session, change.pin, change.release);
  commitOrUndo(session, {
    ...change,
    undo: () => undoPlaced(placed),
    refusal: new Refusal("includeCommand.invalidAfter"),
  });
  keepPlaced(placed);
  return placed;
}

function assertSlug(publisher: string): void {
  if (!RECORD_ID.test(publisher)) throw new Refusal("includeCommand.badPublisher", { publisher });
}

/** A slug no release pin holds yet; a local folder's pin may give way to the release of its publisher. */
function assertFree(site: SiteFile, publisher: string): void {
  const taken = site.pins.find(({ pin }) => pin.publisher === publisher && !isFolderPin(pin))?.pin;
  if (taken)
    throw new Refusal("includeCommand.samePublisher", {
      publisher,
      url: isFolderPin(taken) ? taken.path : (taken.url ?? ""),
    });
}

// ---- the commands ----

/** `npm run include -- add URL [--publisher SLUG]`. */
export async function addInclude(
  options: IncludeOptions & { readonly url: string; readonly publisher?: string },
): Promise<IncludeOutcome> {
  const session = new Session(options);
  await session.attempt(async () => {
    const site = readSiteFile(session);
    const errorsBefore = errorsNow(session);
    if (options.publisher !== undefined) {
      assertSlug(options.publisher);
      assertFree(site, options.publisher);
    }
    // The same address again is the same publication: said before anything is downloaded.
    const same = site.pins.find(({ pin }) => pin.url !== undefined && pin.url === options.url)?.pin;
    if (same) assertFree(site, same.publisher);
    const offered = await offeredBy(session, options.url);
    const release = await verified(session, offered, options.publisher ?? options.url);
    const publisher = options.publisher ?? release.site.publisher;
    assertSlug(publisher);
    assertFree(site, publisher);
    const pin: ReleasePin = {
      publisher,
      url: options.url,
      version: offered.version,
      sha256: offered.archive.sha256,
      retrieved: today(session),
    };
    // A local folder of the same publisher (development, a sample) gives way to its release.
    const replaced = site.pins.find((entry) => entry.pin.publisher === publisher && isFolderPin(entry.pin));
    const text = editedIncludes(site.text, (document) => {
      if (replaced) document.setIn(["includes", replaced.index], document.createNode(pinNode(pin)));
      else if (isSeq(document.get("includes"))) document.addIn(["includes"], document.createNode(pinNode(pin)));
      else document.set("includes", document.createNode([pinNode(pin)]));
    });
    const placed = placeAndPin(session, { pin, release, site, text, errorsBefore });
    session.say("includeCommand.added", {
      publisher,
      version: pin.version,
      url: options.url,
      folder: session.show(placed.folder),
    });
  });
  return session.outcome();
}

/** `npm run include -- update [SLUG]`: every pinned release, or the one named, to the newest release. */
export async function updateIncludes(
  options: IncludeOptions & { readonly publisher?: string },
): Promise<IncludeOutcome> {
  const session = new Session(options);
  await session.attempt(async () => {
    const site = readSiteFile(session);
    const named = options.publisher;
    if (named !== undefined) {
      assertSlug(named);
      const entry = site.pins.find(({ pin }) => pin.publisher === named);
      if (!entry) throw unknownPublisher(site, named, session);
      if (isFolderPin(entry.pin))
        throw new Refusal("includeCommand.folderPin", { publisher: named, path: entry.pin.path });
    }
    const chosen = site.pins.filter(({ pin }) => isReleasePin(pin) && (named === undefined || pin.publisher === named));
    if (chosen.length === 0) {
      session.say("includeCommand.noIncludes");
      return;
    }
    for (const { pin } of chosen)
      await session.attempt(async () => {
        try {
          await updateOne(session, pin as ReleasePin);
        } catch (error) {
          if (error instanceof Refusal) {
            // "Nothing was included" is add's word; an update says what it kept instead.
            if (error.key !== "includeCommand.nothingIncluded") session.say(error.key, error.values);
            throw new Refusal("includeCommand.notUpdated", { publisher: pin.publisher, version: pin.version ?? "" });
          }
          throw error;
        }
      });
  });
  return session.outcome();
}

async function updateOne(session: Session, pin: ReleasePin): Promise<void> {
  const offered = await offeredBy(session, pin.url);
  const order = compareVersions(offered.version, pin.version);
  if (order < 0)
    throw new Refusal("includeCommand.downgrade", {
      publisher: pin.publisher,
      url: pin.url,
      latest: offered.version,
      version: pin.version,
    });
  if (order === 0) {
    if (offered.archive.sha256 !== pin.sha256)
      throw new Refusal("includeCommand.releaseChanged", {
        publisher: pin.publisher,
        version: pin.version,
        url: offered.archive.url,
        actual: offered.archive.sha256,
        expected: pin.sha256,
      });
    if (!vendoredCopyIntact(session.dataDir, pin)) await repair(session, pin, offered);
    else session.say("includeCommand.upToDate", { publisher: pin.publisher, version: pin.version });
    return;
  }
  const release = await verified(session, offered, pin.publisher);
  const before = pinnedSnapshot(session, pin);
  // Read afresh: an earlier update in the same run has changed site.yaml.
  const site = readSiteFile(session);
  const errorsBefore = errorsNow(session);
  const index = site.pins.find((entry) => entry.pin.publisher === pin.publisher)?.index ?? -1;
  const next: ReleasePin = {
    ...pin,
    version: offered.version,
    sha256: offered.archive.sha256,
    retrieved: today(session),
  };
  const text = editedIncludes(site.text, (document) => {
    document.setIn(["includes", index, "version"], next.version);
    document.setIn(["includes", index, "sha256"], next.sha256);
    document.setIn(["includes", index, "retrieved"], next.retrieved);
  });
  placeAndPin(session, { pin: next, release, site, text, errorsBefore });
  rmSync(vendoredFolder(session.dataDir, pin), { recursive: true, force: true });
  const changes = before === undefined ? [] : diffSnapshots(before, release.snapshot);
  session.updates.push({ publisher: pin.publisher, from: pin.version, to: next.version, changes });
  const names = { publisher: pin.publisher, from: pin.version, to: next.version };
  if (before === undefined) session.say("includeCommand.noChangelog", names);
  session.say("includeCommand.updated", { ...names, count: changes.length });
  for (const change of changes.slice(0, SHOWN_CHANGES))
    session.line(
      `  ${session.tr(`includeCommand.change.${change.change}`)} ${change.kind}/${change.id}` +
        (change.fields.length ? ` (${change.fields.join(", ")})` : ""),
    );
  if (changes.length > SHOWN_CHANGES) session.say("includeCommand.more", { count: changes.length - SHOWN_CHANGES });
}

/**
 * The pinned release downloaded again where its vendored copy is missing or no longer what the pin
 * names (a file changed by hand): the copy is put back as it was pinned; site.yaml is not changed.
 */
async function repair(session: Session, pin: ReleasePin, offered: OfferedRelease): Promise<void> {
  const release = await verified(session, offered, pin.publisher);
  const site = readSiteFile(session);
  const errorsBefore = errorsNow(session);
  placeAndPin(session, { pin, release, site, text: site.text, errorsBefore });
  session.say("includeCommand.repaired", { publisher: pin.publisher, version: pin.version });
}

/** The records of the pinned release, from its vendored copy if that is still what the pin names. */
function pinnedSnapshot(session: Session, pin: ReleasePin): Snapshot | undefined {
  try {
    const archive = readFileSync(join(vendoredFolder(session.dataDir, pin), releaseArchiveName(pin.version)));
    if (sha256Hex(archive) !== pin.sha256) return undefined;
    const files = unpackRelease(archive, pin.version);
    return snapshotOf(recordsOfRelease(files.get(RECORDS_FILE) as Uint8Array));
  } catch {
    return undefined;
  }
}

function unknownPublisher(site: SiteFile, publisher: string, session: Session): Refusal {
  const known = site.pins.map(({ pin }) => pin.publisher).join(", ");
  return new Refusal("includeCommand.unknownPublisher", {
    publisher,
    known: known || session.tr("includeCommand.noneKnown"),
  });
}

/** `npm run include -- remove SLUG`: the pin and its vendored copy, unless the site's records need them. */
export async function removeInclude(options: IncludeOptions & { readonly publisher: string }): Promise<IncludeOutcome> {
  const session = new Session(options);
  await session.attempt(() => {
    // The slug names a folder to remove: never one that could lead out of includes/.
    assertSlug(options.publisher);
    const site = readSiteFile(session);
    const entry = site.pins.find(({ pin }) => pin.publisher === options.publisher);
    if (!entry) throw unknownPublisher(site, options.publisher, session);
    const errorsBefore = errorsNow(session);
    const text = editedIncludes(site.text, (document) => {
      const list = document.get("includes");
      // The schema wants at least one include where the key is present.
      if (isSeq(list) && list.items.length === 1) document.delete("includes");
      else document.deleteIn(["includes", entry.index]);
    });
    commitOrUndo(session, {
      site,
      text,
      undo: () => undefined,
      refusal: new Refusal("includeCommand.stillNeeded", { publisher: options.publisher }),
      errorsBefore,
    });
    if (isFolderPin(entry.pin)) {
      session.say("includeCommand.removedFolderPin", { publisher: options.publisher, path: entry.pin.path });
      return;
    }
    const folder = join(session.dataDir, INCLUDES_FOLDER, options.publisher);
    rmSync(folder, { recursive: true, force: true });
    session.say("includeCommand.removed", { publisher: options.publisher, folder: session.show(folder) });
  });
  return session.outcome();
}
