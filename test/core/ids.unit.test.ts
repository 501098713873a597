// Ids made from names in any script: never empty for a name with a letter or digit, always in the
// alphabet of file names and addresses.
import { describe, expect, it } from "vitest";
import { RECORD_ID, recordIdFrom, recordIdOr } from "../../src/core/ids.js";

describe("a record's id made from its name", () => {
  it("transliterates Swedish, Cyrillic, Greek, Chinese and Persian names to a–z and digits", () => {
    expect(recordIdFrom("Hållbar turism i Växjö")).toBe("hallbar-turism-i-vaxjo");
    expect(recordIdFrom("Київ")).toMatch(/^k[a-z]+v$/);
    expect(recordIdFrom("Ελλάδα 2030")).toBe("ellada-2030");
    expect(recordIdFrom("北京")).toBe("beijing");
    expect(recordIdFrom("می‌خواهم")).not.toBe("");
  });

  it("is always a valid id, cut at a word and at most 80 characters long", () => {
    for (const name of ["  --Ä--  ", "A".repeat(300), `${"ord ".repeat(40)}slut`, "x/../../etc", "C:\\\\tmp"]) {
      const id = recordIdFrom(name);
      expect(id).toMatch(RECORD_ID);
      expect(id.length).toBeLessThanOrEqual(80);
    }
    expect(recordIdFrom(`${"ord ".repeat(40)}slut`).endsWith("-")).toBe(false);
  });

  it("falls back when the name has no letter or digit (signs and pictographs only)", () => {
    expect(recordIdFrom("👨‍👩‍👧 !!")).toBe("");
    expect(recordIdOr("👨‍👩‍👧 !!", "themes-1a2b")).toBe("themes-1a2b");
    expect(recordIdOr("Miljö", "themes-1a2b")).toBe("miljo");
  });
});
