// Which places of data/places/ each record names, and which records name each place. A record
// names a place when one of its places, or the city of an organisation it names, has the
// place's country and one of its names (in any language, ignoring case).

import { addTo } from "../core/collections.js";
import { sourceLanguage } from "../core/languages.js";
import { memoize } from "../core/memo.js";
import { name } from "../core/names.js";
import type { Dataset } from "./dataset.js";
import type { Place, PlaceRecord, Text } from "./types.js";

export interface MapPlace {
  readonly id: string;
  readonly record: PlaceRecord;
}

/** A record that can name places, as "kind/id". */
export type Naming = `${"projects" | "partnerships" | "networks" | "organisations"}/${string}`;

export interface PlaceIndex {
  /** Every place of data/places/, in id order. */
  readonly all: readonly MapPlace[];
  /** The place ids a record names, in the order it names them, without repeats. */
  readonly ofRecord: ReadonlyMap<Naming, readonly string[]>;
  /** The records naming each place, as "kind/id". */
  readonly namedBy: ReadonlyMap<string, readonly Naming[]>;
  /** The place ids in each country. */
  readonly inCountry: ReadonlyMap<string, readonly string[]>;
}

const keysOf = (name: Text, country: string): string[] =>
  Object.values(name)
    .filter((value) => value !== undefined)
    .map((value) => `${country}:${value.toLocaleLowerCase(sourceLanguage())}`);

export const placeIndex = memoize((dataset: Dataset): PlaceIndex => {
  const all = [...dataset.records.places].map(([id, record]) => ({ id, record }));
  const byKey = new Map<string, string>();
  for (const place of all) for (const key of keysOf(place.record.name, place.record.country)) byKey.set(key, place.id);
  const find = (place: Place | undefined): string | undefined =>
    place === undefined
      ? undefined
      : keysOf(place.name, place.country)
          .map((key) => byKey.get(key))
          .find((id) => id !== undefined);
  const cityOf = (organisation: string): string | undefined => {
    const record = dataset.records.organisations.get(organisation);
    return record?.city ? find({ name: record.city, country: record.country }) : undefined;
  };
  const ofRecord = new Map<Naming, string[]>();
  const name = (record: Naming, ids: readonly (string | undefined)[]): void => {
    const found = [...new Set(ids.filter((id): id is string => id !== undefined))];
    if (found.length > 0) ofRecord.set(record, found);
  };
  for (const id of dataset.records.organisations.keys()) name(`organisations/${id}`, [cityOf(id)]);
  for (const facts of dataset.projects) {
    const project = facts.record;
    name(`projects/${facts.id}`, [
      ...(project.places ?? []).map(find),
      ...project.owners.map(cityOf),
      ...(project.participants ?? []).filter((p) => p.role !== "funder").map((p) => cityOf(p.organisation)),
    ]);
  }
  const partnershipPlaces = (id: string): (string | undefined)[] => {
    const partnership = dataset.records.partnerships.get(id);
    return partnership ? [...partnership.swedish_partners, ...partnership.international_partners].map(cityOf) : [];
  };
  for (const id of dataset.records.partnerships.keys()) name(`partnerships/${id}`, partnershipPlaces(id));
  for (const [id, network] of dataset.records.networks) {
    name(`networks/${id}`, [
      ...(network.member_organisations ?? []).map(cityOf),
      ...(dataset.partnershipsBy.network.get(id) ?? []).flatMap(partnershipPlaces),
      ...(network.events ?? []).map((event) => find(event.place)),
    ]);
  }
  const namedBy = new Map<string, Naming[]>();
  for (const [record, ids] of ofRecord) {
    for (const id of ids) addTo(namedBy, id, record);
  }
  const inCountry = new Map<string, string[]>();
  for (const place of all) addTo(inCountry, place.record.country, place.id);
  return { all, ofRecord, namedBy, inCountry };
});

/** Every place the records name (project places, organisations' cities, network meetings), once each. */
export function namedPlaces(dataset: Dataset): Place[] {
  const found = new Map<string, Place>();
  const add = (place: Place | undefined): void => {
    if (!place) return;
    const key = keysOf({ [sourceLanguage()]: name(place.name, sourceLanguage()) }, place.country)[0]!;
    if (!found.has(key)) found.set(key, place);
  };
  for (const organisation of dataset.records.organisations.values())
    if (organisation.city) add({ name: organisation.city, country: organisation.country });
  for (const facts of dataset.projects) for (const place of facts.record.places ?? []) add(place);
  for (const network of dataset.records.networks.values()) for (const event of network.events ?? []) add(event.place);
  return [...found.values()];
}

/** Whether a named place has an entry in data/places/. */
export function isMapped(dataset: Dataset, place: Place): boolean {
  const keys = new Set(keysOf(place.name, place.country));
  return [...dataset.records.places.values()].some((record) =>
    keysOf(record.name, record.country).some((key) => keys.has(key)),
  );
}
