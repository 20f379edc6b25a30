import { describe, expect, it } from 'vitest';
import { CATALOGS, format, languageName, type MessageKey } from '../../i18n/catalog.ts';
import { changeLabel, valueText } from './value-change-text.ts';
import { NAMED_FIELDS, NAMED_PARTS, fieldNameKey, partNameKey } from './field-names.ts';
import initiativeSchema from '../../../../../schemas/records/initiative.schema.json' with { type: 'json' };
import practiceSchema from '../../../../../schemas/records/good-practice.schema.json' with { type: 'json' };
import commonSchema from '../../../../../schemas/records/common.schema.json' with { type: 'json' };

const wordsIn = (lang: 'fr' | 'en' | 'ar') => ({
  t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => format(CATALOGS[lang][key], values ?? {}, lang),
  languageName: (tag: string) => languageName(tag, lang),
});

describe('changed values in words', () => {
  it('labels a text by field and language, in the reader’s language', () => {
    expect(changeLabel({ path: 'summary.en', field: 'summary', language: 'en' }, wordsIn('fr'))).toBe('Résumé — anglais');
    expect(changeLabel({ path: 'summary.en', field: 'summary', language: 'en' }, wordsIn('en'))).toBe('Summary — English');
  });

  it('labels parts of structured fields and list items', () => {
    const fr = wordsIn('fr');
    expect(changeLabel({ path: 'contact.visibility.phone', field: 'contact' }, fr)).toBe('Contact — Qui voit le numéro de téléphone');
    expect(changeLabel({ path: 'services.1.name.ar', field: 'services', language: 'ar' }, fr)).toBe('Services, n° 2 — Nom — arabe');
    expect(changeLabel({ path: 'needs.kitchen.type', field: 'needs', itemInWords: 'Cuisine' }, fr)).toBe('Besoins — Cuisine — Besoin');
    expect(changeLabel({ path: 'needs.kitchen.type', field: 'needs' }, fr)).toBe('Besoins — kitchen — Besoin');
  });

  it('puts coded values in words and leaves other values as they are', () => {
    const en = wordsIn('en');
    const phone = { path: 'contact.visibility.phone', field: 'contact' };
    expect(valueText(phone, 'signed-in', null, en)).toBe(CATALOGS.en.visibilitySignedIn);
    expect(valueText(phone, null, null, en)).toBeNull();
    expect(valueText({ path: 'languagesOffered', field: 'languagesOffered' }, 'fr, ar', 'French, Arabic', en)).toBe('French, Arabic');
    expect(valueText({ path: 'contact.relay', field: 'contact' }, 'false', null, en)).toBe('No');
    expect(valueText({ path: 'status', field: 'status' }, 'dormant', null, en)).toBe(CATALOGS.en.statusDormant);
    expect(valueText({ path: 'website', field: 'website' }, 'https://a.org', null, en)).toBe('https://a.org');
  });

  it('has words for every field of both records and every part of their structured fields', () => {
    const fields = [...Object.keys(initiativeSchema.properties), ...Object.keys(practiceSchema.properties)];
    expect(fields.filter((f) => !fieldNameKey(f))).toEqual([]);
    expect(NAMED_FIELDS.length).toBeGreaterThan(40);
    const parts = (
      properties: Record<string, { properties?: Record<string, unknown>; items?: { properties?: Record<string, unknown> } }>,
    ) => Object.values(properties).flatMap((p) => Object.keys(p.properties ?? p.items?.properties ?? {}));
    const shared = ['keyFigure', 'link', 'sourceReference'].flatMap((d) => Object.keys((commonSchema.$defs as never)[d]['properties']));
    const missing = [...parts(initiativeSchema.properties as never), ...parts(practiceSchema.properties as never), ...shared].filter(
      // A list item's id is the registry's bookkeeping (ADR 0053): no comparison ever shows it.
      (part) => part !== 'visibility' && part !== 'geo' && part !== 'id' && !partNameKey(part),
    );
    expect(missing).toEqual([]);
    expect(NAMED_PARTS).toContain('visibility.phone');
  });
});
