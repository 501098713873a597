// The DCAT-AP-SE 3.0.1 catalog the Swedish data portal harvests: built as an RDF graph with
// rdflib and serialised as RDF/XML and JSON-LD. Every node has an absolute IRI; no blank nodes.
// It passes the DCAT-AP 3.0.1 shapes (mandatory and recommended) and DCAT-AP-SE's without a
// warning: every distribution has a description, availability, size, SHA-256 and schema; each
// recorded release is a dataset of its own (dcat:hasVersion) with its own distributions. Each
// included publication's catalog is a part of this one (dct:hasPart), and the records taken from it
// are a dataset of this catalog whose source (dct:source) is theirs, with a dcat:CatalogRecord of
// when they were retrieved.

import * as $rdf from "rdflib";
import { euLanguageCode, type Lang, sourceLanguage } from "../core/languages.js";
import { name } from "../core/names.js";
import { IATI_SCHEME, WIKIDATA_SCHEME } from "../core/org-identifiers.js";
import { dataportalPublisherUri, organisationNumberDigits } from "../core/organisation-number.js";
import { absoluteUrl, allJsonUrl, catalogRdfUrl, datapackageUrl, sectionUrl } from "../core/routes.js";
import { licenceOf } from "../core/vocabulary.js";
import { completeXmlEscaping } from "../core/xml.js";
import { t, texts, type UiKey } from "../i18n/translate.js";
import type { Dataset, IncludedPublication } from "../model/dataset.js";
import { firstDay, lastDay } from "../model/dates.js";
import { type IncludedRelease, includedRelease } from "../model/published.js";
import type { OrganisationKind, Site, Text } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";
import { type DataFile, fingerprint } from "./data-file.js";

const RDF = $rdf.Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
const DCAT = $rdf.Namespace("http://www.w3.org/ns/dcat#");
const DCT = $rdf.Namespace("http://purl.org/dc/terms/");
const FOAF = $rdf.Namespace("http://xmlns.com/foaf/0.1/");
const VCARD = $rdf.Namespace("http://www.w3.org/2006/vcard/ns#");
const XSD = $rdf.Namespace("http://www.w3.org/2001/XMLSchema#");
const SPDX = $rdf.Namespace("http://spdx.org/rdf/terms#");
const DCATAP = $rdf.Namespace("http://data.europa.eu/r5r/");
const ADMS = $rdf.Namespace("http://www.w3.org/ns/adms#");
const SKOS = $rdf.Namespace("http://www.w3.org/2004/02/skos/core#");
const EU = "http://publications.europa.eu/resource/authority/";
/** The application profile a catalog record of this catalog conforms to. */
const DCAT_AP = "https://semiceu.github.io/DCAT-AP/releases/3.0.1/";
/** ADMS change type of a catalog record: the included dataset was added, as a whole, at its retrieval. */
const RECORD_CREATED = "http://purl.org/adms/changetype/created";

/** ADMS publisher types for the organisation kinds that have one (the schema's enum of publisher_type). */
const PUBLISHER_TYPE: Partial<Record<OrganisationKind, NonNullable<Site["publisher_type"]>>> = {
  municipality: "LocalAuthority",
  region: "RegionalAuthority",
  "county-board": "RegionalAuthority",
  "government-agency": "NationalAuthority",
  "international-body": "SupraNationalAuthority",
  university: "Academia-ScientificOrganisation",
  company: "Company",
  ngo: "NonProfitOrganisation",
};

/** The catalog's keywords: their words are catalog.keywords.* in locales/. */
const KEYWORDS = ["cooperation", "partnerships", "euProjects", "development"] as const;

export const catalogKeywords = (lang: Lang): string[] =>
  KEYWORDS.map((keyword) => t(lang, `catalog.keywords.${keyword}`));

/** What the catalog needs of the recorded releases (release-files.ts makes them). */
export interface CatalogReleases {
  readonly packages: readonly {
    readonly release: { readonly version: string; readonly date: string };
    /** utblick.json and datapackage.json first. */
    readonly files: readonly DataFile[];
    readonly archive: DataFile;
  }[];
}

type Predicate = Parameters<$rdf.Store["add"]>[1];

/** The graph being written and the nodes that several of its parts refer to. */
interface Catalog {
  readonly store: $rdf.Store;
  readonly dataset: Dataset;
  readonly languages: readonly Lang[];
  /** A node of the catalog's own, at a fragment of the catalog's address. */
  readonly node: (fragment: string) => $rdf.NamedNode;
  readonly publisher: $rdf.NamedNode;
  readonly contact: $rdf.NamedNode;
  readonly licence: $rdf.NamedNode;
  readonly sweden: $rdf.NamedNode;
  readonly landingPage: $rdf.NamedNode;
  /** The period the data speak of (its node is "temporal"); none when no project is dated. */
  readonly period: { readonly start: string; readonly end: string } | undefined;
}

const date = (day: string) => $rdf.lit(day, undefined, XSD("date"));

/** A text as one literal per language of the site. */
function literals(
  catalog: Catalog,
  triple: { subject: $rdf.NamedNode; predicate: Predicate; value: Readonly<Partial<Record<Lang, string>>> },
): void {
  for (const lang of catalog.languages) {
    const text = triple.value[lang];
    if (text !== undefined) catalog.store.add(triple.subject, triple.predicate, $rdf.lit(text, lang));
  }
}

/** The publisher as the national data portal names it, when its organisation number is known. */
function publisherNode(dataset: Dataset): $rdf.NamedNode | undefined {
  const number = dataset.publisher.organisation?.organisation_number;
  const digits = number === undefined ? undefined : organisationNumberDigits(number);
  return digits === undefined ? undefined : $rdf.sym(dataportalPublisherUri(digits));
}

export function catalogGraph(dataset: Dataset, files: readonly DataFile[], releases: CatalogReleases): $rdf.Store {
  const catalog = newCatalog(dataset);
  const { store, node } = catalog;
  // Dates and version change only when the data change: they are those of the current release.
  const { current } = releaseHistory(dataset);
  const first = date(dataset.releases[0]?.date ?? current.date);
  const data = node("dataset");
  describeCatalog(catalog, { data, first, modified: current.date });
  describePublisher(catalog);
  describeCoverage(catalog);

  describeDataset(catalog, { subject: data, version: current.version, day: current.date });
  store.add(data, DCT("issued"), first);
  for (const file of files) describeDistribution(catalog, { of: data, file, day: current.date });

  for (const entry of releases.packages) {
    const { version, date: day } = entry.release;
    const release = node(`release-${version}`);
    describeDataset(catalog, { subject: release, version, day, release: true });
    store.add(release, DCT("issued"), date(day));
    store.add(data, DCAT("hasVersion"), release);
    for (const file of [entry.archive, ...entry.files.slice(0, 2)])
      describeDistribution(catalog, { of: release, file, day });
  }
  for (const include of dataset.includes) describeInclude(catalog, { include, day: current.date });
  return store;
}

function newCatalog(dataset: Dataset): Catalog {
  const languages = dataset.site.languages;
  const store = $rdf.graph();
  store.setPrefixForURI("spdx", "http://spdx.org/rdf/terms#");
  store.setPrefixForURI("dcatap", "http://data.europa.eu/r5r/");
  store.setPrefixForURI("adms", "http://www.w3.org/ns/adms#");
  store.setPrefixForURI("skos", "http://www.w3.org/2004/02/skos/core#");
  const base = absoluteUrl(dataset.site.base_url, catalogRdfUrl);
  const node = (fragment: string) => $rdf.sym(`${base}#${fragment}`);
  const openData = sectionUrl(languages[0] ?? sourceLanguage(), "openData");
  return {
    store,
    dataset,
    languages,
    node,
    publisher: publisherNode(dataset) ?? node("publisher"),
    contact: node("contact"),
    // The EU licence vocabulary's IRI, which portals recognise; an unknown licence keeps its own URL.
    licence: $rdf.sym(licenceOf(dataset.site.data_licence).euVocabulary),
    sweden: $rdf.sym(`${EU}country/SWE`),
    landingPage: $rdf.sym(absoluteUrl(dataset.site.base_url, openData)),
    period: coverage(dataset),
  };
}

function describeCatalog(
  catalog: Catalog,
  { data, first, modified }: { data: $rdf.NamedNode; first: $rdf.Literal; modified: string },
): void {
  const { store, dataset, languages } = catalog;
  const subject = catalog.node("catalog");
  store.add(subject, RDF("type"), DCAT("Catalog"));
  // The publisher's own words where site.yaml has them; general ones otherwise.
  const own = dataset.site.catalog;
  literals(catalog, { subject, predicate: DCT("title"), value: own?.title ?? texts("catalog.title") });
  literals(catalog, {
    subject,
    predicate: DCT("description"),
    value: own?.description ?? texts("catalog.description"),
  });
  store.add(subject, DCT("publisher"), catalog.publisher);
  store.add(subject, FOAF("homepage"), $rdf.sym(dataset.site.base_url));
  store.add(subject, DCT("license"), catalog.licence);
  store.add(subject, DCT("issued"), first);
  store.add(subject, DCT("modified"), date(modified));
  store.add(subject, DCT("spatial"), catalog.sweden);
  for (const lang of languages) store.add(subject, DCT("language"), $rdf.sym(`${EU}language/${euLanguageCode(lang)}`));
  store.add(subject, DCAT("themeTaxonomy"), $rdf.sym(`${EU}data-theme`));
  store.add(subject, DCAT("dataset"), data);
}

/** The publisher as an agent, and the contact point of every dataset. */
function describePublisher(catalog: Catalog): void {
  const { store, dataset, publisher, contact } = catalog;
  const organisation = dataset.publisher.organisation;
  store.add(publisher, RDF("type"), FOAF("Agent"));
  store.add(publisher, RDF("type"), FOAF("Organization"));
  literals(catalog, { subject: publisher, predicate: FOAF("name"), value: dataset.publisher.name });
  const publisherType = (organisation && PUBLISHER_TYPE[organisation.kind]) ?? dataset.site.publisher_type;
  if (publisherType) store.add(publisher, DCT("type"), $rdf.sym(`http://purl.org/adms/publishertype/${publisherType}`));
  store.add(publisher, FOAF("mbox"), $rdf.sym(`mailto:${dataset.site.contact_email}`));
  store.add(publisher, FOAF("homepage"), $rdf.sym(organisation?.website ?? dataset.site.base_url));
  describePublisherIdentifiers(catalog);

  store.add(contact, RDF("type"), VCARD("Organization"));
  store.add(contact, VCARD("fn"), $rdf.lit(name(dataset.publisher.name, sourceLanguage())));
  store.add(contact, VCARD("hasEmail"), $rdf.sym(`mailto:${dataset.site.contact_email}`));
}

/** Who keeps each scheme of identifiers, as adms:schemaAgency names it; another scheme is named as written. */
const SCHEME_AGENCY: Readonly<Record<string, string>> = {
  [IATI_SCHEME]: "IATI (org-id.guide)",
  [WIKIDATA_SCHEME]: "Wikidata",
};

/** The publisher's identifiers in known schemes, each an adms:Identifier (DCAT-AP's class) with its notation. */
function describePublisherIdentifiers(catalog: Catalog): void {
  const { store, publisher } = catalog;
  for (const { scheme, id } of catalog.dataset.publisher.organisation?.identifiers ?? []) {
    const identifier = catalog.node(`publisher-identifier-${scheme}`);
    store.add(publisher, ADMS("identifier"), identifier);
    store.add(identifier, RDF("type"), ADMS("Identifier"));
    store.add(identifier, SKOS("notation"), $rdf.lit(id));
    store.add(identifier, ADMS("schemaAgency"), $rdf.lit(SCHEME_AGENCY[scheme] ?? scheme));
  }
}

function describeCoverage(catalog: Catalog): void {
  const period = catalog.period;
  const temporal = catalog.node("temporal");
  if (!period) return;
  catalog.store.add(temporal, RDF("type"), DCT("PeriodOfTime"));
  catalog.store.add(temporal, DCAT("startDate"), date(period.start));
  catalog.store.add(temporal, DCAT("endDate"), date(period.end));
}

/** A dataset of the catalog: its node, version and day; a release's title says so; an included one has own words. */
interface DatasetFacts {
  readonly subject: $rdf.NamedNode;
  /** None for an included publication read from a local folder. */
  readonly version?: string;
  readonly day: string;
  readonly release?: boolean;
  /** An included publication's records: their title, description and licence. */
  readonly own?: { readonly title: Text; readonly description: Text; readonly licence: $rdf.NamedNode };
}

/** The properties every dataset of the catalog has, the main one, each release and each included one. */
function describeDataset(catalog: Catalog, { subject, version, day, release = false, own }: DatasetFacts): void {
  const { store, languages } = catalog;
  store.add(subject, RDF("type"), DCAT("Dataset"));
  if (own) literals(catalog, { subject, predicate: DCT("title"), value: own.title });
  else
    for (const lang of languages) {
      const title = t(lang, "catalog.datasetTitle");
      const suffix = release ? ` (${t(lang, "catalog.release", { version: version ?? "" })})` : "";
      store.add(subject, DCT("title"), $rdf.lit(`${title}${suffix}`, lang));
    }
  literals(catalog, {
    subject,
    predicate: DCT("description"),
    value: own?.description ?? texts("catalog.datasetDescription"),
  });
  for (const lang of languages)
    for (const keyword of catalogKeywords(lang)) store.add(subject, DCAT("keyword"), $rdf.lit(keyword, lang));
  store.add(subject, DCT("publisher"), catalog.publisher);
  store.add(subject, DCAT("contactPoint"), catalog.contact);
  store.add(subject, DCAT("theme"), $rdf.sym(`${EU}data-theme/INTR`));
  store.add(subject, DCAT("theme"), $rdf.sym(`${EU}data-theme/GOVE`));
  for (const lang of languages) store.add(subject, DCT("language"), $rdf.sym(`${EU}language/${euLanguageCode(lang)}`));
  store.add(subject, DCAT("landingPage"), catalog.landingPage);
  store.add(subject, DCT("accessRights"), $rdf.sym(`${EU}access-right/PUBLIC`));
  store.add(subject, DCT("spatial"), catalog.sweden);
  if (catalog.period) store.add(subject, DCT("temporal"), catalog.node("temporal"));
  if (version !== undefined) store.add(subject, DCAT("version"), $rdf.lit(version));
  store.add(subject, DCT("modified"), date(day));
  store.add(subject, DCT("license"), own?.licence ?? catalog.licence);
}

/** An included publication's words in each language, naming its publisher (and the version pinned). */
const includeTexts =
  (include: IncludedPublication, release: IncludedRelease | undefined) =>
  (key: UiKey): Text =>
    texts(key, (lang) => ({ publisher: name(include.name, lang), version: release?.version ?? "" }));

/**
 * An included publication: its catalog a part of this one; the records this site shows from it a
 * dataset of this catalog, derived from theirs (dct:source: the release pinned, in their catalog,
 * or their current dataset for a local folder), its distribution the archive pinned (with its
 * SHA-256) or their utblick.json; and a catalog record of when it was retrieved.
 */
function describeInclude(catalog: Catalog, { include, day }: { include: IncludedPublication; day: string }): void {
  const { store } = catalog;
  const theirs = absoluteUrl(include.site.base_url, catalogRdfUrl);
  const release = includedRelease(include);
  const retrieved = release?.retrieved ?? day;
  const words = includeTexts(include, release);
  store.add(catalog.node("catalog"), DCT("hasPart"), $rdf.sym(`${theirs}#catalog`));

  const data = catalog.node(`included-${include.publisher}`);
  const licence = $rdf.sym(licenceOf(include.site.data_licence).euVocabulary);
  store.add(catalog.node("catalog"), DCAT("dataset"), data);
  describeDataset(catalog, {
    subject: data,
    ...(release ? { version: release.version } : {}),
    day: retrieved,
    own: {
      title: words("openDataProvenance.datasetTitle"),
      description: words("openDataProvenance.datasetDescription"),
      licence,
    },
  });
  store.add(data, DCT("issued"), date(retrieved));
  store.add(data, DCT("source"), $rdf.sym(`${theirs}#${release ? `release-${release.version}` : "dataset"}`));
  describeIncludedDistribution(catalog, { of: data, include, release, licence, day: retrieved });

  const record = catalog.node(`record-${include.publisher}`);
  store.add(catalog.node("catalog"), DCAT("record"), record);
  store.add(record, RDF("type"), DCAT("CatalogRecord"));
  store.add(record, FOAF("primaryTopic"), data);
  store.add(record, DCT("issued"), date(retrieved));
  store.add(record, DCT("modified"), date(retrieved));
  store.add(record, DCT("conformsTo"), $rdf.sym(DCAT_AP));
  store.add(record, ADMS("status"), $rdf.sym(RECORD_CREATED));
}

/** Where the included records are at their publisher: the pinned release's archive, or their utblick.json. */
function describeIncludedDistribution(
  catalog: Catalog,
  {
    of,
    include,
    release,
    licence,
    day,
  }: {
    of: $rdf.NamedNode;
    include: IncludedPublication;
    release: IncludedRelease | undefined;
    licence: $rdf.NamedNode;
    day: string;
  },
): void {
  const { store } = catalog;
  const subject = catalog.node(`distribution-included-${include.publisher}`);
  const url = $rdf.sym(release?.url ?? absoluteUrl(include.site.base_url, allJsonUrl));
  const words = includeTexts(include, release);
  store.add(of, DCAT("distribution"), subject);
  store.add(subject, RDF("type"), DCAT("Distribution"));
  literals(catalog, {
    subject,
    predicate: DCT("title"),
    value: words(release ? "openDataProvenance.archiveTitle" : "openDataProvenance.recordsTitle"),
  });
  literals(catalog, {
    subject,
    predicate: DCT("description"),
    value: words(release ? "openDataProvenance.archiveDescription" : "openDataProvenance.recordsDescription"),
  });
  store.add(subject, DCAT("accessURL"), url);
  store.add(subject, DCAT("downloadURL"), url);
  const mediaType = release ? "application/zip" : "application/json";
  store.add(subject, DCAT("mediaType"), $rdf.sym(`http://www.iana.org/assignments/media-types/${mediaType}`));
  store.add(subject, DCT("format"), $rdf.sym(`${EU}file-type/${release ? "ZIP" : "JSON"}`));
  store.add(subject, DCT("license"), licence);
  store.add(subject, DCATAP("availability"), $rdf.sym(`${EU}planned-availability/STABLE`));
  if (release) {
    const checksum = catalog.node(`checksum-included-${include.publisher}`);
    store.add(subject, SPDX("checksum"), checksum);
    store.add(checksum, RDF("type"), SPDX("Checksum"));
    store.add(checksum, SPDX("algorithm"), SPDX("checksumAlgorithm_sha256"));
    store.add(checksum, SPDX("checksumValue"), $rdf.lit(release.sha256, undefined, XSD("hexBinary")));
  }
  store.add(subject, DCT("issued"), date(day));
  store.add(subject, DCT("modified"), date(day));
}

/** A file as a distribution of a dataset, with its size and checksum. */
function describeDistribution(
  catalog: Catalog,
  { of, file, day }: { of: $rdf.NamedNode; file: DataFile; day: string },
): void {
  const { store } = catalog;
  const slug = file.url.replace(/^\/data\//, "").replace(/[^a-z0-9]+/gi, "-");
  const subject = catalog.node(`distribution-${slug}`);
  const url = link(catalog, file.url);
  const { bytes, sha256 } = fingerprint(file);
  const checksum = catalog.node(`checksum-${slug}`);
  store.add(of, DCAT("distribution"), subject);
  store.add(subject, RDF("type"), DCAT("Distribution"));
  literals(catalog, { subject, predicate: DCT("title"), value: file.title });
  literals(catalog, { subject, predicate: DCT("description"), value: file.description ?? file.title });
  store.add(subject, DCAT("accessURL"), url);
  store.add(subject, DCAT("downloadURL"), url);
  store.add(subject, DCAT("mediaType"), $rdf.sym(`http://www.iana.org/assignments/media-types/${file.mediaType}`));
  store.add(subject, DCT("format"), $rdf.sym(`${EU}file-type/${file.format}`));
  store.add(subject, DCT("license"), catalog.licence);
  store.add(subject, DCATAP("availability"), $rdf.sym(`${EU}planned-availability/STABLE`));
  store.add(subject, DCAT("byteSize"), $rdf.lit(String(bytes), undefined, XSD("nonNegativeInteger")));
  store.add(subject, SPDX("checksum"), checksum);
  store.add(checksum, RDF("type"), SPDX("Checksum"));
  store.add(checksum, SPDX("algorithm"), SPDX("checksumAlgorithm_sha256"));
  store.add(checksum, SPDX("checksumValue"), $rdf.lit(sha256, undefined, XSD("hexBinary")));
  // CSV tables conform to the Table Schemas of the data package; JSON files to their JSON Schema.
  const standard = file.conformsTo ?? (file.table ? datapackageUrl : undefined);
  if (standard) store.add(subject, DCT("conformsTo"), link(catalog, standard));
  store.add(subject, DCT("issued"), date(day));
  store.add(subject, DCT("modified"), date(day));
}

/** A site path as an absolute IRI. */
const link = (catalog: Catalog, url: string) => $rdf.sym(absoluteUrl(catalog.dataset.site.base_url, url));

/** The period the data speak of: from the earliest start to the latest end of the dated projects. */
function coverage(dataset: Dataset): { start: string; end: string } | undefined {
  const starts = dataset.projects.flatMap((facts) => (facts.start ? [firstDay(facts.start).toISODate() ?? ""] : []));
  const ends = dataset.projects.flatMap((facts) => (facts.end ? [lastDay(facts.end).toISODate() ?? ""] : []));
  if (starts.length === 0 || ends.length === 0) return undefined;
  return { start: starts.sort()[0]!, end: ends.sort().at(-1)! };
}

/** The catalog graph is built once and written twice (RDF/XML and JSON-LD). */
export function catalogRdfXml(graph: $rdf.Store): string {
  // No base IRI: every IRI is written out in full, as harvesters expect. rdflib escapes only `&`
  // and `<`; the rest of the escaping that any text needs is completed here.
  const xml = $rdf.serialize(null, graph, undefined, "application/rdf+xml") ?? "";
  return `<?xml version="1.0" encoding="utf-8"?>\n${completeXmlEscaping(xml.trim())}\n`;
}

export function catalogJsonLd(graph: $rdf.Store): string {
  let output = "";
  $rdf.serialize(null, graph, undefined, "application/ld+json", (error, result) => {
    if (error) throw error;
    output = result ?? "";
  });
  return `${output.trim()}\n`;
}
