import { describe, expect, it } from 'vitest';
import { languageCodeFor, typedLanguages } from './language-lookup.ts';

describe('languages typed by people', () => {
  it('turns a name in the reader’s language, in English or in itself into its code', () => {
    expect(languageCodeFor('tigrigna', 'fr')).toBe('ti');
    expect(languageCodeFor('Persan', 'fr')).toBe('fa');
    expect(languageCodeFor('Tigrinya', 'el')).toBe('ti');
    expect(languageCodeFor('العربية', 'fr')).toBe('ar');
    expect(languageCodeFor('pachto', 'fr')).toBe('ps');
    expect(languageCodeFor('sorani', 'fr')).toBe('ckb');
    expect(languageCodeFor('Central Kurdish', 'fr')).toBe('ckb');
    expect(languageCodeFor('Dari', 'en')).toBe('prs');
  });

  it('keeps codes as they are, and leaves what it cannot recognise as typed for the registry to refuse', () => {
    expect(languageCodeFor('ti', 'fr')).toBe('ti');
    expect(languageCodeFor('pt-BR', 'fr')).toBe('pt-BR');
    expect(languageCodeFor('klingonish', 'fr')).toBe('klingonish');
  });

  it('reads lists separated by commas, or by spaces when every part is a code', () => {
    expect(typedLanguages('tigrigna, persan; ps', 'fr')).toEqual(['ti', 'fa', 'ps']);
    expect(typedLanguages('ti fa  ps', 'fr')).toEqual(['ti', 'fa', 'ps']);
    expect(typedLanguages('Central Kurdish, ti', 'fr')).toEqual(['ckb', 'ti']);
    expect(typedLanguages('  ,, ', 'fr')).toEqual([]);
  });

  it('recognises the names each language’s hint gives as examples', () => {
    const examples = {
      fr: 'tigrigna, persan, pachto',
      en: 'Tigrinya, Persian, Pashto',
      it: 'tigrino, persiano, pashto',
      el: 'τιγκρινικά, περσικά, πάστο',
      bg: 'тигриня, персийски, пущу',
      sl: 'tigrajščina, perzijščina, paštunščina',
      ar: 'التغرينية، الفارسية، البشتو',
      nl: 'Tigrinya, Perzisch, Pasjtoe',
      de: 'Tigrinya, Persisch, Paschtu',
    } as const;
    for (const [lang, typed] of Object.entries(examples))
      expect([lang, typedLanguages(typed, lang as keyof typeof examples)]).toEqual([lang, ['ti', 'fa', 'ps']]);
  });
});
