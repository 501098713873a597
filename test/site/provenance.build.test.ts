// Whose is what, on every page: the register of test/fixtures/includes/ shows two municipalities'
// records (included by path) with their publisher, their original page and JSON, and a canonical
// link to the original; the organisations reconciled from both, the partnership both report and
// its differences; lists, search and statistics by publisher; the included publications on the
// about page. The municipality's own publication, built alone, shows none of it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { html } from "../../src/core/html.js";
import { recordUrl, sectionUrl } from "../../src/core/routes.js";
import { t } from "../../src/i18n/translate.js";
import type { Dataset } from "../../src/model/dataset.js";
import { includedPublications, originalAddresses, provenanceNote, provenanceOf } from "../../src/site/provenance.js";
import { type BuiltSite, buildSite, fileOfUrl } from "../helpers/built-site.js";

const REGISTER = "test/fixtures/includes/register";
const TESTKOMMUN = "test/fixtures/includes/testkommun";
const THEIRS = "https://testkommun.example.org/";
const OURS = "https://register.example.org/";

let register: BuiltSite;
let plain: BuiltSite;

beforeAll(async () => {
  register = await buildSite(REGISTER);
  plain = await buildSite(TESTKOMMUN);
}, 240_000);

const page = (site: BuiltSite, url: string) => site.html(fileOfUrl(url));
const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();

describe("an included record's page", () => {
  const project = "testkommun/renare-vatten";

  it("names the original page as canonical, in the reader's language, and keeps this site's hreflang", () => {
    for (const [lang, path] of [
      ["sv", "sv/projekt/renare-vatten/"],
      ["en", "en/projects/renare-vatten/"],
    ] as const) {
      const $ = page(register, recordUrl(lang, "projects", project));
      expect($('link[rel="canonical"]').attr("href")).toBe(`${THEIRS}${path}`);
      expect($('meta[property="og:url"]').attr("content")).toBe(`${THEIRS}${path}`);
      expect($('link[rel="alternate"][hreflang="de"]').attr("href")).toBe(
        `${OURS}${recordUrl("de", "projects", project).slice(1)}`,
      );
    }
    // The site's own records keep their own address.
    const own = page(register, recordUrl("sv", "organisations", "riksorganet"));
    expect(own('link[rel="canonical"]').attr("href")).toBe(`${OURS}sv/organisationer/riksorganet/`);
  });

  it("says who published it, from which release, and links its original page and JSON", () => {
    const $ = page(register, recordUrl("en", "projects", project));
    const block = $("aside.provenance");
    expect(block).toHaveLength(1);
    // Under the heading, a byline leads to it.
    expect(squeeze($("h1 + p.byline").text())).toBe(`${t("en", "provenance.byline")} Testkommun`);
    expect($("p.byline a").attr("href")).toBe(`#${block.attr("aria-labelledby")}`);
    expect(squeeze(block.text())).toContain(t("en", "provenance.intro", { publisher: "Testkommun" }));
    // A path include has no release: it is read from a local folder.
    expect(squeeze(block.text())).toContain(t("en", "provenance.localFolder"));
    const links = block
      .find("a")
      .map((_, link) => $(link).attr("href"))
      .get();
    expect(links).toEqual([
      `${THEIRS}en/`,
      `${THEIRS}en/projects/renare-vatten/`,
      `${THEIRS}data/projects/renare-vatten.json`,
    ]);
    // Cited as its publisher publishes it; errors go to its publisher's mailbox.
    expect($("pre.citation").text()).toContain(`${THEIRS}en/projects/renare-vatten/`);
    expect($("a.report-error").attr("href")).toMatch(/^mailto:international@example\.org\?/);
    // Every kind with pages: a partnership, an organisation, a network of an include.
    for (const [kind, id] of [
      ["partnerships", "grannkommun/grannkommun-partnerstad"],
      ["organisations", "grannkommun/grannkommun"],
      ["networks", "grannkommun/testnatverket"],
    ] as const)
      expect(page(register, recordUrl("sv", kind, id))("aside.provenance"), `${kind}/${id}`).toHaveLength(1);
    // The site's own records' pages are as they were.
    expect(page(register, recordUrl("sv", "organisations", "riksorganet"))("aside.provenance")).toHaveLength(0);
    expect(page(register, recordUrl("sv", "partnerships", "testkommun-partnerstad"))("aside.provenance")).toHaveLength(
      0,
    );
  });

  it("links a publication's first language where it does not publish the reader's", () => {
    const provenance = provenanceOf(register.dataset, "projects", project)!;
    const onlySwedish = {
      ...provenance,
      include: { ...provenance.include, site: { ...provenance.include.site, languages: ["sv"] } },
    };
    expect(originalAddresses(onlySwedish, "projects", "en")).toMatchObject({
      lang: "sv",
      page: `${THEIRS}sv/projekt/renare-vatten/`,
      home: `${THEIRS}sv/`,
    });
  });

  it("names a pinned release with its version, checksum and the day it was retrieved", () => {
    const pinned: Dataset = {
      ...register.dataset,
      includes: register.dataset.includes.map((include) => ({
        ...include,
        pin: {
          publisher: include.publisher,
          url: `${include.site.base_url}data/releases.json`,
          version: "2026-11-02",
          sha256: "ab".repeat(32),
          retrieved: "2026-11-20",
        },
      })),
    };
    const about = squeeze(html`${includedPublications(pinned, "sv")}`.value.replace(/<[^>]+>/g, " "));
    expect(about).toContain("2026-11-02");
    expect(about).toContain("ab".repeat(32));
    expect(about).toContain("20 november 2026");
    expect(about).toContain(`${THEIRS}data/releases.json`);
    const note = squeeze(
      html`${provenanceNote({ dataset: pinned, kind: "projects", id: project, lang: "en" })}`.value.replace(
        /<[^>]+>/g,
        " ",
      ),
    );
    expect(note).toContain(t("en", "provenance.releaseRetrieved", { version: "2026-11-02", date: "20 November 2026" }));
    expect(note).not.toContain(t("en", "provenance.localFolder"));
  });
});

describe("records of more than one publisher", () => {
  it("says on a reconciled organisation's page who else publishes it, as what, and how it was reconciled", () => {
    const $ = page(register, recordUrl("en", "organisations", "partnerstad"));
    const items = $("#also-published").closest("section").find("li");
    const said = items.map((_, item) => squeeze($(item).text())).get();
    expect(said).toHaveLength(2);
    expect(said[0]).toContain("Testkommun publishes it as Partner Town");
    expect(said[0]).toContain(t("en", "provenance.bySameAs"));
    expect(said[1]).toContain("Grannkommun publishes it as Partner Town");
    expect(said[1]).toContain(t("en", "provenance.byIdentifier", { identifier: "Wikidata Q4115189" }));
    expect(
      items
        .find("a")
        .map((_, link) => $(link).attr("href"))
        .get(),
    ).toEqual([
      `${THEIRS}en/organisations/partnerstad/`,
      "https://grannkommun.example.org/en/organisations/partnerstad/",
    ]);
    // The organisation's page lists every publisher's partnerships.
    const partnerships = register.dataset.partnershipsBy.organisation.get("partnerstad") ?? [];
    expect(partnerships).toEqual(
      expect.arrayContaining([
        "testkommun-partnerstad",
        "testkommun/test-partnerstad",
        "grannkommun/grannkommun-partnerstad",
      ]),
    );
    for (const id of partnerships)
      expect($(`a[href="${recordUrl("en", "partnerships", id)}"]`).length).toBeGreaterThan(0);
    // Reconciled by a shared IATI identifier.
    const testkommun = page(register, recordUrl("sv", "organisations", "testkommun"));
    expect(squeeze(testkommun("#also-published").closest("section").text())).toContain("SE-ON-2120000100");
  });

  it("links a partnership other publishers report too, and shows where they differ", () => {
    const $ = page(register, recordUrl("sv", "partnerships", "testkommun-partnerstad"));
    const section = $("#also-reported").closest("section");
    expect(section.find(`a[href="${recordUrl("sv", "partnerships", "testkommun/test-partnerstad")}"]`)).toHaveLength(1);
    expect(squeeze(section.text())).toContain(t("sv", "provenance.alsoReportedBy", { publisher: "Testkommun" }));
    const differences = section
      .find("ul.publisher-conflicts li")
      .map((_, item) => squeeze($(item).text()))
      .get();
    expect(differences).toEqual(["Sedan: Riksorganet anger 2007; Testkommun anger 2006"]);
    // And the other way round.
    const theirs = page(register, recordUrl("sv", "partnerships", "testkommun/test-partnerstad"));
    expect(
      theirs(`#also-reported`)
        .closest("section")
        .find(`a[href="${recordUrl("sv", "partnerships", "testkommun-partnerstad")}"]`),
    ).toHaveLength(1);
  });
});

/** The addresses of the pages a language's search index holds. */
function indexedUrls(site: BuiltSite, lang: string): string[] {
  const folder = join(site.dir, "pagefind", lang, "fragment");
  return readdirSync(folder).flatMap((file) => {
    const text = gunzipSync(readFileSync(join(folder, file))).toString("utf8");
    return [...text.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
  });
}

describe("lists, search and statistics", () => {
  it("say each list item's publisher", () => {
    const projects = page(register, sectionUrl("sv", "projects"));
    const card = projects(`a[href="${recordUrl("sv", "projects", "grannkommun/renare-vatten")}"]`).closest("li");
    expect(squeeze(card.text())).toContain(`${t("sv", "provenance.publisher")}: Grannkommun`);
    const partnerships = page(register, sectionUrl("en", "partnerships"));
    const own = partnerships(`a[href="${recordUrl("en", "partnerships", "testkommun-partnerstad")}"]`).closest("li");
    expect(squeeze(own.find(".publisher").text())).toBe(`${t("en", "provenance.publisher")}: The National Body`);
  });

  it("list each publisher's projects on a page of their own, linked from the project list", () => {
    const list = page(register, sectionUrl("sv", "projects", "testkommun"));
    const expected = register.dataset.projectsBy.publisher.get("testkommun") ?? [];
    expect(expected).toHaveLength(3);
    const shown = list("ol.project-cards > li h3 a")
      .map((_, link) => list(link).attr("href"))
      .get();
    expect(shown.sort()).toEqual(expected.map((id) => recordUrl("sv", "projects", id)).sort());
    const projects = page(register, sectionUrl("en", "projects"));
    expect(projects(`nav.facets a[href="${sectionUrl("en", "projects", "grannkommun")}"]`)).toHaveLength(1);
    // An included project's trail passes through its publisher's list.
    const trail = page(register, recordUrl("sv", "projects", "testkommun/renare-vatten"))("nav.breadcrumbs a");
    expect(trail.last().attr("href")).toBe(sectionUrl("sv", "projects", "testkommun"));
  });

  it("give every record page a publisher filter, and index the included records' pages", () => {
    const filter = (url: string) =>
      page(register, url)(`[data-pagefind-filter="${t("sv", "provenance.publisher")}[data-value]"]`).attr("data-value");
    expect(filter(recordUrl("sv", "projects", "testkommun/renare-vatten"))).toBe("Testkommun");
    expect(filter(recordUrl("sv", "organisations", "riksorganet"))).toBe("Riksorganet");
    expect(indexedUrls(register, "sv")).toEqual(
      expect.arrayContaining([
        recordUrl("sv", "projects", "testkommun/renare-vatten"),
        recordUrl("sv", "projects", "grannkommun/renare-vatten"),
      ]),
    );
  });

  it("count the records of each publisher, the site's own first, and in total", () => {
    const $ = page(register, sectionUrl("en", "statistics"));
    const rows = $("#by-publisher")
      .closest("section")
      .find("tr")
      .toArray()
      .map((row) =>
        $(row)
          .children()
          .toArray()
          .map((cell) => squeeze($(cell).text())),
      );
    const count = (slug: string) => register.dataset.projectsBy.publisher.get(slug)?.length ?? 0;
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      [t("en", "provenance.publisher"), t("en", "section.projects")],
      [t("en", "provenance.thisSite", { publisher: "The National Body" }), "0"],
      ["Testkommun", String(count("testkommun"))],
      ["Grannkommun", String(count("grannkommun"))],
      [t("en", "statistics.total"), String(register.dataset.projects.length)],
    ]);
  });

  it("name the included publications on the about page, and leave their records out of the sitemap", () => {
    const about = squeeze(page(register, sectionUrl("sv", "about"))("#included").closest("section").text());
    expect(about).toContain("Testkommun");
    expect(about).toContain("https://grannkommun.example.org/sv/");
    const sitemap = register.read("/sitemap.xml");
    expect(sitemap).not.toContain("/testkommun/renare-vatten/");
    expect(sitemap).toContain(`${OURS}sv/organisationer/riksorganet/`);
  });
});

describe("a site without includes", () => {
  it("names no publisher and no origin anywhere", () => {
    const marks = [
      "aside.provenance",
      "#also-published",
      "#also-reported",
      "#by-publisher",
      "#included",
      ".publisher",
      `[data-pagefind-filter^="${t("sv", "provenance.publisher")}["]`,
    ].join(", ");
    const found = plain.htmlFiles.filter((file) => plain.html(file)(marks).length > 0);
    expect(found).toEqual([]);
    const project = plain.html(fileOfUrl(recordUrl("sv", "projects", "renare-vatten")));
    expect(project('link[rel="canonical"]').attr("href")).toBe(`${THEIRS}sv/projekt/renare-vatten/`);
    expect(plain.exists(sectionUrl("sv", "projects", "testkommun"))).toBe(false);
  });
});
