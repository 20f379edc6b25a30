import { describe, expect, it } from 'vitest';
import { EXPLANATION_LANGUAGES } from './match-explanations.ts';
import { MIN_BIDDERS, suggest, suggestionWords, SUGGESTION_LANGUAGES } from './potential-suggestion.ts';

describe('what the network potential suggests', () => {
  it.each([
    [10, 3, 'reserve-contract'],
    [3, 3, 'reserve-contract'],
    [10, 2, 'reserve-lot'],
    [3, 1, 'reserve-lot'],
    [10, 0, 'social-clause'],
    [3, 0, 'social-clause'],
    [2, 2, 'widen-area'],
    [2, 0, 'widen-area'],
    [0, 0, 'widen-area'],
  ])('%i capable, %i eligible → %s', (capable, eligible, code) => {
    expect(suggest(capable, eligible)).toEqual({ code, capable, eligible });
  });

  it('says the rule with the counts and the threshold', () => {
    expect(suggestionWords(suggest(7, 2), 'en')).toEqual({
      label: 'Reserve a lot',
      rule: 'Eligible initiatives: 2, fewer than 3; initiatives that could answer in all: 7: reserve one lot and keep the rest open.',
    });
    expect(suggestionWords(suggest(7, 4), 'fr').rule).toBe(
      'Initiatives éligibles : 4, au moins 3 : assez de concurrence pour réserver le marché (article 20 ou 77 de la directive 2014/24/UE).',
    );
  });

  it('is written in every language of the site, each in its own words', () => {
    expect([...SUGGESTION_LANGUAGES].sort()).toEqual([...EXPLANATION_LANGUAGES].sort());
    for (const lang of EXPLANATION_LANGUAGES)
      for (const [capable, eligible] of [
        [9, 4],
        [9, 1],
        [9, 0],
        [1, 0],
      ] as const) {
        const words = suggestionWords(suggest(capable, eligible), lang);
        expect(words.rule, lang).not.toMatch(/[{}]/);
        expect(words.rule, lang).toContain(String(MIN_BIDDERS));
        if (lang !== 'en') expect(words.label).not.toBe(suggestionWords(suggest(capable, eligible), 'en').label);
      }
  });
});
