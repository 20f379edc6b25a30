// Bridges between languages at search time, with no cost in the index:
// - the lexicon (cross-language-terms.ts): a search word that is one of its words also searches
//   for the same idea in the other languages;
// - category names: a word of a sector, need, practice type or activity label (in any of the
//   nine languages of the taxonomies) also finds the listings filed under it, and a city's name
//   in any language finds the listings of its node.
import { termOfWord } from './analyzer.ts';
import type { FacetName } from './facets.ts';
import { fold } from './fold.ts';
import { scanWords } from './analyzer.ts';
import { isStopword } from './stopwords.ts';
import { baseLanguage } from './stemmers.ts';
import { CROSS_LANGUAGE_TERMS, type LexiconEntry } from './cross-language-terms.ts';

export interface CategoryValue {
  facet: FacetName;
  value: string;
}

export interface CategorySource {
  /** Concepts filed under a facet, with their labels by language. */
  concepts: Array<{ facet: FacetName; code: string; labels: Readonly<Record<string, string>> }>;
  /** City nodes with the names of their city by language. */
  nodes: Array<{ handle: string; names: ReadonlyArray<readonly [string, string]> }>;
}

/** Label words shared by more concepts than this in one facet say too little to match on. */
const MAX_CONCEPTS_PER_WORD = 3;

export class ConceptMatcher {
  readonly #lexicon = new Map<string, Set<number>>();
  readonly #conceptTerms: string[][] = [];
  readonly #categories = new Map<string, CategoryValue[]>();

  constructor(
    source: CategorySource = { concepts: [], nodes: [] },
    lexicon: Readonly<Record<string, LexiconEntry>> = CROSS_LANGUAGE_TERMS,
  ) {
    for (const entry of Object.values(lexicon)) {
      const concept = this.#conceptTerms.length;
      const terms = new Set<string>();
      for (const [language, words] of Object.entries(entry)) {
        for (const word of words.split(/\s+/).filter(Boolean)) {
          const stemmed = termOfWord(word, language);
          for (const key of [stemmed, fold(word.toLowerCase())]) {
            if (!key) continue;
            terms.add(key);
            let set = this.#lexicon.get(key);
            if (!set) this.#lexicon.set(key, (set = new Set()));
            set.add(concept);
          }
        }
      }
      this.#conceptTerms.push([...terms]);
    }
    const byKey = new Map<string, Map<FacetName, Set<string>>>();
    const note = (key: string, facet: FacetName, value: string) => {
      let facets = byKey.get(key);
      if (!facets) byKey.set(key, (facets = new Map()));
      let values = facets.get(facet);
      if (!values) facets.set(facet, (values = new Set()));
      values.add(value);
    };
    for (const { facet, code, labels } of source.concepts) {
      for (const [language, label] of Object.entries(labels)) {
        for (const key of labelKeys(label, language, 4)) note(key, facet, code);
      }
    }
    for (const { handle, names } of source.nodes) {
      for (const [language, name] of names) for (const key of labelKeys(name, language, 3)) note(key, 'node', handle);
    }
    for (const [key, facets] of byKey) {
      const values: CategoryValue[] = [];
      for (const [facet, set] of facets) {
        const limit = facet === 'node' ? 1 : MAX_CONCEPTS_PER_WORD;
        if (set.size <= limit) for (const value of set) values.push({ facet, value });
      }
      if (values.length) this.#categories.set(key, values);
    }
  }

  /** Terms of the ideas any of `keys` (a word's folded and stemmed forms) belongs to. */
  lexiconTerms(keys: Iterable<string>): string[] {
    const concepts = new Set<number>();
    for (const key of keys) for (const c of this.#lexicon.get(key) ?? []) concepts.add(c);
    const out = new Set<string>();
    for (const c of concepts) for (const t of this.#conceptTerms[c]!) out.add(t);
    return [...out];
  }

  /** Categories whose names contain one of `keys`. */
  categories(keys: Iterable<string>): CategoryValue[] {
    const out = new Map<string, CategoryValue>();
    for (const key of keys) for (const c of this.#categories.get(key) ?? []) out.set(`${c.facet}\u0000${c.value}`, c);
    return [...out.values()];
  }
}

function labelKeys(label: string, language: string, minLength: number): string[] {
  const keys = new Set<string>();
  const base = baseLanguage(language);
  scanWords(label, (start, end) => {
    const word = label.slice(start, end);
    const folded = fold(word.toLowerCase());
    if (folded.length < minLength || isStopword(folded, base)) return;
    keys.add(folded);
    const stemmed = termOfWord(word, base);
    if (stemmed && stemmed.length >= minLength - 1) keys.add(stemmed);
  });
  return [...keys];
}
