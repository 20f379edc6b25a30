import { describe, expect, it } from 'vitest';
import {
  eligibilityChanges,
  eligibilityFieldIds,
  eligibilityFormFromRecord,
  readEligibilityForm,
  type EligibilityForm,
  type EligibilityRecord,
} from './eligibility-form.ts';

const record = {
  handle: 'univerbal',
  name: { fr: 'Univerbal' },
  originalLanguage: 'fr',
  eligibility: [{ basis: 'be-insertion', evidence: { fr: 'Agrément wallon', en: 'Walloon accreditation' }, evidenceDate: '2025-03-01' }],
  pastContracts: [{ buyer: 'Ville de Liège', year: 2024, title: { fr: 'Interprétariat' }, publicBuyer: true }],
  deliveryArea: { country: 'BE', locality: 'Liège', centre: { lat: 50.6, lon: 5.5 }, radiusKm: 20 },
  teamSize: '5-9',
} as unknown as EligibilityRecord;

const post = (form: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(form)) data.append(k, v);
  return data;
};
const unchanged = (lang: string): Record<string, string> => ({
  grounds: '1',
  'gr-0-from': '0',
  'gr-0-basis': 'be-insertion',
  'gr-0-evidence': lang === 'fr' ? 'Agrément wallon' : 'Walloon accreditation',
  'gr-0-date': '2025-03-01',
  contracts: '1',
  'pc-0-from': '0',
  'pc-0-buyer': 'Ville de Liège',
  'pc-0-year': '2024',
  'pc-0-title': lang === 'fr' ? 'Interprétariat' : '',
  'pc-0-public': 'yes',
  'elig-area-country': 'BE',
  'elig-area-locality': 'Liège',
  'elig-team-size': '5-9',
});

describe('the public contracts form', () => {
  it('sends nothing when nothing changed, in the original language or another', () => {
    expect(eligibilityChanges(record, readEligibilityForm(post(unchanged('fr')), 'fr', record)).changes).toEqual({});
    expect(eligibilityChanges(record, readEligibilityForm(post(unchanged('en')), 'en', record)).changes).toEqual({});
  });

  it('reads back what the record holds in the language edited', () => {
    const form = eligibilityFormFromRecord(record, 'en');
    expect(form.grounds[0]).toEqual({ from: 0, basis: 'be-insertion', evidence: 'Walloon accreditation', url: '', date: '2025-03-01' });
    expect(form.contracts[0]).toMatchObject({ title: '', publicBuyer: true, reserved: false });
  });

  it("puts this language's text into the stored item and keeps the others", () => {
    const { changes } = eligibilityChanges(
      record,
      readEligibilityForm(post({ ...unchanged('en'), 'gr-0-evidence': 'Accreditation' }), 'en', record),
    );
    expect(changes).toEqual({
      eligibility: [
        {
          basis: 'be-insertion',
          evidence: [
            { language: 'fr', text: 'Agrément wallon' },
            { language: 'en', text: 'Accreditation' },
          ],
          evidenceDate: '2025-03-01',
        },
      ],
    });
  });

  it('removes a list, the area and the band with null, and keeps a centre given elsewhere while the country stays', () => {
    const cleared = readEligibilityForm(
      post({ grounds: '0', contracts: '0', 'elig-area-country': '', 'elig-team-size': '' }),
      'fr',
      record,
    );
    expect(eligibilityChanges(record, cleared).changes).toEqual({
      eligibility: null,
      pastContracts: null,
      deliveryArea: null,
      teamSize: null,
    });
    const region = readEligibilityForm(post({ ...unchanged('fr'), 'elig-area-region': 'Wallonie' }), 'fr', record);
    expect(eligibilityChanges(record, region).changes.deliveryArea).toEqual({
      country: 'BE',
      region: 'Wallonie',
      locality: 'Liège',
      centre: { lat: 50.6, lon: 5.5 },
      radiusKm: 20,
    });
  });

  it('leaves out empty new blocks, and refuses a proof without its ground and a year that is not four digits', () => {
    const form: EligibilityForm = {
      ...eligibilityFormFromRecord(record, 'fr'),
      grounds: [
        { from: null, basis: '', evidence: '', url: '', date: '' },
        { from: null, basis: '', evidence: 'Statuts', url: '', date: '2025-01-01' },
      ],
      contracts: [{ from: null, buyer: 'CPAS', year: '24', title: 'Repas', publicBuyer: false, reserved: false }],
    };
    const { local, groundBlocks, contractBlocks } = eligibilityChanges(record, form);
    expect(local).toEqual({ 'gr-1-basis': 'eligErrorBasis', 'pc-0-year': 'eligErrorYear' });
    expect(groundBlocks).toEqual([1]);
    expect(contractBlocks).toEqual([0]);
  });

  it("maps the registry's paths to the blocks they were sent from", () => {
    const ids = eligibilityFieldIds([1, 3], [0]);
    expect(ids['eligibility.1.evidenceDate']).toBe('gr-3-date');
    expect(ids['pastContracts.0.year']).toBe('pc-0-year');
    expect(ids.teamSize).toBe('elig-team-size');
  });

  it('never lets two blocks write over one stored item', () => {
    const twice = readEligibilityForm(post({ ...unchanged('fr'), grounds: '2', 'gr-1-from': '0', 'gr-1-basis': 'eu-art77' }), 'fr', record);
    expect(twice.grounds.map((g) => g.from)).toEqual([0, null]);
  });
});
