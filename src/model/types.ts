// The records of data/ as they are after validation. The types come from the JSON Schemas
// (schema-types.generated.ts, written by `npm run types`), so a schema change the code does not
// follow fails the type check. Field names follow the YAML (snake_case): the data, the schemas,
// the open data and this code use one vocabulary.
import type { Kind, ReportedStatus } from "../core/vocabulary.js";
import type { SchemaRecords } from "./schema-types.generated.js";

export type {
  Conflict,
  Figure,
  Link,
  Markdown,
  Money,
  Name,
  Place,
  SourceRef,
  Text,
} from "./schema-types.generated.js";

export type Site = SchemaRecords["site"];
export type Organisation = SchemaRecords["organisations"];
export type Programme = SchemaRecords["programmes"];
export type Person = SchemaRecords["people"];
export type Theme = SchemaRecords["themes"];
/** A place a record names, with coordinates the editor added (data/places/). */
export type PlaceRecord = SchemaRecords["places"];
export type Source = SchemaRecords["sources"];
export type Partnership = SchemaRecords["partnerships"];
export type Network = SchemaRecords["networks"];
export type Project = SchemaRecords["projects"];

export type OrganisationKind = Organisation["kind"];
export type Participant = NonNullable<Project["participants"]>[number];
export type ParticipantRole = Participant["role"];

/** The record kinds that live one file per record in a folder of data/. */
export type RecordKinds = Omit<SchemaRecords, "site">;

/** True only when the two types are the same; used to hold the core's vocabularies to the schemas. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const KINDS_FOLLOW_SCHEMAS: Same<Kind, keyof RecordKinds> = true;
export const STATUSES_FOLLOW_SCHEMAS: Same<ReportedStatus, NonNullable<Project["status"]>> = true;

/** The schema file of each kind, in src/model/schemas/. */
export const SCHEMA_OF_KIND: Record<Kind | "site", string> = {
  site: "site.schema.json",
  organisations: "organisation.schema.json",
  programmes: "programme.schema.json",
  people: "person.schema.json",
  themes: "theme.schema.json",
  places: "place.schema.json",
  sources: "source.schema.json",
  partnerships: "partnership.schema.json",
  networks: "network.schema.json",
  projects: "project.schema.json",
};

/** All records of data/, by kind and id, in id order. */
export type Records = { [K in Kind]: Map<string, RecordKinds[K]> };

export interface RawDataset {
  site: Site;
  records: Records;
  /** The publications site.yaml includes, verified and validated (includes.ts), in its order. */
  includes?: readonly IncludedPackage[];
}

export type IncludePin = NonNullable<Site["includes"]>[number];
/** A pin of a release: what `npm run include` writes. */
export type ReleasePin = IncludePin & { url: string; version: string; sha256: string; retrieved: string };
/** A local data folder read as it is. */
export type FolderPin = IncludePin & { path: string };

export const isFolderPin = (pin: IncludePin): pin is FolderPin => typeof pin.path === "string";

/** The release a validated pin names (the schema gives a release's pin all four fields); none for a folder. */
export const releasePinOf = (pin: IncludePin): ReleasePin | undefined =>
  isFolderPin(pin) ? undefined : (pin as ReleasePin);

/** An included publication, verified and validated: its public settings and records, ids as it wrote them. */
export interface IncludedPackage {
  readonly pin: IncludePin;
  /** The included publication's site.yaml as it publishes it: title, publisher, base_url, languages. */
  readonly site: Site;
  /** Its public records (no contact persons), by kind and its own ids. */
  readonly records: Records;
}
