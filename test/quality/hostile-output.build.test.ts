// The hostile output corpus (test/fixtures/hostile): texts shaped like markup, entity references,
// CDATA, formulas and line breaks of every form, images from other hosts and words too long for
// a phone. Each output is read back with a strict parser of its format, and each text must come
// out exactly as the editor wrote it, and inert.
import { load } from "cheerio";
import { detectAtomFeed, parseAtomFeed } from "feedsmith";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";
import { languagesOf } from "../helpers/shared-sites.js";
import { elements, htmlParseErrors, readCsvStrictly, readXml } from "../helpers/strict-parsers.js";

const LANGUAGES = languagesOf("test/fixtures/hostile");

let site: BuiltSite;
beforeAll(async () => {
  site = sharedSite("hostileTexts");
});

// The texts of the fixture, written out again here by hand.
const SITE_TITLE = {
  sv: "Testkommunens arbete &amp; R&D; <i>utomlands</i>",
  en: "The test municipality's work &amp; R&D; <i>abroad</i>",
  de: "Arbeit der Testgemeinde &amp; R&D; <i>im Ausland</i>",
};
const FEED_TITLE: Readonly<Record<string, string>> = {
  sv: `${SITE_TITLE.sv}: projekt`,
  en: `${SITE_TITLE.en}: projects`,
  de: `${SITE_TITLE.de}: Projekte`,
};
const TITLE: Readonly<Record<string, string>> = {
  sv: "Forskning &amp; utveckling: R&D; &#65; ]]> <![CDATA[x]]>",
  en: "<img src=x onerror=alert(1)> & <b>bold</b>",
  de: "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft",
};
const LIST = "Planen har tre steg:\n- =1+1 räknar fel\n- +46 21 39 00 00\n- @import url(x)";
const BREAKS = "Zeile eins\nzwei\rdrei\r\nvier fünf\u2028sechs\u2029sieben";
const PUBLISHER: Readonly<Record<string, string>> = {
  sv: "Internationaliseringssamordningsförvaltningsenheten & Co",
  en: "Internationalisationcoordinationadministrationoffice & Co",
  de: "Internationalisierungskoordinierungsverwaltungsstelle & Co",
};
const ID = "formler-och-listor";
const BASE = "https://utblick.example.org/";

const filesUnder = (prefix: string) => site.files.filter((file) => file.startsWith(prefix));

describe("CSV files from hostile texts", () => {
  for (const [folder, delimiter] of [
    ["/data/csv/", ","],
    ["/data/csv-excel/", ";"],
  ] as const) {
    it(`in ${folder} parse strictly, every record with the header's number of fields`, () => {
      const files = filesUnder(folder);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) expect(() => readCsvStrictly(site.read(file), delimiter), file).not.toThrow();
    });

    it(`in ${folder} keep a multi-line list and every form of line break inside one cell each`, () => {
      const [header, ...records] = readCsvStrictly(site.read(`${folder}projects.csv`), delimiter);
      expect(records.map((record) => record[0])).toEqual([ID, "renare-vatten"]);
      const row = Object.fromEntries(header!.map((name, index) => [name, records[0]![index]]));
      expect(row.summary_sv).toBe(LIST);
      expect(row.summary_de).toBe(BREAKS);
    });
  }

  it("in csv-excel/ start no cell with a formula", () => {
    for (const file of filesUnder("/data/csv-excel/")) {
      const cells = readCsvStrictly(site.read(file), ";").flat();
      expect(
        cells.filter((cell) => /^\s*[=+\-@]/.test(cell) && !/^-?\d+(,\d+)?$/.test(cell)),
        file,
      ).toEqual([]);
    }
  });
});

describe("feeds from hostile texts", () => {
  for (const lang of LANGUAGES) {
    it(`in ${lang} are well-formed XML and give a feed parser every title exactly, as text`, () => {
      const text = site.read(`/${lang}/feed.xml`);
      expect(() => readXml(text, `${lang}/feed.xml`)).not.toThrow();
      expect(detectAtomFeed(text)).toBe(true);
      const feed = parseAtomFeed(text);
      expect(feed.title).toEqual({ value: FEED_TITLE[lang], type: "text" });
      expect(feed.authors?.[0]?.name).toBe(PUBLISHER[lang]);
      const entry = feed.entries?.find((candidate) => candidate.id?.endsWith(`/${ID}/`));
      expect(entry?.title).toEqual({ value: TITLE[lang], type: "text" });
    });
  }

  it("carry only the site's own images; an image from another host becomes a link, an inline one its description", () => {
    const feed = parseAtomFeed(site.read("/en/feed.xml"));
    const content = feed.entries?.find((entry) => entry.id?.endsWith(`/${ID}/`))?.content;
    expect(content?.type).toBe("html");
    const $ = load(content?.value ?? "");
    expect(
      $("img")
        .map((_, image) => $(image).attr("src"))
        .get(),
    ).toEqual([`${BASE}assets/map.png`]);
    expect($('a[href="https://tracker.example.com/p.gif?u=1&v=2"]').text()).toBe(
      "Image on another website: Tracking pixel",
    );
    expect(content?.value).not.toContain("data:");
    expect(content?.value).toContain("an inline one: Inline");
  });
});

describe("XML files from hostile texts", () => {
  it("give an IATI file that a strict parser reads, with titles and descriptions exactly as written", () => {
    const iati = readXml(site.read("/data/iati-activities.xml"), "iati-activities.xml");
    const activity = elements(iati, "iati-activity").find((candidate) =>
      elements(candidate, "iati-identifier")[0]?.text.endsWith(`-${ID}`),
    );
    const narratives = (name: string) =>
      Object.fromEntries(
        elements(elements(activity!, name)[0]!, "narrative").map((node) => [node.attributes["xml:lang"], node.text]),
      );
    expect(narratives("title")).toEqual(TITLE);
    expect(narratives("description").sv).toBe(LIST);
    expect(narratives("description").de).toBe(BREAKS);
    expect(narratives("reporting-org")).toEqual(PUBLISHER);
  });

  it("give a sitemap and a catalog that a strict parser reads, the publisher's name exact", () => {
    expect(elements(readXml(site.read("/sitemap.xml")), "loc").length).toBeGreaterThan(50);
    const catalog = readXml(site.read("/data/catalog.rdf"), "catalog.rdf");
    expect(elements(catalog, "vcard:fn").map((node) => node.text)).toContain(PUBLISHER.sv);
  });
});

describe("pages from hostile texts", () => {
  it("are read by an HTML parser without a single parse error", () => {
    const errors = site.htmlFiles.flatMap((file) =>
      htmlParseErrors(site.read(file)).map((error) => `${file}: ${error}`),
    );
    expect(errors).toEqual([]);
  });

  it("show the texts exactly as written", () => {
    const titles = {
      sv: site.html(`/sv/projekt/${ID}/index.html`)("h1").text(),
      en: site.html(`/en/projects/${ID}/index.html`)("h1").text(),
      de: site.html(`/de/projekte/${ID}/index.html`)("h1").text(),
    };
    expect(titles).toEqual(TITLE);
    expect(site.html("/sv/index.html")("title").text()).toContain(SITE_TITLE.sv);
  });

  it("show only the site's own images; one from another host is a link, an inline one its description", () => {
    const $ = site.html(`/en/projects/${ID}/index.html`);
    const prose = $("main .prose");
    expect(
      prose
        .find("img")
        .map((_, image) => $(image).attr("src"))
        .get(),
    ).toEqual(["/assets/map.png"]);
    expect(prose.find('a[href="https://tracker.example.com/p.gif?u=1&v=2"]').text()).toBe(
      "Image on another website: Tracking pixel",
    );
    expect(prose.html()).not.toContain("data:");
  });
});

describe("JSON files from hostile texts", () => {
  it("parse, with every text exactly as written", () => {
    for (const file of site.files.filter((path) => /\.(json|jsonld)$/.test(path)))
      expect(() => JSON.parse(site.read(file)), file).not.toThrow();
    const record = JSON.parse(site.read(`/data/projects/${ID}.json`)) as {
      title: Record<string, string>;
      summary: Record<string, string>;
    };
    expect(record.title).toEqual(TITLE);
    expect(record.summary.sv).toBe(LIST);
    expect(record.summary.de).toBe(BREAKS);
  });
});
