// The editor's preview (`npm run serve`, `npm run edit`): the site served straight from the data,
// every page rendered when it is asked for, from the data as they are on disk at that moment.
//
// Nothing is rebuilt ahead: a save re-validates the data (a fraction of a second even at 1 000
// projects) and tells the open pages to reload; each reloaded page is rendered by the same
// functions the build writes with. So a page can never be stale, and a save costs the validation
// plus the one page the editor is looking at. Broken data never stop the server: every page then
// answers with the validator's located messages, and the next save that fixes them brings the site
// back. Development only: pages get a reload script and a Content-Security-Policy that allows it;
// the build's pages keep their own.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { basename, join, normalize, resolve, sep } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import { createLocalApi, type LocalApi, PREVIEW_HEADERS } from "../admin/local-api.js";
import { adminOutputs } from "../admin/plugin.js";
import { configureSite } from "../build/configure-site.js";
import { html } from "../core/html.js";
import { DEFAULT_EDITOR_LANG, type EditorLang } from "../core/languages.js";
import { contentTypeOf, DEFAULT_MEDIA_TYPE, withCharset } from "../core/media-types.js";
import { type Output, outputPath } from "../core/outputs.js";
import { basePath, rootNotFoundUrl } from "../core/routes.js";
import type { Dataset } from "../model/dataset.js";
import { datasetOf } from "../model/index.js";
import { messages } from "../model/messages.js";
import { reportLines } from "../model/report.js";
import { includedFoldersOf, siteLanguagesOf } from "../model/site-languages.js";
import { validateDataDirectory } from "../model/validate.js";
import { watchFolders } from "./watch.js";

export interface DevServerOptions {
  readonly dataDir: string;
  readonly today: DateTime;
  readonly port: number;
  readonly host?: string;
  /** Serve the web form at /admin/ with its local backend, which saves into the data (npm run edit). */
  readonly editing?: boolean;
  /** The language of the editor's messages (the validator's, the error page's). */
  readonly lang?: EditorLang;
  readonly log?: (line: string) => void;
}

export interface DevServer {
  readonly url: string;
  /** The data as last loaded: a dataset, or the report that stops it. */
  readonly state: () => Promise<DataState>;
  close(): Promise<void>;
}

export type DataState =
  | {
      readonly ok: true;
      readonly dataset: Dataset;
      readonly outputs: Outputs;
      /** An output's content as the build writes it (after Eleventy's transforms). */
      readonly written: (output: Output) => Promise<string>;
      /** The path below which the site is published ("/" at the host's root). */
      readonly basePath: string;
    }
  | { readonly ok: false; readonly report: readonly string[] };

/** What the plugins register with Eleventy, read without Eleventy: outputs and copied folders. */
interface Registrations {
  readonly outputs: (() => readonly Output[])[];
  readonly copies: Record<string, string>[];
  /** What Eleventy does to a written file (the base path put before every site path in pages). */
  readonly transforms: Transform[];
}

type Transform = (content: string, outputPath: string) => string;

/** The site's plugins, given a dataset, exactly as the build registers them (configureSite). */
function register(dataset: () => Dataset): Registrations {
  const outputs: (() => readonly Output[])[] = [];
  const copies: Record<string, string>[] = [];
  const transforms: Transform[] = [];
  const recorder = {
    addPlugin: (plugin: (config: UserConfig, options: unknown) => void, options: unknown) => plugin(recorder, options),
    addGlobalData: (key: string, value: () => readonly Output[]) => {
      if (key.startsWith("outputs_")) outputs.push(value);
    },
    addPassthroughCopy: (mapping: Record<string, string>) => copies.push(mapping),
    addTransform: (_name: string, transform: Transform) => transforms.push(transform),
    addTemplate: () => undefined,
    on: () => undefined,
    setTemplateFormats: () => undefined,
    setQuietMode: () => undefined,
  } as unknown as UserConfig;
  configureSite(recorder, { dataset });
  return { outputs, copies, transforms };
}

/** Pages, the error page and the 404 page: the media type of a folder's index.html. */
const HTML = contentTypeOf("/");

export const RELOAD_SCRIPT = "/__utblick/reload.js";
const EVENTS = "/__utblick/events";

/**
 * The reload client: it knows the version of the data its page was rendered from (the script's
 * `data-version`) and reloads the page when the server's version differs, on connecting or later
 * (after a save, or when the server restarted). A save made while a page was loading is thus
 * never missed: the page connects after it and sees a version newer than its own. Served as a
 * file, so the page's CSP can allow it by origin ('self') without allowing inline scripts.
 */
const RELOAD_CLIENT = `// Development only: reloads the page when the data change.
(() => {
  const rendered = document.currentScript?.dataset.version;
  const events = new EventSource(${JSON.stringify(EVENTS)});
  events.addEventListener("version", (event) => {
    if (event.data !== rendered) location.reload();
  });
})();
`;

/**
 * A page of the site as served in development, rendered from the data of `version`: its
 * Content-Security-Policy allows scripts from the site itself (the reload client) and the reload
 * client is loaded. Production pages keep `script-src 'none'`; this rewrite happens only here.
 */
export function withReloadClient(page: string, version: number): string {
  return page
    .replace(/script-src (?:'|&#39;)none(?:'|&#39;)/, "script-src &#39;self&#39;")
    .replace("</head>", `<script src="${RELOAD_SCRIPT}" data-version="${version}" defer></script>\n</head>`);
}

/** The page every address answers with while the data have errors: the validator's own report. */
export function errorPage(report: readonly string[], version: number, lang: EditorLang = DEFAULT_EDITOR_LANG): string {
  const tr = messages(lang);
  return withReloadClient(
    html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'unsafe-inline'">
<title>${tr("cli.serve.errorTitle")}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem }
pre { background: #fff4f4; border-left: .4rem solid #b00020; padding: 1rem; white-space: pre-wrap;
  overflow-wrap: anywhere }
</style>
</head>
<body>
<main>
<h1>${tr("cli.serve.errorTitle")}</h1>
<p>${tr("cli.serve.errorIntro")}</p>
<pre id="problems">${report.join("\n")}</pre>
</main>
</body>
</html>
`.value,
    version,
  );
}

/**
 * The outputs of one dataset, described group by group (the pages, then the open data) only when
 * a request needs one: a page after a save never waits for the open data to be described.
 */
export class Outputs {
  readonly #groups: (() => readonly Output[])[];
  readonly #known = new Map<string, Output>();
  #described = 0;

  constructor(groups: (() => readonly Output[])[]) {
    this.#groups = groups;
  }

  get(url: string): Output | undefined {
    for (;;) {
      const output = this.#known.get(url);
      if (output || this.#described === this.#groups.length) return output;
      for (const described of this.#groups[this.#described++]?.() ?? []) this.#known.set(described.url, described);
    }
  }

  /** Every URL, all groups described. */
  urls(): string[] {
    this.get("\0");
    return [...this.#known.keys()];
  }
}

/** Loads and validates the data; never throws for data errors. */
function load(dataDir: string, today: DateTime, lang: EditorLang): DataState {
  const validation = validateDataDirectory(dataDir, { today, lang });
  if (!validation.dataset) return { ok: false, report: reportLines(validation) };
  const dataset = datasetOf(today, validation);
  const registered = register(() => dataset);
  const written = async (output: Output): Promise<string> => {
    const path = `/${outputPath(output.url)}`;
    let content = await output.render();
    for (const transform of registered.transforms) content = transform(content, path);
    return content;
  };
  return {
    ok: true,
    dataset,
    outputs: new Outputs(registered.outputs),
    written,
    basePath: basePath(dataset.site.base_url),
  };
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const lang = options.lang ?? DEFAULT_EDITOR_LANG;
  const tr = messages(lang);
  const dataDir = resolve(options.dataDir);
  let version = 0;
  // Loaded once the server listens, so that a browser opened at once waits instead of failing.
  // Each state carries its version, which the pages rendered from it name.
  let state: Promise<{ data: DataState; version: number }> = new Promise<void>((listening) =>
    setImmediate(listening),
  ).then(() => ({ data: safeLoad(), version }));
  const clients = new Set<ServerResponse>();
  const { copies } = register(() => {
    throw new Error("the copied folders do not depend on the data");
  });
  // Made once the server listens: the form links each record to its page on this server.
  let admin = new Map<string, Output>();

  function safeLoad(): DataState {
    const started = performance.now();
    try {
      const loaded = load(dataDir, options.today, lang);
      if (loaded.ok) log(tr("cli.serve.loaded", { ms: Math.round(performance.now() - started) }));
      else for (const line of loaded.report) log(line);
      return loaded;
    } catch (error) {
      // Not a data error: a fault of the program. Still shown in the browser, as one line.
      const message = error instanceof Error ? error.message : String(error);
      log(message);
      return { ok: false, report: [message] };
    }
  }

  function reload(): void {
    state = Promise.resolve().then(() => {
      const data = safeLoad();
      version++;
      for (const client of clients) client.write(`event: version\ndata: ${version}\n\n`);
      return { data, version };
    });
  }

  // Saves come as bursts of events (an editor writes, renames, touches): one reload per burst.
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, 30);
  };
  // The folders site.yaml includes by path are shown too: a change in one shows at once.
  const watchers = [dataDir, ...includedFoldersOf(dataDir)].map((folder) => watchFolders(folder, changed));
  const watcher = {
    close: () => {
      for (const each of watchers) each.close();
    },
  };

  // Known once the server listens: the names it answers to, and the form's backend.
  let hosts = new Set<string>();
  let canonical = "";
  let api: LocalApi | undefined;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    // A page of another site whose name was made to point here (DNS rebinding) must read nothing.
    if (!hosts.has(request.headers.host ?? ""))
      return send(response, 421, withCharset(DEFAULT_MEDIA_TYPE), tr("editing.wrongHost", { expected: canonical }));
    if (api?.claims(pathname)) return api.handle(request, response);
    // The form and its backend have one origin: the same page at localhost is sent there.
    if (api && request.headers.host !== new URL(canonical).host) {
      const location = new URL(request.url ?? "/", canonical).href;
      response.writeHead(308, { location, "cache-control": "no-store", ...PREVIEW_HEADERS });
      return void response.end();
    }
    let url = decodeURIComponent(pathname);
    if (url === EVENTS) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      response.write(`event: version\ndata: ${version}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (url === RELOAD_SCRIPT) return send(response, 200, contentTypeOf(url), RELOAD_CLIENT);
    const { data: current, version: rendered } = await state;
    // A site published below a path (base_url https://host/internationellt/) is served there too;
    // its pages link below that path. Addresses without it are served as well.
    const prefix = current.ok ? current.basePath.replace(/\/$/, "") : "";
    if (prefix && url.startsWith(`${prefix}/`)) url = url.slice(prefix.length);
    const adminOutput = admin.get(url) ?? admin.get(`${url}/`);
    if (adminOutput) return send(response, 200, contentTypeOf(adminOutput.url), await adminOutput.render());
    const copied = copiedFile(copies, url);
    if (copied) return send(response, 200, contentTypeOf(url), readFileSync(copied));
    if (!current.ok) return send(response, 500, HTML, errorPage(current.report, rendered, lang));
    const output = current.outputs.get(url) ?? current.outputs.get(url.endsWith("/") ? url : `${url}/`);
    if (!output) {
      const notFound = current.outputs.get(rootNotFoundUrl);
      return send(
        response,
        404,
        HTML,
        notFound ? withReloadClient(await current.written(notFound), rendered) : "Not found",
      );
    }
    const body = await current.written(output);
    const type = contentTypeOf(output.url);
    send(response, 200, type, type.startsWith("text/html") ? withReloadClient(body, rendered) : body);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(message);
      if (!response.headersSent) send(response, 500, HTML, errorPage([message], version, lang));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port, options.host ?? "127.0.0.1", () => done());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${hostOf(address.address)}:${address.port}/`;
  canonical = url.slice(0, -1);
  hosts = hostHeaders(address, options.host);
  if (options.editing) {
    api = createLocalApi({ dataDir, dataFolder: basename(dataDir), origin: canonical, today: options.today, lang });
    const form = adminOutputs({
      backend: { name: "local", url: api.url },
      dataFolder: basename(dataDir),
      siteUrl: url,
      languages: siteLanguagesOf(dataDir).languages,
    });
    admin = new Map(form.map((output) => [output.url, output] as const));
  }
  return {
    url,
    state: async () => (await state).data,
    close: async () => {
      clearTimeout(timer);
      watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const hostOf = (address: string): string => (address.includes(":") ? `[${address}]` : address);

/**
 * The Host headers the server answers: its address and port, `localhost` on the loopback, every
 * address of the machine when it listens on all of them, and a name the operator gave with --host.
 */
export function hostHeaders(address: AddressInfo, requested?: string): Set<string> {
  const names = new Set<string>([address.address]);
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  if (wildcard)
    for (const list of Object.values(networkInterfaces()))
      for (const item of list ?? []) names.add(item.address.replace(/%.*$/, ""));
  if (wildcard || address.address === "127.0.0.1" || address.address === "::1") names.add("localhost");
  if (requested) names.add(requested);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${hostOf(name)}:${address.port}`);
    if (address.port === 80) hosts.add(hostOf(name));
  }
  return hosts;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store", ...PREVIEW_HEADERS });
  response.end(body);
}

/** The file a passthrough copy serves at a URL, if any; never a path outside the copied folder. */
function copiedFile(copies: readonly Record<string, string>[], url: string): string | undefined {
  for (const mapping of copies) {
    for (const [from, to] of Object.entries(mapping)) {
      const prefix = `/${to.replace(/^\/|\/$/g, "")}/`;
      if (!url.startsWith(prefix)) continue;
      const root = resolve(from);
      const file = normalize(join(root, url.slice(prefix.length)));
      if (!file.startsWith(root + sep)) continue;
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
  }
  return undefined;
}
