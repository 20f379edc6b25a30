import { describe, expect, it } from 'vitest';
import { recordStatus, sourceHash, textStatuses, trackTranslationSources, withTranslation } from './translatable-texts.ts';

const TEXTS = { fields: ['summary', 'description'] };
type Texts = { originalLanguage: string; summary: Record<string, string>; translationSources?: Record<string, Record<string, string>> };
const base: Texts = {
  originalLanguage: 'fr',
  summary: { fr: 'Interprétariat social', en: 'Social interpreting' },
};

describe('trackTranslationSources', () => {
  it('records, for texts written together, the source each translation was made from', () => {
    expect(trackTranslationSources(undefined, base, TEXTS)).toEqual({ summary: { en: sourceHash('Interprétariat social') } });
  });

  it('makes a translation out of date when only the source changes, even one never tracked before', () => {
    const edited = { ...base, summary: { ...base.summary, fr: 'Interprétariat social à Liège' } };
    const sources = trackTranslationSources(base, edited, TEXTS);
    expect(sources).toEqual({ summary: { en: sourceHash('Interprétariat social') } });
    expect(textStatuses({ ...edited, translationSources: sources }, TEXTS)[0]!.outdated).toEqual(['en']);
  });

  it('makes a translation current again when it is rewritten with the new source', () => {
    const previous: Texts = { ...base, translationSources: { summary: { en: sourceHash('old') } } };
    const next = { ...base, summary: { fr: 'Nouveau', en: 'New' } };
    expect(trackTranslationSources(previous, next, TEXTS)).toEqual({ summary: { en: sourceHash('Nouveau') } });
  });

  it('never takes the sources a caller sent: they are computed from what was stored', () => {
    const previous: Texts = { ...base, translationSources: { summary: { en: sourceHash('old') } } };
    const forged = { ...base, translationSources: { summary: { en: sourceHash('Interprétariat social') } } };
    expect(trackTranslationSources(previous, forged, TEXTS)).toEqual({ summary: { en: sourceHash('old') } });
  });

  it('forgets languages and fields that are gone, and ignores fields that are not declared', () => {
    const previous: Texts = { ...base, translationSources: { summary: { en: 'x', de: 'y' }, mission: { en: 'z' } } };
    expect(trackTranslationSources(previous, { ...base, summary: { fr: 'Interprétariat social' } }, TEXTS)).toBeUndefined();
  });
});

describe('textStatuses and recordStatus', () => {
  it('lists languages present (source first), out of date and missing among the network languages', () => {
    const record = withTranslation({ ...base, description: { fr: 'Longue description' } }, 'summary', 'it', 'Interpretariato sociale');
    const statuses = textStatuses({ ...record, summary: { ...record.summary, fr: 'Changé' } }, TEXTS);
    expect(statuses[0]).toMatchObject({ field: 'summary', sourceLanguage: 'fr', available: ['fr', 'en', 'it'], outdated: ['it'] });
    expect(statuses[0]!.missing).toEqual(['el', 'bg', 'sl', 'ar', 'nl', 'de']);
    expect(recordStatus(statuses)).toMatchObject({ available: ['fr'], outdated: ['it'], partial: ['en', 'it'] });
    expect(recordStatus(statuses).missing).toEqual(['el', 'bg', 'sl', 'ar', 'nl', 'de']);
  });

  it('does not judge a translation whose source was never recorded (a partner’s copy)', () => {
    expect(textStatuses({ ...base, summary: { fr: 'Changé', en: 'Old' } }, TEXTS)[0]!.outdated).toEqual([]);
  });
});
