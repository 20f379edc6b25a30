// The pieces of text analysis: folding, the word scanner, the Bulgarian stemmer, one-edit
// matching and the typo table.
import { describe, expect, it } from 'vitest';
import { Analyzer, scanWords, termOfWord } from './analyzer.ts';
import { stemBulgarian } from './bulgarian-stemmer.ts';
import { fold, stripArabicArticle } from './fold.ts';
import { TypoIndex, withinOneEdit } from './fuzzy.ts';
import { candidateLanguages, scriptOf } from './stemmers.ts';
import { TermDictionary } from './term-dictionary.ts';

describe('fold', () => {
  it('lower-cases and drops accents and marks in every script', () => {
    expect(fold('Interprétariat')).toBe('interpretariat');
    expect(fold('COÖPERATIE')).toBe('cooperatie');
    expect(fold('ΔΙΕΡΜΗΝΕΊΑ')).toBe('διερμηνεια');
    expect(fold('διερμηνείας')).toBe('διερμηνειασ');
    expect(fold('Slovenščina')).toBe('slovenscina');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('ﬁnance')).toBe('finance');
    expect(fold('Йордан')).toBe('иордан');
  });

  it('normalises Arabic lightly', () => {
    expect(fold('أحمد')).toBe('احمد');
    expect(fold('الْمَدْرَسَةُ')).toBe('المدرسه');
    expect(fold('العربيـــة')).toBe('العربيه');
    expect(fold('٢٠٢٦')).toBe('2026');
    expect(stripArabicArticle('المدرسه')).toBe('مدرسه');
    expect(stripArabicArticle('ال')).toBe('ال');
  });
});

describe('words', () => {
  const words = (text: string) => {
    const out: string[] = [];
    scanWords(text, (s, e) => out.push(text.slice(s, e)));
    return out;
  };

  it('splits on punctuation, apostrophes and hyphens, in any script', () => {
    expect(words("L'interprétariat socio-professionnel, 33 langues!")).toEqual([
      'L',
      'interprétariat',
      'socio',
      'professionnel',
      '33',
      'langues',
    ]);
    expect(words('professionnel·le·s « accueil »')).toEqual(['professionnel', 'le', 's', 'accueil']);
    expect(words('Κοινωνική διερμηνεία; Превод — الترجمة، مطبخ')).toEqual(['Κοινωνική', 'διερμηνεία', 'Превод', 'الترجمة', 'مطبخ']);
    expect(words('!!! ??? ---')).toEqual([]);
  });

  it('indexes each word once per language, skipping function words and single letters', () => {
    const analyzer = new Analyzer(new TermDictionary());
    const seen = new Map<number, number>();
    const sink = { add: (t: number, w: number) => seen.set(t, (seen.get(t) ?? 0) + w) };
    expect(analyzer.analyze("Les coopératives et la coopérative d'Anvers", 'fr', 1, sink)).toBe(3);
    const cooper = analyzer.dictionary.get('cooper')!;
    expect(seen.get(cooper)).toBe(2);
    expect(analyzer.dictionary.get('les')).toBeUndefined();
    expect(analyzer.dictionary.get('d')).toBeUndefined();
  });

  it('never lets a stemmer failure stop indexing', () => {
    expect(termOfWord('доброволци', 'bg')).toBe('доброволк');
    expect(termOfWord('Word', 'xx-unknown')).toBe('word');
  });

  it('picks the stemmers of a word by its script', () => {
    expect(scriptOf('διερμηνεία')).toBe('greek');
    expect(scriptOf('превод')).toBe('cyrillic');
    expect(scriptOf('ترجمة')).toBe('arabic');
    expect(scriptOf('tolmač')).toBe('latin');
    expect(candidateLanguages('cucina', 'it')[0]).toBe('it');
    expect(candidateLanguages('превод')).toEqual(['bg']);
  });
});

describe('Bulgarian stemmer', () => {
  it('gives singular, plural and definite forms one stem', () => {
    expect(stemBulgarian('кооперация')).toBe(stemBulgarian('кооперации'));
    expect(stemBulgarian('кооперацията')).toBe(stemBulgarian('кооперация'));
    expect(stemBulgarian('мигранти')).toBe(stemBulgarian('мигрант'));
    expect(stemBulgarian('пекарни')).toBe(stemBulgarian('пекарна'));
  });

  it('does not throw where the published port does', () => {
    expect(() => stemBulgarian('доброволци')).not.toThrow();
    expect(stemBulgarian('ян')).toBe('ян');
  });
});

describe('one typo', () => {
  it('accepts one insertion, deletion, substitution or swap, and nothing more', () => {
    expect(withinOneEdit('cooperative', 'cooperative')).toBe(true);
    expect(withinOneEdit('cooperative', 'coperative')).toBe(true);
    expect(withinOneEdit('cooperative', 'cooperativve')).toBe(true);
    expect(withinOneEdit('cooperative', 'cooperatice')).toBe(true);
    expect(withinOneEdit('cooperative', 'cooperaitve')).toBe(true);
    expect(withinOneEdit('cooperative', 'copeartive')).toBe(false);
    expect(withinOneEdit('abc', 'abcde')).toBe(false);
  });

  it('finds the terms one edit away through the deletion table', () => {
    const dictionary = new TermDictionary();
    for (const t of ['interpret', 'interpretariat', 'kitchen', 'kitten', 'cat']) dictionary.getOrAdd(t);
    const typos = new TypoIndex();
    typos.catchUp(dictionary);
    const found = (w: string) =>
      typos
        .candidates(w, dictionary, 10)
        .map((id) => dictionary.terms[id])
        .sort();
    expect(found('interprtariat')).toEqual(['interpretariat']);
    expect(found('kitchn')).toEqual(['kitchen']);
    expect(found('kitten')).toEqual(['kitten']);
    expect(found('cta')).toEqual([]);
    for (let i = 0; i < 20_000; i++) dictionary.getOrAdd(`word${i}`);
    typos.catchUp(dictionary);
    expect(found('wrod123')).toEqual(['word123']);
  });
});
