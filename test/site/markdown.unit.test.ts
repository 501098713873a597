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

  it("shows images from the site's own files", () => {
    const html = renderMarkdown("![Karta](/media/karta.png)", "sv").value;
    expect(html).toContain('<img src="/media/karta.png" alt="Karta">');
  });

  it("turns an image from another host into a link named by its description", () => {
    const html = renderMarkdown("![Spårpixel](https://tracker.example.com/p.gif?id=1&u=2)", "sv").value;
    expect(html).not.toContain("<img");
    expect(html).toContain(
      '<a href="https://tracker.example.com/p.gif?id=1&amp;u=2" rel="external noopener noreferrer" class="external">Bild på annan webbplats: Spårpixel</a>',
    );
  });

  it("names a linked image without description by its host", () => {
    expect(renderMarkdown("![](https://cdn.example.com/x.png)", "en").value).toContain(
      ">Image on another website: cdn.example.com</a>",
    );
  });

  it("keeps only the description of an image that is not on the web", () => {
    const html = renderMarkdown('![a <b>"pixel"</b>](data:image/png;base64,iVBORw0KGgo=)', "en").value;
    expect(html).not.toContain("<img");
    expect(html).not.toContain("data:");
    expect(html).toContain("a &lt;b&gt;&quot;pixel&quot;&lt;/b&gt;");
  });

  it("makes addresses absolute and leaves out hidden hints for HTML read outside the site", () => {
    const outside = { siteUrl: "https://utblick.example.org/", pageUrl: "https://utblick.example.org/sv/projekt/x/" };
    const html = renderMarkdown(
      "![Karta](/media/karta.png) ![Egen](https://utblick.example.org/a.png) ![Annan](https://evil.example.com/a.png) [sida](../y/)",
      "sv",
      { outside },
    ).value;
    expect(html).toContain('<img src="https://utblick.example.org/media/karta.png" alt="Karta">');
    expect(html).toContain('<img src="https://utblick.example.org/a.png" alt="Egen">');
    expect(html).toContain('<a href="https://evil.example.com/a.png"');
    expect(html).toContain('href="https://utblick.example.org/sv/projekt/y/"');
    expect(html).not.toContain("visually-hidden");
  });
});
