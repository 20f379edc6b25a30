// The countries a market record's area may name on the form: the European Union's, where the
// network's cities are, named by ICU in the reader's language and sorted the reader's way. A
// country already on a record and not in the list is kept (shown by its code).
import { collator } from '../i18n/intl-formatters.ts';

const EU = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

export function countryOptions(lang: string, current: string): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const codes = current && !EU.includes(current) ? [...EU, current] : EU;
  const compare = collator(lang).compare;
  return codes.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => compare(a.label, b.label));
}
