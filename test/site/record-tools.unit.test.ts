// The two tools at the end of a record's page: the link that reports an error (a mailto: address
// whose subject and body survive any title, in the reader's language) and the plain-text citation.
import { describe, expect, it } from "vitest";
import type { CitationFacts } from "../../src/exports/citation.js";
import { citationText, cslJson, errorReport, mailtoUrl } from "../../src/site/record-tools.js";

const FACTS: CitationFacts = {
  kind: "projects",
  id: "farliga-tecken",
  title: 'R&D; "a" <b> ?x=1#frag 50 % + mer',
  publisher: "Växjö kommun",
  site: "Internationellt arbete",
  version: "2026-11-25",
  date: "2026-11-25",
  url: "https://data.example.se/sv/projekt/farliga-tecken/",
  lang: "sv",
};

/** The subject and body of a mailto: address, decoded as a mail program would. */
function readMailto(url: string): { to: string; subject: string; body: string } {
  const match = /^mailto:([^?]+)\?subject=([^&]*)&body=([^&]*)$/.exec(url);
  if (!match) throw new Error(`not a mailto with subject and body: ${url}`);
  return { to: match[1]!, subject: decodeURIComponent(match[2]!), body: decodeURIComponent(match[3]!) };
}

describe("mailtoUrl", () => {
  it("encodes the subject and body so that no character of a title ends a field or the address", () => {
    const url = mailtoUrl({ to: "utblick@example.org", subject: FACTS.title, body: "a & b?\nc#d" });
    const query = url.slice(url.indexOf("?") + 1);
    expect(query).not.toMatch(/[ "<>#?]/);
    expect(query.split("&")).toHaveLength(2);
    const read = readMailto(url);
    expect(read).toEqual({ to: "utblick@example.org", subject: FACTS.title, body: "a & b?\r\nc#d" });
  });

  it("writes every line break as CRLF (%0D%0A), as RFC 6068 asks", () => {
    const url = mailtoUrl({ to: "a@example.org", subject: "s", body: "one\ntwo\r\nthree\rfour" });
    expect(url).toContain("body=one%0D%0Atwo%0D%0Athree%0D%0Afour");
  });
});

describe("errorReport", () => {
  it("writes a title's line breaks as spaces in the subject, which is one line", () => {
    const mail = errorReport({ ...FACTS, title: "a\r\n  b\u2028c\u0085d" }, "utblick@example.org");
    expect(mail.subject).toBe("Fel i posten a b c d");
  });

  it("names the record, its address and its release, in the reader's language", () => {
    for (const [lang, words] of [
      ["sv", /fel i den här posten/],
      ["en", /error in this record/],
      ["de", /Fehler in diesem Eintrag/],
    ] as const) {
      const mail = errorReport({ ...FACTS, lang }, "utblick@example.org");
      expect(mail.to).toBe("utblick@example.org");
      expect(mail.subject).toContain(FACTS.title);
      expect(mail.body).toMatch(words);
      expect(mail.body).toContain(FACTS.url);
      expect(mail.body).toContain(FACTS.version);
      expect(readMailto(mailtoUrl(mail)).subject).toBe(mail.subject);
    }
  });
});

describe("citationText", () => {
  it("gives publisher, release date, title, release, site and address as plain text in each language", () => {
    expect(citationText(FACTS)).toBe(
      `Växjö kommun (25 november 2026). ${FACTS.title} [datamängd], version 2026-11-25. ` +
        "I: Internationellt arbete. https://data.example.se/sv/projekt/farliga-tecken/",
    );
    expect(citationText({ ...FACTS, lang: "en" })).toMatch(
      /^Växjö kommun \(25 November 2026\)\. .* release 2026-11-25\./,
    );
    expect(citationText({ ...FACTS, lang: "de" })).toMatch(/^Växjö kommun \(25\. November 2026\)\. .*\[Datensatz\]/);
  });
});

describe("cslJson", () => {
  it("is an array of one CSL item, as reference managers import it", () => {
    const items = JSON.parse(cslJson(FACTS)) as { type: string; title: string }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: "dataset", title: FACTS.title });
  });
});
