// Vocabularies of the synthetic texts: real words of each language, taken from the taxonomy
// labels (every concept has labels in the nine languages) and the search lexicon, plus the
// language's function words, so term frequencies look like text rather than random strings.
import { scanWords } from '../search/analyzer.ts';
import { CROSS_LANGUAGE_TERMS } from '../search/cross-language-terms.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

export const SYNTHETIC_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const;
export type SyntheticLanguage = (typeof SYNTHETIC_LANGUAGES)[number];

const FUNCTION_WORDS: Record<SyntheticLanguage, string> = {
  fr: 'de la le les des et pour avec dans un une du au aux sur par en qui',
  en: 'the and of for with in a to on by from that who our',
  it: 'di la il le e per con nel una un della del alle ai che sul',
  el: 'και του της των για με στο στη στην ένα μια από που το τα',
  bg: 'и на за в с от по при към като един една че се',
  sl: 'in na za v z s od pri kot ki je so se',
  ar: 'و في من على إلى مع عن التي الذي هذا',
  nl: 'de het een en van voor met in op door die dat',
  de: 'der die das und für mit in von zu auf bei eine ein den',
};

const TAIL_WORDS = 3_000;

export interface Vocabulary {
  content: string[];
  function: string[];
}

export function buildVocabularies(catalog: TaxonomyCatalog): Record<SyntheticLanguage, Vocabulary> {
  const out = {} as Record<SyntheticLanguage, Vocabulary>;
  for (const language of SYNTHETIC_LANGUAGES) {
    const fn = FUNCTION_WORDS[language].split(' ');
    const skip = new Set(fn.map((w) => w.toLowerCase()));
    const words = new Set<string>();
    const add = (text: string) =>
      scanWords(text, (start, end) => {
        const word = text.slice(start, end).toLowerCase();
        if (word.length >= 3 && !/^\d+$/.test(word) && !skip.has(word)) words.add(word);
      });
    for (const entry of Object.values(CROSS_LANGUAGE_TERMS)) add(entry[language]);
    for (const taxonomy of catalog.all()) {
      for (const concept of taxonomy.concepts) {
        const label = concept.labels[language];
        if (label) add(label);
        const definition = concept.definitions?.[language];
        if (definition) add(definition);
      }
    }
    // A fixed shuffle, so which words are frequent does not depend on where they came from.
    const content = [...words];
    let state = 0x9e3779b9 ^ language.charCodeAt(0) ^ (language.charCodeAt(1) << 8);
    for (let i = content.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const j = state % (i + 1);
      [content[i], content[j]] = [content[j]!, content[i]!];
    }
    // Real text has a long tail of rare words (names, compounds, jargon): made-up words spliced
    // from the start of one real word and the end of another, ranked after every real word.
    const tail = new Set<string>();
    for (let i = 0; tail.size < TAIL_WORDS && i < TAIL_WORDS * 4; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const a = content[state % content.length]!;
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const b = content[state % content.length]!;
      const word = a.slice(0, Math.max(3, Math.ceil(a.length / 2))) + b.slice(Math.floor(b.length / 2));
      if (!words.has(word)) tail.add(word);
    }
    out[language] = { content: [...content, ...tail], function: fn };
  }
  return out;
}
