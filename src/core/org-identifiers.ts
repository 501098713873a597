// An organisation's identifiers in known schemes (issue #31): the IATI organisation identifier (a
// registration agency's prefix from org-id.guide, such as SE-ON, GB-COH or XM-DAC, then the id the
// agency gives), a Wikidata item (Q…), or an identifier in another scheme, named by a lowercase slug.

import { iatiOrganisationIdentifier, organisationNumberDigits } from "./organisation-number.js";

/** The schemes whose identifiers are checked; any other slug names a scheme taken as it is written. */
export const IATI_SCHEME = "iati";
export const WIKIDATA_SCHEME = "wikidata";

/** A scheme's name: lowercase letters and digits, words joined by hyphens (e.g. gb-coh, ror). */
export const SCHEME_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

/**
 * An IATI organisation identifier: an agency's prefix (a country code, or X and a letter for the
 * international lists, a hyphen and the agency's code) and the id. IATI forbids / & | ? in it.
 */
const IATI_IDENTIFIER = /^[A-Z]{2}-[A-Z0-9]+-[^\s/&|?]+$/;
const WIKIDATA_ITEM = /^Q[1-9]\d*$/;
/** The Swedish register's prefix: the organisation number follows as ten digits. */
const SWEDISH_PREFIX = "SE-ON-";

export interface OrganisationIdentifier {
  readonly scheme: string;
  readonly id: string;
}

/** Why an identifier is refused: a form its scheme does not have, or a Swedish number's wrong check digit. */
export type IdentifierProblem = "iatiForm" | "swedishNumberForm" | "swedishNumberCheck" | "wikidataForm";

/** What is wrong with an identifier in its scheme; undefined when nothing is (or the scheme is not checked). */
export function identifierProblem({ scheme, id }: OrganisationIdentifier): IdentifierProblem | undefined {
  if (scheme === WIKIDATA_SCHEME) return WIKIDATA_ITEM.test(id) ? undefined : "wikidataForm";
  if (scheme !== IATI_SCHEME) return undefined;
  if (!IATI_IDENTIFIER.test(id)) return "iatiForm";
  if (!id.startsWith(SWEDISH_PREFIX)) return undefined;
  const number = id.slice(SWEDISH_PREFIX.length);
  if (!/^\d{10}$/.test(number)) return "swedishNumberForm";
  return organisationNumberDigits(number) === undefined ? "swedishNumberCheck" : undefined;
}

/** The record's fields an organisation's identifiers are read from. */
export interface IdentifiedOrganisation {
  readonly identifiers?: readonly OrganisationIdentifier[] | undefined;
  readonly organisation_number?: string | undefined;
}

/** The identifier of a scheme, if the organisation has one. */
export const identifierIn = (organisation: IdentifiedOrganisation, scheme: string): string | undefined =>
  organisation.identifiers?.find((identifier) => identifier.scheme === scheme)?.id;

/** The IATI identifier its organisation number gives a Swedish body (SE-ON-…), if it has a valid one. */
export function iatiIdentifierFromNumber(organisation: IdentifiedOrganisation): string | undefined {
  const number = organisation.organisation_number;
  const digits = number === undefined ? undefined : organisationNumberDigits(number);
  return digits === undefined ? undefined : iatiOrganisationIdentifier(digits);
}

/** An organisation's IATI identifier: the one it gives, else SE-ON- and its organisation number. */
export const organisationIatiIdentifier = (organisation: IdentifiedOrganisation): string | undefined =>
  identifierIn(organisation, IATI_SCHEME) ?? iatiIdentifierFromNumber(organisation);

/**
 * A Swedish body's IATI identifier (SE-ON-…) must be its organisation number's: the identifier the
 * number gives, when the one given differs from it.
 */
export function swedishIdentifierMismatch(
  identifier: OrganisationIdentifier,
  organisation: IdentifiedOrganisation,
): string | undefined {
  if (identifier.scheme !== IATI_SCHEME || !identifier.id.startsWith(SWEDISH_PREFIX)) return undefined;
  const derived = iatiIdentifierFromNumber(organisation);
  return derived !== undefined && derived !== identifier.id ? derived : undefined;
}

/** The page of a Wikidata item. */
export const wikidataUrl = (item: string): string => `https://www.wikidata.org/wiki/${item}`;
