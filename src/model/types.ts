// The records of data/ as they are after validation. Field names follow the YAML (snake_case) so
// that the data, the schemas, the open data and this code use one vocabulary.
import type { Lang } from "../core/languages.js";
import type { Kind, ReportedStatus } from "../core/vocabulary.js";

/** A text with Swedish always present; English and German may be missing (the site falls back). */
export type Text = { sv: string } & Partial<Record<"en" | "de", string>>;

export interface Money {
  amount: number;
  currency: string;
  approximate?: boolean;
}

export interface Place {
  name: Text;
  country: string;
}

export interface Link {
  url: string;
  title: Text;
}

export interface SourceRef {
  source: string;
  note?: Text;
}

export interface Conflict {
  field: string;
  value: string;
  source: string;
  note: Text;
}

export interface Figure {
  value: number;
  approximate?: boolean;
  label: Text;
}

export interface Site {
  title: Text;
  description?: Text;
  publisher: string;
  base_url: string;
  data_licence: string;
  contact_email: string;
  languages: Lang[];
  about?: Text;
  policy?: {
    summary: Text;
    documents?: { title: Text; language: Lang; kind: "policy" | "guideline"; size_kb?: number }[];
    sources: SourceRef[];
  };
  contacts?: string[];
  accessibility_reviewed?: string;
  iati?: { reporting_org: string; identifier: string };
}

export type OrganisationKind =
  | "municipality"
  | "region"
  | "county-board"
  | "government-agency"
  | "international-body"
  | "university"
  | "school"
  | "company"
  | "municipal-company"
  | "ngo"
  | "network"
  | "funder"
  | "other";

export interface Organisation {
  name: Text;
  short_name?: string;
  kind: OrganisationKind;
  country: string;
  city?: Text;
  website?: string;
  part_of?: string;
  description?: Text;
  sources?: SourceRef[];
}

export interface Programme {
  name: Text;
  short_name?: string;
  funder: string;
  part_of?: string;
  description?: Text;
  website?: string;
  sources: SourceRef[];
}

export interface Person {
  name: string;
  role?: Text;
  organisation: string;
  unit?: Text;
  phone?: string;
  email?: string;
  sources: SourceRef[];
}

export interface Theme {
  label: Text;
  description?: Text;
}

export interface Source {
  title: Text;
  publisher: string;
  url?: string;
  as_of?: string;
  language: Lang;
  note?: Text;
}

export interface Partnership {
  name: Text;
  summary?: Text;
  swedish_partners: string[];
  international_partners: string[];
  since?: string;
  until?: string;
  funders?: string[];
  network?: string;
  themes?: string[];
  sdgs?: number[];
  contacts?: string[];
  links?: Link[];
  conflicts?: Conflict[];
  sources: SourceRef[];
}

export interface NetworkEvent {
  title: Text;
  date?: string;
  place?: Place;
  participants?: number;
  summary?: Text;
}

export interface Network {
  name: Text;
  summary?: Text;
  coordinator?: string;
  funders?: string[];
  member_organisations?: string[];
  since?: string;
  themes?: string[];
  sdgs?: number[];
  events?: NetworkEvent[];
  links?: Link[];
  sources: SourceRef[];
}

export type ParticipantRole = "lead" | "partner" | "associated" | "funder" | "stakeholder";

export interface FundingLine {
  programme?: string;
  funder?: string;
  recipient?: string;
  amount?: number;
  currency?: string;
  approximate?: boolean;
  note?: Text;
}

export interface Project {
  title: Text;
  summary: Text;
  owners: string[];
  status?: ReportedStatus;
  status_as_of?: string;
  start?: string;
  end?: string;
  duration?: string;
  funding?: FundingLine[];
  budget?: { total?: Money; own_share?: Money; own_share_alternatives?: Money[] };
  participants?: { organisation: string; role: ParticipantRole; note?: Text }[];
  partner_count?: number;
  countries?: string[];
  places?: Place[];
  themes?: string[];
  sdgs?: number[];
  partnership?: string;
  network?: string;
  part_of?: string;
  follows?: string;
  figures?: Figure[];
  links?: Link[];
  contacts?: string[];
  conflicts?: Conflict[];
  sources: SourceRef[];
}

/** The record kinds that live one file per record in a folder of data/. */
export interface RecordKinds extends Record<Kind, object> {
  organisations: Organisation;
  programmes: Programme;
  people: Person;
  themes: Theme;
  sources: Source;
  partnerships: Partnership;
  networks: Network;
  projects: Project;
}

/** The schema file of each kind, in src/model/schemas/. */
export const SCHEMA_OF_KIND: Record<Kind | "site", string> = {
  site: "site.schema.json",
  organisations: "organisation.schema.json",
  programmes: "programme.schema.json",
  people: "person.schema.json",
  themes: "theme.schema.json",
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
}
