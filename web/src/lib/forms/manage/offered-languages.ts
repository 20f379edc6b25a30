// The languages an initiative's "languages offered" picker lists: the interface languages, the
// other languages of the European Union's cities that run nodes, and the languages most spoken
// by people who arrived in them (from the partners' own listings: Pashto, Dari, Tigrinya,
// Levantine Arabic, Sorani …). Each is a BCP 47 tag that every interface language can name
// (Intl.DisplayNames, or schemas/languages/language-names.json for the few ICU cannot); a
// language an initiative already offers outside this list is kept and shown by the picker too.
// Grouped by kind, a line per group, easier to read and extend than one tag per line.
// prettier-ignore
export const OFFERED_LANGUAGES: readonly string[] = [
  // Interface languages and other European languages.
  'fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de',
  'es', 'pt', 'ro', 'pl', 'hr', 'sr', 'bs', 'sq', 'mk', 'hu', 'cs', 'sk', 'uk', 'ru', 'tr', 'lt', 'lv', 'et', 'ca',
  // Languages of people who arrived in the partner cities.
  'apc', 'ckb', 'kmr', 'fa', 'prs', 'ps', 'ur', 'hi', 'bn', 'pa', 'ta', 'ne', 'zh', 'vi', 'tl',
  'so', 'am', 'ti', 'om', 'sw', 'ha', 'yo', 'ig', 'wo', 'ff', 'bm', 'ln', 'rw', 'rn', 'mg', 'kab', 'zgh',
  'he', 'hy', 'ka', 'az', 'uz', 'tg', 'mn',
];
