// The admin page's scripts bundled for the browser: the validator from the same source as the
// command line's, with nothing left that needs Node, and within its size budget.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { browserBundle } from "../../src/admin/bundle.js";

/** The validator's budget, gzipped: it is loaded on a form's first save on a git host, not with the page. */
const VALIDATOR_GZIP_BYTES = 500_000;

describe("the admin page's scripts", () => {
  it("bundle the validator with no import of a Node module, within its budget", async () => {
    const script = await browserBundle("validator.ts");
    expect(/from\s*"node:|import\s*\(?\s*"node:|require\("node:/.test(script)).toBe(false);
    expect(script.includes("checkRecord")).toBe(true);
    // The messages are the catalogue's (esbuild writes ö as \xF6).
    expect(script.includes("innan det b\\xF6rjar")).toBe(true);
    expect(gzipSync(script).length).toBeLessThan(VALIDATOR_GZIP_BYTES);
  });

  it("bundle the form's script, which loads the validator only by its address", async () => {
    const script = await browserBundle("browser.ts");
    expect(/from\s*"node:/.test(script)).toBe(false);
    expect(script.includes("utblick-validator.js")).toBe(true);
    expect(script.includes("innan det b\\xF6rjar")).toBe(false);
  });
});
