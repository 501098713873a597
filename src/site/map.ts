// Maps drawn at build time as static SVG: Natural Earth country boundaries from world-atlas,
// projected with d3-geo, clipped to the region the places span, with one mark and (where it
// does not collide with another) one label per place. No script; the list beside the map is
// its text alternative.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type GeoProjection, geoBounds, geoMercator, geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { type Html, html } from "../core/html.js";
import { memoize } from "../core/memo.js";

export interface MapPoint {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** The language of the name when it differs from the page's. */
  readonly lang?: string;
  /** Labels of heavier points are placed first (e.g. places that more records name). */
  readonly weight?: number;
}

export interface MapSpec {
  /** Unique in the document: ids of the title and description derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly points: readonly MapPoint[];
  readonly width: number;
  readonly height: number;
  /** Label size in the SVG's own units. */
  readonly fontSize: number;
  /** A standalone file (with the XML namespace) rather than markup inside a page. */
  readonly standalone?: boolean;
}

type Resolution = "110m";

/** The countries of Natural Earth at a resolution, read once per process. */
const countryShapes = memoize((resolution: string): Shape[] => {
  const file = createRequire(import.meta.url).resolve(`world-atlas/countries-${resolution}.json`);
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return collection.features.map((shape) => {
    const [[west, south], [east, north]] = geoBounds(shape);
    // A shape across the antimeridian has west > east: treat it as spanning every longitude.
    return { feature: shape, west: west <= east ? west : -180, east: west <= east ? east : 180, south, north };
  });
});

interface Shape {
  readonly feature: Feature<Geometry, { name: string }>;
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

/** The region the points span, widened to a useful minimum and padded so no mark sits on the edge. */
export function regionOf(points: readonly MapPoint[]): { west: number; east: number; south: number; north: number } {
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  let west = Math.min(...lons);
  let east = Math.max(...lons);
  let south = Math.min(...lats);
  let north = Math.max(...lats);
  const minLon = 10;
  const minLat = 5;
  if (east - west < minLon) [west, east] = [(west + east) / 2 - minLon / 2, (west + east) / 2 + minLon / 2];
  if (north - south < minLat) [south, north] = [(south + north) / 2 - minLat / 2, (south + north) / 2 + minLat / 2];
  const padLon = (east - west) * 0.12;
  const padLat = (north - south) * 0.12;
  return {
    west: Math.max(-180, west - padLon),
    east: Math.min(180, east + padLon),
    south: Math.max(-85, south - padLat),
    north: Math.min(85, north + padLat),
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The points near the middle of the spread (within 35° of longitude and 20° of latitude of the
 * median): a map of them keeps the dense part legible when a few places lie on other continents.
 */
export function corePoints<P extends MapPoint>(points: readonly P[]): P[] {
  if (points.length === 0) return [];
  const lon = median(points.map((point) => point.lon));
  const lat = median(points.map((point) => point.lat));
  return points.filter((point) => Math.abs(point.lon - lon) <= 35 && Math.abs(point.lat - lat) <= 20);
}

function projectionFor(spec: Pick<MapSpec, "points" | "width" | "height">): {
  projection: GeoProjection;
  resolution: Resolution;
} {
  const region = regionOf(spec.points);
  const wide = region.east - region.west > 60;
  // A world-wide spread reads best in an equal-looking projection; a region in Mercator keeps shapes.
  const projection = wide ? geoNaturalEarth1() : geoMercator();
  const corners = {
    type: "MultiPoint" as const,
    coordinates: [
      [region.west, region.south],
      [region.east, region.north],
      [region.west, region.north],
      [region.east, region.south],
    ],
  };
  projection.fitExtent(
    [
      [8, 8],
      [spec.width - 8, spec.height - 8],
    ],
    corners,
  );
  // Natural Earth's lines are dense enough: no adaptive resampling (it costs more than the drawing).
  projection.precision(0);
  projection.clipExtent([
    [0, 0],
    [spec.width, spec.height],
  ]);
  // Natural Earth at 1:110m: at these sizes 1:50m adds kilobytes, not legibility.
  return { projection, resolution: "110m" };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

interface Label {
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "end" | "middle";
}

/** Places each label right, left, above or below its mark where it hits no other label or mark. */
export function placeLabels(
  marks: readonly { x: number; y: number; name: string; weight?: number }[],
  spec: Pick<MapSpec, "width" | "height" | "fontSize">,
): (Label | undefined)[] {
  const taken: Box[] = marks.map((mark) => ({ x: mark.x - 5, y: mark.y - 5, width: 10, height: 10 }));
  const order = marks.map((_, index) => index).sort((a, b) => (marks[b]!.weight ?? 0) - (marks[a]!.weight ?? 0));
  const labels: (Label | undefined)[] = marks.map(() => undefined);
  for (const index of order) labels[index] = placeLabel(marks[index]!, taken, spec);
  return labels;
}

/** The first place around its mark where a label fits; the box it takes is added to `taken`. */
function placeLabel(
  mark: { x: number; y: number; name: string },
  taken: Box[],
  spec: Pick<MapSpec, "width" | "height" | "fontSize">,
): Label | undefined {
  const size = spec.fontSize;
  const frame: Box = { x: 0, y: 0, width: spec.width, height: spec.height };
  const inside = (box: Box) =>
    box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.width && box.y + box.height <= frame.height;
  // About 0.6 em per character covers the widest names of system sans-serif fonts.
  const width = mark.name.length * size * 0.6;
  const candidates: [Label, Box][] = [
    [
      { x: mark.x + 8, y: mark.y + size * 0.35, anchor: "start" },
      { x: mark.x + 7, y: mark.y - size / 2, width, height: size },
    ],
    [
      { x: mark.x - 8, y: mark.y + size * 0.35, anchor: "end" },
      { x: mark.x - 7 - width, y: mark.y - size / 2, width, height: size },
    ],
    [
      { x: mark.x, y: mark.y - 8, anchor: "middle" },
      { x: mark.x - width / 2, y: mark.y - 8 - size, width, height: size },
    ],
    [
      { x: mark.x, y: mark.y + 8 + size * 0.8, anchor: "middle" },
      { x: mark.x - width / 2, y: mark.y + 7, width, height: size },
    ],
  ];
  const fit = candidates.find(([, box]) => inside(box) && !taken.some((other) => overlaps(box, other)));
  if (!fit) return undefined;
  taken.push(fit[1]);
  return fit[0];
}

/**
 * The land of a map: the countries near its region projected and clipped, those of its places
 * apart. The same region is drawn on several pages (each language, records with the same places),
 * so it is computed once per region.
 */
const baseLayer = memoize((key: string): { others: string; highlighted: string } => {
  const { points, width, height, on } = JSON.parse(key) as {
    points: [number, number][];
    width: number;
    height: number;
    on: string[];
  };
  const spec = { width, height, points: points.map(([lon, lat]) => ({ lon, lat, name: "" })) };
  const { projection, resolution } = projectionFor(spec);
  const path = geoPath(projection).digits(0);
  const highlighted = new Set(on.map((code) => countries.alpha2ToNumeric(code)));
  // Projecting and clipping only the shapes near the region keeps a small map cheap to draw.
  const region = regionOf(spec.points);
  const margin = 2;
  const shapes = countryShapes(resolution)
    .filter(
      (shape) =>
        shape.east >= region.west - margin &&
        shape.west <= region.east + margin &&
        shape.north >= region.south - margin &&
        shape.south <= region.north + margin,
    )
    .map((shape) => ({ d: path(shape.feature), on: highlighted.has(String(shape.feature.id)) }))
    .filter((shape): shape is { d: string; on: boolean } => Boolean(shape.d));
  return {
    others: shapes
      .filter((shape) => !shape.on)
      .map((shape) => shape.d)
      .join(""),
    highlighted: shapes
      .filter((shape) => shape.on)
      .map((shape) => shape.d)
      .join(""),
  };
});

const round = (value: number): number => Math.round(value * 10) / 10;

/** The map as SVG markup: land, the countries of the places shaded, a mark and label per place. */
export function drawMap(spec: MapSpec, countriesOfPlaces: readonly string[]): Html {
  const { projection } = projectionFor(spec);
  const base = baseLayer(
    JSON.stringify({
      points: spec.points.map((point) => [point.lon, point.lat]),
      width: spec.width,
      height: spec.height,
      on: [...countriesOfPlaces].sort(),
    }),
  );
  const marks = spec.points
    .map((point) => {
      const at = projection([point.lon, point.lat]);
      return at ? { ...point, x: round(at[0]), y: round(at[1]) } : undefined;
    })
    .filter((mark): mark is MapPoint & { x: number; y: number } => mark !== undefined);
  const labels = placeLabels(marks, spec);
  const namespace = spec.standalone ? html` xmlns="http://www.w3.org/2000/svg"` : "";
  const named = html` role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc"`;
  const size = html` viewBox="0 0 ${spec.width} ${spec.height}" width="${spec.width}" height="${spec.height}"`;
  const title = html`<title id="${spec.id}-title">${spec.title}</title>`;
  const description = html`<desc id="${spec.id}-desc">${spec.description}</desc>`;
  const sea = html`<rect width="${spec.width}" height="${spec.height}" fill="#dbe9f4"/>`;
  const land = html`<path fill="#f4f1ea" stroke="#a8a29a" stroke-width="0.6" d="${base.others}"/>`;
  const shaded = html`<path fill="#e9dfc8" stroke="#8a8178" stroke-width="0.8" d="${base.highlighted}"/>`;
  const places = marks.map((mark, index) => placeMark(mark, labels[index], spec.fontSize));
  // Parts joined without whitespace: the same markup is the standalone map file, whose bytes stay
  // the same however this source is laid out.
  const open = html`<svg${namespace} class="map"${named}${size} font-family="system-ui, sans-serif">`;
  return html`${open}${title}${description}${sea}${land}${shaded}${places}</svg>`;
}

/** A place: its mark, its name as a tooltip and, where it fits, as a label. */
function placeMark(mark: MapPoint & { x: number; y: number }, label: Label | undefined, fontSize: number): Html {
  const lang = mark.lang ? html` lang="${mark.lang}"` : "";
  const dot = html`<circle cx="${mark.x}" cy="${mark.y}" r="4.5" fill="#0b4f8a" stroke="#ffffff" stroke-width="1.5"/>`;
  if (!label) return html`<g class="place"${lang}><title>${mark.name}</title>${dot}</g>`;
  const at = html`x="${round(label.x)}" y="${round(label.y)}" text-anchor="${label.anchor}"`;
  // A white halo keeps the name legible over borders and other marks.
  const halo = html`stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"`;
  const name = html`<text ${at} font-size="${fontSize}" fill="#1b1b1b" ${halo}>${mark.name}</text>`;
  return html`<g class="place"${lang}><title>${mark.name}</title>${dot}${name}</g>`;
}
