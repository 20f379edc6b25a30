// The countries a record may name: the ISO 3166-1 alpha-2 codes in use, and Kosovo's XK (used
// by the EU and by ICU). ICU names more two-letter codes than that (EU, UN, ZZ "Unknown
// Region", pseudo-locales XA/XB, withdrawn codes such as SU or YU, exceptional reservations such
// as IC or EA); a location naming one of them would be shown as a country that is not one, and a
// country picker would offer it. So the list is ICU's named codes minus those.
import { countryName } from './language.ts';

/** Two-letter codes ICU names that are not countries in use. */
const NOT_COUNTRIES = new Set([
  // Groupings and placeholders.
  ...['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB'],
  // Exceptionally reserved (not countries of their own).
  ...['AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA'],
  // Withdrawn or transitional.
  ...['AN', 'BU', 'CS', 'DD', 'FX', 'NT', 'SU', 'TP', 'YU', 'ZR'],
]);

function namedCodes(): string[] {
  const codes: string[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (!NOT_COUNTRIES.has(code) && countryName(code, 'en') !== undefined) codes.push(code);
    }
  }
  return codes;
}

/** Every country code a record may name, in code order (a constant of the process: ICU's data is fixed). */
export const COUNTRY_CODES: readonly string[] = Object.freeze(namedCodes());
const KNOWN = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return KNOWN.has(code);
}
