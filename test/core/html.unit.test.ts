// HTML text escaping: markup comes out as text, and what HTML cannot carry as U+FFFD.
import { describe, expect, it } from "vitest";
import { escapeHtml, html, jsonForScript } from "../../src/core/html.js";
import { htmlParseErrors } from "../helpers/strict-parsers.js";

describe("HTML escaping", () => {
  it("writes markup characters as references", () => {
    expect(escapeHtml(`<a href="x">'&amp;'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;");
  });

  it("writes controls and noncharacters as U+FFFD, NEL as LF, and keeps tab, line breaks and form feed", () => {
    expect(escapeHtml("a\u0000b\u0001c\u007Fd\u0085e\uFDD0f\uFFFFg")).toBe("a\uFFFDb\uFFFDc\uFFFDd\ne\uFFFDf\uFFFDg");
    expect(escapeHtml("a\tb\nc\rd\fe")).toBe("a\tb\nc\rd\fe");
  });

  it("gives a document without parse errors whatever the text", () => {
    const text = "\u0001<script>x</script>\u0008 ]]> &#0; \uFFFE";
    const page = html`<!doctype html><html lang="sv"><head><title>${text}</title></head><body><p title="${text}">${text}</p></body></html>`;
    expect(htmlParseErrors(page.value)).toEqual([]);
  });

  it("writes JSON for a script block that parses back exactly and gives no HTML parse error", () => {
    const value = { text: "</script><!-- \u0085 \u009F \u2028 & \uFFFE" };
    const json = jsonForScript(value).value;
    expect(JSON.parse(json)).toEqual(value);
    expect(
      htmlParseErrors(`<!doctype html><title>x</title><script type="application/ld+json">${json}</script>`),
    ).toEqual([]);
  });
});
