// The Pagefind index as the build writes it: one per language, with the records and filters.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/i18n/translate.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";
import { SAMPLE_PAGES_PER_BUNDLE } from "../helpers/shared-sites.js";

interface Fragment {
  url: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  content: string;
}

let site: BuiltSite;
let fragments: Fragment[];

let bundles: Record<string, string[]>;

beforeAll(() => {
  // The frozen sample, built with small bundles and in several runs: each language is indexed
  // while the following runs are written.
  site = sharedSite("sample");
  bundles = Object.fromEntries(
    ["sv", "en", "de"].map((lang) => {
      // The manifest lists its bundles relative to itself; here they become site paths.
      const manifest = `/pagefind/${lang}/`;
      const listed = JSON.parse(site.read(`${manifest}bundles.json`)) as string[];
      return [lang, listed.map((bundle) => new URL(bundle, `http://site${manifest}`).pathname)];
    }),
  );
  fragments = Object.values(bundles)
    .flat()
    .flatMap((bundle) => {
      const dir = join(site.dir, bundle, "fragment");
      return readdirSync(dir).map((file) => {
        const text = gunzipSync(readFileSync(join(dir, file))).toString("utf8");
        return JSON.parse(text.slice(text.indexOf("{"))) as Fragment;
      });
    });
});

describe("the search index", () => {
  it("exists for Swedish, English and German, in bundles of at most the configured size, with the same number of pages each", () => {
    const counts = ["sv", "en", "de"].map((lang) => {
      expect(bundles[lang]!.length).toBeGreaterThan(1);
      return bundles[lang]!.reduce((sum, bundle) => {
        const entry = JSON.parse(site.read(`${bundle}pagefind-entry.json`)) as {
          languages: Record<string, { page_count: number }>;
        };
        expect(Object.keys(entry.languages)).toEqual([lang]);
        expect(entry.languages[lang]!.page_count).toBeLessThanOrEqual(SAMPLE_PAGES_PER_BUNDLE);
        return sum + entry.languages[lang]!.page_count;
      }, 0);
    });
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThanOrEqual(site.dataset.projects.length);
  });

  it("indexes projects with their facets in the page's language", () => {
    const english = fragments.find((fragment) => fragment.url === "/en/projects/nonhazcity/");
    expect(english?.meta).toMatchObject({
      title: "NonHazCity – chemical-smart cities around the Baltic Sea",
      type: "Project",
    });
    expect(english?.filters).toMatchObject({
      Funding: ["European Regional Development Fund"],
      "Listed under": ["City of Västerås"],
      "Start year": ["2016"],
      // The three years were a plan that no source reported done: not "Completed".
      Status: ["Not confirmed"],
      Type: ["Project"],
    });
    expect(english?.filters.Countries).toHaveLength(7);
    // The result carries when its sources spoke, as the page and the feed do.
    expect(english?.meta.described).toMatch(/^(As described|From (an )?undated sources?)/);
    const swedish = fragments.find((fragment) => fragment.url === "/sv/projekt/nonhazcity/");
    expect(swedish?.filters).toMatchObject({ "Redovisas under": ["Västerås stad"], Status: ["Obekräftad"] });
  });

  it("indexes partnerships, networks and organisations, and nothing of the navigation", () => {
    const urls = fragments.map((fragment) => fragment.url);
    expect(urls).toContain("/sv/partnerskap/vasteras-shatsk/");
    expect(urls).toContain("/de/netzwerke/demokratisk-resiliens/");
    expect(urls).toContain("/en/organisations/gaborone-city-council/");
    expect(urls.some((url) => url.includes("/oppna-data/") || url === "/sv/")).toBe(false);
    const page = fragments.find((fragment) => fragment.url === "/en/projects/nonhazcity/")!;
    expect(page.content).not.toContain("Skip to content");
    expect(page.content).not.toContain("Accessibility statement");
  });

  it("holds the records' own text, never the interface's: no table headers, hints or download links", () => {
    const headers = ["field.programme", "field.recipient", "field.amount", "field.note"] as const;
    const interfaceTexts = (lang: string): string[] => [
      t(lang, "projects.scrollHint").split(":")[0]!,
      ...headers.slice(1).map((header, index) => `${t(lang, headers[index]!)}${t(lang, header)}`),
      t(lang, "projects.details"),
      t(lang, "downloads.recordJson"),
    ];
    const found = fragments.flatMap((fragment) => {
      const lang = fragment.url.split("/")[1]!;
      return interfaceTexts(lang)
        .filter((text) => fragment.content.includes(text))
        .map((text) => `${fragment.url}: ${text}`);
    });
    expect(fragments.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
