// The map of every place the records name: the map as a cached SVG file of its own and, on the
// page, the same places as a list by country with links to the records that name them.

import { createHash } from "node:crypto";
import { type Html, html, join } from "../../core/html.js";
import type { Lang } from "../../core/languages.js";
import { name } from "../../core/names.js";
import { home, mapImageUrl, sectionUrl } from "../../core/routes.js";
import { collator, countryName, formatNumber } from "../../i18n/format.js";
import { t } from "../../i18n/translate.js";
import type { Dataset } from "../../model/dataset.js";
import { type MapPlace, type Naming, placeIndex } from "../../model/places.js";
import { organisationLink, type RecordLink, recordLink } from "../components.js";
import { corePoints, drawMap, type MapPoint } from "../map.js";
import type { Page } from "../page.js";
import { alternatesOf, type PageSet } from "./shared.js";

export const MAP_SIZE = { width: 960, height: 600 } as const;

function pointOf(dataset: Dataset, place: MapPlace, lang: Lang): MapPoint {
  const weight = placeIndex(dataset).namedBy.get(place.id)?.length ?? 0;
  return { name: name(place.record.name, lang), lat: place.record.lat, lon: place.record.lon, weight };
}

/** Where most places are, and (when some lie far from the rest) the world. */
function mapExtents(dataset: Dataset): { main: readonly MapPlace[]; world?: readonly MapPlace[] } {
  const all = placeIndex(dataset).all;
  const core = corePoints(all.map((place) => ({ ...place, lat: place.record.lat, lon: place.record.lon, name: "" })));
  return core.length === all.length
    ? { main: all }
    : { main: all.filter((place) => core.some((c) => c.id === place.id)), world: all };
}

/** The maps that exist for a dataset: the main one always, the world when some places lie far away. */
export function mapImages(dataset: Dataset): readonly ("main" | "world")[] {
  return mapExtents(dataset).world ? ["main", "world"] : ["main"];
}

/** A map of the map page as a standalone SVG file: its text alternative is the list on the page. */
export function mapImage(dataset: Dataset, lang: Lang, extent: "main" | "world"): string {
  const extents = mapExtents(dataset);
  const places = (extent === "main" ? extents.main : extents.world) ?? [];
  if (places.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n`;
  return `${
    drawMap(
      {
        id: "map",
        title: t(lang, extent === "main" ? "map.title" : "map.worldTitle"),
        description: t(lang, "map.alt", { count: places.length }),
        points: places.map((place) => pointOf(dataset, place, lang)),
        ...MAP_SIZE,
        fontSize: 13,
        standalone: true,
      },
      [...new Set(places.map((place) => place.record.country))],
    ).value
  }\n`;
}

export function namingLink(dataset: Dataset, naming: Naming, lang: Lang): Html {
  // An included record's id holds its publisher: "projects/testkommun/renare-vatten".
  const [kind, id] = [naming.slice(0, naming.indexOf("/")), naming.slice(naming.indexOf("/") + 1)];
  return kind === "organisations"
    ? organisationLink(dataset, id, lang)
    : recordLink({ dataset, kind: kind as RecordLink["kind"], id, lang });
}

function placeList(dataset: Dataset, lang: Lang): Html {
  const index = placeIndex(dataset);
  const compare = collator(lang).compare;
  const countries = [...index.inCountry.keys()].sort((a, b) => compare(countryName(a, lang), countryName(b, lang)));
  return html`${countries.map((code) => {
    const places = (index.inCountry.get(code) ?? [])
      .map((id) => index.all.find((place) => place.id === id))
      .filter((place): place is MapPlace => place !== undefined)
      .sort((a, b) => compare(name(a.record.name, lang), name(b.record.name, lang)));
    const items = places.map((place) => {
      const named = index.namedBy.get(place.id) ?? [];
      const links = named.length ? html`: ${join(named.map((naming) => namingLink(dataset, naming, lang)))}` : "";
      const placeName = html`<span class="place-name">${name(place.record.name, lang)}</span>`;
      return html`<li id="place-${place.id}">${placeName}${links}</li>`;
    });
    return html`<h2 id="country-${code.toLowerCase()}">${countryName(code, lang)}</h2>
<ul class="places">${items}</ul>`;
  })}`;
}

export const mapPages: PageSet = (dataset, lang): Page[] => {
  const index = placeIndex(dataset);
  const title = t(lang, "section.map");
  return [
    {
      url: sectionUrl(lang, "map"),
      lang,
      kind: "map",
      title,
      description: t(lang, "map.description"),
      breadcrumbs: [{ label: t(lang, "nav.home"), url: home(lang) }],
      alternates: alternatesOf((other) => sectionUrl(other, "map")),
      content: () => {
        const counts = {
          places: formatNumber(index.all.length, lang),
          countries: formatNumber(index.inCountry.size, lang),
        };
        const maps = index.all.length
          ? html`${mapImages(dataset).map((extent) => mapFigure(dataset, extent, lang))}
${placeList(dataset, lang)}`
          : html`<p>${t(lang, "map.none")}</p>`;
        return html`<h1>${title}</h1>
<p class="lead">${t(lang, "map.intro", counts)}</p>
${maps}
<p class="note">${t(lang, "map.editorial")}</p>`;
      },
    },
  ];
};

/** A map of the map page as an image whose text alternative is the list after it. */
function mapFigure(dataset: Dataset, extent: "main" | "world", lang: Lang): Html {
  const count = (extent === "main" ? mapExtents(dataset).main : placeIndex(dataset).all).length;
  const alt = `${t(lang, extent === "main" ? "map.title" : "map.worldTitle")}. ${t(lang, "map.alt", { count })}`;
  const size = html`width="${MAP_SIZE.width}" height="${MAP_SIZE.height}"`;
  return html`<figure class="map-figure">
  <img src="${mapImageUrl(lang, extent)}" alt="${alt}" ${size}>
  <figcaption>${t(lang, extent === "main" ? "map.caption" : "map.worldCaption")}</figcaption>
</figure>`;
}

/** Some places, drawn on a small map under a heading of their own. */
export interface SmallMap {
  readonly dataset: Dataset;
  readonly placeIds: readonly string[];
  readonly lang: Lang;
  readonly heading: string;
}

export const SMALL_MAP_SIZE = { width: 480, height: 320 } as const;

/** The places of a small map, in id order: the same set draws the same file, whoever names it. */
function placesOf(dataset: Dataset, placeIds: readonly string[]): MapPlace[] {
  const wanted = new Set(placeIds);
  return placeIndex(dataset).all.filter((place) => wanted.has(place.id));
}

/** The address of the small map of a set of places: one file per set and language, shared by every page showing it. */
export function smallMapUrl(lang: Lang, placeIds: readonly string[]): string {
  const key = createHash("sha256")
    .update([...new Set(placeIds)].sort().join(","))
    .digest("hex")
    .slice(0, 12);
  return `${sectionUrl(lang, "map")}places-${key}.svg`;
}

const smallMapText = (places: readonly MapPlace[], lang: Lang): string =>
  t(lang, "map.smallAlt", { names: places.map((place) => name(place.record.name, lang)).join(", ") });

/**
 * Every small map of a dataset in a language, as a standalone SVG file: those of the records that
 * name places and those of the countries that have some. A page refers to its map as an image, so
 * a reader's browser fetches each map once and the page stays within its first round trip.
 */
export function smallMapImages(dataset: Dataset, lang: Lang): { url: string; render: () => string }[] {
  const index = placeIndex(dataset);
  const sets = new Map<string, readonly string[]>();
  for (const ids of [...index.ofRecord.values(), ...index.inCountry.values()]) sets.set(smallMapUrl(lang, ids), ids);
  return [...sets].map(([url, ids]) => ({ url, render: () => smallMapImage(dataset, lang, ids) }));
}

function smallMapImage(dataset: Dataset, lang: Lang, placeIds: readonly string[]): string {
  const places = placesOf(dataset, placeIds);
  return `${
    drawMap(
      {
        id: "map",
        title: t(lang, "map.recordHeading"),
        description: smallMapText(places, lang),
        points: places.map((place) => pointOf(dataset, place, lang)),
        ...SMALL_MAP_SIZE,
        fontSize: 17,
        standalone: true,
      },
      [...new Set(places.map((place) => place.record.country))],
    ).value
  }\n`;
}

/** A small map of some places with their names, and the same places as a list linking to the map page. */
export function smallMap({ dataset, placeIds, lang, heading }: SmallMap): Html {
  const index = placeIndex(dataset);
  const places = placeIds
    .map((id) => index.all.find((place) => place.id === id))
    .filter((place): place is MapPlace => place !== undefined);
  if (places.length === 0) return html``;
  const size = html`width="${SMALL_MAP_SIZE.width}" height="${SMALL_MAP_SIZE.height}"`;
  const alt = smallMapText(placesOf(dataset, placeIds), lang);
  const items = places.map((place) => {
    const link = html`<a href="${sectionUrl(lang, "map")}#place-${place.id}">${name(place.record.name, lang)}</a>`;
    return html`<li>${link} (${countryName(place.record.country, lang)})</li>`;
  });
  return html`<section class="small-map" aria-labelledby="places-map">
  <h2 id="places-map">${heading}</h2>
  <figure>
    <img class="map" src="${smallMapUrl(lang, placeIds)}" alt="${alt}" ${size}>
    <figcaption>
      <ul class="inline">${items}</ul>
    </figcaption>
  </figure>
</section>`;
}

/** The small map of a record's places. */
export function recordMap(dataset: Dataset, naming: Naming, lang: Lang): Html {
  const placeIds = placeIndex(dataset).ofRecord.get(naming) ?? [];
  return smallMap({ dataset, placeIds, lang, heading: t(lang, "map.recordHeading") });
}
