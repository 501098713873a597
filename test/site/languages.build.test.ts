// `site.languages` decides every language list of the output: a site of Swedish and English has
// no German anywhere, and a Swedish-only site has no language switcher at all.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildSite } from "../helpers/built-site.js";

/** A copy of the minimal fixture whose site.yaml lists only `languages`. */
function fixtureWithLanguages(languages: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "utblick-languages-"));
  cpSync("test/fixtures/valid/minimal", dir, { recursive: true });
  const site = join(dir, "site.yaml");
  const text = readFileSync(site, "utf8").replace(/^languages: .*$/m, `languages: [${languages.join(", ")}]`);
  writeFileSync(site, text);
  return dir;
}

/**
 * Every text file of the built site, by URL, but the schemas: they describe the data format, which
 * has a place for German texts whatever a site publishes.
 */
function textFiles(site: BuiltSite): [string, string][] {
  return site.files
    .filter((file) => /\.(html|xml|json|jsonld|rdf|csv|txt)$/.test(file) && !file.startsWith("/data/schemas/"))
    .map((file) => [file, site.read(file)]);
}

describe("a site in Swedish and English", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(fixtureWithLanguages(["sv", "en"]));
  });

  it("has pages, feeds and search bundles for sv and en and nothing under /de/", () => {
    expect(site.files.filter((file) => file.startsWith("/de/"))).toEqual([]);
    expect(site.files.filter((file) => file.startsWith("/pagefind/de/"))).toEqual([]);
    expect(site.files).toContain("/sv/feed.xml");
    expect(site.files).toContain("/en/feed.xml");
    expect(site.files).toContain("/en/index.html");
  });

  it("names no German version and carries no German text in any page, feed, sitemap or data file", () => {
    const german = textFiles(site).filter(([, text]) =>
      /hreflang="de"|lang="de"|xml:lang="de"|"@language": ?"de"|\/de\/|_de[,\n]|"de":/.test(text),
    );
    expect(german.map(([file]) => file)).toEqual([]);
  });

  it("offers exactly Svenska and English in the language switcher", () => {
    const $ = site.html("/en/index.html");
    expect(
      $("nav.languages a")
        .map((_, link) => $(link).text())
        .get(),
    ).toEqual(["Svenska", "English"]);
  });
});

describe("a site in Swedish only", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(fixtureWithLanguages(["sv"]));
  });

  it("has no language switcher and no hreflang links on its pages", () => {
    for (const file of site.htmlFiles.filter((file) => file.startsWith("/sv/"))) {
      const $ = site.html(file);
      expect({ file, switchers: $("nav.languages").length, hreflang: $("link[hreflang]").length }).toEqual({
        file,
        switchers: 0,
        hreflang: 0,
      });
    }
  });

  it("sends the root straight on to the Swedish home page", () => {
    const $ = site.html("/index.html");
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/sv/");
    expect(site.files.filter((file) => file.startsWith("/en/") || file.startsWith("/de/"))).toEqual([]);
  });
});
