// A dataset full of hostile texts must be published inertly: every output is parsed and
// searched for anything a browser, a feed reader, a spreadsheet or an RDF harvester would run.
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { TABLES } from "../../src/exports/tables.js";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";
import { elements, readCsvStrictly, readXml } from "../helpers/strict-parsers.js";

let site: BuiltSite;
beforeAll(() => {
  site = sharedSite("hostile");
});

const ALLOWED_SCRIPT = "/assets/search/search.js";
const EVENT_ATTRIBUTE = /^on/i;
const DANGEROUS_URL = /^\s*(javascript|data|vbscript):/i;

/** Everything live in an HTML document: scripts, event handlers, script URLs, embedded objects. */
function livePayloads(html: string, where: string): string[] {
  const $ = load(html);
  const found: string[] = [];
  $("script").each((_, element) => {
    const type = $(element).attr("type");
    const src = $(element).attr("src");
    if (type === "application/ld+json") {
      try {
        JSON.parse($(element).text());
      } catch {
        found.push(`${where}: JSON-LD that does not parse`);
      }
    } else if (src !== ALLOWED_SCRIPT) found.push(`${where}: script ${src ?? $(element).text().slice(0, 40)}`);
  });
  // Our charts' bars and our maps are the only SVG; nothing inside them may link, embed or run.
  $(
    "img, iframe, object, embed, svg:not(.bar, .chart-defs, .swatch, .map), svg a, foreignObject, animate, set, math, base, form[action]",
  ).each((_, element) => {
    found.push(`${where}: <${$(element).prop("tagName")}>`);
  });
  $("*").each((_, element) => {
    for (const [name, value] of Object.entries($(element).attr() ?? {})) {
      if (EVENT_ATTRIBUTE.test(name)) found.push(`${where}: ${name} on <${$(element).prop("tagName")}>`);
      if (["href", "src", "action", "formaction"].includes(name) && DANGEROUS_URL.test(value))
        found.push(`${where}: ${name}=${value}`);
    }
  });
  return found;
}

describe("hostile texts", () => {
  it("reach no page as live markup", () => {
    const found = site.htmlFiles.flatMap((file) => livePayloads(site.read(file), file));
    expect(found).toEqual([]);
  });

  it("appear on the page as the text they are", () => {
    const $ = load(site.read("/en/projects/elakt-projekt/index.html"));
    expect($("h1").text()).toBe("<script>alert('x')</script>");
    expect(load(site.read("/de/projekte/elakt-projekt/index.html"))("main").text()).toContain("{{ 7*7 }} {% raw %}");
    expect(load(site.read("/sv/organisationer/elak-organisation/index.html"))("h1").text()).toBe(
      "<script>alert('x')</script> AB",
    );
  });

  it("are valid JSON everywhere JSON is written", () => {
    for (const file of site.files.filter((path) => path.endsWith(".json") || path.endsWith(".jsonld"))) {
      expect(() => JSON.parse(site.read(file)), file).not.toThrow();
    }
    const record = JSON.parse(site.read("/data/projects/elakt-projekt.json")) as { title: { en: string } };
    expect(record.title.en).toBe("<script>alert('x')</script>");
  });

  it("leave the sitemap, the feeds and the catalog well-formed, with no markup that runs", () => {
    for (const file of ["/sitemap.xml", "/sv/feed.xml", "/en/feed.xml", "/de/feed.xml", "/data/catalog.rdf"]) {
      const text = site.read(file);
      expect(() => create(text), file).not.toThrow();
      const xml = create(text).end({ format: "object" }) as unknown;
      expect(JSON.stringify(xml)).not.toMatch(/"script"\s*:/);
    }
    // The feeds carry each summary as escaped HTML; that HTML must be inert too.
    const feed = site.read("/en/feed.xml");
    const contents = elements(readXml(feed), "content").map((content) => content.text);
    expect(contents.length).toBeGreaterThan(0);
    expect(contents.flatMap((content, index) => livePayloads(content, `feed entry ${index}`))).toEqual([]);
  });

  // csv/ carries values exactly, for programs; the files meant for spreadsheets are the guarded ones.
  it("cannot start a formula in any cell of the CSV files for Excel, read strictly", () => {
    for (const table of TABLES) {
      const cells = readCsvStrictly(site.read(`/data/csv-excel/${table.name}.csv`), ";").flat();
      const live = cells.filter((cell) => /^\s*[=+@]/.test(cell) || /^\s*-[^0-9]/.test(cell));
      expect(live, table.name).toEqual([]);
    }
  });

  it("never leak the contact person into the open data, hostile name included", () => {
    for (const file of site.files.filter((path) => path.startsWith("/data/"))) {
      expect(site.read(file), file).not.toContain("</script> Person");
      expect(site.read(file), file).not.toContain("x@example.org");
      expect(site.read(file), file).not.toContain("70-000 00 00");
    }
  });
});
