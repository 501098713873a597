// Reads the fixture site (with missing translations and hostile texts), the real data and the
// frozen sample, and checks what a reader and a partner linking from abroad rely on. Checks of
// specific records read the sample; the real data get only checks that hold for any data.
import { beforeAll, describe, expect, it } from "vitest";
import { absoluteUrl, KIND_SECTIONS, type KindWithPages, recordUrl, sectionUrl } from "../../src/core/routes.js";
import { type BuiltSite, fileOfUrl, sharedSite } from "../helpers/built-site.js";
import { languagesOf, REAL_DATA } from "../helpers/shared-sites.js";
import { elements, readXml } from "../helpers/strict-parsers.js";

const LANGUAGES = languagesOf(REAL_DATA);

let fixture: BuiltSite;
let real: BuiltSite;
let changed: BuiltSite;
let sample: BuiltSite;

beforeAll(() => {
  fixture = sharedSite("site");
  real = sharedSite("real");
  changed = sharedSite("changed");
  sample = sharedSite("sample");
});

function internalLinks(site: BuiltSite, page: string): string[] {
  const $ = site.html(page);
  return $("a[href], link[href]")
    .map((_, element) => $(element).attr("href") ?? "")
    .get()
    .filter((href) => href.startsWith("/") || href.startsWith("#"))
    .map((href) => (href.startsWith("#") ? `${page}${href}` : href));
}

describe.each([
  ["the fixture site", () => fixture],
  ["the real site", () => real],
  ["the real site after an editor's changes", () => changed],
])("%s", (_name, site) => {
  it("has a page for every record in each language", () => {
    const missing: string[] = [];
    for (const kind of Object.keys(KIND_SECTIONS) as KindWithPages[]) {
      for (const id of site().dataset.records[kind].keys()) {
        for (const lang of LANGUAGES)
          if (!site().exists(recordUrl(lang, kind, id))) missing.push(recordUrl(lang, kind, id));
      }
    }
    expect(missing).toEqual([]);
  });

  it("resolves every internal link and fragment", () => {
    const broken: string[] = [];
    for (const page of site().htmlFiles) {
      for (const link of internalLinks(site(), page)) {
        const target = link.startsWith("/") && !link.startsWith(page) ? link : link;
        const file = target.includes(".html#") ? target.split("#")[0]! : fileOfUrl(target);
        if (!site().files.includes(file)) {
          broken.push(`${page} → ${link}`);
          continue;
        }
        const fragment = target.split("#")[1];
        if (fragment && file.endsWith(".html") && site().html(file)(`[id="${fragment}"]`).length === 0)
          broken.push(`${page} → ${link} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("links every page to its versions in the other languages, and they link back", () => {
    const problems: string[] = [];
    const base = site().dataset.site.base_url;
    for (const page of site().htmlFiles) {
      const $ = site().html(page);
      // An included record's page names its original, on another site, as canonical: its own address instead.
      const named = $('link[rel="canonical"]').attr("href")!;
      const canonical = named.startsWith(base) ? named : absoluteUrl(base, page.replace(/index\.html$/, ""));
      const alternates = $('link[rel="alternate"][hreflang]')
        .map((_, element) => [[$(element).attr("hreflang")!, $(element).attr("href")!]])
        .get() as unknown as [string, string][];
      if (alternates.length === 0) continue;
      const languages = alternates.map(([lang]) => lang).sort();
      if (languages.join() !== ["de", "en", "sv", "x-default"].join())
        problems.push(`${page}: hreflang set ${languages.join()}`);
      for (const [lang, href] of alternates) {
        if (lang === "x-default") continue;
        const target = fileOfUrl(`/${href.slice(base.length)}`);
        if (!site().files.includes(target)) {
          problems.push(`${page}: ${lang} alternate ${href} does not exist`);
          continue;
        }
        const back = site()
          .html(target)('link[rel="alternate"][hreflang]')
          .map((_, element) => site().html(target)(element).attr("href"))
          .get();
        if (!back.includes(canonical!)) problems.push(`${page}: ${target} does not link back to ${canonical}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("declares the page language, one h1, a skip link and the accessibility statement on every page", () => {
    const problems: string[] = [];
    for (const page of site().htmlFiles) {
      const $ = site().html(page);
      const lang = $("html").attr("lang");
      if (!lang || !["sv", "en", "de"].includes(lang)) problems.push(`${page}: lang=${lang}`);
      if ($("h1").length !== 1) problems.push(`${page}: ${$("h1").length} h1`);
      const statements = LANGUAGES.map((code) => sectionUrl(code, "accessibility"));
      if (
        !$("a[href]")
          .get()
          .some((element) => statements.includes($(element).attr("href") ?? ""))
      )
        problems.push(`${page}: no link to the accessibility statement`);
    }
    expect(problems).toEqual([]);
  });

  it("isolates and announces every link to another website, and loads nothing from elsewhere", () => {
    const problems: string[] = [];
    for (const page of site().htmlFiles) {
      const $ = site().html(page);
      $('a[href^="http"]').each((_, element) => {
        const rel = ($(element).attr("rel") ?? "").split(/\s+/);
        if (!rel.includes("noopener") || !rel.includes("noreferrer"))
          problems.push(`${page}: ${$(element).attr("href")} without noopener noreferrer`);
        if (!$(element).hasClass("external")) problems.push(`${page}: ${$(element).attr("href")} not marked external`);
      });
      $("[src], link[rel=stylesheet]").each((_, element) => {
        const url = $(element).attr("src") ?? $(element).attr("href") ?? "";
        if (!url.startsWith("/")) problems.push(`${page}: loads ${url}`);
      });
      const policy = $('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
      if (!/script-src 'none'|script-src 'self'(?! 'unsafe-inline')/.test(policy) || policy.includes("unsafe-inline"))
        problems.push(`${page}: policy ${policy}`);
    }
    expect(problems).toEqual([]);
  });

  it("loads no script except JSON-LD data", () => {
    const scripts = site().htmlFiles.flatMap((page) => {
      const $ = site().html(page);
      return $("script")
        .filter((_, element) => $(element).attr("type") !== "application/ld+json")
        .map(() => page)
        .get();
    });
    expect(scripts.every((page) => page.match(/\/(sok|search|suche)\//))).toBe(true);
  });
});

describe("fallback to Swedish", () => {
  it("marks the Swedish title and summary on the English and German pages of a project without translations", () => {
    for (const lang of ["en", "de"] as const) {
      const $ = fixture.html(fileOfUrl(sectionUrl(lang, "projects", "bara-svenska")));
      const marked = $("main [data-fallback]");
      expect(marked.length).toBe(2);
      marked.each((_, element) => expect($(element).attr("lang")).toBe("sv"));
      expect($("h1 [data-fallback]").text()).toBe("Ett projekt som bara har svensk text");
      expect($(".fallback-note").length).toBeGreaterThanOrEqual(2);
      expect($(".coverage-partial").text()).toContain("0");
    }
  });

  it("says on the Swedish page of a Swedish-only project that its texts are all in Swedish, and no more", () => {
    const $ = fixture.html(fileOfUrl(sectionUrl("sv", "projects", "bara-svenska")));
    expect($(".coverage").text()).toBe("Alla texter på sidan finns på svenska.");
    const full = fixture.html(fileOfUrl(sectionUrl("en", "projects", "renare-vatten")));
    expect(full(".coverage").text()).toBe("All texts on this page are available in Swedish, English and German.");
  });

  it("marks nothing where every text is translated", () => {
    for (const lang of LANGUAGES) {
      const $ = fixture.html(fileOfUrl(sectionUrl(lang, "projects", "renare-vatten")));
      expect($("[data-fallback]").length).toBe(0);
    }
  });

  it('gives lang="sv" to every element of fallback text on every page', () => {
    const unmarked = fixture.htmlFiles.flatMap((page) => {
      const $ = fixture.html(page);
      return $("[data-fallback]")
        .filter((_, element) => $(element).attr("lang") !== "sv")
        .map(() => page)
        .get();
    });
    expect(unmarked).toEqual([]);
    expect(fixture.htmlFiles.filter((page) => fixture.html(page)("[data-fallback]").length > 0).length).toBeGreaterThan(
      3,
    );
  });

  it("marks nothing on the Swedish page, which is the original", () => {
    const $ = fixture.html(fileOfUrl(sectionUrl("sv", "projects", "bara-svenska")));
    expect($("[data-fallback]").length).toBe(0);
  });
});

describe("texts from the data", () => {
  const page = () => fixture.html(fileOfUrl(sectionUrl("sv", "projects", "farliga-tecken")));
  const english = () => fixture.html(fileOfUrl(sectionUrl("en", "projects", "farliga-tecken")));

  it("come out as text, never as markup", () => {
    expect(page()("h1").text()).toBe(`<script>alert('sv')</script> & "citat" {{ mall }} {% tagg %}`);
    expect(english()("h1").text()).toContain(`</script><script>alert(1)</script> "><img src=x onerror=alert(2)>`);
    for (const $ of [page(), english()]) {
      expect($("script:not([type='application/ld+json'])").length).toBe(0);
      expect($("img").length).toBe(0);
      expect($("[onerror]").length).toBe(0);
      expect($("main b").length).toBe(0);
    }
  });

  it("drop javascript: links from Markdown", () => {
    expect(page()('a[href^="javascript"]').length).toBe(0);
    expect(page()(".prose").text()).toContain("[länk](javascript:alert(3))");
  });

  // Direction overrides (U+202A–U+202E, U+2066–U+2069) are refused by the validator; marks stay.
  it("keep right-to-left marks and scripts other than Latin", () => {
    expect(english()("h1").text()).toContain("العربية \u200Ftxet\u200F");
    expect(english()(".prose").text()).toContain("\u200Fright-to-left\u200F");
  });

  it("are safe inside the JSON-LD block and parse back to the same title", () => {
    const raw = fixture.read(fileOfUrl(sectionUrl("en", "projects", "farliga-tecken")));
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(raw)?.[1] ?? "";
    expect(block).not.toContain("<");
    expect((JSON.parse(block) as { name: string }).name).toBe(english()("h1").text());
  });

  it("keep the query string of an external link intact, percent-encoded where an address requires it", () => {
    expect(page()('a.external[href^="https://example.org/?a=1"]').attr("href")).toBe(
      "https://example.org/?a=1&b=%3C2%3E%223%22",
    );
  });
});

describe("the language chooser", () => {
  it("names each language in its own language, without a redirect", () => {
    const $ = real.html("/index.html");
    expect(
      $(".language-choice li[lang] a")
        .map((_, element) => $(element).text())
        .get(),
    ).toEqual(["Svenska", "English", "Deutsch"]);
    expect($('meta[http-equiv="refresh"]').length).toBe(0);
    expect($('link[hreflang="x-default"]').attr("href")).toBe(real.dataset.site.base_url);
  });

  it("describes the site for search engines and link previews", () => {
    const $ = real.html("/index.html");
    const description = $('meta[name="description"]').attr("content") ?? "";
    expect(description.length).toBeGreaterThan(0);
    expect($('meta[property="og:description"]').attr("content")).toBe(description);
  });
});

describe("dates and money in the reader's language", () => {
  it("writes NonHazCity's period and budget for each language", () => {
    const text = (lang: "sv" | "en" | "de") =>
      sample
        .html(fileOfUrl(sectionUrl(lang, "projects", "nonhazcity")))("main")
        .text();
    // The three years from March 2016 were a plan the 2019 page gave while calling the project ongoing.
    expect(text("en")).toContain("March 2016 – planned end February 2019");
    expect(text("sv")).toContain("mars 2016 – planerat slut februari 2019");
    expect(text("de")).toContain("März 2016 – geplantes Ende Februar 2019");
    expect(text("en")).toContain("≈ €3.5 million");
    expect(text("sv")).toContain("cirka 3,5 miljoner euro");
    expect(text("de")).toContain("ca. 3,5 Millionen Euro");
  });

  it("shows a year range at year precision, a planned end as planned, and an open start as 'since'", () => {
    const main = (id: string) =>
      sample
        .html(fileOfUrl(sectionUrl("en", "projects", id)))("main")
        .text();
    expect(main("jagmed")).toContain("2015–2018");
    expect(main("why-we-hear-you")).toContain("2017 – planned end 2019");
    expect(
      sample
        .html(fileOfUrl(sectionUrl("en", "partnerships", "vaxjo-tlokwe")))("main")
        .text(),
    ).toContain("2006");
  });
});

describe("the sitemap and feeds", () => {
  it("lists every page in the sitemap; the pages name their language versions", () => {
    const sitemap = sample.read("/sitemap.xml");
    expect(sitemap).toContain(`<loc>${sample.dataset.site.base_url}en/projects/nonhazcity/</loc>`);
    expect(sitemap).toContain(`<loc>${sample.dataset.site.base_url}de/projekte/nonhazcity/</loc>`);
    expect(sample.read("/en/projects/nonhazcity/index.html")).toContain(
      '<link rel="alternate" hreflang="de" href="https://utblick.example.org/de/projekte/nonhazcity/">',
    );
    expect(sample.read("/robots.txt")).toContain("Sitemap: https://utblick.example.org/sitemap.xml");
  });

  it("offers an Atom feed per language with the projects, newest first", () => {
    const feed = sample.read("/en/feed.xml");
    expect(feed).toContain("<feed");
    const titles = elements(readXml(feed), "entry").map((entry) => elements(entry, "title")[0]?.text);
    // The sample holds fewer projects than a feed carries: every one of them is in it.
    expect(titles.length).toBe(sample.dataset.projects.length);
    expect(titles.indexOf("Resident Dialogue 2.0")).toBeGreaterThan(-1);
  });
});

describe("the accessibility statement", () => {
  it.each(LANGUAGES)("says in %s what the law asks for", (lang) => {
    const $ = real.html(fileOfUrl(sectionUrl(lang, "accessibility")));
    const text = $("main").text();
    const publisher = real.dataset.records.organisations.get(real.dataset.site.publisher)!.name;
    expect(text).toContain(publisher[lang] ?? publisher.sv);
    expect(text).toContain(real.dataset.site.title[lang]!);
    expect(text).toMatch(/2018:1937/);
    expect(text).toMatch(/WCAG 2\.1/);
    expect($("h2").length).toBeGreaterThanOrEqual(6);
    expect(text).toMatch(
      lang === "sv" ? /25 november 2026/ : lang === "en" ? /25 November 2026/ : /25\. November 2026/,
    );
    expect($('a[href="https://www.digg.se/tdosanmalan"]').length).toBe(1);
    expect($(`a[href="mailto:${real.dataset.site.contact_email}"]`).length).toBeGreaterThanOrEqual(1);
  });
});
