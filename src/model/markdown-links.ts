// The links of a Markdown text as the site's renderer will see them: parsed by markdown-it with
// the renderer's options, so autolinks, reference links and images are found with the targets a
// page would get (entities decoded, the address normalised), and nothing the renderer drops.
import MarkdownIt from "markdown-it";
import { type LinkProblem, linkProblem } from "../core/url-rule.js";

// The options of src/site/markdown.ts: raw HTML off, no bare addresses turned into links.
const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The targets of the links and images of a Markdown text, in order. */
export function markdownTargets(text: string): string[] {
  const targets: string[] = [];
  for (const block of parser.parse(text, {})) {
    for (const token of block.children ?? []) {
      const name = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
      const target = name === undefined ? null : token.attrGet(name);
      if (target !== null) targets.push(String(target));
    }
  }
  return targets;
}

/** Every link of a Markdown text that the rule for addresses refuses (src/core/url-rule.ts). */
export function refusedLinks(text: string): LinkProblem[] {
  return markdownTargets(text).flatMap((target) => {
    const problem = linkProblem(target);
    return problem ? [problem] : [];
  });
}
