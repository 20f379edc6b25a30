// How a search word is understood: its folded form, its stems in every language of its script,
// the same idea in the other languages (lexicon), its one-typo neighbours (of the word and of its
// stems: the index holds stems), the words it starts with (a shorter stem) and the words starting
// with it, and the categories (sectors, needs, practice types, cities) it names. Each way of
// matching has a weight, so exact and stemmed matches rank above fuzzy ones.
import { scanWords, MAX_WORD_LENGTH } from './analyzer.ts';
import type { CategoryValue, ConceptMatcher } from './concept-matcher.ts';
import { fold, stripArabicArticle } from './fold.ts';
import type { SearchIndex } from './search-index.ts';
import { candidateLanguages, safeStem, stemmerFor } from './stemmers.ts';
import { isStopwordIn } from './stopwords.ts';

export const MAX_QUERY_WORDS = 10;
export const MIN_FUZZY_LENGTH = 5;

export const WEIGHTS = { exact: 1, lexicon: 0.8, truncated: 0.5, typo: 0.6, prefix: 0.4, category: 0.5 } as const;

export interface QueryWord {
  /** The word folded, as reported in `terms`. */
  folded: string;
  /** A function word: it adds to the score but does not have to match. */
  optional: boolean;
  /** Term id → weight (the best way it matched). */
  expansions: Map<number, number>;
  categories: CategoryValue[];
}

/** Words of a search text (at most MAX_QUERY_WORDS), expanded against the index. */
export function queryWords(text: string, index: SearchIndex, matcher: ConceptMatcher, language?: string): QueryWord[] {
  const raw: string[] = [];
  scanWords(text, (start, end) => {
    if (raw.length < MAX_QUERY_WORDS * 3 && end - start <= MAX_WORD_LENGTH) raw.push(text.slice(start, end));
  });
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const word of raw) {
    const lower = word.toLowerCase();
    const folded = fold(lower);
    if (folded.length < 2 || seen.has(folded)) continue;
    seen.add(folded);
    words.push(expand(lower, folded, index, matcher, language));
    if (words.length >= MAX_QUERY_WORDS) break;
  }
  // A search made only of function words ("the", "και") still means them.
  if (words.length > 0 && words.every((w) => w.optional)) for (const w of words) w.optional = false;
  return words;
}

function expand(lower: string, folded: string, index: SearchIndex, matcher: ConceptMatcher, language?: string): QueryWord {
  const dictionary = index.dictionary;
  const languages = candidateLanguages(folded, language);
  const expansions = new Map<number, number>();
  const offer = (term: string | undefined | null, weight: number) => {
    if (!term) return;
    const id = dictionary.get(term);
    if (id !== undefined && (expansions.get(id) ?? 0) < weight) expansions.set(id, weight);
  };
  const keys = new Set<string>([folded]);
  for (const lang of languages) {
    const stem = stemmerFor(lang);
    keys.add(fold(safeStem(stem, lower)));
    if (lower !== folded) keys.add(fold(safeStem(stem, folded)));
  }
  if (languages.includes('ar')) keys.add(stripArabicArticle(folded));
  for (const key of keys) offer(key, WEIGHTS.exact);
  for (const term of matcher.lexiconTerms(keys)) offer(term, WEIGHTS.lexicon);
  if (folded.length >= MIN_FUZZY_LENGTH) {
    for (let length = folded.length - 1; length >= Math.max(4, folded.length - 3); length--)
      offer(folded.slice(0, length), WEIGHTS.truncated);
    for (const key of keys) {
      if (key.length < MIN_FUZZY_LENGTH - 1) continue;
      for (const id of index.typos.candidates(key, dictionary, 20)) offer(dictionary.terms[id], WEIGHTS.typo);
    }
    // Longer words starting with the word or one of its stems (a word being typed, a compound).
    for (const key of keys) {
      if (key.length < MIN_FUZZY_LENGTH) continue;
      for (const id of dictionary.withPrefix(key, 30)) offer(dictionary.terms[id], WEIGHTS.prefix);
    }
    // A typo in the ending can change the stem itself ("carpentyr" is not one edit from the
    // stem "carpentri"): stems that start with the word less its last one or two letters.
    for (let length = folded.length - 1; length >= Math.max(6, folded.length - 2); length--) {
      for (const id of dictionary.withPrefix(folded.slice(0, length), 10)) offer(dictionary.terms[id], WEIGHTS.typo);
    }
  }
  return {
    folded,
    optional: isStopwordIn(folded, languages.length ? languages : ['en']),
    expansions,
    categories: matcher.categories(keys),
  };
}
