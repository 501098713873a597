// The server's rules come from the routes: one redirect per language and foreign name, the 404
// page of each language, the choice of language at the root; nginx, _redirects and the preview
// server all follow them.

import { describe, expect, it } from "vitest";
import { availableLanguages } from "../../src/core/languages.js";
import { nginxServer } from "../../src/deploy/nginx.js";
import { notFoundPageFor, redirectFor } from "../../src/deploy/preview.js";
import { redirectsFile } from "../../src/deploy/redirects.js";
import {
  CONTENT_NAMED,
  languageSwaps,
  type Publication,
  preferredLanguage,
  preferredLanguagePattern,
  publicationOf,
} from "../../src/deploy/rules.js";

const root: Publication = { base: "/", languages: ["sv", "en", "de"] };
const below: Publication = { base: "/internationellt/", languages: ["sv", "en", "de"] };

describe("the language swaps", () => {
  const swaps = languageSwaps(root);
  const to = (from: string) => swaps.find((swap) => swap.from === from);

  it("send a section's name in another language to the name in the address's language", () => {
    expect(to("/de/projects/")).toEqual({ from: "/de/projects/", to: "/de/projekte/", exact: true });
    expect(to("/en/projekt/")).toEqual({ from: "/en/projekt/", to: "/en/projects/", exact: true });
    expect(to("/sv/global-goals/")).toEqual({ from: "/sv/global-goals/", to: "/sv/globala-malen/", exact: true });
    expect(to("/de/open-data/")?.to).toBe("/de/offene-daten/");
  });

  it("cover the facets, the statuses and the data dictionary inside a section", () => {
    expect(to("/en/projects/ar/")).toEqual({ from: "/en/projects/ar/", to: "/en/projects/year/", exact: false });
    expect(to("/de/projekte/status/ongoing/")?.to).toBe("/de/projekte/status/laufend/");
    expect(to("/sv/oppna-data/data-dictionary/")?.to).toBe("/sv/oppna-data/databeskrivning/");
  });

  it("have no rule where the name is the language's own (statistik is Swedish and German)", () => {
    expect(to("/de/statistik/")).toBeUndefined();
    expect(to("/sv/statistik/")).toBeUndefined();
    expect(swaps.every((swap) => swap.from !== swap.to)).toBe(true);
  });

  it("are one per language and foreign name, never one per record", () => {
    expect(new Set(swaps.map((swap) => swap.from)).size).toBe(swaps.length);
    // 14 sections (the map included), 2 facets, 6 statuses, 1 dictionary; at most one foreign name per
    // other language Utblick has a catalogue for, in each of the site's 3 languages.
    const foreignLanguages = availableLanguages().length - 1;
    expect(swaps.length).toBeLessThanOrEqual(3 * foreignLanguages * (14 + 2 + 6 + 1));
  });

  it("are made only for the site's languages", () => {
    const swedishOnly = languageSwaps({ base: "/", languages: ["sv"] });
    expect(swedishOnly.every((swap) => swap.from.startsWith("/sv/"))).toBe(true);
    expect(swedishOnly.some((swap) => swap.from === "/sv/projects/")).toBe(true);
  });
});

describe("the choice of language at the root", () => {
  const cases: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ["", undefined],
    ["de", "de"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7", "de"],
    ["SV-se", "sv"],
    ["fr, *;q=0.5", undefined],
    ["sv;q=0, en;q=0.5", "en"],
    ["en;q=0.0", undefined],
    ["sve, nl", undefined],
    ["nb-NO,nb;q=0.9,no;q=0.8,sv;q=0.7", "sv"],
  ];

  it.each(cases)("takes the first language of the site that the header accepts: %j → %j", (header, expected) => {
    expect(preferredLanguage(header, root)).toBe(expected);
  });

  it.each(cases)("is the same in nginx's pattern: %j → %j", (header, expected) => {
    const match = new RegExp(preferredLanguagePattern(root), "i").exec(header ?? "");
    expect(match?.[1]?.toLowerCase()).toBe(expected);
  });

  it("chooses among the site's languages only", () => {
    const swedishAndGerman: Publication = { base: "/", languages: ["sv", "de"] };
    expect(preferredLanguage("en-GB,en;q=0.9", swedishAndGerman)).toBeUndefined();
    expect(new RegExp(preferredLanguagePattern(swedishAndGerman), "i").exec("en-GB,en;q=0.9")).toBeNull();
  });
});

describe("the preview server's answers", () => {
  it("redirect foreign names below the base path and keep the rest of the address", () => {
    expect(redirectFor(below, "/internationellt/de/projects/renare-vatten/")).toEqual({
      status: 301,
      location: "/internationellt/de/projekte/renare-vatten/",
    });
    expect(redirectFor(below, "/internationellt/de/projects")).toEqual({
      status: 301,
      location: "/internationellt/de/projekte/",
    });
    expect(redirectFor(below, "/internationellt/de/projekte/renare-vatten/")).toBeUndefined();
  });

  it("never take a project whose id is a foreign facet name", () => {
    expect(redirectFor(root, "/en/projects/ar/")).toBeUndefined();
    expect(redirectFor(root, "/en/projects/ar/2016/")).toEqual({ status: 301, location: "/en/projects/year/2016/" });
  });

  it("send the root to the reader's language, or to the base path from the host's root", () => {
    expect(redirectFor(below, "/internationellt/", "de-AT,de;q=0.9")).toEqual({
      status: 302,
      location: "/internationellt/de/",
    });
    expect(redirectFor(below, "/internationellt/", "fr")).toBeUndefined();
    expect(redirectFor(below, "/")).toEqual({ status: 302, location: "/internationellt/" });
  });

  it("answer a missing page with the 404 page of its language", () => {
    expect(notFoundPageFor(root, "/en/nothing/")).toBe("/en/404.html");
    expect(notFoundPageFor(root, "/de/projekte/nichts/")).toBe("/de/404.html");
    expect(notFoundPageFor(root, "/fr/")).toBe("/404.html");
  });
});

describe("the _redirects file", () => {
  const lines = redirectsFile(publicationOf({ base_url: "https://www.kommun.se/int/", languages: ["sv", "de"] }))
    .split("\n")
    .filter((line) => line && !line.startsWith("#"));

  it("has the language swaps below the base path, with the rest of the address kept", () => {
    expect(lines).toContain("/int/de/projects/* /int/de/projekte/:splat 301");
    expect(lines).toContain("/int/de/projects /int/de/projekte/ 301");
    // A foreign year facet redirects only with a year after it: a project may be called "year".
    expect(lines).toContain("/int/sv/projekt/year/* /int/sv/projekt/ar/:splat 301");
    expect(lines.some((line) => line.startsWith("/int/sv/projekt/year "))).toBe(false);
  });

  it("ends with each language's 404 page, then the root's", () => {
    expect(lines.slice(-3)).toEqual([
      "/int/sv/* /int/sv/404.html 404",
      "/int/de/* /int/de/404.html 404",
      "/int/* /int/404.html 404",
    ]);
  });
});

describe("the files that change name with their content", () => {
  it("are Pagefind's hashed index files and assets named by a hash, not its entry files", () => {
    expect(CONTENT_NAMED.test("sv_1a55bdf.pf_filter")).toBe(true);
    expect(CONTENT_NAMED.test("pagefind.sv_2d97454063.pf_meta")).toBe(true);
    expect(CONTENT_NAMED.test("style.0123abcd.css")).toBe(true);
    expect(CONTENT_NAMED.test("pagefind-entry.json")).toBe(false);
    expect(CONTENT_NAMED.test("wasm.sv.pagefind")).toBe(false);
    expect(CONTENT_NAMED.test("style.css")).toBe(false);
  });
});

describe("the nginx configuration", () => {
  it("quotes the server's directory, whatever its name, and refuses a listen value that is not an address", () => {
    const conf = nginxServer(root, { root: '/srv/a "b";\\', listen: "127.0.0.1:8080" });
    expect(conf).toContain('root "/srv/a \\"b\\";\\\\";');
    expect(() => nginxServer(root, { root: "/srv", listen: "80; include /etc/passwd" })).toThrow();
  });
});
