// Turns texts into term ids: a scanner over character codes finds words (letters, digits and
// combining marks; everything else separates), and a table keyed by two 32-bit hashes of
// (language, word as written) remembers each word's term. Only a word not seen before in that
// language is lower-cased, checked against the function words, stemmed and folded, so a build
// stems each distinct word once instead of every occurrence (see docs/research/search-brief.md).
import { fold } from './fold.ts';
import { isStopword } from './stopwords.ts';
import { baseLanguage, safeStem, stemmerFor, type Stem } from './stemmers.ts';
import type { TermDictionary } from './term-dictionary.ts';

/** 1 for UTF-16 code units that belong to words: letters, digits, combining marks, surrogates. */
const WORD_CHAR = (() => {
  const table = new Uint8Array(65536);
  const wordy = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = 1;
    else if (c < 128) table[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
    else table[c] = wordy.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
})();

export const MAX_WORD_LENGTH = 40;

/** Calls `each(start, end)` for every word of `text`. */
export function scanWords(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && WORD_CHAR[text.charCodeAt(i)] === 0) i++;
    const start = i;
    while (i < n && WORD_CHAR[text.charCodeAt(i)] === 1) i++;
    if (i > start) each(start, i);
  }
}

/** Receives the terms of one document with their weighted counts. */
export interface TermSink {
  add(termId: number, weight: number): void;
}

const SKIP = -1;

export class Analyzer {
  readonly dictionary: TermDictionary;
  readonly #languageIds = new Map<string, number>();
  readonly #stemmers: Array<Stem | undefined> = [];
  readonly #languages: string[] = [];
  #keys1 = new Int32Array(1 << 16);
  #keys2 = new Int32Array(1 << 16);
  #values = new Int32Array(1 << 16);
  #used = new Uint8Array(1 << 16);
  #size = 0;

  constructor(dictionary: TermDictionary) {
    this.dictionary = dictionary;
  }

  /** Distinct (language, word) pairs seen. */
  get cachedWords(): number {
    return this.#size;
  }

  /** Adds the terms of `text` (in `language`) to `sink`; returns the number of words indexed. */
  analyze(text: string, language: string, weight: number, sink: TermSink): number {
    const lang = this.#languageId(language);
    const n = text.length;
    let words = 0;
    let i = 0;
    while (i < n) {
      while (i < n && WORD_CHAR[text.charCodeAt(i)] === 0) i++;
      const start = i;
      let h1 = 0x811c9dc5 ^ lang;
      let h2 = 5381 + lang * 131;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (WORD_CHAR[c] === 0) break;
        h1 = Math.imul(h1 ^ c, 16777619);
        h2 = (Math.imul(h2, 33) ^ c) | 0;
        i++;
      }
      if (i === start) continue;
      const term = this.#lookup(h1, h2, text, start, i, lang);
      if (term !== SKIP) {
        sink.add(term, weight);
        words++;
      }
    }
    return words;
  }

  #lookup(h1: number, h2: number, text: string, start: number, end: number, lang: number): number {
    const mask = this.#keys1.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    while (this.#used[slot] === 1) {
      if (this.#keys1[slot] === h1 && this.#keys2[slot] === h2) return this.#values[slot]!;
      slot = (slot + 1) & mask;
    }
    const term = this.#termOf(text.substring(start, end), lang);
    this.#used[slot] = 1;
    this.#keys1[slot] = h1;
    this.#keys2[slot] = h2;
    this.#values[slot] = term;
    if (++this.#size * 2 > this.#keys1.length) this.#grow();
    return term;
  }

  #termOf(word: string, lang: number): number {
    if (word.length < 2 || word.length > MAX_WORD_LENGTH) return SKIP;
    const lower = word.toLowerCase();
    const folded = fold(lower);
    if (folded.length < 2 || isStopword(folded, this.#languages[lang])) return SKIP;
    const stem = this.#stemmers[lang];
    const term = stem ? fold(safeStem(stem, lower)) : folded;
    return this.dictionary.getOrAdd(term.length >= 2 ? term : folded);
  }

  #grow(): void {
    const [k1, k2, values, used] = [this.#keys1, this.#keys2, this.#values, this.#used];
    const size = k1.length * 2;
    this.#keys1 = new Int32Array(size);
    this.#keys2 = new Int32Array(size);
    this.#values = new Int32Array(size);
    this.#used = new Uint8Array(size);
    const mask = size - 1;
    for (let i = 0; i < k1.length; i++) {
      if (used[i] !== 1) continue;
      let slot = (k1[i]! ^ Math.imul(k2[i]!, 0x9e3779b1)) & mask;
      while (this.#used[slot] === 1) slot = (slot + 1) & mask;
      this.#used[slot] = 1;
      this.#keys1[slot] = k1[i]!;
      this.#keys2[slot] = k2[i]!;
      this.#values[slot] = values[i]!;
    }
  }

  #languageId(language: string): number {
    const base = baseLanguage(language);
    let id = this.#languageIds.get(base);
    if (id === undefined) {
      id = this.#languages.length;
      this.#languages.push(base);
      this.#stemmers.push(stemmerFor(base));
      this.#languageIds.set(base, id);
    }
    return id;
  }
}

/** The term a word of a known language gets in the index (for queries and lexicons). */
export function termOfWord(word: string, language: string): string | null {
  const lower = word.toLowerCase();
  const folded = fold(lower);
  if (folded.length < 2) return null;
  const stem = stemmerFor(language);
  const term = stem ? fold(safeStem(stem, lower)) : folded;
  return term.length >= 2 ? term : folded;
}
