// The web form's backend on the editor's own machine (`npm run edit`): Decap CMS's local API
// (the actions its proxy backend sends), answered by the preview server itself, for nobody but the
// form it serves and for nothing but the record files of the data directory.
//
// A web page open in the same browser can send requests to any local port, and a DNS-rebinding
// page can even make them look same-origin. So a request is answered only when it carries all of:
// the server's exact Host and Origin, a JSON content type (which a cross-origin page cannot send
// without a preflight we never grant) and the per-run secret in the address, which only the
// admin page's configuration holds. Paths are not trusted either: each must be a record file of a
// collection's folder (or site.yaml, or an image in the media folder), checked by its form and
// then on disk, where no link is followed. A save is refused when it would add a validation
// error, so what the form saves is what the build publishes.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  closeSync,
  constants,
  cpSync,
  fstatSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { DateTime } from "luxon";
import { RECORD_ID } from "../core/ids.js";
import type { EditorLang } from "../core/languages.js";
import { messages, type Translate } from "../model/messages.js";
import { formatProblem, type Problem } from "../model/problems.js";
import { validateDataDirectory } from "../model/validate.js";
import { cmsSetup } from "./config.js";
import { readRecordYaml } from "./yaml.js";

/** Where the API is served on the preview server; the per-run secret follows. */
export const LOCAL_API_PATH = "/__utblick/api/";

/**
 * Sent with every answer of the preview and the form's backend: no other site may frame them (in
 * a frame the form is same-origin with its backend, and a click could save for someone else) and
 * no answer is read as another type than it says.
 */
export const PREVIEW_HEADERS = {
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
} as const;

/** The largest request: a record is a few kilobytes, an image (base64) at most MAX_MEDIA_BYTES. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
/** Files one request may ask for: more than any collection holds, far fewer than stop the server. */
const MAX_FILES_PER_REQUEST = 1000;
/** Images the form may upload: no SVG, which can carry scripts. */
const MEDIA_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp", "avif"];
const MEDIA_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*\\.(?:${MEDIA_EXTENSIONS.join("|")})$`);
const RECORD_FILE = new RegExp(`^(${RECORD_ID.source.slice(1, -1)})\\.yaml$`);

export interface LocalApiOptions {
  /** The data directory, absolute. */
  readonly dataDir: string;
  /** The data folder as the form's paths name it ("data"). */
  readonly dataFolder: string;
  /** The one origin whose pages may call the API: the preview server's ("http://127.0.0.1:8080"). */
  readonly origin: string;
  readonly today: DateTime;
  readonly lang: EditorLang;
}

export interface LocalApi {
  /** The API's address, secret included: what the admin page is configured with. */
  readonly url: string;
  /** Whether a request is for the API (by its path; the secret is checked by `handle`). */
  readonly claims: (pathname: string) => boolean;
  readonly handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

/** A refusal: the HTTP status and the editor's message; nothing was read or written. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A place the form may read and write, by the path the form names it with. */
type Place =
  | { readonly kind: "record"; readonly collection: string; readonly file: string; readonly id: string }
  | { readonly kind: "media"; readonly file: string };

/** The collections' places, read from the form's own configuration (its one home). */
interface Places {
  readonly folders: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, string>;
  readonly media: string;
}

function placesOf(dataFolder: string, url: string): Places {
  // Only the folders and files: the same for every set of languages.
  const setup = cmsSetup({ backend: { name: "local", url }, dataFolder, languages: [] });
  const collections = setup.config.collections as readonly {
    name: string;
    folder?: string;
    files?: readonly { file: string }[];
  }[];
  const folders = new Map<string, string>();
  const files = new Map<string, string>();
  for (const collection of collections) {
    if (collection.folder) folders.set(collection.folder, collection.name);
    for (const file of collection.files ?? []) files.set(file.file, collection.name);
  }
  return { folders, files, media: String(setup.config.media_folder) };
}

export function createLocalApi(options: LocalApiOptions): LocalApi {
  const tr = messages(options.lang);
  const secret = randomBytes(32).toString("base64url");
  const url = `${options.origin}${LOCAL_API_PATH}${secret}`;
  const places = placesOf(options.dataFolder, url);
  const dataDir = realpathSync(options.dataDir);
  const expectedHost = new URL(options.origin).host;
  const prefix = `${options.dataFolder.replace(/^\.\/|\/$/g, "")}/`;

  /** The place a path names, or a refusal: never a path the configuration does not give. */
  function placeOf(path: unknown): Place {
    const shown = typeof path === "string" ? path : typeof path;
    const refuse = () => new Refusal(403, tr("editing.notARecord", { path: shown, folder: prefix }));
    if (typeof path !== "string" || path.length > 512 || !path.startsWith(prefix)) throw refuse();
    const fileCollection = places.files.get(path);
    if (fileCollection) return { kind: "record", collection: fileCollection, file: path.slice(prefix.length), id: "" };
    const slash = path.lastIndexOf("/");
    const folder = path.slice(0, slash);
    const name = path.slice(slash + 1);
    const collection = places.folders.get(folder);
    const record = RECORD_FILE.exec(name);
    if (collection && record?.[1])
      return { kind: "record", collection, file: path.slice(prefix.length), id: record[1] };
    if (folder === places.media && MEDIA_NAME.test(name)) return { kind: "media", file: path.slice(prefix.length) };
    throw refuse();
  }

  /**
   * The file on disk for a place, whose folder is the real folder inside the data directory (no
   * link on the way); undefined content when there is no file yet. A link or a folder is refused.
   */
  function onDisk(place: Place): { path: string; exists: boolean } {
    const path = join(dataDir, place.file);
    const folder = dirname(path);
    let realFolder: string;
    try {
      realFolder = realpathSync(folder);
    } catch {
      return { path, exists: false };
    }
    if (realFolder !== folder) throw new Refusal(403, tr("editing.linked", { path: prefix + place.file }));
    try {
      // A second name of a file elsewhere (a hard link) is as much a way out as a symbolic link.
      const stat = lstatSync(path);
      if (!stat.isFile() || stat.nlink > 1) throw new Refusal(403, tr("editing.linked", { path: prefix + place.file }));
      return { path, exists: true };
    } catch (error) {
      if (error instanceof Refusal) throw error;
      return { path, exists: false };
    }
  }

  /** A file's bytes, opened without following a link. */
  function read(place: Place): Buffer | undefined {
    const { path, exists } = onDisk(place);
    if (!exists) return undefined;
    const descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const stat = fstatSync(descriptor);
      if (!stat.isFile() || stat.size > MAX_MEDIA_BYTES) return undefined;
      return readFileSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  }

  /** Written beside the target and renamed into place: a reader never sees half a file. */
  function write(place: Place, content: string | Buffer): void {
    const { path } = onDisk(place);
    const temporary = join(dirname(path), `.${randomBytes(6).toString("hex")}.utblick-saving`);
    try {
      writeFileSync(temporary, content, { flag: "wx", mode: 0o644 });
      // Again just before the rename: the folder may have been swapped for a link meanwhile.
      if (realpathSync(dirname(path)) !== dirname(path))
        throw new Error(tr("editing.linked", { path: prefix + place.file }));
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      const detail = error instanceof Error ? error.message : String(error);
      throw new Refusal(500, tr("editing.failed", { path: prefix + place.file, detail }));
    }
  }

  const entry = (place: Place) => {
    const content = read(place);
    return {
      data: content?.toString("utf8") ?? null,
      file: { path: prefix + place.file, id: content ? createHash("sha256").update(content).digest("hex") : null },
    };
  };

  const media = (place: Place) => {
    const content = read(place);
    if (!content) throw new Refusal(404, tr("editing.missing", { path: prefix + place.file }));
    const name = place.file.slice(place.file.lastIndexOf("/") + 1);
    return {
      id: createHash("sha256").update(content).digest("hex"),
      content: content.toString("base64"),
      encoding: "base64",
      path: prefix + place.file,
      name,
    };
  };

  /** Every record file of a collection's folder (plain files named as ids; no link, no dot-file). */
  function listFolder(folder: unknown): Place[] {
    if (typeof folder !== "string" || !(places.folders.has(folder) || folder === places.media))
      throw new Refusal(403, tr("editing.notARecord", { path: String(folder), folder: prefix }));
    const path = join(dataDir, folder.slice(prefix.length));
    try {
      if (realpathSync(path) !== path) throw new Refusal(403, tr("editing.linked", { path: folder }));
    } catch (error) {
      if (error instanceof Refusal) throw error;
      return [];
    }
    return readdirSync(path, { withFileTypes: true })
      .filter((dirent) => dirent.isFile() && lstatSync(join(path, dirent.name)).nlink === 1)
      .map((dirent) => `${folder}/${dirent.name}`)
      .flatMap((file) => {
        try {
          return [placeOf(file)];
        } catch {
          return [];
        }
      });
  }

  /** The problems of the data with `text` saved at `place`: on a copy, the data folder untouched. */
  function problemsAfterSave(place: Place, text: string): Problem[] {
    const scratch = mkdtempSync(join(tmpdir(), "utblick-save-"));
    try {
      const copy = join(scratch, prefix.slice(0, -1));
      // Links copied as they are, so the copy is validated as the data folder is; the record is
      // then written as a new plain file in a real folder of the copy, never through a link.
      cpSync(dataDir, copy, { recursive: true, verbatimSymlinks: true });
      const target = join(copy, place.file);
      if (realpathSync(dirname(target)) !== join(realpathSync(copy), dirname(place.file)))
        throw new Refusal(403, tr("editing.linked", { path: prefix + place.file }));
      rmSync(target, { force: true });
      writeFileSync(target, text, { flag: "wx" });
      return problemsOf(copy, realpathSync(scratch));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  function problemsOf(directory: string, root: string): Problem[] {
    return validateDataDirectory(directory, {
      today: options.today,
      lang: options.lang,
      displayRoot: root,
    }).problems.map((problem): Problem => ({ ...problem, file: problem.file.replace(/\\/g, "/") }));
  }

  /** The errors a save would add to the data, each located (none: the save may go ahead). */
  function newErrors(place: Place, text: string): string[] {
    const lines = (problems: Problem[]) =>
      problems.filter((problem) => problem.severity === "error").map((problem) => formatProblem(problem, options.lang));
    const before = new Set(lines(problemsOf(dataDir, dirname(dataDir))));
    return lines(problemsAfterSave(place, text)).filter((line) => !before.has(line));
  }

  /**
   * What the validator would say of the record on screen if it were saved as `raw`: the problems
   * located in its file, by field, for the form to show beside the fields before it saves.
   */
  function checkEntry(params: Record<string, unknown>): unknown {
    const place = placeOf(params.path);
    if (place.kind !== "record" || typeof params.raw !== "string")
      throw new Refusal(400, tr("editing.badRequest", { detail: "checkEntry" }));
    onDisk(place);
    const problems = problemsAfterSave(place, params.raw).filter((problem) => problem.file === prefix + place.file);
    return {
      problems: problems.map(({ severity, field, line, message }) => ({ severity, field, line, message })),
    };
  }

  function persistEntry(params: Record<string, unknown>): unknown {
    const dataFiles = (params.dataFiles ?? (params.entry ? [params.entry] : [])) as unknown[];
    const assets = (params.assets ?? []) as unknown[];
    const persistOptions = (params.options ?? {}) as { newEntry?: unknown; collectionName?: unknown };
    const [dataFile] = dataFiles as { path?: unknown; raw?: unknown; newPath?: unknown }[];
    if (dataFiles.length !== 1 || !dataFile || typeof dataFile.raw !== "string" || !Array.isArray(assets))
      throw new Refusal(400, tr("editing.badRequest", { detail: "persistEntry" }));
    if (assets.length > 0) throw new Refusal(403, tr("editing.noAssets"));
    const place = placeOf(dataFile.path);
    if (place.kind !== "record")
      throw new Refusal(403, tr("editing.notARecord", { path: String(dataFile.path), folder: prefix }));
    if (dataFile.newPath !== undefined && dataFile.newPath !== dataFile.path)
      throw new Refusal(403, tr("editing.rename"));
    const shown = persistOptions.collectionName;
    if (typeof shown === "string" && shown !== place.collection)
      throw new Refusal(
        409,
        tr("editing.wrongCollection", { path: prefix + place.file, collection: shown, other: place.collection }),
      );
    const original = read(place)?.toString("utf8");
    if (persistOptions.newEntry === true && original !== undefined)
      throw new Refusal(409, tr("editing.exists", { id: place.id, path: prefix + place.file }));
    if (persistOptions.newEntry !== true && original === undefined)
      throw new Refusal(409, tr("editing.missing", { path: prefix + place.file }));
    let data: unknown;
    try {
      data = readRecordYaml(dataFile.raw);
    } catch (error) {
      throw new Refusal(422, tr("editing.notYaml", { detail: error instanceof Error ? error.message : String(error) }));
    }
    if (typeof data !== "object" || data === null || Array.isArray(data))
      throw new Refusal(422, tr("editing.notYaml", { detail: "—" }));
    const errors = newErrors(place, dataFile.raw);
    if (errors.length > 0) throw new Refusal(422, tr("editing.invalid", { problems: errors.join("\n") }));
    write(place, dataFile.raw);
    return { message: "entry persisted" };
  }

  function persistMedia(params: Record<string, unknown>): unknown {
    const asset = (params.asset ?? {}) as { path?: unknown; content?: unknown; encoding?: unknown };
    const place = placeOf(asset.path);
    if (place.kind !== "media" || asset.encoding !== "base64" || typeof asset.content !== "string")
      throw new Refusal(
        403,
        tr("editing.notMedia", {
          path: String(asset.path),
          folder: places.media,
          extensions: MEDIA_EXTENSIONS.join(", "),
        }),
      );
    const content = Buffer.from(asset.content, "base64");
    if (content.length > MAX_MEDIA_BYTES) throw new Refusal(413, tr("editing.tooLarge", { limit: "10 MB" }));
    write(place, content);
    return media(place);
  }

  function deleteFiles(paths: unknown[]): unknown {
    const targets = paths.map((path) => {
      const place = placeOf(path);
      if (place.kind !== "media") throw new Refusal(403, tr("editing.noDelete", { path: String(path) }));
      return onDisk(place);
    });
    for (const target of targets) if (target.exists) unlinkSync(target.path);
    return { message: "deleted" };
  }

  function answer(action: string, params: Record<string, unknown>): unknown {
    switch (action) {
      case "info":
        return { repo: options.dataFolder, publish_modes: ["simple"], type: "local_fs" };
      case "entriesByFolder":
        return listFolder(params.folder)
          .filter((place) => place.kind === "record")
          .map(entry);
      case "entriesByFiles": {
        const files = Array.isArray(params.files) ? (params.files as { path?: unknown }[]) : [];
        if (files.length > MAX_FILES_PER_REQUEST)
          throw new Refusal(413, tr("editing.tooLarge", { limit: `${MAX_FILES_PER_REQUEST}` }));
        return files.map((file) => placeOf(file.path)).map(entry);
      }
      case "getEntry":
        return entry(placeOf(params.path));
      case "persistEntry":
        return persistEntry(params);
      case "checkEntry":
        return checkEntry(params);
      case "getMedia":
        if (params.mediaFolder !== places.media)
          throw new Refusal(403, tr("editing.notARecord", { path: String(params.mediaFolder), folder: prefix }));
        return listFolder(params.mediaFolder)
          .filter((place) => place.kind === "media")
          .map(media);
      case "getMediaFile": {
        const place = placeOf(params.path);
        if (place.kind !== "media")
          throw new Refusal(403, tr("editing.notARecord", { path: String(params.path), folder: prefix }));
        return media(place);
      }
      case "persistMedia":
        return persistMedia(params);
      case "deleteFile":
        return deleteFiles([params.path]);
      case "deleteFiles":
        return deleteFiles(Array.isArray(params.paths) ? params.paths : [params.paths]);
      case "getDeployPreview":
        return null;
      default:
        throw new Refusal(422, tr("editing.unknownAction", { action: action.slice(0, 64) }));
    }
  }

  const ownSecret = Buffer.from(secret);
  const hasSecret = (pathname: string): boolean => {
    const given = Buffer.from(pathname.slice(LOCAL_API_PATH.length));
    return given.length === ownSecret.length && timingSafeEqual(given, ownSecret);
  };

  /** Whether the request comes from the admin page this server served, and nowhere else. */
  function fromOwnForm(request: IncomingMessage, pathname: string): boolean {
    const fetchSite = request.headers["sec-fetch-site"];
    return (
      request.method === "POST" &&
      request.headers.host === expectedHost &&
      request.headers.origin === options.origin &&
      (fetchSite === undefined || fetchSite === "same-origin") &&
      /^application\/json(?:;|$)/i.test(request.headers["content-type"] ?? "") &&
      hasSecret(pathname)
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    try {
      if (!fromOwnForm(request, pathname)) throw new Refusal(403, tr("editing.refused"));
      const body = await readBody(request, tr);
      const action = typeof body.action === "string" ? body.action : "";
      const params =
        typeof body.params === "object" && body.params !== null ? (body.params as Record<string, unknown>) : {};
      reply(response, 200, answer(action, params));
    } catch (error) {
      if (error instanceof Refusal) return reply(response, error.status, { error: error.message });
      const detail = error instanceof Error ? error.message : String(error);
      reply(response, 500, { error: tr("editing.failed", { path: "—", detail }) });
    }
  }

  return { url, claims: (pathname) => pathname.startsWith(LOCAL_API_PATH), handle };
}

/** The request's JSON body, at most MAX_REQUEST_BYTES; a refusal for anything else. */
async function readBody(request: IncomingMessage, tr: Translate): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new Refusal(413, tr("editing.tooLarge", { limit: "16 MB" }));
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Refused below, as any body that is not a JSON object.
  }
  throw new Refusal(400, tr("editing.badRequest", { detail: "JSON" }));
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...PREVIEW_HEADERS,
  });
  response.end(JSON.stringify(body));
}
