// Matching across the network's languages: for each of them a real word finds its inflected
// forms (stemming), whatever the case and accents; one typo is forgiven in words of 5 letters or
// more; a word of one language finds the same idea written in another (lexicon, categories).
import { describe, expect, it } from 'vitest';
import { ConceptMatcher } from './concept-matcher.ts';
import { find, ids, indexOf, listing } from './search-test-fixtures.ts';

/** [language, text of the listing, a search word in another inflected form]. */
const INFLECTED: Array<[string, string, string]> = [
  ['fr', 'Trois boulangeries solidaires du quartier', 'boulangerie'],
  ['en', 'A bakery run by newcomers', 'bakeries'],
  ['it', 'Rete di sartorie sociali', 'sartoria'],
  ['el', 'Κοινωνικό αρτοποιείο της γειτονιάς', 'αρτοποιεία'],
  ['bg', 'Социални пекарни в квартала', 'пекарна'],
  ['sl', 'Socialne pekarne v mestu', 'pekarna'],
  ['ar', 'المدرسة المجتمعية للغات', 'مدرسة'],
  ['nl', 'Sociale bakkerijen in de wijk', 'bakkerij'],
  ['de', 'Soziale Bäckereien im Viertel', 'Bäckerei'],
];

describe('multilingual matching', () => {
  const docs = INFLECTED.map(([language, text], i) => listing(`${language}-${i}`, { text, language }));
  const index = indexOf([...docs, listing('unrelated', { text: 'Repair café for bicycles and radios', language: 'en' })]);

  for (const [language, text, word] of INFLECTED) {
    it(`finds "${text}" (${language}) with "${word}"`, () => {
      const result = find(index, { text: word });
      expect(ids(result)).toContain(`${language}-${INFLECTED.findIndex((x) => x[0] === language)}`);
      expect(ids(result)).not.toContain('unrelated');
    });
  }

  it('ignores case and accents', () => {
    expect(ids(find(index, { text: 'BOULANGERIE' }))).toEqual(['fr-0']);
    expect(ids(find(index, { text: 'Backerei' }))).toEqual(['de-8']);
    expect(ids(find(index, { text: 'ΑΡΤΟΠΟΙΕΙΟ' }))).toEqual(['el-3']);
    expect(ids(find(index, { text: 'αρτοποιειο' }))).toEqual(['el-3']);
  });

  it('forgives one typo in words of five letters or more, not in shorter ones', () => {
    expect(ids(find(index, { text: 'boulangeire' }))).toContain('fr-0'); // two letters swapped
    expect(ids(find(index, { text: 'bakkerj' }))).toContain('nl-7'); // a letter missing
    expect(ids(find(index, { text: 'πεκαρνα' }))).toEqual([]); // another script: no match
    expect(ids(find(index, { text: 'pekarnq' }))).toContain('sl-5'); // a wrong letter
    // A typo in the ending that changes the stem (carpentry → "carpentri", carpentyr → itself).
    const workshop = indexOf([
      listing('carpentry', { text: 'Social carpentry workshop', language: 'en' }),
      listing('bike', { text: 'Bicycle repair', language: 'en' }),
    ]);
    expect(ids(find(workshop, { text: 'carpentyr' }))).toEqual(['carpentry']);
    const short = indexOf([listing('radio', { text: 'radio club' })]);
    expect(ids(find(short, { text: 'club' }))).toEqual(['radio']);
    expect(ids(find(short, { text: 'clab' }))).toEqual([]);
  });

  it('finds a word of one language in listings written in another, through the lexicon', () => {
    const univerbal = listing('univerbal', {
      texts: [
        { language: 'fr', text: "Service d'interprétariat social", weight: 1 },
        { language: 'en', text: 'Social interpreting service', weight: 1 },
      ],
    });
    const kitchen = listing('kitchen', { text: 'Cooperativa di cucina', language: 'it' });
    const multi = indexOf([univerbal, kitchen, listing('other', { text: 'Bicycle repair' })]);
    for (const word of [
      'interprétariat',
      'interpreting',
      'διερμηνεία',
      'Dolmetschen',
      'tolmačenje',
      'превод',
      'ترجمة',
      'tolken',
      'interpretariato',
    ]) {
      expect(ids(find(multi, { text: word })), word).toEqual(['univerbal']);
    }
    for (const word of ['coopérative', 'συνεταιρισμός', 'кооперации', 'zadruge', 'Genossenschaft', 'coöperaties', 'تعاونية']) {
      expect(ids(find(multi, { text: word })), word).toEqual(['kitchen']);
    }
  });

  it('finds listings filed under a category named in any language, and a city by its name in any language', () => {
    const matcher = new ConceptMatcher({
      concepts: [{ facet: 'sector', code: 'AM40', labels: { en: 'Education', el: 'Εκπαίδευση', bg: 'Образование' } }],
      nodes: [
        {
          handle: 'milan',
          names: [
            ['und', 'Milano'],
            ['en', 'Milan'],
            ['el', 'Μιλάνο'],
          ],
        },
      ],
    });
    const index2 = indexOf([
      listing('school', { text: 'Evening classes', sector: ['AM40'] }),
      listing('milan-1', { node: 'milan', text: 'Kitchen' }),
      listing('none', { text: 'Nothing here' }),
    ]);
    expect(ids(find(index2, { text: 'εκπαίδευση' }, matcher))).toEqual(['school']);
    expect(ids(find(index2, { text: 'Μιλάνο' }, matcher))).toEqual(['milan-1']);
    expect(ids(find(index2, { text: 'milan' }, matcher))).toEqual(['milan-1']);
  });

  it('requires every word, but not function words', () => {
    const index3 = indexOf([listing('a', { text: 'food cooperative' }), listing('b', { text: 'food bank' })]);
    expect(ids(find(index3, { text: 'food cooperative' }))).toEqual(['a']);
    expect(ids(find(index3, { text: 'the food of the bank' }))).toEqual(['b']);
    expect(find(index3, { text: 'the food of the bank' }).terms).toEqual(['food', 'bank']);
  });

  it('ranks exact and stemmed matches above fuzzy ones, and names above descriptions', () => {
    const index4 = indexOf([
      listing('exact', { texts: [{ language: 'en', text: 'Bakery', weight: 3 }] }),
      listing('in-text', { text: 'We run a bakery and more things besides it' }),
      listing('typo', { text: 'bakers club' }),
    ]);
    const result = find(index4, { text: 'bakery' });
    expect(result.hits[0]!.id).toBe('exact');
    expect(result.hits[1]!.id).toBe('in-text');
  });
});
