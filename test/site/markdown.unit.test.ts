import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "../../src/site/markdown.js";

describe("Markdown from the data", () => {
  it("renders raw HTML as text and drops script links", () => {
    const html = renderMarkdown("<b>bold</b> [x](javascript:alert(1)) **strong**", "en").value;
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("<strong>strong</strong>");
  });

  it("marks links as leading to another website", () => {
    const html = renderMarkdown("[ICLD](https://www.icld.se/)", "sv").value;
    expect(html).toContain('rel="external noopener noreferrer"');
    expect(html).toContain('class="external"');
    expect(html).toContain('<span class="visually-hidden"> (annan webbplats)</span></a>');
  });

  it("gives plain text for metadata, without any markup", () => {
    expect(markdownToText("The city cuts **emissions**.\n\n- one\n- `two`")).toBe("The city cuts emissions. one two");
  });
});
