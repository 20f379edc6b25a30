// The adoption form's reading and its changes: figures as people write them, texts of one language
// merged into the others, the working title replaced, and a stage's day not carried to the next.
import { describe, expect, it } from 'vitest';
import { adoptionChanges, checkAdoptionForm, currentAdoptionForm, type AdoptionForm, type AdoptionRecordShape } from './adoption-form.ts';

const draft: AdoptionRecordShape = {
  handle: 'adopting-liege-pt4-one-stop-shop',
  practice: 'https://liege.example/practices/liege-pt4-one-stop-shop',
  stage: 'adopting',
  stageDates: { adopting: '2026-12-07' },
  title: { fr: 'Guichet unique municipal' },
  originalLanguage: 'fr',
};
const posted = (changes: Partial<AdoptionForm> = {}): AdoptionForm => ({
  ...currentAdoptionForm(draft, 'it'),
  title: 'Lo sportello unico, a Milano',
  ...changes,
});

describe('the adoption form', () => {
  it('takes figures as people write them, and refuses words', () => {
    const value = (outcomeValue: string) =>
      adoptionChanges(draft, posted({ outcomeValue, outcomeDescription: 'Persone accolte' })).outcomes?.[0]?.value;
    expect(value('120')).toBe(120);
    expect(value('1 200')).toBe(1200);
    expect(value('12,5')).toBe(12.5);
    expect(checkAdoptionForm(posted({ outcomeValue: 'centoventi', outcomeDescription: 'Persone' })).fields).toEqual({
      'adopt-outcome-value': { key: 'adoptErrorOutcomeValue' },
    });
    expect(checkAdoptionForm(posted({ outcomeValue: '120' })).fields).toEqual({
      'adopt-outcome-description': { key: 'adoptErrorOutcomeDescription' },
    });
    expect(checkAdoptionForm(posted({ why: 'Perché' })).fields).toEqual({ 'adopt-change': { key: 'adoptErrorChange' } });
    expect(checkAdoptionForm(posted({ title: '', stage: 'FINISHED' })).fields).toEqual({
      'adopt-stage': { key: 'adoptErrorStage' },
      'adopt-title': { key: 'adoptErrorTitle' },
    });
  });

  it('replaces the working title of a new draft, and keeps the other languages of a written record', () => {
    expect(adoptionChanges(draft, posted()).title).toEqual([{ language: 'it', text: 'Lo sportello unico, a Milano' }]);
    const written = {
      ...draft,
      title: { fr: 'Le guichet, à Milan', it: 'Lo sportello' },
      kept: { fr: 'Un seul lieu.' },
      originalLanguage: 'it',
    };
    const changes = adoptionChanges(written, posted({ kept: 'Un solo luogo.' }));
    expect(changes.title).toEqual([
      { language: 'fr', text: 'Le guichet, à Milan' },
      { language: 'it', text: 'Lo sportello unico, a Milano' },
    ]);
    expect(changes.kept).toEqual([
      { language: 'fr', text: 'Un seul lieu.' },
      { language: 'it', text: 'Un solo luogo.' },
    ]);
  });

  it('dates the stage chosen, without carrying the previous stage’s day to it, and sends no nulls inside', () => {
    expect(adoptionChanges(draft, posted({ stage: 'ADAPTING' })).stageDates).toEqual({ adopting: '2026-12-07' });
    expect(adoptionChanges(draft, posted({ stage: 'ADAPTING', stageDate: '2027-01' })).stageDates).toEqual({
      adopting: '2026-12-07',
      adapting: '2027-01',
    });
    const outcome = adoptionChanges(draft, posted({ outcomeValue: '3', outcomeDescription: 'x' })).outcomes?.[0];
    expect(Object.values(outcome ?? {})).not.toContain(null);
    expect(adoptionChanges(draft, posted()).changes).toBeNull();
  });
});
