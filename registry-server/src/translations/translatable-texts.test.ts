import { describe, expect, it } from 'vitest';
import {
  recordStatus,
  sourceHash,
  textsOf,
  textStatuses,
  trackTranslationSources,
  withItemIds,
  withTranslation,
} from './translatable-texts.ts';

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

describe('withItemIds (ADR 0053)', () => {
  const LISTS = { fields: [], lists: [{ field: 'services', texts: ['name'] }] };
  type Listed = {
    originalLanguage: string;
    services?: Array<Record<string, unknown>>;
    translationSources?: Record<string, Record<string, string>>;
  };
  let n = 0;
  const fresh = () => `knew${String(++n).padStart(4, '0')}`;
  const svc = (fr: string, extra: Record<string, unknown> = {}) => ({ name: { fr, it: `${fr} (it)` }, ...extra });

  it('gives items stored before ids an id and moves their bookkeeping from the position to it', () => {
    const old: Listed = { originalLanguage: 'fr', services: [svc('A'), svc('B')], translationSources: { 'services.1.name': { it: 'h1' } } };
    const { previous, next } = withItemIds(old, { ...old }, LISTS, fresh);
    const ids = previous!.services!.map((s) => s.id);
    expect(ids).toEqual(['knew0001', 'knew0002']);
    expect(previous!.translationSources).toEqual({ 'services.knew0002.name': { it: 'h1' } });
    // The same items sent back without ids (a client from before ids) keep them, by place.
    expect(next.services!.map((s) => s.id)).toEqual(ids);
  });

  it('keeps an id sent back wherever its item moved; an item without one takes the place’s id unless claimed', () => {
    const stored: Listed = { originalLanguage: 'fr', services: [svc('A', { id: 'kaaaaaa' }), svc('B', { id: 'kbbbbbb' })] };
    const sent: Listed = { originalLanguage: 'fr', services: [svc('B', { id: 'kbbbbbb' }), svc('C'), svc('A', { id: 'kaaaaaa' })] };
    expect(withItemIds(stored, sent, LISTS, fresh).next.services!.map((s) => s.id)).toEqual(['kbbbbbb', 'knew0003', 'kaaaaaa']);
    const twice: Listed = { originalLanguage: 'fr', services: [svc('A', { id: 'kaaaaaa' }), svc('A2', { id: 'kaaaaaa' })] };
    expect(withItemIds(stored, twice, LISTS, fresh).next.services!.map((s) => s.id)).toEqual(['kaaaaaa', 'kbbbbbb']);
  });

  it('leaves a malformed id for the schema to refuse, and tracks texts under the ids so a reorder changes nothing', () => {
    const bad: Listed = { originalLanguage: 'fr', services: [svc('A', { id: '7 bad' })] };
    expect(withItemIds(undefined, bad, LISTS, fresh).next.services![0]!.id).toBe('7 bad');
    const stored: Listed = {
      originalLanguage: 'fr',
      services: [svc('A', { id: 'kaaaaaa' }), svc('B', { id: 'kbbbbbb' })],
      translationSources: { 'services.kaaaaaa.name': { it: sourceHash('A') }, 'services.kbbbbbb.name': { it: sourceHash('B') } },
    };
    const reordered = { ...stored, services: [...stored.services!].reverse() };
    const { previous, next } = withItemIds(stored, reordered, LISTS, fresh);
    expect(trackTranslationSources(previous, next, LISTS)).toEqual(stored.translationSources);
    expect(textsOf(next, 'services.kbbbbbb.name')).toEqual({ fr: 'B', it: 'B (it)' });
  });
});
