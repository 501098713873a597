// The web editor as an Eleventy plugin: /admin/ with Decap CMS served from node_modules (no CDN),
// our script that writes YAML the way the validator and the hand-written files want it, and the
// configuration generated from the schemas. The only page besides search that runs JavaScript,
// under a Content-Security-Policy of its own. A form that saves to a git host also gets the
// project's validator bundled for the browser (utblick-validator.js) and the snapshot of the
// records it checks a save against (records.json): with no local API to ask, it checks in the page.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { html } from "../core/html.js";
import { DEFAULT_EDITOR_LANG, type Lang } from "../core/languages.js";
import { addOutputs, type Batch, type Output } from "../core/outputs.js";
import { ADMIN_URL } from "../core/routes.js";
import type { Dataset } from "../model/dataset.js";
import type { Records } from "../model/types.js";
import { type RecordsSnapshot, recordsSnapshot } from "../model/validate-in-memory.js";
import { browserBundle } from "./bundle.js";
import { type CmsBackend, cmsSetup, formatName } from "./config.js";

export interface AdminOptions {
  readonly backend: CmsBackend;
  /** The data folder as a path inside the repository the backend serves ("data"). */
  readonly dataFolder: string;
  /** Where saved records can be seen: the preview server, or the published site. */
  readonly siteUrl?: string;
  /** The publication's languages, the source language first: a text has a field for each. */
  readonly languages: readonly Lang[];
  /** The records a save is checked against in the page, for a form with no local API (records.json). */
  readonly snapshot?: () => RecordsSnapshot;
}

export { ADMIN_URL };

const DECAP_URL = `${ADMIN_URL}decap/`;

const HERE = dirname(fileURLToPath(import.meta.url));

const decapDist = (): string => join(dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");

/** Where the CMS may connect: the site itself and the backend's API. */
function connectSources(backend: CmsBackend): string[] {
  if (backend.name === "local") return [new URL(backend.url).origin];
  const apiRoots = { github: "https://api.github.com", gitlab: "https://gitlab.com", gitea: "" };
  return [backend.api_root ? new URL(backend.api_root).origin : apiRoots[backend.name]].filter(Boolean);
}

/**
 * The admin page's policy: scripts only from the site (Decap's bundle, ours). Decap checks its
 * configuration with ajv, which compiles validators with `new Function` ('unsafe-eval'; no inline
 * script is allowed); it styles its widgets with inline styles (emotion) and previews images as
 * data:/blob: URLs. The site's pages keep `script-src 'none'`.
 */
export function adminContentSecurityPolicy(backend: CmsBackend): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self' ${connectSources(backend).join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

function adminPage(backend: CmsBackend): string {
  return html`<!doctype html>
<html lang="${DEFAULT_EDITOR_LANG}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicy(backend)}">
<title>Redigera uppgifterna</title>
<link rel="stylesheet" href="${ADMIN_URL}admin.css">
<script src="${ADMIN_URL}manual-init.js"></script>
<script src="${DECAP_URL}decap-cms.js"></script>
<script src="${ADMIN_URL}utblick-cms.js" type="module"></script>
</head>
<body>
<noscript>Redigeringsverktyget behöver JavaScript.</noscript>
</body>
</html>
`.value;
}

const bundled = new Map<string, Promise<string>>();

/** One of our admin scripts (browser.ts, validator.ts), bundled once per process for the browser. */
function adminScript(entry: string): Promise<string> {
  let script = bundled.get(entry);
  if (!script) {
    script = browserBundle(entry);
    bundled.set(entry, script);
  }
  return script;
}

export function adminOutputs(options: AdminOptions): Output[] {
  const setup = cmsSetup(options);
  const formats = Object.entries(setup.order).map(([collection, order]) => ({ name: formatName(collection), order }));
  const dist = decapDist();
  return [
    { url: ADMIN_URL, render: () => adminPage(options.backend) },
    { url: `${ADMIN_URL}config.json`, render: () => `${JSON.stringify({ config: setup.config, formats }, null, 2)}\n` },
    // Decap starts itself on load unless told to wait for our formats and configuration.
    { url: `${ADMIN_URL}manual-init.js`, render: () => "window.CMS_MANUAL_INIT = true;\n" },
    { url: `${ADMIN_URL}admin.css`, render: () => readFileSync(join(HERE, "admin.css"), "utf8") },
    { url: `${ADMIN_URL}utblick-cms.js`, render: () => adminScript("browser.ts") },
    ...inPageCheck(options.snapshot),
    // The bundle and the chunks it loads beside itself; not the source maps (60 MB).
    ...readdirSync(dist)
      .filter((file) => file.endsWith(".js") && (file === "decap-cms.js" || file.endsWith(".decap-cms.js")))
      .map((file) => ({ url: `${DECAP_URL}${file}`, render: () => readFileSync(join(dist, file), "utf8") })),
  ];
}

/** The validator for the page and the records it checks against: for a form with no local API. */
function inPageCheck(snapshot: (() => RecordsSnapshot) | undefined): Output[] {
  if (!snapshot) return [];
  return [
    { url: `${ADMIN_URL}utblick-validator.js`, render: () => adminScript("validator.ts") },
    { url: `${ADMIN_URL}records.json`, render: () => JSON.stringify(snapshot()) },
  ];
}

/** The data folder inside the repository the CMS saves to, as the repository lays it out. */
export const REPOSITORY_DATA_FOLDER = "data";

/** The published admin: only when site.yaml names the git host the form saves to (`editing`). */
export function publishedAdminOutputs(dataset: Dataset): Output[] {
  const editing = dataset.site.editing;
  if (!editing) return [];
  const { backend, ...host } = editing;
  return adminOutputs({
    backend: { name: backend, ...host },
    dataFolder: REPOSITORY_DATA_FOLDER,
    siteUrl: dataset.site.base_url,
    languages: dataset.site.languages,
    // The records as validated; a partnership's name as the record gives it or as it is built,
    // either of which the schema takes.
    snapshot: () => recordsSnapshot(REPOSITORY_DATA_FOLDER, dataset.site, dataset.records as Records),
  });
}

export interface AdminPluginOptions {
  readonly dataset: () => Dataset;
  readonly batch?: Batch;
}

export default function adminPlugin(eleventyConfig: UserConfig, options: AdminPluginOptions): void {
  addOutputs(eleventyConfig, {
    name: "admin",
    outputs: () => publishedAdminOutputs(options.dataset()),
    batch: options.batch,
  });
}
