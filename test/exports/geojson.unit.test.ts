// The places file as RFC 7946 asks: longitude first, points only, stable order, and the records
// that name each place.
import { describe, expect, it } from "vitest";
import { type GeoPlace, placesGeoJson } from "../../src/exports/geojson.js";

const vasteras: GeoPlace = {
  id: "vasteras",
  name: { sv: "Västerås" },
  country: "SE",
  lat: 59.6099,
  lon: 16.5448,
  namedBy: ["projects/nonhazcity", "organisations/vasteras-stad"],
};
const gaborone: GeoPlace = {
  id: "gaborone",
  name: { sv: "Gaborone" },
  country: "BW",
  lat: -24.628208,
  lon: 25.923147,
  namedBy: ["partnerships/vasteras-gaborone"],
};

describe("placesGeoJson", () => {
  it("writes a FeatureCollection of points with longitude before latitude, in id order", () => {
    expect(JSON.parse(placesGeoJson([vasteras, gaborone]))).toEqual({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          id: "gaborone",
          geometry: { type: "Point", coordinates: [25.923147, -24.628208] },
          properties: {
            name: { sv: "Gaborone" },
            country: "BW",
            records: ["partnerships/vasteras-gaborone"],
            editorial: true,
          },
        },
        {
          type: "Feature",
          id: "vasteras",
          geometry: { type: "Point", coordinates: [16.5448, 59.6099] },
          properties: {
            name: { sv: "Västerås" },
            country: "SE",
            records: ["organisations/vasteras-stad", "projects/nonhazcity"],
            editorial: true,
          },
        },
      ],
    });
  });

  it("keeps six decimals at most, about ten centimetres", () => {
    const [feature] = (
      JSON.parse(placesGeoJson([{ ...vasteras, lat: 59.123456789, lon: 16.987654321 }])) as {
        features: { geometry: { coordinates: number[] } }[];
      }
    ).features;
    expect(feature?.geometry.coordinates).toEqual([16.987654, 59.123457]);
  });

  it("writes an empty collection when no place has coordinates", () => {
    expect(JSON.parse(placesGeoJson([]))).toEqual({ type: "FeatureCollection", features: [] });
  });
});
