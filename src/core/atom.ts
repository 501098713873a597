// Atom feeds (RFC 4287) written with the XML writer of core/xml, so any text comes out exactly.
// Titles are `type="text"`: a feed reader shows them as the text they are, never as markup.
// Contents are `type="html"`, escaped as XML text (no CDATA, which `]]>` would end).
import { element, xmlDocument } from "./xml.js";

const ATOM_NS = "http://www.w3.org/2005/Atom";

export interface AtomEntry {
  /** An absolute IRI that never changes. */
  readonly id: string;
  readonly title: string;
  /** The absolute address of the entry's page. */
  readonly link: string;
  /** RFC 3339 date-time. */
  readonly updated: string;
  /** HTML that is safe to show without a Content Security Policy, with absolute addresses. */
  readonly contentHtml?: string;
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  /** The language of the feed's texts (xml:lang). */
  readonly lang: string;
  /** The feed's own address and the page it stands for. */
  readonly self: string;
  readonly alternate: string;
  readonly updated: string;
  readonly author: { readonly name: string; readonly email?: string };
  readonly rights?: string;
  readonly entries: readonly AtomEntry[];
}

export function atomFeed(feed: AtomFeed): string {
  const root = element(xmlDocument(), "feed", { attributes: { xmlns: ATOM_NS, "xml:lang": feed.lang } });
  element(root, "id", { text: feed.id });
  element(root, "title", { attributes: { type: "text" }, text: feed.title });
  element(root, "updated", { text: feed.updated });
  const author = element(root, "author");
  element(author, "name", { text: feed.author.name });
  if (feed.author.email) element(author, "email", { text: feed.author.email });
  element(root, "link", { attributes: { rel: "alternate", type: "text/html", href: feed.alternate } });
  element(root, "link", { attributes: { rel: "self", type: "application/atom+xml", href: feed.self } });
  if (feed.rights) element(root, "rights", { attributes: { type: "text" }, text: feed.rights });
  for (const entry of feed.entries) {
    const node = element(root, "entry");
    element(node, "id", { text: entry.id });
    element(node, "title", { attributes: { type: "text" }, text: entry.title });
    element(node, "link", { attributes: { rel: "alternate", type: "text/html", href: entry.link } });
    element(node, "updated", { text: entry.updated });
    if (entry.contentHtml !== undefined)
      element(node, "content", { attributes: { type: "html" }, text: entry.contentHtml });
  }
  return root.end({ prettyPrint: true });
}
