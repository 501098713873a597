// XML written with xmlbuilder2, safe for any text. xmlbuilder2 escapes `<` and `>` but leaves
// anything shaped like an entity or character reference (`R&D;`, `&amp;`, `&#65;`) as it is, so
// `R&D;` would make the file ill-formed and `&amp;` would be read back as `&`. Every text and
// attribute therefore goes through `element()`, which writes each `&` as `&amp;` itself.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";

export type { XMLBuilder };

/**
 * What XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF and lone surrogates. They become U+FFFD, the character that says something was lost.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const REPLACEMENT = "\uFFFD";

export function replaceNonXml(text: string): string {
  return text.replace(NOT_XML, REPLACEMENT);
}

/** A new document; characters XML cannot carry are replaced, never written. */
export function xmlDocument(): XMLBuilder {
  return create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: REPLACEMENT });
}

/**
 * Text as xmlbuilder2 must receive it to write it back exactly: `&` as `&amp;` (which it then
 * leaves alone), and CR as a character reference, since parsers turn a literal CR into LF.
 */
function text(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/\r/g, "&#13;");
}

/** Attribute values also keep tab and LF, which parsers would otherwise normalise to spaces. */
function attribute(value: string): string {
  return text(value).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** What an element holds besides its name. */
export interface ElementContent {
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
}

/** Appends an element with attributes and, optionally, text, escaped for any value. */
export function element(parent: XMLBuilder, name: string, content: ElementContent = {}): XMLBuilder {
  const attributes = Object.entries(content.attributes ?? {}).map(([key, value]) => [key, attribute(value)]);
  const node = parent.ele(name, Object.fromEntries(attributes));
  if (content.text !== undefined) node.txt(text(content.text));
  return node;
}

/**
 * Completes the escaping of an XML text written by a serialiser that escapes `&` and `<` only
 * (rdflib's RDF/XML): `]]>` is not allowed in content, characters XML cannot carry are replaced,
 * and CR is kept as a reference. Each replacement is valid both in content and in attribute
 * values, and none of these sequences can occur in the markup itself.
 */
export function completeXmlEscaping(xml: string): string {
  return replaceNonXml(xml).replace(/]]>/g, "]]&gt;").replace(/\r/g, "&#13;");
}
