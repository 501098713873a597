// Markdown from the data, rendered with raw HTML off: tags in a summary come out as text, and
// markdown-it's link check drops javascript:, vbscript: and data: links.
import MarkdownIt from "markdown-it";
import { Html } from "./html.js";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Links in summaries lead off the site: announce and isolate them like every external link.
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index];
  if (token) {
    token.attrSet("rel", "external noopener noreferrer");
  }
  return self.renderToken(tokens, index, options);
};

export function renderMarkdown(text: string): Html {
  return new Html(markdown.render(text));
}

/** Markdown for a single line (no surrounding paragraph). */
export function renderMarkdownInline(text: string): Html {
  return new Html(markdown.renderInline(text));
}
