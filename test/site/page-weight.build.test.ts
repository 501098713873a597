// The first round trip: every page with its stylesheet within 14 kB gzipped, so a reader on a slow
// line gets a page that can render after one round trip (TCP's first window of ten segments).
// Maps are cached files of their own, fetched once; the page keeps the list of their places.
import { gzipSync } from "node:zlib";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, sharedSite } from "../helpers/built-site.js";

const FIRST_ROUND_TRIP_BYTES = 14 * 1024;

const gzipped = (text: string): number => gzipSync(Buffer.from(text, "utf8")).length;

// The frozen sample and a fixture with hostile texts: the weight of pages is the code's to keep (the
// benchmark's test checks its generated sites alike). Not data/ itself: an editor may write a long
// text, which makes a heavier page but is no mistake.
describe.each([
  ["the frozen sample", "sample"],
  ["the site fixture", "site"],
] as const)("every page of %s", (_name, siteName) => {
  let built: BuiltSite;
  beforeAll(() => {
    built = sharedSite(siteName);
  });
  const site = (): BuiltSite => built;

  it("is within 14 kB gzipped together with its stylesheet", () => {
    const stylesheet = gzipped(site().read("/assets/style.css"));
    const heavy = site()
      .htmlFiles.map((file) => ({ file, bytes: gzipped(site().read(file)) + stylesheet }))
      .filter((page) => page.bytes > FIRST_ROUND_TRIP_BYTES)
      .map((page) => `${page.file}: ${page.bytes} bytes`);
    expect(heavy).toEqual([]);
  });

  it("shows a small map as a cached image of its own that names every place, with the places listed on the page", () => {
    const mapped = site().htmlFiles.filter((file) => site().read(file).includes('class="small-map"'));
    // Every record that names a place has a small map: a site with places shows some.
    if (site().dataset.records.places.size > 0) expect(mapped.length).toBeGreaterThan(0);
    for (const file of mapped) {
      const $ = load(site().read(file));
      expect($(".small-map svg").length, file).toBe(0);
      const image = $(".small-map img.map");
      const src = image.attr("src")!;
      expect(src, file).toMatch(/\/places-[0-9a-f]{12}\.svg$/);
      const svg = load(site().read(src), { xml: true });
      const marks = svg("g.place > title")
        .map((_, title) => svg(title).text())
        .get()
        .sort();
      const listed = $(".small-map figcaption li a")
        .map((_, link) => $(link).text())
        .get()
        .sort();
      expect(marks, file).toEqual(listed);
      for (const place of listed) expect(image.attr("alt"), file).toContain(place);
    }
  });
});
