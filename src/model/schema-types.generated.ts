// Generated from src/model/schemas/ by `npm run types`; do not edit. The schemas are the one
// description of the data: change a schema, then run `npm run types`.

/**
 * @minItems 1
 */
export type Sources = SourceRef[];
/**
 * Fields of this record that no cited source gives: general knowledge the editor added, or (for fields the schema marks x-editorial: inference, such as dates and owners) what the editor concluded from the sources, with the reason in a source note. Pages mark them as added by the editor.
 *
 * @minItems 1
 */
export type Editorial = string[];

/**
 * Each kind of record as its schema describes it.
 */
export interface SchemaRecords {
  site: ThePublication;
  organisations: Organisation;
  programmes: FundingProgramme;
  people: ContactPerson;
  themes: Theme;
  places: MappedPlace;
  sources: SourceDocument;
  partnerships: MunicipalPartnership;
  networks: Network;
  projects: Project;
}
/**
 * data/site.yaml: who publishes, where, under which licence.
 */
export interface ThePublication {
  title: Text;
  description?: Text;
  /**
   * The organisation that publishes the site and the data.
   */
  publisher: string;
  /**
   * The publisher's type in the ADMS publisher type vocabulary, for the data catalog; needed only when the publisher's organisation kind does not imply one (a municipality is a LocalAuthority).
   */
  publisher_type?:
    | "Academia-ScientificOrganisation"
    | "Company"
    | "IndustryConsortium"
    | "LocalAuthority"
    | "NationalAuthority"
    | "NonGovernmentalOrganisation"
    | "NonProfitOrganisation"
    | "PrivateIndividual(s)"
    | "RegionalAuthority"
    | "StandardisationBody"
    | "SupraNationalAuthority";
  /**
   * The address the site is published at, ending in a slash: the root of a host (https://international.example.org/) or a path below it (https://www.example-kommun.se/internationellt/).
   */
  base_url: string;
  /**
   * The licence of the open data.
   */
  data_licence: "https://creativecommons.org/publicdomain/zero/1.0/" | "https://creativecommons.org/licenses/by/4.0/";
  /**
   * A functional mailbox, not a person's address.
   */
  contact_email: string;
  /**
   * The languages of the site, each with a UI catalogue in locales/ (sv, en, de, fi …); the source language first.
   *
   * @minItems 1
   *
   * Items: A BCP 47 language tag: a language (sv, en, fi, se), optionally a script and a region (sr-Latn, pt-BR).
   */
  languages: string[];
  /**
   * A BCP 47 language tag: a language (sv, en, fi, se), optionally a script and a region (sr-Latn, pt-BR).
   */
  source_language?: string;
  about?: Markdown;
  /**
   * The publisher's policy for international work: what it covers and in which languages it exists.
   */
  policy?: {
    summary: Markdown;
    /**
     * The policy documents.
     */
    documents?: {
      title: Name;
      /**
       * A BCP 47 language tag: a language (sv, en, fi, se), optionally a script and a region (sr-Latn, pt-BR).
       */
      language: string;
      /**
       * The kind of document: a policy or a guideline.
       */
      kind: "policy" | "guideline";
      /**
       * Size of the document in kB.
       */
      size_kb?: number;
    }[];
    sources: Sources;
  };
  /**
   * Contact persons (ids from data/people/); never published as open data.
   */
  contacts?: string[];
  /**
   * The publisher's accessibility statement, in the structure the Agency for Digital Government (DIGG) asks for: how far the site complies with the Act (2018:1937), each known shortcoming, content outside the law, how and when the site was assessed, and how soon the publisher replies. The page adds what the build knows: its automatic checks, the contact mailbox and DIGG's complaint form.
   */
  accessibility?: {
    /**
     * How far the site complies with the Act on accessibility to digital public services: fully, partially or not.
     */
    compliance: "full" | "partial" | "none";
    /**
     * Each known shortcoming: what is not accessible, and the requirement it fails where there is one.
     */
    shortcomings?: {
      text: Text;
      /**
       * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
       *
       * This interface was referenced by `Text`'s JSON-Schema definition
       * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
       *
       * This interface was referenced by `Markdown`'s JSON-Schema definition
       * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
       *
       * This interface was referenced by `Name`'s JSON-Schema definition
       * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
       */
      requirement?: string;
    }[];
    outside_scope?: Text;
    method: Text;
    /**
     * A calendar day, YYYY-MM-DD.
     */
    assessed: string;
    /**
     * Within how many working days the publisher answers a report of an accessibility problem.
     */
    reply_within_days?: number;
  };
  /**
   * The open-data catalog's own title and description for the national data portal; without them the catalog uses general ones.
   */
  catalog?: {
    title: Text;
    description: Text;
  };
  /**
   * A calendar day, YYYY-MM-DD.
   */
  accessibility_reviewed?: string;
  /**
   * An ISO 8601 duration such as P3Y (three years) or P18M, used when only a start and a length are known.
   */
  status_window?: string;
  /**
   * The page in easy-to-read Swedish (lättläst) at /sv/lattlast/, linked from every Swedish page: three Markdown texts in Swedish. Write short sentences in common words, one idea to a sentence, no abbreviations. Without it the site has no such page.
   */
  easy_to_read?: {
    /**
     * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
     *
     * This interface was referenced by `Text`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     *
     * This interface was referenced by `Markdown`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     *
     * This interface was referenced by `Name`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     */
    work: string;
    /**
     * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
     *
     * This interface was referenced by `Text`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     *
     * This interface was referenced by `Markdown`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     *
     * This interface was referenced by `Name`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     */
    site: string;
    /**
     * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
     *
     * This interface was referenced by `Text`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     *
     * This interface was referenced by `Markdown`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     *
     * This interface was referenced by `Name`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
     */
    contact: string;
  };
  /**
   * IATI publishing: the organisation that reports and its IATI organisation identifier. Without it, no IATI file is published.
   */
  iati?: {
    /**
     * The reporting organisation; its projects are published.
     */
    reporting_org: string;
    /**
     * Its IATI organisation identifier, e.g. SE-ON-2120001769; without it, SE-ON- and the reporting organisation's organisation number.
     */
    identifier?: string;
  };
  /**
   * Other Utblick publications whose records this site shows, each under its publisher's slug: a release pinned like a lockfile (url, version, sha256, retrieved; written by npm run include) or, for development and samples, a local data folder (path). The build reads only the copies under includes/, never the network.
   *
   * @minItems 1
   */
  includes?: ({
    [k: string]: unknown | undefined;
  } & {
    /**
     * A record's id: the file name without .yaml. Lowercase letters a-z, digits and hyphens; it becomes part of URLs and open-data keys and never changes.
     */
    publisher: string;
    /**
     * The publication's address as given to npm run include: its base URL or its data/releases.json.
     */
    url?: string;
    /**
     * The pinned release, as the publication names it.
     */
    version?: string;
    /**
     * The SHA-256 of the release's archive, as the publication lists it; a copy that differs is refused.
     */
    sha256?: string;
    /**
     * A calendar day, YYYY-MM-DD.
     */
    retrieved?: string;
    /**
     * A local data folder, relative to this one (../examples/kommunen): read as it is, for development and samples.
     */
    path?: string;
  })[];
  /**
   * The web editor at /admin/: the git host its saves go to. Without it, the site has no /admin/ (npm run edit works without it).
   */
  editing?: {
    /**
     * The git host: github, gitlab or gitea.
     */
    backend: "github" | "gitlab" | "gitea";
    /**
     * The repository as owner/name, e.g. kommun/utblick.
     */
    repo: string;
    /**
     * The branch the site is published from; main when left out.
     */
    branch?: string;
    /**
     * An absolute http or https address.
     */
    base_url?: string;
    /**
     * An absolute http or https address.
     */
    api_root?: string;
    /**
     * The OAuth application id (GitLab and Gitea sign-in without a server).
     */
    app_id?: string;
  };
}
/**
 * A plain text by language: the publication's source language (site.yaml's source_language, Swedish unless it names another) is required, every other language optional.
 */
export interface Text {
  /**
   * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
   *
   * This interface was referenced by `Text`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Markdown`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Name`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   */
  [k: string]: string | undefined;
}
/**
 * A Markdown text by language: the publication's source language is required, every other language optional. Its links follow the rules of web addresses and e-mail addresses: no user name or password, a valid host, mailto: with a plain address only.
 */
export interface Markdown {
  /**
   * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
   *
   * This interface was referenced by `Text`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Markdown`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Name`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   */
  [k: string]: string | undefined;
}
/**
 * A proper name by language: in the publication's source language (required), and in another language only where the name differs.
 */
export interface Name {
  /**
   * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
   *
   * This interface was referenced by `Text`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Markdown`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Name`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   */
  [k: string]: string | undefined;
}
/**
 * Where the facts of a record come from: a source document and, optionally, what it says.
 */
export interface SourceRef {
  /**
   * The id of a source record.
   */
  source: string;
  note?: Text;
}
/**
 * data/organisations/<id>.yaml: a municipality, council, region, agency, university, company, NGO, network secretariat or funder.
 */
export interface Organisation {
  name: Name;
  /**
   * An abbreviation in common use, e.g. SKR.
   */
  short_name?: string;
  /**
   * The kind of organisation.
   */
  kind:
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
  /**
   * An ISO 3166-1 alpha-2 country code, e.g. SE.
   */
  country: string;
  city?: Name;
  /**
   * An absolute http or https address.
   */
  website?: string;
  /**
   * The organisation this one belongs to, e.g. a school's municipality.
   */
  part_of?: string;
  description?: Text;
  /**
   * The Swedish organisation number (organisationsnummer), NNNNNN-NNNN, as the Swedish Companies Registration Office or Statistics Sweden registers it: only for a Swedish body, and only from a source or an official register. It names the publisher for the national data portal and in IATI (SE-ON-…).
   */
  organisation_number?: string;
  /**
   * The same organisation as published by an included publication, confirmed by this site's editor (npm run reconcile lists likely ones): <publisher>/<id>. Its records are then shown on this organisation's page.
   *
   * @minItems 1
   *
   * Items: A record of an included publication: its publisher's slug (site.yaml includes), a slash and its id there.
   */
  same_as?: string[];
  /**
   * Its identifiers in known schemes, each from a source or an official register (cite it, or list identifiers under editorial), never guessed: iati, an IATI organisation identifier with an org-id.guide prefix (SE-ON-2120001769, GB-COH-01234567, XM-DAC-41114), which for a Swedish body must be SE-ON- and its organisation number; wikidata, a Wikidata item (Q34); or another scheme, named in lowercase (e.g. ror), with the id as that scheme writes it. One identifier per scheme.
   *
   * @minItems 1
   */
  identifiers?: {
    /**
     * The scheme: iati, wikidata or another, named in lowercase letters, digits and hyphens.
     */
    scheme: string;
    /**
     * The identifier, as the scheme writes it: SE-ON-2120001769 for iati, Q34 for wikidata.
     */
    id: string;
    /**
     * The source or register that gives it, when it is one of the record's sources and not all of them do.
     */
    source?: string;
  }[];
  editorial?: Editorial;
  sources?: Sources;
}
/**
 * data/programmes/<id>.yaml: a funding programme or fund, with the organisation that funds it.
 */
export interface FundingProgramme {
  name: Name;
  /**
   * An abbreviation in common use, e.g. LIFE.
   */
  short_name?: string;
  /**
   * The same programme as published by an included publication, confirmed by this site's editor: <publisher>/<id>. Its records are then shown on this programme's page.
   *
   * @minItems 1
   *
   * Items: A record of an included publication: its publisher's slug (site.yaml includes), a slash and its id there.
   */
  same_as?: string[];
  /**
   * The organisation that runs or pays the programme.
   */
  funder: string;
  /**
   * A wider fund or programme this one belongs to, e.g. Interreg within ERDF.
   */
  part_of?: string;
  description?: Text;
  /**
   * An absolute http or https address.
   */
  website?: string;
  editorial?: Editorial;
  sources: Sources;
}
/**
 * data/people/<id>.yaml: a contact person. Shown on pages; never part of the open data.
 */
export interface ContactPerson {
  /**
   * Text that may span lines: tabs and line breaks are allowed. Like every text of the data, it holds no control character, bidirectional override or invisible character (zero-width joiners and non-joiners excepted).
   *
   * This interface was referenced by `Text`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Markdown`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   *
   * This interface was referenced by `Name`'s JSON-Schema definition
   * via the `patternProperty` "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$".
   */
  name: string;
  role?: Text;
  /**
   * The organisation (id from data/organisations/).
   */
  organisation: string;
  unit?: Name;
  /**
   * A work phone number as the source gives it.
   */
  phone?: string;
  /**
   * A work e-mail address.
   */
  email?: string;
  editorial?: Editorial;
  sources: Sources;
}
/**
 * data/themes/<id>.yaml: one entry of the controlled list of themes.
 */
export interface Theme {
  label: Text;
  description?: Text;
}
/**
 * data/places/<id>.yaml: a place that records name (an organisation's city or a project's place), with coordinates the editor added. The site draws it on its maps; `npm run places` proposes coordinates from a gazetteer.
 */
export interface MappedPlace {
  name: Name;
  /**
   * An ISO 3166-1 alpha-2 country code, e.g. SE.
   */
  country: string;
  /**
   * Latitude in decimal degrees (WGS 84), north positive.
   */
  lat: number;
  /**
   * Longitude in decimal degrees (WGS 84), east positive.
   */
  lon: number;
  editorial: Editorial;
  note?: Text;
}
/**
 * data/sources/<id>.yaml: a public document the facts come from, and the day it speaks for.
 */
export interface SourceDocument {
  title: Name;
  /**
   * The organisation that published it (id from data/organisations/).
   */
  publisher: string;
  /**
   * An absolute http or https address.
   */
  url?: string;
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  as_of?: string;
  /**
   * A BCP 47 language tag: a language (sv, en, fi, se), optionally a script and a region (sr-Latn, pt-BR).
   */
  language: string;
  note?: Text;
}
/**
 * data/partnerships/<id>.yaml: a lasting partnership between a Swedish organisation and one or more abroad.
 */
export interface MunicipalPartnership {
  name?: Text;
  summary?: Markdown;
  /**
   * The Swedish side (ids from data/organisations/).
   *
   * @minItems 1
   */
  swedish_partners: string[];
  /**
   * The side abroad (ids from data/organisations/).
   *
   * @minItems 1
   */
  international_partners: string[];
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  since?: string;
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  active_as_of?: string;
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  until?: string;
  /**
   * The status a source reported, as of status_as_of (not today's status: see derived): planned, active or ended.
   */
  status?: "planned" | "active" | "ended";
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  status_as_of?: string;
  /**
   * Funding programmes (ids from data/programmes/).
   */
  funders?: string[];
  /**
   * The network (id from data/networks/).
   */
  network?: string;
  /**
   * Theme ids from data/themes/.
   */
  themes?: string[];
  /**
   * UN Sustainable Development Goals, 1 to 17.
   *
   * Items: A UN Sustainable Development Goal, 1 to 17.
   */
  sdgs?: number[];
  /**
   * Contact persons (ids from data/people/); never published as open data.
   */
  contacts?: string[];
  /**
   * Links to other websites with their titles.
   */
  links?: Link[];
  /**
   * Facts another source states differently, and why this record keeps its value.
   */
  conflicts?: Conflict[];
  editorial?: Editorial;
  /**
   * Worked out by the build, never written in data/: the status the site can give on the build day, and that day.
   */
  derived?: {
    /**
     * Today's status: from the dates where they decide it (until passed: ended; since still ahead: planned); else from the newest report, which for planned or active counts only within the site's window (status_window); unconfirmed when the last report of planned or active is older; unknown when neither dates nor sources say.
     */
    status: "active" | "planned" | "unconfirmed" | "unknown" | "ended";
    /**
     * A calendar day, YYYY-MM-DD.
     */
    as_of: string;
  };
  sources: Sources;
}
/**
 * A link to another website, with its title in each language.
 */
export interface Link {
  /**
   * An absolute http or https address.
   */
  url: string;
  title: Text;
}
/**
 * A fact that another source states differently: the field, the other value, the source (and the day it speaks for), and why the record keeps the value it has. Both values stay, and the page shows both. For the field status, the value is a status (planned, ongoing, completed, cancelled) and counts as that source's report.
 */
export interface Conflict {
  /**
   * The field the other source disagrees on.
   */
  field: string;
  /**
   * The value the other source gives, as text.
   */
  value: string;
  /**
   * The id of a source record.
   */
  source: string;
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  as_of?: string;
  note: Text;
}
/**
 * data/networks/<id>.yaml: a network of partnerships or cities, with its meetings.
 */
export interface Network {
  name: Text;
  summary?: Markdown;
  /**
   * The organisation that runs the network.
   */
  coordinator?: string;
  /**
   * Funding programmes (ids from data/programmes/).
   */
  funders?: string[];
  /**
   * Member organisations besides its partnerships.
   */
  member_organisations?: string[];
  /**
   * The same network as published by an included publication, confirmed by this site's editor: <publisher>/<id>. Its records are then shown on this network's page.
   *
   * @minItems 1
   *
   * Items: A record of an included publication: its publisher's slug (site.yaml includes), a slash and its id there.
   */
  same_as?: string[];
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  since?: string;
  /**
   * The status a source reported, as of status_as_of (not today's status: see derived): planned, active or ended.
   */
  status?: "planned" | "active" | "ended";
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  status_as_of?: string;
  /**
   * Theme ids from data/themes/.
   */
  themes?: string[];
  /**
   * UN Sustainable Development Goals, 1 to 17.
   *
   * Items: A UN Sustainable Development Goal, 1 to 17.
   */
  sdgs?: number[];
  /**
   * Meetings of the network.
   */
  events?: {
    title: Text;
    /**
     * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
     */
    date?: string;
    place?: Place;
    /**
     * How many people took part.
     */
    participants?: number;
    summary?: Markdown;
  }[];
  /**
   * Links to other websites with their titles.
   */
  links?: Link[];
  /**
   * People the sources name or quote for the network (ids from data/people/); never published as open data.
   */
  people?: string[];
  /**
   * Facts another source states differently, and why this record keeps its value.
   */
  conflicts?: Conflict[];
  editorial?: Editorial;
  /**
   * Worked out by the build, never written in data/: the status the site can give on the build day, and that day.
   */
  derived?: {
    /**
     * Today's status: from the dates where they decide it (until passed: ended; since still ahead: planned); else from the newest report, which for planned or active counts only within the site's window (status_window); unconfirmed when the last report of planned or active is older; unknown when neither dates nor sources say.
     */
    status: "active" | "planned" | "unconfirmed" | "unknown" | "ended";
    /**
     * A calendar day, YYYY-MM-DD.
     */
    as_of: string;
  };
  sources: Sources;
}
/**
 * A named place: a city, a district, a venue.
 */
export interface Place {
  name: Name;
  /**
   * An ISO 3166-1 alpha-2 country code, e.g. SE.
   */
  country: string;
}
/**
 * data/projects/<id>.yaml: a project with its dates, money, participants and sources.
 */
export interface Project {
  title: Text;
  summary: Markdown;
  /**
   * The organisations whose project this is in this publication.
   *
   * @minItems 1
   */
  owners: string[];
  /**
   * The status a source reported, as of status_as_of (not today's status: see derived).
   */
  status?: "planned" | "ongoing" | "completed" | "cancelled";
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  status_as_of?: string;
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  start?: string;
  /**
   * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
   */
  end?: string;
  /**
   * An ISO 8601 duration such as P3Y (three years) or P18M, used when only a start and a length are known.
   */
  duration?: string;
  /**
   * Money granted to the project, one line per programme or funder.
   */
  funding?: ({
    [k: string]: unknown | undefined;
  } & {
    /**
     * The funding programme (id from data/programmes/).
     */
    programme?: string;
    /**
     * The funding organisation (id from data/organisations/).
     */
    funder?: string;
    /**
     * Who received the money, when not the whole project.
     */
    recipient?: string;
    /**
     * The amount, a number without spaces; at most 9007199254740991 (2^53 − 1), the largest a number is stored exactly up to.
     */
    amount?: number;
    /**
     * An ISO 4217 currency code, e.g. SEK or EUR.
     */
    currency?: string;
    /**
     * true when the source says "about".
     */
    approximate?: boolean;
    note?: Text;
  })[];
  /**
   * The budget: of the whole project and the owner's share.
   */
  budget?: {
    total?: Money;
    own_share?: Money;
    /**
     * The own share as the sources also state it in other currencies.
     */
    own_share_alternatives?: Money[];
  };
  /**
   * Organisations taking part, with their role.
   */
  participants?: {
    /**
     * The organisation (id from data/organisations/).
     */
    organisation: string;
    /**
     * The role: lead, partner, associated, funder or stakeholder.
     */
    role: "lead" | "partner" | "associated" | "funder" | "stakeholder";
    note?: Text;
  }[];
  /**
   * How many partners the whole project has, when the sources give a number but not all names.
   */
  partner_count?: number;
  /**
   * True when the sources speak of partners they neither name nor count (“with partners around the Baltic Sea”): key facts then say so and give no number of countries, since the countries listed are only those the sources name.
   */
  partners_unnamed?: boolean;
  /**
   * How many countries the whole project's partners come from, when the sources give a number but not every country.
   */
  country_count?: number;
  /**
   * Countries where partners come from or the work takes place.
   *
   * Items: An ISO 3166-1 alpha-2 country code, e.g. SE.
   */
  countries?: string[];
  /**
   * Named places of the work.
   */
  places?: Place[];
  /**
   * Theme ids from data/themes/.
   */
  themes?: string[];
  /**
   * UN Sustainable Development Goals, 1 to 17.
   *
   * Items: A UN Sustainable Development Goal, 1 to 17.
   */
  sdgs?: number[];
  /**
   * The partnership (id from data/partnerships/).
   */
  partnership?: string;
  /**
   * The network (id from data/networks/).
   */
  network?: string;
  /**
   * The larger project this one is part of.
   */
  part_of?: string;
  /**
   * The project this one continues.
   */
  follows?: string;
  /**
   * Numbers the sources give: households, schools, participants.
   */
  figures?: Figure[];
  /**
   * Links to other websites with their titles.
   */
  links?: Link[];
  /**
   * Contact persons (ids from data/people/); never published as open data.
   */
  contacts?: string[];
  /**
   * Facts another source states differently, and why this record keeps its value.
   */
  conflicts?: Conflict[];
  editorial?: Editorial;
  /**
   * Worked out by the build, never written in data/: the status the site can give on the build day, the end (and whether only a plan gives it), and that day.
   */
  derived?: {
    /**
     * Today's status: from the dates where they decide it; else from the newest report, which for planned or ongoing counts only within the site's window (status_window); unconfirmed when the last report of planned or ongoing is older; unknown when neither dates nor sources say.
     */
    status: "planned" | "ongoing" | "completed" | "cancelled" | "unconfirmed" | "unknown";
    /**
     * A date at the precision known: year (2016), month (2016-03) or day (2014-12-01).
     */
    end?: string;
    /**
     * true when only a plan gives the end: the newest report says planned or ongoing, or (with no report) every source predates an end worked out from the duration. Such an end never makes a project completed.
     */
    end_planned?: boolean;
    /**
     * true when only a plan gives the start: the newest report says planned.
     */
    start_planned?: boolean;
    /**
     * A calendar day, YYYY-MM-DD.
     */
    as_of: string;
  };
  sources: Sources;
}
/**
 * An amount of money in one currency.
 */
export interface Money {
  /**
   * The amount, a number without spaces; at most 9007199254740991 (2^53 − 1), the largest a number is stored exactly up to.
   */
  amount: number;
  /**
   * An ISO 4217 currency code, e.g. SEK or EUR.
   */
  currency: string;
  /**
   * True when the source says 'about'.
   */
  approximate?: boolean;
}
/**
 * A number the sources give about the work: households reached, schools, participants.
 */
export interface Figure {
  /**
   * The value; at most 9007199254740991 (2^53 − 1), the largest a number is stored exactly up to.
   */
  value: number;
  /**
   * true when the source says "about".
   */
  approximate?: boolean;
  label: Text;
}
