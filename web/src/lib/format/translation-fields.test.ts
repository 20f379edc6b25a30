import { describe, expect, it } from 'vitest';
import { CATALOGS, format } from '../i18n/catalog.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { translationTextName } from './translation-fields.ts';

const t =
  (lang: 'en' | 'fr') =>
  (key: MessageKey, values?: Readonly<Record<string, string | number>>): string => {
    const message = CATALOGS[lang][key];
    return values ? format(message, values, lang) : message;
  };

describe('translationTextName (ADR 0053)', () => {
  it('names a list item’s text by what the item is, its name as written, and the text', () => {
    expect(translationTextName('services.k3f9a0c21.description', 'Interpreting on call', t('en'))).toBe(
      'Service: Interpreting on call — Description',
    );
    expect(translationTextName('services.k3f9a0c21.applicationProcess', 'Interprétation', t('fr'))).toBe(
      'Service : Interprétation — Comment en bénéficier',
    );
    // An item stored before ids is named by its position; a record's own texts by the field.
    expect(translationTextName('outcomes.2.description', '12 %', t('en'))).toBe('Outcome: 12 % — Description');
    expect(translationTextName('outcomes.k3f9a0c21.source.notes', null, t('en'))).toBe('Outcome — Note on the source');
    expect(translationTextName('summary', null, t('en'))).toBe('Summary');
    expect(translationTextName('migrantLed.governance', null, t('en'))).toBe('How governance involves people of foreign origin');
  });
});
