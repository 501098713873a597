// Markdown from the data, rendered with raw HTML off: tags in a summary come out as text, and
// markdown-it's link check drops javascript:, vbscript: and data: links.
import MarkdownIt from "markdown-it";
import { escapeHtml, Html } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { t } from "../i18n/translate.js";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Links in summaries lead off the site: isolate and announce them like every external link.
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index];
  if (token) {
    token.attrSet("rel", "external noopener noreferrer");
    token.attrSet("class", "external");
  }
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.link_close = (tokens, index, options, env, self) => {
  const lang = (env as { lang?: Lang } | undefined)?.lang;
  const hint = lang ? `<span class="visually-hidden"> ${escapeHtml(t(lang, "external.hint"))}</span>` : "";
  return hint + self.renderToken(tokens, index, options);
};

export function renderMarkdown(text: string, lang?: Lang): Html {
  return new Html(markdown.render(text, lang ? { lang } : {}));
}

/** The plain text of a Markdown text, for metadata such as JSON-LD descriptions: no markup at all. */
export function markdownToText(text: string): string {
  const blocks: string[] = [];
  for (const token of markdown.parse(text, {})) {
    if (token.type !== "inline") continue;
    blocks.push(
      (token.children ?? [])
        .map((child) =>
          child.type === "text" || child.type === "code_inline"
            ? child.content
            : child.type === "softbreak" || child.type === "hardbreak"
              ? " "
              : "",
        )
        .join(""),
    );
  }
  return blocks.join(" ");
}
