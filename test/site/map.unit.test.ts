import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { oneLine } from "../../src/site/components.js";
import { sumsByCurrency } from "../../src/site/key-facts.js";
import { corePoints, drawMap, placeLabels, regionOf } from "../../src/site/map.js";

const VASTERAS = { name: "Västerås", lat: 59.6, lon: 16.5 };
const KHERSON = { name: "Kherson", lat: 46.6, lon: 32.6 };
const JINAN = { name: "Jinan", lat: 36.7, lon: 117 };

describe("the region of a map", () => {
  it("widens a single place to 10° of longitude and 5° of latitude, then pads it by 12 %", () => {
    const region = regionOf([{ name: "x", lat: 59, lon: 16 }]);
    expect(region.west).toBeCloseTo(16 - 5 - 1.2);
    expect(region.east).toBeCloseTo(16 + 5 + 1.2);
    expect(region.south).toBeCloseTo(59 - 2.5 - 0.6);
    expect(region.north).toBeCloseTo(59 + 2.5 + 0.6);
  });

  it("leaves a place on another continent out of the detail map", () => {
    const europe = [VASTERAS, KHERSON, { name: "Riga", lat: 56.9, lon: 24.1 }];
    expect(corePoints([...europe, JINAN])).toEqual(europe);
    expect(corePoints(europe)).toEqual(europe);
  });
});

describe("the labels of a map", () => {
  it("labels two places far apart, each to the right of its mark", () => {
    const labels = placeLabels(
      [
        { x: 100, y: 100, name: "Västerås" },
        { x: 300, y: 300, name: "Kherson" },
      ],
      { width: 480, height: 400, fontSize: 16 },
    );
    expect(labels.map((label) => label?.anchor)).toEqual(["start", "start"]);
  });

  it("never lets two labels overlap, and labels the place more records name first", () => {
    const labels = placeLabels(
      [
        { x: 200, y: 200, name: "Hallstahammar" },
        { x: 201, y: 200, name: "Västerås", weight: 30 },
      ],
      { width: 480, height: 400, fontSize: 16 },
    );
    expect(labels[1]?.anchor).toBe("start");
    expect(labels[0]?.anchor).not.toBe("start");
  });
});

describe("a drawn map", () => {
  it("has one mark per place with its name, and nothing that runs", () => {
    const svg = drawMap(
      {
        id: "m",
        title: "Karta",
        description: "Två platser",
        points: [VASTERAS, KHERSON],
        width: 480,
        height: 320,
        fontSize: 17,
      },
      ["SE", "UA"],
    ).value;
    const $ = load(svg, { xml: true });
    expect(
      $("g.place > title")
        .map((_, title) => $(title).text())
        .get(),
    ).toEqual(["Västerås", "Kherson"]);
    expect($("script, a, foreignObject").length).toBe(0);
    expect($("svg").attr("role")).toBe("img");
    expect($("svg").attr("xmlns")).toBeUndefined();
    expect($("path").first().attr("d")?.length).toBeGreaterThan(100);
  });

  it("escapes a hostile place name", () => {
    const svg = drawMap(
      {
        id: "m",
        title: "t",
        description: "d",
        points: [{ ...VASTERAS, name: "<script>x</script>" }],
        width: 480,
        height: 320,
        fontSize: 17,
        standalone: true,
      },
      [],
    ).value;
    expect(svg).not.toContain("<script>");
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });
});

describe("money in key facts", () => {
  it("sums per currency and never across currencies, keeping 'approximately'", () => {
    expect(
      sumsByCurrency([
        { amount: 100, currency: "SEK" },
        { amount: 10, currency: "EUR", approximate: true },
        { amount: 50, currency: "SEK" },
      ]),
    ).toEqual([
      { amount: 150, currency: "SEK" },
      { amount: 10, currency: "EUR", approximate: true },
    ]);
  });
});

describe("the one-line summary of a card", () => {
  it("is the first sentence, as plain text", () => {
    expect(oneLine("**Västerås** and Jinan tested *dialogue*. Then more.")).toBe("Västerås and Jinan tested dialogue.");
  });

  it("runs on past a day's number with a period, as German writes its ordinals", () => {
    expect(oneLine("Ein Projekt, das am 1. Juli 2016 begann. Es endete.")).toBe(
      "Ein Projekt, das am 1. Juli 2016 begann.",
    );
    expect(oneLine("Es lief bis 2016. Danach nicht.")).toBe("Es lief bis 2016.");
  });

  it("is cut at a word with an ellipsis when the sentence is long", () => {
    const line = oneLine(`${"word ".repeat(60)}end.`);
    expect(line.endsWith(" …")).toBe(true);
    expect(line.length).toBeLessThanOrEqual(180);
  });
});
