import { describe, expect, it } from 'vitest';
import type { OrganisationChoicesQuery } from '../../generated/operation-types.ts';
import { organisationChoices } from './organisation-choices.ts';

const concepts = (...pairs: Array<[string, string]>) => ({ concepts: pairs.map(([code, label]) => ({ code, label })) });

const data: OrganisationChoicesQuery = {
  sectors: concepts(['AM80', 'Santé'], ['AM60', 'Alimentation']),
  activities: concepts(),
  legalForms: concepts(['L4', 'Association']),
  nationalLegalForms: { concepts: [{ code: 'BE-ASBL', label: 'Association sans but lucratif (ASBL)', country: 'BE' }] },
  structures: concepts(),
  qualifiers: concepts(),
  principles: concepts(),
  membershipTypes: concepts(),
  initiatives: {
    edges: [
      { node: { slug: 'univerbal', name: { text: 'Univerbal' } } },
      { node: { slug: 'atemos', name: { text: 'Ateliers Émergence' } } },
      { node: { slug: 'sirius-hub', name: { text: 'Sirius Hub' } } },
    ],
  },
  goodPractices: { edges: [{ node: { slug: 'liege-pt7', title: { text: 'Tiers-lieu' } } }] },
};

describe('organisationChoices', () => {
  it('keeps the taxonomy’s order and labels, and names a national form’s country in the reader’s language', () => {
    const choices = organisationChoices(data, 'fr', 'univerbal');
    expect(choices.sectors).toEqual([
      { value: 'AM80', label: 'Santé' },
      { value: 'AM60', label: 'Alimentation' },
    ]);
    expect(choices.nationalLegalForms[0]).toEqual({ value: 'BE-ASBL', label: 'Association sans but lucratif (ASBL)', detail: 'Belgique' });
    expect(organisationChoices(data, 'it', 'univerbal').nationalLegalForms[0]?.detail).toBe('Belgio');
  });

  it('offers the node’s other initiatives by name, never the initiative itself, sorted the reader’s way', () => {
    expect(organisationChoices(data, 'fr', 'univerbal').initiatives.map((item) => item.value)).toEqual(['atemos', 'sirius-hub']);
    expect(organisationChoices(data, 'fr', 'univerbal').practices).toEqual([{ value: 'liege-pt7', label: 'Tiers-lieu' }]);
  });

  it('names every language in the reader’s language, including one offered outside the usual list', () => {
    const french = organisationChoices(data, 'fr', 'univerbal', ['tzm']).languages;
    expect(french.find((item) => item.value === 'ti')?.label).toBe('tigrigna');
    expect(french.find((item) => item.value === 'tzm')).toBeDefined();
    const arabic = organisationChoices(data, 'ar', 'univerbal').languages;
    expect(arabic.find((item) => item.value === 'fr')?.label).toBe('الفرنسية');
    // No language is left with its bare code in any interface language.
    for (const lang of ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const)
      for (const item of organisationChoices(data, lang, 'x').languages)
        expect(item.label, `${item.value} in ${lang}`).not.toBe(item.value);
  });
});
