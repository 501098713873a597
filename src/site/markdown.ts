// Markdown from the data, rendered with raw HTML off: tags in a summary come out as text, and
// markdown-it's link check drops javascript:, vbscript: and data: links. Images are shown only
// from the site itself; others become links.
import MarkdownIt from "markdown-it";
import { escapeHtml, Html, replaceNonHtml } from "../core/html.js";
import type { Lang } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { t } from "../i18n/translate.js";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export interface MarkdownOptions {
  /**
   * For HTML read outside the site (feeds): the site's address, whose files count as its own,
   * and the page the text belongs to, against which relative addresses are made absolute. Such
   * HTML gets no visually hidden hints, since there is no stylesheet there to hide them.
   */
  readonly outside?: { readonly siteUrl: string; readonly pageUrl: string };
}

type Env = {
  readonly lang?: Lang;
  readonly outside?: MarkdownOptions["outside"];
};

/** An address that does not parse (markdown-it lets `https://` through) is nobody's. */
const parse = (url: string, base?: string): URL | undefined =>
  URL.canParse(url, base) ? new URL(url, base) : undefined;

const envOf = (env: unknown): Env => (env ?? {}) as Env;

/** An address with a scheme or a host of its own (`https:`, `data:`, `//host/`); anything else is relative. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The site's own files are the only images shown: relative addresses, and, outside the site,
 * absolute ones on the site's own origin. An image from elsewhere would let its host see every
 * reader (and, in a feed, where no Content Security Policy applies, show them anything).
 */
function ownImage(src: string, env: Env): string | undefined {
  if (!NOT_RELATIVE.test(src)) return env.outside ? parse(src, env.outside.pageUrl)?.href : src;
  const url = parse(src);
  return env.outside && url && url.origin === parse(env.outside.siteUrl)?.origin ? url.href : undefined;
}

// Links in summaries lead off the site: isolate and announce them like every external link.
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  const { outside } = envOf(env);
  if (token) {
    token.attrSet("rel", "external noopener noreferrer");
    token.attrSet("class", "external");
    const href = token.attrGet("href");
    const absolute = outside && href !== null ? parse(String(href), outside.pageUrl) : undefined;
    if (absolute) token.attrSet("href", absolute.href);
  }
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.link_close = (tokens, index, options, env, self) => {
  const { lang, outside } = envOf(env);
  const hint = lang && !outside ? `<span class="visually-hidden"> ${escapeHtml(t(lang, "external.hint"))}</span>` : "";
  return hint + self.renderToken(tokens, index, options);
};

// An image from another host becomes a link to it, named by its description; one that is not
// on the web at all (a data: address) becomes its description only.
const renderImage = markdown.renderer.rules.image;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index];
  if (!token || !renderImage) return "";
  const context = envOf(env);
  const src = String(token.attrGet("src") ?? "");
  const own = ownImage(src, context);
  if (own !== undefined) {
    token.attrSet("src", own);
    return renderImage(tokens, index, options, env, self);
  }
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const url = parse(src);
  if (!url || !/^https?:$/.test(url.protocol)) return escapeHtml(alt);
  const description = alt.trim() || url.host;
  const label = context.lang ? t(context.lang, "external.image", { description }) : description;
  return `<a href="${escapeHtml(src)}" rel="external noopener noreferrer" class="external">${escapeHtml(label)}</a>`;
};

export function renderMarkdown(text: string, lang?: Lang, options: MarkdownOptions = {}): Html {
  const env: Env = { ...(lang ? { lang } : {}), ...(options.outside ? { outside: options.outside } : {}) };
  return new Html(markdown.render(replaceNonHtml(text), env));
}

/**
 * The plain text of a Markdown text, for metadata such as JSON-LD descriptions: no markup at all.
 * A record's page, its cards and its metadata all ask for it, so each text is parsed once.
 */
export const markdownToText = memoize((text: string): string => {
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
});
