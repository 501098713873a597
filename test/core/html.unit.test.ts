// HTML text escaping: markup comes out as text, and what HTML cannot carry as U+FFFD.
import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "../../src/core/html.js";
import { htmlParseErrors } from "../helpers/strict-parsers.js";

describe("HTML escaping", () => {
  it("writes markup characters as references", () => {
    expect(escapeHtml(`<a href="x">'&amp;'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;");
  });

  it("writes controls and noncharacters as U+FFFD and keeps tab, line breaks and form feed", () => {
    expect(escapeHtml("a\u0000b\u0001c\u007Fd\u0085e\uFDD0f\uFFFFg")).toBe(
      "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg",
    );
    expect(escapeHtml("a\tb\nc\rd\fe")).toBe("a\tb\nc\rd\fe");
  });

  it("gives a document without parse errors whatever the text", () => {
    const text = "\u0001<script>x</script>\u0008 ]]> &#0; \uFFFE";
    const page = html`<!doctype html><html lang="sv"><head><title>${text}</title></head><body><p title="${text}">${text}</p></body></html>`;
    expect(htmlParseErrors(page.value)).toEqual([]);
  });
});
