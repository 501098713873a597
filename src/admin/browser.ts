// The admin page's own script (bundled for the browser by src/admin/plugin.ts): it teaches Decap
// CMS to write each kind's files as src/admin/yaml.ts does (changing only the lines of the fields
// that changed), names a new record's file after its name in any script, then starts Decap with
// the configuration generated from the schemas
// (config.json beside this script).
import decapSwedish from "decap-cms-locales/dist/esm/sv/index.js";
import ourSwedish from "../../locales/admin/sv.json" with { type: "json" };
import { recordIdOr } from "../core/ids.js";
import { type KeyOrder, NEW_ID_FIELD, readRecordYaml, recordYaml, updatedRecordYaml } from "./yaml.js";

interface Formatter {
  fromFile(content: string): unknown;
  toFile(data: unknown): string;
}

/** The part of an Immutable.js Map that the handlers use (Decap's entries are Immutable). */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: readonly string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
}

declare const CMS: {
  registerLocale(name: string, phrases: object): void;
  registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
  registerEventListener(listener: { name: "preSave"; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  init(options: { config: unknown }): void;
};

interface AdminSetup {
  readonly config: { readonly collections: readonly { readonly name: string; readonly identifier_field?: string }[] };
  readonly formats: readonly { readonly name: string; readonly order: KeyOrder }[];
}

/** `base` with `added` filled in where it has no value: our Swedish for what Decap's lacks. */
function withAdded(base: Record<string, unknown>, added: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(added)) {
    const existing = merged[key];
    merged[key] =
      typeof value === "object" && value !== null && typeof existing === "object" && existing !== null
        ? withAdded(existing as Record<string, unknown>, value as Record<string, unknown>)
        : (existing ?? value);
  }
  return merged;
}

// Decap's Swedish leaves some of its own texts in English ("Add …"); the form is Swedish throughout.
CMS.registerLocale("sv", withAdded(decapSwedish, ourSwedish));

const response = await fetch(new URL("config.json", document.baseURI));
const setup = (await response.json()) as AdminSetup;
/**
 * The file as it was when the record being saved was loaded: Decap asks the format to write a
 * record right after the preSave event, which knows the file, while the format is given only the
 * values. With it, a save changes only the lines of the fields that changed, on every backend.
 */
let fileBeingSaved = "";
for (const { name, order } of setup.formats)
  CMS.registerCustomFormat(name, "yaml", {
    fromFile: readRecordYaml,
    toFile: (data) => {
      const original = fileBeingSaved;
      fileBeingSaved = "";
      return original ? updatedRecordYaml(original, data, order) : recordYaml(data, order);
    },
  });

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    if (entry.get("newRecord") !== true) {
      const raw = entry.get("raw");
      fileBeingSaved = typeof raw === "string" ? raw : "";
      return undefined;
    }
    const collection = setup.config.collections.find((item) => item.name === entry.get("collection"));
    const naming = collection?.identifier_field;
    const name = naming ? entry.getIn(["data", ...naming.split(".")]) : undefined;
    // A name of only signs or pictographs gives no id: the kind and a random part stand in.
    const fallback = `${collection?.name ?? "post"}-${crypto.randomUUID().slice(0, 8)}`;
    const data = entry.get("data") as ImmutableMap;
    return data.set(NEW_ID_FIELD, recordIdOr(typeof name === "string" ? name : "", fallback));
  },
});

// Decap keeps the record on screen when the address is changed by hand from one record to another
// (it shows the new collection's fields filled from the old record, and a save wrote one record's
// fields into the other's file). A fresh load shows, and saves, the record the address names.
const EDITOR_ROUTE = /^#\/collections\/([^/?]+)\/(?:entries\/([^?]+)|new)/;
let shownRoute = location.hash;
window.addEventListener("hashchange", () => {
  const from = EDITOR_ROUTE.exec(shownRoute);
  const to = EDITOR_ROUTE.exec(location.hash);
  // After a new record is saved, Decap itself moves from its form to the saved record's.
  const savedNewRecord = from?.[2] === undefined && from?.[1] === to?.[1];
  shownRoute = location.hash;
  if (from && to && !savedNewRecord) location.reload();
});
CMS.init({ config: setup.config });
