// The day- and country-dependent rules of an initiative's eligibility (ADR 0035).
import { describe, expect, it } from 'vitest';
import type { InitiativeRecord } from '../records/record-types.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { eligibilityRules, evidenceStaleFrom, evidenceToConfirm } from './eligibility-rules.ts';

const catalog = TaxonomyCatalog.load();
const base: InitiativeRecord = {
  handle: 'kitchen-coop',
  name: { fr: 'Cuisine solidaire' },
  summary: { fr: 'Des repas.' },
  originalLanguage: 'fr',
  legalForm: 'L1',
  primarySector: 'AM60',
  location: { locality: 'Liège', country: 'BE', precision: 'city' },
  node: 'liege',
};
const codes = (record: Partial<InitiativeRecord>, today = '2026-12-07') =>
  eligibilityRules({ ...base, ...record }, today, catalog).map((e) => `${e.field} ${e.code}`);

describe('eligibilityRules', () => {
  it('accepts a proof of today and of the past, and a contract of this year', () => {
    expect(
      codes({
        eligibility: [
          { basis: 'be-eta', evidenceDate: '2026-12-07' },
          { basis: 'eu-art77', evidenceDate: '2019-01-01' },
        ],
        pastContracts: [{ buyer: 'Ville de Liège', year: 2026, title: { fr: 'Repas' } }],
      }),
    ).toEqual([]);
  });

  it('refuses a proof dated in the future, even by a day', () => {
    expect(codes({ eligibility: [{ basis: 'eu-art20', evidenceDate: '2026-12-08' }] })).toEqual([
      'eligibility.0.evidenceDate IN_THE_FUTURE',
    ]);
    expect(codes({ eligibility: [{ basis: 'eu-art20', evidenceDate: '2099-01-01' }] })).toEqual([
      'eligibility.0.evidenceDate IN_THE_FUTURE',
    ]);
  });

  it('refuses a contract delivered in a year still to come', () => {
    expect(codes({ pastContracts: [{ buyer: 'Ville', year: 2027, title: { fr: 'x' } }] })).toEqual(['pastContracts.0.year IN_THE_FUTURE']);
  });

  it('refuses the same ground twice, naming the first', () => {
    const errors = eligibilityRules(
      {
        ...base,
        eligibility: [
          { basis: 'eu-art20', evidenceDate: '2025-01-01' },
          { basis: 'eu-art20', evidenceDate: '2026-01-01' },
        ],
      },
      '2026-12-07',
      catalog,
    );
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual(['eligibility.1.basis DUPLICATE']);
    expect(errors[0]!.message).toContain('entry 1');
  });

  it("refuses a national status of another country than the initiative's, and accepts the EU articles anywhere", () => {
    expect(codes({ eligibility: [{ basis: 'it-cooperativa-sociale-b', evidenceDate: '2025-01-01' }] })).toEqual([
      'eligibility.0.basis OTHER_COUNTRY',
    ]);
    expect(
      codes({ eligibility: [{ basis: 'eu-art20', evidenceDate: '2025-01-01' }], location: { ...base.location, country: 'IT' } }),
    ).toEqual([]);
  });

  it('refuses an e-mail address or a phone number in a buyer, a title or a proof: organisations only', () => {
    expect(
      codes({
        eligibility: [{ basis: 'eu-art20', evidenceDate: '2025-01-01', evidence: { fr: 'Demander à marie.dupont@example.org' } }],
        pastContracts: [
          { buyer: 'M. Dupont, +32 470 12 34 56', year: 2024, title: { fr: 'Repas' } },
          { buyer: 'Ville', year: 2024, title: { en: 'Call 0470123456' } },
        ],
      }),
    ).toEqual([
      'eligibility.0.evidence.fr PERSONAL_CONTACT',
      'pastContracts.0.buyer PERSONAL_CONTACT',
      'pastContracts.1.title.en PERSONAL_CONTACT',
    ]);
    // Years and register numbers with few digits are not phone numbers.
    expect(codes({ pastContracts: [{ buyer: 'CPAS de Liège', year: 2024, title: { fr: 'Marché 2024-17, lot 3' } }] })).toEqual([]);
  });
});

describe('evidenceToConfirm', () => {
  it('turns a proof to be confirmed on the day it is two years old', () => {
    expect(evidenceStaleFrom('2024-12-07')).toBe('2026-12-07');
    expect(evidenceToConfirm({ evidenceDate: '2024-12-08' }, '2026-12-07')).toBe(false);
    expect(evidenceToConfirm({ evidenceDate: '2024-12-07' }, '2026-12-07')).toBe(true);
    expect(evidenceToConfirm({ evidenceDate: '2018-05-01' }, '2026-12-07')).toBe(true);
  });

  it('never shows a proof dated in the future as current (a record received from a partner, or written before a clock fix)', () => {
    expect(evidenceToConfirm({ evidenceDate: '2026-12-08' }, '2026-12-07')).toBe(true);
    expect(evidenceToConfirm({ evidenceDate: '2099-01-01' }, '2026-12-07')).toBe(true);
    expect(evidenceToConfirm({ evidenceDate: '2026-12-07' }, '2026-12-07')).toBe(false);
  });

  it('counts a proof of 29 February as two years old on 1 March', () => {
    expect(evidenceStaleFrom('2024-02-29')).toBe('2026-03-01');
  });
});
