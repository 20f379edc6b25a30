import { describe, expect, it } from 'vitest';
import {
  chosenFirst,
  foldForSearch,
  matchesFilter,
  shownValues,
  visibleValues,
  withChosenValues,
  type PickerItem,
} from './picker-filter.ts';

const SECTORS: PickerItem[] = [
  { value: 'AM10', label: 'Arts, médias, culture et loisirs' },
  { value: 'AM40', label: 'Éducation' },
  { value: 'AM60', label: 'Alimentation' },
  { value: 'AM80', label: 'Santé et action sociale' },
  { value: 'AM130', label: 'Économie sociale et solidaire' },
];

describe('picker filter', () => {
  it('ignores case and accents, as typed on a phone', () => {
    expect(foldForSearch('  Économie   SOCIALE ')).toBe('economie sociale');
    expect([...visibleValues(SECTORS, 'economie')]).toEqual(['AM130']);
    expect([...visibleValues(SECTORS, 'SANTE')]).toEqual(['AM80']);
    expect([...visibleValues(SECTORS, 'education')]).toEqual(['AM40']);
  });

  it('needs every word typed, in any order, in the label or the code', () => {
    expect([...visibleValues(SECTORS, 'sociale action')]).toEqual(['AM80']);
    expect([...visibleValues(SECTORS, 'sociale')]).toEqual(['AM80', 'AM130']);
    expect([...visibleValues(SECTORS, 'am60')]).toEqual(['AM60']);
    expect([...visibleValues(SECTORS, 'sociale pizza')]).toEqual([]);
  });

  it('shows everything for an empty or blank filter', () => {
    expect(visibleValues(SECTORS, '').size).toBe(5);
    expect(visibleValues(SECTORS, '   ').size).toBe(5);
  });

  it('searches the detail line too, and works in other scripts', () => {
    expect(matchesFilter({ value: 'BE-ASBL', label: 'Association sans but lucratif', detail: 'Belgique' }, 'belg')).toBe(true);
    expect(matchesFilter({ value: 'AM40', label: 'التعليم' }, 'التعليم')).toBe(true);
    expect(matchesFilter({ value: 'AM40', label: 'Εκπαίδευση' }, 'εκπαιδευση')).toBe(true);
    expect(matchesFilter({ value: 'x', label: 'Иньекция' }, 'зз')).toBe(false);
  });

  it('lists the chosen items first, each group in its own order', () => {
    expect(chosenFirst(SECTORS, ['AM80', 'AM10']).map((item) => item.value)).toEqual(['AM10', 'AM80', 'AM40', 'AM60', 'AM130']);
    expect(chosenFirst(SECTORS, []).map((item) => item.value)).toEqual(['AM10', 'AM40', 'AM60', 'AM80', 'AM130']);
  });

  it('keeps chosen values the list does not know, so a save does not drop them', () => {
    const items = withChosenValues(SECTORS.slice(0, 2), ['AM40', 'XX9', 'XX9']);
    expect(items.map((item) => item.value)).toEqual(['AM10', 'AM40', 'XX9']);
    expect(items.at(-1)).toEqual({ value: 'XX9', label: 'XX9' });
  });

  it('folds a long list to the values kept in view, and unfolds it for a filter', () => {
    const kept = new Set(['AM80', 'AM40']);
    expect([...shownValues(SECTORS, { filter: '', folded: true, kept })]).toEqual(['AM40', 'AM80']);
    expect(shownValues(SECTORS, { filter: '', folded: false, kept }).size).toBe(5);
    // A filter searches the whole list, folded or not.
    expect([...shownValues(SECTORS, { filter: 'alim', folded: true, kept })]).toEqual(['AM60']);
    expect(shownValues(SECTORS, { filter: ' ', folded: true, kept: new Set() }).size).toBe(0);
  });
});
