// XML written through core/xml holds any text: what a strict parser reads back is what was written.
import * as $rdf from "rdflib";
import { describe, expect, it } from "vitest";
import { atomFeed } from "../../src/core/atom.js";
import { completeXmlEscaping, element, xmlDocument } from "../../src/core/xml.js";
import { elements, readXml } from "../helpers/strict-parsers.js";

const HOSTILE = [
  "R&D;",
  "&amp; stays &amp;",
  "&#65; &#x41; &lt;",
  "<img src=x onerror=alert(1)>",
  "]]> <![CDATA[ x ]]>",
  "line\r\nbreaks\rand\nmore",
  "tab\there",
  "quote \" and apostrophe '",
  "ünïcødé 中文 😀",
];

describe("XML elements", () => {
  it("read back exactly, in text and in attributes, whatever the text", () => {
    const root = element(xmlDocument(), "root");
    for (const text of HOSTILE) element(root, "item", { attributes: { value: text }, text });
    const read = readXml(root.end({ prettyPrint: true }));
    expect(read.children.map((item) => item.text)).toEqual(HOSTILE);
    expect(read.children.map((item) => item.attributes.value)).toEqual(HOSTILE);
  });

  it("replace the characters XML cannot carry by U+FFFD", () => {
    const root = element(xmlDocument(), "root", {
      attributes: { a: "x\u0001y" },
      text: "a\u0000b\u001Fc\uFFFEd\uD800e",
    });
    const read = readXml(root.end());
    expect(read.text).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    expect(read.attributes.a).toBe("x\uFFFDy");
  });
});

describe("RDF/XML from rdflib", () => {
  it("is well-formed and reads back exactly once its escaping is completed", () => {
    const store = $rdf.graph();
    const subject = $rdf.sym("https://example.org/a?x=1&y=2");
    for (const text of [...HOSTILE, "c\u0001d"]) store.add(subject, $rdf.sym("https://example.org/t"), $rdf.lit(text));
    const raw = $rdf.serialize(null, store, undefined, "application/rdf+xml") ?? "";
    // What rdflib writes alone: `]]>` in content is not well-formed.
    expect(() => readXml(raw)).toThrow();
    const read = readXml(completeXmlEscaping(raw));
    const description = elements(read, "rdf:Description")[0]!;
    const texts = description.children.map((node) => node.text);
    expect(texts.sort()).toEqual([...HOSTILE, "c\uFFFDd"].sort());
    expect(description.attributes["rdf:about"]).toBe("https://example.org/a?x=1&y=2");
  });
});

describe("Atom feeds", () => {
  const feed = atomFeed({
    id: "https://example.org/feed.xml",
    title: "Forskning &amp; utveckling <b>R&D;</b>",
    lang: "sv",
    self: "https://example.org/feed.xml",
    alternate: "https://example.org/",
    updated: "2026-11-25T00:00:00.000Z",
    author: { name: "A & B", email: "a@example.org" },
    rights: "https://creativecommons.org/publicdomain/zero/1.0/",
    entries: [
      {
        id: "https://example.org/p/1/",
        title: "<img src=x onerror=alert(1)> ]]>",
        link: "https://example.org/p/1/?a=1&b=2",
        updated: "2026-11-25T00:00:00.000Z",
        contentHtml: "<p>Text &amp; more ]]> end</p>",
      },
    ],
  });

  it("carry titles as plain text, exactly as written", () => {
    const read = readXml(feed);
    const titles = elements(read, "title");
    expect(titles.map((title) => title.attributes.type)).toEqual(["text", "text"]);
    expect(titles.map((title) => title.text)).toEqual([
      "Forskning &amp; utveckling <b>R&D;</b>",
      "<img src=x onerror=alert(1)> ]]>",
    ]);
  });

  it("carry content as escaped HTML and links with their query intact", () => {
    const read = readXml(feed);
    expect(elements(read, "content")[0]?.attributes.type).toBe("html");
    expect(elements(read, "content")[0]?.text).toBe("<p>Text &amp; more ]]> end</p>");
    expect(elements(read, "link").map((link) => link.attributes.href)).toContain("https://example.org/p/1/?a=1&b=2");
    expect(feed).not.toContain("CDATA");
  });
});
