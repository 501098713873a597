// /data/places.geojson: the places the records name, as an RFC 7946 FeatureCollection of points
// (longitude before latitude, WGS 84), each with the records that name it as "kind/id", and, as
// every published record, whose it is (published_by) and an included place's provenance.

import type { Lang } from "../core/languages.js";
import { json } from "../core/serialise.js";

/** A place with the coordinates the editors gave it, and the records that name it. */
export interface GeoPlace {
  readonly id: string;
  readonly name: Readonly<Partial<Record<Lang, string>>>;
  /** ISO 3166-1 alpha-2 (or XK). */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  /** "projects/nonhazcity", "organisations/vasteras-stad", … */
  readonly namedBy: readonly string[];
  /** Whose the place record is: the site's publisher, or the slug of the included publication it comes from. */
  readonly publishedBy?: string;
  /** An included place's provenance, as its record publishes it. */
  readonly provenance?: unknown;
}

/** RFC 7946 advises at most six decimals (about 10 cm); more would pretend a precision no one gave. */
const round = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

export function placesGeoJson(places: readonly GeoPlace[]): string {
  return json({
    type: "FeatureCollection",
    features: [...places]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((place) => ({
        type: "Feature",
        id: place.id,
        geometry: { type: "Point", coordinates: [round(place.lon), round(place.lat)] },
        properties: {
          name: place.name,
          country: place.country,
          records: [...place.namedBy].sort(),
          // Coordinates are the editors' addition, not a fact from the sources.
          editorial: true,
          ...(place.publishedBy === undefined ? {} : { published_by: place.publishedBy }),
          ...(place.provenance === undefined ? {} : { provenance: place.provenance }),
        },
      })),
  });
}
