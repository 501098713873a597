// A site published below a path of its host: every address it writes — links, assets, forms,
// the search page's bundles, canonical and hreflang, feeds, sitemap, robots.txt, open data and
// catalog IRIs — stays below that path and names a file the build wrote.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

const HOST = "https://www.example-kommun.se";
const BASE = "/internationellt/";
const BASE_URL = `${HOST}${BASE}`;

const work = mkdtempSync(join(tmpdir(), "utblick-sub-path-"));
let site: BuiltSite;

beforeAll(async () => {
  const data = join(work, "data");
  cpSync("test/fixtures/valid/site", data, { recursive: true });
  const siteYaml = join(data, "site.yaml");
  writeFileSync(siteYaml, readFileSync(siteYaml, "utf8").replace(/^base_url: .*$/m, `base_url: ${BASE_URL}`));
  site = await buildSite(data, join(work, "site"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The file an address of the site is served from, or a reason it is not one of the site's. */
function fileOf(address: string, from: string): { file?: string; problem?: string } {
  const url = new URL(address, new URL(from, BASE_URL));
  if (url.origin !== HOST) return {};
  if (!url.pathname.startsWith(BASE)) return { problem: `${address} (in ${from}) is outside ${BASE}` };
  const path = `/${decodeURI(url.pathname).slice(BASE.length)}`;
  return { file: path.endsWith("/") ? `${path}index.html` : path };
}

/**
 * The addresses that are not the site's or name no file. With `folders`, an address ending in a
 * slash may name a folder of files instead of a page (a search bundle, a prefix in JSON-LD).
 */
function unresolved(addresses: readonly [string, string][], folders = false): string[] {
  return addresses.flatMap(([address, from]) => {
    const { file, problem } = fileOf(address, from);
    if (problem) return [problem];
    if (file === undefined || site.files.includes(file)) return [];
    const folder = file.replace(/index\.html$/, "");
    if (folders && address.endsWith("/") && site.files.some((name) => name.startsWith(folder))) return [];
    return [`${address} (in ${from}) names no file`];
  });
}

describe("a site below a path of its host", () => {
  it("writes every link, asset, form and data-…-url of every page below the path, to a file that exists", () => {
    const addresses = site.htmlFiles.flatMap((file) => {
      const $ = site.html(file);
      const page = file.replace(/index\.html$/, "");
      return $("[href], [src], [action], [data-site-url]")
        .toArray()
        .flatMap((element) =>
          ["href", "src", "action", "data-site-url"].flatMap((name) => {
            const value = $(element).attr(name);
            return value === undefined || value.startsWith("#") || value.startsWith("mailto:")
              ? []
              : [[value, page] as [string, string]];
          }),
        );
    });
    expect(addresses.length).toBeGreaterThan(500);
    expect(unresolved(addresses)).toEqual([]);
    const bundles = site.htmlFiles.flatMap((file) =>
      site
        .html(file)("[data-bundle-url]")
        .toArray()
        .map((element) => [site.html(file)(element).attr("data-bundle-url")!, file] as [string, string]),
    );
    expect(bundles.length).toBe(3);
    expect(unresolved(bundles, true)).toEqual([]);
  });

  it("writes no root-relative address that skips the path", () => {
    const outside = site.htmlFiles.flatMap((file) =>
      [...site.read(file).matchAll(/\s(?:href|src|action|data-[a-z-]+-url)="(\/[^"]*)"/g)]
        .map((match) => match[1]!)
        .filter((address) => !address.startsWith(BASE))
        .map((address) => `${address} in ${file}`),
    );
    expect(outside).toEqual([]);
  });

  it("names canonical and hreflang addresses below the path, each a page of the site", () => {
    const addresses = site.htmlFiles.flatMap((file) =>
      site
        .html(file)('link[rel="canonical"], link[rel="alternate"][hreflang]')
        .toArray()
        .map((link) => [site.html(file)(link).attr("href")!, file] as [string, string]),
    );
    expect(addresses.every(([address]) => address.startsWith(BASE_URL))).toBe(true);
    expect(unresolved(addresses)).toEqual([]);
  });

  it("gives every address of the host in feeds, sitemap, robots.txt, open data and the catalog the path, and a file", () => {
    const textFiles = site.files.filter((file) =>
      /\.(xml|txt|json|jsonld|rdf|csv)$|SHA256SUMS$|_redirects$/.test(file),
    );
    const addresses = textFiles.flatMap((file) =>
      [...site.read(file).matchAll(/https?:\/\/www\.example-kommun\.se[^\s"'<>\\)]*/g)].map(
        (match) => [match[0].replace(/#.*$/, ""), file] as [string, string],
      ),
    );
    const kinds = new Set(addresses.map(([, file]) => file.split("/")[1]));
    expect([...kinds]).toEqual(expect.arrayContaining(["sitemap.xml", "robots.txt", "sv", "data"]));
    expect(unresolved(addresses, true)).toEqual([]);
  });

  it("lists each language's search bundles relative to their manifest, so they are found below the path", () => {
    for (const lang of ["sv", "en", "de"]) {
      const manifest = `/pagefind/${lang}/bundles.json`;
      const bundles = JSON.parse(site.read(manifest)) as string[];
      for (const bundle of bundles) {
        expect(bundle.startsWith("/")).toBe(false);
        const entry = new URL(`${bundle}pagefind-entry.json`, `http://site${manifest}`).pathname;
        expect(site.files).toContain(entry);
      }
    }
  });

  it("gives hosts that read _redirects the language swaps below the path", () => {
    expect(site.read("/_redirects")).toContain(`${BASE}de/projects/* ${BASE}de/projekte/:splat 301`);
  });
});
