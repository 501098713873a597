// Bundles the admin page's scripts for the browser (src/core/browser-bundle.ts), from the same
// source files the command line runs. Three things differ from Node, each in one place here:
//
// - A module of src/model that reads files has a twin for the browser beside it, named
//   `<name>.browser.ts` (the schemas, the editor's messages, the loader, which reads nothing there):
//   the twin is bundled instead, so the rules themselves are the same code.
// - The few other reads of the project's own files (src/core's list of languages, which reads the
//   locales folder) find a read-only folder in the script: `node:fs` is a table of those files,
//   `node:path` and `node:url` the few functions the code calls, and `import.meta.url` each
//   module's place in the repository (file:///utblick/src/…), so the paths it builds find the table.
// - Anything else that would need Node fails the bundle, naming the import.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";
import { bundleForBrowser } from "../core/browser-bundle.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPOSITORY = join(HERE, "..", "..");
/** Where the repository's files are in the browser's table of them. */
const VIRTUAL_ROOT = "/utblick";

/**
 * The project's files the bundled code may read, by their path in the table: each UI catalogue's
 * description of its own language (its `language` section; the rest is the site's, not the form's).
 */
function embeddedFiles(): { files: Record<string, string>; folders: Record<string, string[]> } {
  const locales = join(REPOSITORY, "locales");
  const names = readdirSync(locales)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const files: Record<string, string> = {};
  for (const name of names) {
    const catalogue = JSON.parse(readFileSync(join(locales, name), "utf8")) as { language?: unknown };
    files[`${VIRTUAL_ROOT}/locales/${name}`] = JSON.stringify(
      catalogue.language === undefined ? {} : { language: catalogue.language },
    );
  }
  return { files, folders: { [`${VIRTUAL_ROOT}/locales`]: names } };
}

const SHIMS: Record<string, () => string> = {
  "node:fs": () => {
    const { files, folders } = embeddedFiles();
    return `const files = ${JSON.stringify(files)};
const folders = ${JSON.stringify(folders)};
const missing = (path) =>
  Object.assign(new Error("ENOENT: " + path + " is not in the form's script"), { code: "ENOENT" });
export function readFileSync(path) { if (path in files) return files[path]; throw missing(path); }
export function readdirSync(path) { if (path in folders) return [...folders[path]]; throw missing(path); }
export function existsSync(path) { return path in files || path in folders; }`;
  },
  "node:path": () => `export const sep = "/";
export function normalize(path) {
  const parts = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return (path.startsWith("/") ? "/" : "") + parts.join("/");
}
export const join = (...parts) => normalize(parts.join("/"));
export const dirname = (path) => normalize(path + "/..");
export const isAbsolute = (path) => path.startsWith("/");`,
  // domainToASCII as Node's: the host a WHATWG URL makes of the name, or "" when it is none.
  "node:url": () => `export const fileURLToPath = (url) => decodeURIComponent(new URL(url).pathname);
export function domainToASCII(domain) { try { return new URL("http://" + domain).hostname; } catch { return ""; } }`,
};

const forBrowser: Plugin = {
  name: "utblick-browser",
  setup(bundle) {
    bundle.onResolve({ filter: /\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(REPOSITORY, "src", "model"))) return undefined;
      const twin = join(dirname(args.importer), args.path.replace(/\.js$/, ".browser.ts"));
      return existsSync(twin) ? { path: twin } : undefined;
    });
    bundle.onResolve({ filter: /^node:/ }, (args) => {
      if (!(args.path in SHIMS) || !args.importer.startsWith(join(REPOSITORY, "src")))
        return { errors: [{ text: `${args.path} has no stand-in in the browser (imported by ${args.importer})` }] };
      return { path: args.path, namespace: "utblick-shim" };
    });
    bundle.onLoad({ filter: /.*/, namespace: "utblick-shim" }, (args) => ({
      contents: SHIMS[args.path]?.() ?? "",
      loader: "js",
    }));
    bundle.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const place = `file://${VIRTUAL_ROOT}/${relative(REPOSITORY, args.path).split("\\").join("/")}`;
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(place)), loader: "ts" };
    });
  },
};

/** One of src/admin's scripts (`browser.ts`, `validator.ts`), bundled as an ES module for the browser. */
export function browserBundle(entry: string): Promise<string> {
  return bundleForBrowser({ entry: join(HERE, entry), plugins: [forBrowser] });
}
