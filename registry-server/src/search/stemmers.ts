// Stemmers of the network's languages: @orama/stemmers (Snowball) for en fr it de nl el ar,
// snowball-stemmers for Slovene, our own light stemmer for Bulgarian. A language without a
// stemmer is indexed by its folded words, and searches fall back on prefixes and typos.
// Stemmers get lower-case words with their accents (French and Bulgarian rules need them).
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as italian } from '@orama/stemmers/italian';
import snowball from 'snowball-stemmers';
import { stemBulgarian } from './bulgarian-stemmer.ts';

export type Stem = (word: string) => string;

const slovene = snowball.newStemmer('slovene');

const STEMMERS: Readonly<Record<string, Stem>> = {
  en: english,
  fr: french,
  it: italian,
  de: german,
  nl: dutch,
  el: greek,
  ar: arabic,
  sl: (word) => slovene.stem(word),
  bg: stemBulgarian,
};

/** Languages with a stemmer, in a fixed order (their index is the language's id in the analyzer). */
export const STEMMED_LANGUAGES = Object.keys(STEMMERS);

/** Base language of a BCP 47 tag ("fr-BE" → "fr"), lower case. */
export function baseLanguage(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}

/** The stemmer of a language; words of other languages are kept as they are. */
export function stemmerFor(language: string): Stem | undefined {
  return STEMMERS[baseLanguage(language)];
}

/** A stemmer that never throws: a stemmer bug on one word must not stop indexing. */
export function safeStem(stem: Stem | undefined, word: string): string {
  if (!stem) return word;
  try {
    const stemmed = stem(word);
    return stemmed.length > 0 ? stemmed : word;
  } catch {
    return word;
  }
}

export type Script = 'latin' | 'greek' | 'cyrillic' | 'arabic' | 'other';

/** Script of a word, from its first letter. */
export function scriptOf(word: string): Script {
  for (const char of word) {
    const code = char.codePointAt(0)!;
    if (code < 0x250) return /\p{L}/u.test(char) ? 'latin' : code < 0x80 ? 'latin' : 'other';
    if (code >= 0x370 && code < 0x400) return 'greek';
    if (code >= 0x1f00 && code < 0x2000) return 'greek';
    if (code >= 0x400 && code < 0x530) return 'cyrillic';
    if (
      (code >= 0x600 && code < 0x700) ||
      (code >= 0x750 && code < 0x780) ||
      (code >= 0xfb50 && code < 0xfe00) ||
      (code >= 0xfe70 && code < 0xff00)
    )
      return 'arabic';
    if (code >= 0x1e00 && code < 0x1f00) return 'latin';
    return 'other';
  }
  return 'other';
}

const BY_SCRIPT: Readonly<Record<Script, readonly string[]>> = {
  latin: ['en', 'fr', 'it', 'de', 'nl', 'sl'],
  greek: ['el'],
  cyrillic: ['bg'],
  arabic: ['ar'],
  other: [],
};

/** Languages whose stemmers a search word is tried with: those of its script, the reader's first. */
export function candidateLanguages(word: string, preferred?: string): readonly string[] {
  const languages = BY_SCRIPT[scriptOf(word)];
  const base = preferred ? baseLanguage(preferred) : undefined;
  return base && languages.includes(base) ? [base, ...languages.filter((l) => l !== base)] : languages;
}
