// The Swedish organisationsnummer: ten digits, NNNNNN-NNNN, the last a Luhn check digit. It names a
// public body for the national data portal (http://dataportal.se/organisation/SE<number>) and in
// IATI (SE-ON-<number>).

const FORM = /^(\d{6})-?(\d{4})$/;

/** The ten digits of a well-formed number with a correct check digit, else undefined. */
export function organisationNumberDigits(value: string): string | undefined {
  const match = FORM.exec(value);
  if (!match) return undefined;
  const digits = `${match[1]}${match[2]}`;
  // Luhn over all ten digits: from the left, the 1st, 3rd … are doubled.
  const sum = [...digits].reduce((total, digit, index) => {
    const value = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + (value > 9 ? value - 9 : value);
  }, 0);
  return sum % 10 === 0 ? digits : undefined;
}

export const isOrganisationNumber = (value: string): boolean => organisationNumberDigits(value) !== undefined;

/** How the national data portal names a publisher with this organisation number. */
export const dataportalPublisherUri = (digits: string): string => `http://dataportal.se/organisation/SE${digits}`;

/** The IATI organisation identifier of a Swedish body registered with this number. */
export const iatiOrganisationIdentifier = (digits: string): string => `SE-ON-${digits}`;
