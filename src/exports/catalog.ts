// The DCAT-AP-SE 3.0.1 catalog the Swedish data portal harvests: built as an RDF graph with
// rdflib and serialised as RDF/XML and JSON-LD. Every node has an absolute IRI; no blank nodes.

import * as $rdf from "rdflib";
import { LANGUAGE_AUTHORITY, type Lang, SOURCE_LANG } from "../core/languages.js";
import { name } from "../core/names.js";
import { absoluteUrl, catalogRdfUrl, sectionUrl } from "../core/routes.js";
import { completeXmlEscaping } from "../core/xml.js";
import type { Dataset } from "../model/dataset.js";
import type { Text } from "../model/types.js";
import { releaseHistory } from "../releases/history.js";
import type { DataFile } from "./data-file.js";

const RDF = $rdf.Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
const DCAT = $rdf.Namespace("http://www.w3.org/ns/dcat#");
const DCT = $rdf.Namespace("http://purl.org/dc/terms/");
const FOAF = $rdf.Namespace("http://xmlns.com/foaf/0.1/");
const VCARD = $rdf.Namespace("http://www.w3.org/2006/vcard/ns#");
const XSD = $rdf.Namespace("http://www.w3.org/2001/XMLSchema#");
const OWL = $rdf.Namespace("http://www.w3.org/2002/07/owl#");
const EU = "http://publications.europa.eu/resource/authority/";

/** ADMS publisher types for the organisation kinds that have one. */
const PUBLISHER_TYPE: Partial<Record<string, string>> = {
  municipality: "LocalAuthority",
  region: "RegionalAuthority",
  "county-board": "RegionalAuthority",
  "government-agency": "NationalAuthority",
  "international-body": "SupraNationalAuthority",
  university: "Academia-ScientificOrganisation",
  company: "Company",
  ngo: "NonProfitOrganisation",
};

export const CATALOG_TEXTS = {
  catalogTitle: {
    sv: "Katalog över öppna data om internationellt arbete",
    en: "Catalog of open data on international work",
    de: "Katalog offener Daten zur internationalen Arbeit",
  },
  catalogDescription: {
    sv: "Öppna data om kommunernas internationella projekt, partnerskap, nätverk, partnerorganisationer och finansiärer.",
    en: "Open data on the municipalities' international projects, partnerships, networks, partner organisations and funders.",
    de: "Offene Daten zu internationalen Projekten, Partnerschaften, Netzwerken, Partnerorganisationen und Förderern der Gemeinden.",
  },
  datasetTitle: {
    sv: "Internationellt arbete: projekt, partnerskap och nätverk",
    en: "International work: projects, partnerships and networks",
    de: "Internationale Arbeit: Projekte, Partnerschaften und Netzwerke",
  },
  datasetDescription: {
    sv: "Projekt med datum, status, pengar, deltagare, länder, teman och globala mål, samt partnerskap, nätverk, organisationer, program och källor. Kontaktpersoner ingår inte.",
    en: "Projects with dates, status, money, participants, countries, themes and global goals, plus partnerships, networks, organisations, programmes and sources. Contact persons are not included.",
    de: "Projekte mit Daten, Stand, Beträgen, Beteiligten, Ländern, Themen und globalen Zielen sowie Partnerschaften, Netzwerke, Organisationen, Programme und Quellen. Ansprechpersonen sind nicht enthalten.",
  },
  keywords: {
    sv: ["internationellt samarbete", "kommunala partnerskap", "EU-projekt", "bistånd"],
    en: ["international cooperation", "municipal partnerships", "EU projects", "development cooperation"],
    de: ["internationale Zusammenarbeit", "kommunale Partnerschaften", "EU-Projekte", "Entwicklungszusammenarbeit"],
  },
} as const;

type Predicate = Parameters<$rdf.Store["add"]>[1];

/** A text as one literal per language of the site. */
function texts(
  store: $rdf.Store,
  languages: readonly Lang[],
  subject: $rdf.NamedNode,
  predicate: Predicate,
  value: Text | Readonly<Record<Lang, string>>,
): void {
  for (const lang of languages) {
    const text = value[lang];
    if (text !== undefined) store.add(subject, predicate, $rdf.lit(text, lang));
  }
}

export function catalogGraph(dataset: Dataset, files: readonly DataFile[]): $rdf.Store {
  const languages = dataset.site.languages;
  const store = $rdf.graph();
  const base = absoluteUrl(dataset.site.base_url, catalogRdfUrl);
  const node = (fragment: string) => $rdf.sym(`${base}#${fragment}`);
  const catalog = node("catalog");
  const data = node("dataset");
  const publisher = node("publisher");
  const contact = node("contact");
  // Dates and version change only when the data change: they are those of the current release.
  const { current } = releaseHistory(dataset);
  const day = $rdf.lit(current.date, undefined, XSD("date"));
  const first = $rdf.lit(dataset.releases[0]?.date ?? current.date, undefined, XSD("date"));
  const licence = $rdf.sym(dataset.site.data_licence);
  const landingPage = $rdf.sym(absoluteUrl(dataset.site.base_url, sectionUrl(languages[0] ?? SOURCE_LANG, "openData")));

  store.add(catalog, RDF("type"), DCAT("Catalog"));
  texts(store, languages, catalog, DCT("title"), CATALOG_TEXTS.catalogTitle);
  texts(store, languages, catalog, DCT("description"), CATALOG_TEXTS.catalogDescription);
  store.add(catalog, DCT("publisher"), publisher);
  store.add(catalog, FOAF("homepage"), $rdf.sym(dataset.site.base_url));
  store.add(catalog, DCT("license"), licence);
  store.add(catalog, DCT("issued"), first);
  store.add(catalog, DCT("modified"), day);
  for (const lang of languages)
    store.add(catalog, DCT("language"), $rdf.sym(`${EU}language/${LANGUAGE_AUTHORITY[lang]}`));
  store.add(catalog, DCAT("themeTaxonomy"), $rdf.sym(`${EU}data-theme`));
  store.add(catalog, DCAT("dataset"), data);

  const organisation = dataset.publisher.organisation;
  store.add(publisher, RDF("type"), FOAF("Agent"));
  store.add(publisher, RDF("type"), FOAF("Organization"));
  texts(store, languages, publisher, FOAF("name"), dataset.publisher.name);
  const publisherType = organisation ? PUBLISHER_TYPE[organisation.kind] : undefined;
  if (publisherType) store.add(publisher, DCT("type"), $rdf.sym(`http://purl.org/adms/publishertype/${publisherType}`));
  store.add(publisher, FOAF("mbox"), $rdf.sym(`mailto:${dataset.site.contact_email}`));
  store.add(publisher, FOAF("homepage"), $rdf.sym(organisation?.website ?? dataset.site.base_url));

  store.add(contact, RDF("type"), VCARD("Organization"));
  store.add(contact, VCARD("fn"), $rdf.lit(name(dataset.publisher.name, SOURCE_LANG)));
  store.add(contact, VCARD("hasEmail"), $rdf.sym(`mailto:${dataset.site.contact_email}`));

  store.add(data, RDF("type"), DCAT("Dataset"));
  texts(store, languages, data, DCT("title"), CATALOG_TEXTS.datasetTitle);
  texts(store, languages, data, DCT("description"), CATALOG_TEXTS.datasetDescription);
  for (const lang of languages)
    for (const keyword of CATALOG_TEXTS.keywords[lang]) store.add(data, DCAT("keyword"), $rdf.lit(keyword, lang));
  store.add(data, DCT("publisher"), publisher);
  store.add(data, DCAT("contactPoint"), contact);
  store.add(data, DCAT("theme"), $rdf.sym(`${EU}data-theme/INTR`));
  store.add(data, DCAT("theme"), $rdf.sym(`${EU}data-theme/GOVE`));
  for (const lang of languages) store.add(data, DCT("language"), $rdf.sym(`${EU}language/${LANGUAGE_AUTHORITY[lang]}`));
  store.add(data, DCAT("landingPage"), landingPage);
  store.add(data, DCT("accessRights"), $rdf.sym(`${EU}access-right/PUBLIC`));
  store.add(data, DCT("spatial"), $rdf.sym(`${EU}country/SWE`));
  store.add(data, DCT("issued"), first);
  store.add(data, OWL("versionInfo"), $rdf.lit(current.version));
  store.add(data, DCT("modified"), day);
  store.add(data, DCT("license"), licence);

  for (const file of files) {
    const distribution = node(`distribution-${file.url.replace(/^\/data\//, "").replace(/[^a-z0-9]+/gi, "-")}`);
    const url = $rdf.sym(absoluteUrl(dataset.site.base_url, file.url));
    store.add(data, DCAT("distribution"), distribution);
    store.add(distribution, RDF("type"), DCAT("Distribution"));
    texts(store, languages, distribution, DCT("title"), file.title);
    store.add(distribution, DCAT("accessURL"), url);
    store.add(distribution, DCAT("downloadURL"), url);
    store.add(
      distribution,
      DCAT("mediaType"),
      $rdf.sym(`http://www.iana.org/assignments/media-types/${file.mediaType}`),
    );
    store.add(distribution, DCT("format"), $rdf.sym(`${EU}file-type/${file.format}`));
    store.add(distribution, DCT("license"), licence);
    store.add(distribution, DCT("issued"), day);
    store.add(distribution, DCT("modified"), day);
  }
  return store;
}

export function catalogRdfXml(dataset: Dataset, files: readonly DataFile[]): string {
  // No base IRI: every IRI is written out in full, as harvesters expect. rdflib escapes only `&`
  // and `<`; the rest of the escaping that any text needs is completed here.
  const xml = $rdf.serialize(null, catalogGraph(dataset, files), undefined, "application/rdf+xml") ?? "";
  return `<?xml version="1.0" encoding="utf-8"?>\n${completeXmlEscaping(xml.trim())}\n`;
}

export function catalogJsonLd(dataset: Dataset, files: readonly DataFile[]): string {
  let output = "";
  $rdf.serialize(null, catalogGraph(dataset, files), undefined, "application/ld+json", (error, result) => {
    if (error) throw error;
    output = result ?? "";
  });
  return `${output.trim()}\n`;
}
