// A catalogue's address names become folders and server rules: only plain slugs pass.
import { describe, expect, it } from "vitest";
import { routeNames, routeNamesFrom } from "../../src/core/routes.js";

describe("the names of a language's addresses", () => {
  const valid = routeNames("en");

  it("are taken from a catalogue whose every name is a plain slug", () => {
    expect(routeNamesFrom("locales/xx.json", valid)).toBe(valid);
  });

  it("are refused, naming the file and the key, when one would leave its folder or write a server rule", () => {
    for (const name of [
      "x; } return 302 https://evil.example/; #",
      "../../escape",
      "a/b",
      "a b",
      "$host",
      "Projekte",
      "",
    ]) {
      const routes = { ...valid, sections: { ...valid.sections, map: name } };
      expect(() => routeNamesFrom("locales/xx.json", routes), name).toThrow(/locales\/xx\.json: routes\.sections\.map/);
    }
    expect(() => routeNamesFrom("locales/xx.json", undefined)).toThrow(/no "routes" section/);
  });
});
