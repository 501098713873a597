// Every record's page ends with a citation and a link that reports an error to the publisher's
// mailbox; every record's JSON file carries the citation as CSL-JSON. The page in easy-to-read
// Swedish exists where the data give its text, and every Swedish page's footer leads to it.
// These checks hold for any data: they read the real data, the real data after an editor's
// changes, and the fixture with hostile texts.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/languages.js";
import { name } from "../../src/core/names.js";
import {
  absoluteUrl,
  easyReadUrl,
  hasPages,
  KIND_SECTIONS,
  type KindWithPages,
  recordJsonUrl,
  recordUrl,
  sectionUrl,
} from "../../src/core/routes.js";
import { CITATION_SCHEMA } from "../../src/exports/citation.js";
import { t } from "../../src/i18n/translate.js";
import { PUBLIC_KINDS } from "../../src/model/published.js";
import { releaseHistory } from "../../src/releases/history.js";
import { originalAddresses, provenanceOf } from "../../src/site/provenance.js";
import { type BuiltSite, fileOfUrl, sharedSite } from "../helpers/built-site.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let fixture: BuiltSite;
let real: BuiltSite;
let changed: BuiltSite;

beforeAll(() => {
  fixture = sharedSite("site");
  real = sharedSite("real");
  changed = sharedSite("changed");
});

interface Citation {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly author: readonly { readonly literal: string }[];
  readonly publisher: string;
  readonly issued: { readonly "date-parts": readonly (readonly number[])[] };
  readonly version: string;
  readonly URL: string;
}

/** Every record page of a site: kind, id, language and the file it is written to. */
function recordPages(site: BuiltSite): { kind: KindWithPages; id: string; lang: Lang; file: string }[] {
  return (Object.keys(KIND_SECTIONS) as KindWithPages[]).flatMap((kind) =>
    [...site.dataset.records[kind].keys()].flatMap((id) =>
      site.dataset.site.languages.map((lang) => ({ kind, id, lang, file: fileOfUrl(recordUrl(lang, kind, id)) })),
    ),
  );
}

/**
 * Where a record's page cites it and sends reports of errors in it: the site's own record at its
 * address here, in the current release, to the site's mailbox; an included record as its
 * publisher publishes it (src/site/provenance.ts), to its publisher's mailbox.
 */
function citedAs(site: BuiltSite, page: { kind: KindWithPages; id: string; lang: Lang; file: string }) {
  const dataset = site.dataset;
  const { version } = releaseHistory(dataset).current;
  const provenance = provenanceOf(dataset, page.kind, page.id);
  if (!provenance)
    return {
      address: absoluteUrl(dataset.site.base_url, page.file.replace(/index\.html$/, "")),
      version,
      email: dataset.site.contact_email,
    };
  const { pin, site: theirs } = provenance.include;
  return {
    address: originalAddresses(provenance, page.kind, page.lang).page,
    version: pin.path === undefined && pin.version !== undefined ? pin.version : version,
    email: theirs.contact_email,
  };
}

/** The subject and body of a mailto: address, decoded as a mail program would. */
function readMailto(href: string): { to: string; subject: string; body: string } | undefined {
  const match = /^mailto:([^?]+)\?subject=([^&]*)&body=([^&]*)$/.exec(href);
  if (!match) return undefined;
  return { to: match[1]!, subject: decodeURIComponent(match[2]!), body: decodeURIComponent(match[3]!) };
}

describe.each([
  ["the real site", () => real],
  ["the real site after an editor's changes", () => changed],
  ["the fixture site", () => fixture],
])("%s", (_name, site) => {
  it("ends every record's page with a link that reports an error, with the record, its address and release", () => {
    const problems: string[] = [];
    const pages = recordPages(site());
    // Every site here has records with pages: the checks below read some.
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const { lang, file } = page;
      const { address, version, email } = citedAs(site(), page);
      const $ = site().html(file);
      const links = $("main a.report-error");
      const mail = readMailto(links.attr("href") ?? "");
      if (links.length !== 1 || !mail) problems.push(`${file}: ${links.length} error links, ${links.attr("href")}`);
      else {
        if (mail.to !== email) problems.push(`${file}: mail to ${mail.to}`);
        const title = $("h1")
          .first()
          .text()
          .replace(/[\s\u0085]+/g, " ")
          .trim();
        if (!mail.subject.includes(title) || /[\r\n]/.test(mail.subject))
          problems.push(`${file}: subject ${mail.subject}`);
        if (!mail.body.includes(address) || !mail.body.includes(version)) problems.push(`${file}: body ${mail.body}`);
        if (links.text() !== t(lang, "report.link")) problems.push(`${file}: link text ${links.text()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("cites every record on its page, in plain text and as CSL-JSON, with its stable address and release", () => {
    const problems: string[] = [];
    for (const page of recordPages(site())) {
      const { lang, file } = page;
      const { address, version } = citedAs(site(), page);
      const $ = site().html(file);
      const text = $("main pre.citation").text();
      if (!text.includes(address) || !text.includes(version)) problems.push(`${file}: citation ${text}`);
      const items = JSON.parse($("main .citation-csl pre").text() || "[]") as Citation[];
      if (items.length !== 1 || items[0]?.URL !== address || items[0]?.version !== version)
        problems.push(`${file}: CSL-JSON ${JSON.stringify(items)}`);
      if ($("#cite-record").text() !== t(lang, "cite.heading")) problems.push(`${file}: no citation heading`);
    }
    expect(problems).toEqual([]);
  });

  it("puts a valid CSL-JSON citation into every record's JSON file", () => {
    const dataset = site().dataset;
    const { version, date } = releaseHistory(dataset).current;
    const first = dataset.site.languages[0]!;
    const publisher = name(dataset.publisher.name, first);
    const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true, validateFormats: true }));
    const validate = ajv.compile({ $schema: "https://json-schema.org/draft/2020-12/schema", ...CITATION_SCHEMA });
    const problems: string[] = [];
    for (const kind of PUBLIC_KINDS) {
      for (const id of (dataset.records[kind] as ReadonlyMap<string, unknown>).keys()) {
        const file = recordJsonUrl(kind, id);
        const citation = (JSON.parse(site().read(file)) as { citation?: Citation }).citation;
        // An included record is cited at its origin: its publisher, its page there, the release pinned.
        const provenance = provenanceOf(dataset, kind, id);
        const pinned = provenance?.include.pin.path === undefined ? provenance?.include.pin.version : undefined;
        const expected = provenance
          ? {
              address: originalAddresses(provenance, kind, first).page,
              publisher: name(provenance.include.name, first),
              version: pinned ?? version,
              date: pinned?.slice(0, 10) ?? date,
            }
          : {
              address: absoluteUrl(dataset.site.base_url, hasPages(kind) ? recordUrl(first, kind, id) : file),
              publisher,
              version,
              date,
            };
        if (!validate(citation)) problems.push(`${file}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
        else if (
          citation?.type !== "dataset" ||
          citation.URL !== expected.address ||
          citation.version !== expected.version ||
          citation.issued["date-parts"][0]?.join("-") !== expected.date.split("-").map(Number).join("-") ||
          citation.author[0]?.literal !== expected.publisher ||
          citation.publisher !== expected.publisher ||
          !citation.title
        )
          problems.push(`${file}: ${JSON.stringify(citation)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("describes the error link in the accessibility statement and on the page about the site", () => {
    const email = site().dataset.site.contact_email;
    for (const lang of site().dataset.site.languages) {
      const statement = site()
        .html(fileOfUrl(sectionUrl(lang, "accessibility")))("main")
        .text();
      expect(statement).toContain(t(lang, "report.accessibility", { email }));
      expect(statement).toContain(t(lang, "report.link"));
      const about = site()
        .html(fileOfUrl(sectionUrl(lang, "about")))("main")
        .text();
      expect(about).toContain(t(lang, "report.about", { email }));
    }
  });
});

describe.each([
  ["the real site", () => real],
  ["the real site after an editor's changes", () => changed],
])("the page in easy-to-read Swedish, on %s", (_name, site) => {
  it("is Swedish, marked easy to read, with the publisher's texts and mailbox, naming no other language", () => {
    const texts = site().dataset.site.easy_to_read!;
    const $ = site().html(fileOfUrl(easyReadUrl()));
    expect($("html").attr("lang")).toBe("sv");
    expect($("main .easy-read-label").text()).toBe("Lättläst");
    expect($("h1")).toHaveLength(1);
    const main = $("main").text().replace(/\s+/g, " ");
    for (const text of [texts.work, texts.site, texts.contact])
      expect(main).toContain(text.split("\n")[0]!.replace(/^- /, "").trim());
    expect($(`main a[href="mailto:${site().dataset.site.contact_email}"]`)).toHaveLength(1);
    expect($('link[rel="alternate"][hreflang]')).toHaveLength(0);
  });

  it("is linked from the footer of every Swedish page and from the page about the site in every language", () => {
    const problems: string[] = [];
    for (const file of site().htmlFiles) {
      const $ = site().html(file);
      const swedish = $("html").attr("lang") === "sv";
      const linked = $(`footer a[href="${easyReadUrl()}"]`).length === 1;
      // Every page in Swedish links it, the root's language chooser and the Swedish 404 at the root too.
      if (swedish !== linked) problems.push(`${file}: ${swedish ? "no" : "a"} link in the footer`);
    }
    expect(problems).toEqual([]);
    for (const lang of site().dataset.site.languages) {
      const about = site().html(fileOfUrl(sectionUrl(lang, "about")));
      expect(about(`main a[href="${easyReadUrl()}"][hreflang="sv"]`), lang).toHaveLength(1);
    }
  });
});

describe("a site whose data have no easy-to-read text", () => {
  it("has no such page and no link to one", () => {
    expect(fixture.dataset.site.easy_to_read).toBeUndefined();
    expect(fixture.exists(easyReadUrl())).toBe(false);
    expect(fixture.htmlFiles.filter((file) => fixture.read(file).includes(`href="${easyReadUrl()}"`))).toEqual([]);
  });
});
