// The languages a service is given in, as people type them: a name in the reader's language,
// in English or in the language itself ("tigrigna", "Tigrinya", "ትግርኛ"), or a code ("ti").
// Volunteers do not know BCP 47 codes; the registry stores codes, so a name is turned into its
// code here, and what cannot be recognised is sent as typed for the registry to refuse beside
// the field.
import { languageName } from '../../i18n/message-format.ts';
import type { UiLanguage } from '../../i18n/languages.ts';

/** Codes of languages of migration that have no two-letter code, looked up by name too. */
const THREE_LETTER = [
  'ckb',
  'kmr',
  'prs',
  'apc',
  'arz',
  'ary',
  'acm',
  'ajp',
  'aeb',
  'fil',
  'kab',
  'tzm',
  'snk',
  'dyu',
  'mnk',
  'pcm',
  'yue',
  'haz',
  'bal',
  'pnb',
  'aii',
  'tig',
  'ber',
  'rom',
];

const TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
let candidates: string[] | undefined;

/** Every language ICU can name by a two-letter code, and the three-letter ones above. */
function candidateCodes(): string[] {
  if (candidates) return candidates;
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const found: string[] = [];
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      if (names.of(code) !== undefined) found.push(code);
    }
  candidates = [...found, ...THREE_LETTER];
  return candidates;
}

/** Lower case, without accents or surrounding spaces: "Persan " and "persan" are one name. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

const autonyms = new Map<string, string | undefined>();
function autonym(code: string): string | undefined {
  if (!autonyms.has(code)) {
    try {
      autonyms.set(code, new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code));
    } catch {
      autonyms.set(code, undefined);
    }
  }
  return autonyms.get(code);
}

/** The code of one typed language: itself when it is a code we can name, else the code whose name it is, else as typed. */
export function languageCodeFor(typed: string, readerLanguage: UiLanguage): string {
  const word = typed.trim();
  if (TAG.test(word) && languageName(word.toLowerCase(), 'en') !== word.toLowerCase()) return word;
  const wanted = fold(word);
  for (const code of candidateCodes()) {
    const names = [languageName(code, readerLanguage), languageName(code, 'en'), autonym(code)];
    if (names.some((name) => name !== undefined && name !== code && fold(name) === wanted)) return code;
  }
  return word;
}

/**
 * The languages of a typed list: separated by commas or semicolons ("persan, tigrigna"), or by
 * spaces when each part is a code ("ti fa ps"), each turned into its code.
 */
export function typedLanguages(text: string, readerLanguage: UiLanguage): string[] {
  return text
    .split(/[,;،]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => (/\s/.test(part) && part.split(/\s+/).every((piece) => TAG.test(piece)) ? part.split(/\s+/) : [part]))
    .map((part) => languageCodeFor(part, readerLanguage));
}
