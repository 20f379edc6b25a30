// Only public fields reach the index: what the API would hide (private contact details, an
// address above the chosen precision, a migrant-led declaration without consent) is never turned
// into searchable terms.
import { describe, expect, it } from 'vitest';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import { initiativeDocument } from './search-document.ts';
import { find, indexOf } from './search-test-fixtures.ts';

const record: InitiativeRecord = {
  handle: 'quiet-kitchen',
  name: { en: 'Quiet kitchen' },
  summary: { en: 'Shared meals on Sundays.' },
  originalLanguage: 'en',
  legalForm: 'L1',
  primarySector: 'AM10',
  migrantLed: { declared: true, consentToPublish: false, governance: { en: 'Run by zorblatt newcomers' } },
  location: {
    locality: 'Liège',
    country: 'BE',
    precision: 'city',
    neighbourhood: 'Outremeuse',
    streetAddress: '12 rue Grimacer',
    postalCode: '4020',
    geo: { lat: 50.6401234, lon: 5.5801234 },
  },
  contact: { email: 'secret-person@example.org', phone: '0470 12 34 56', visibility: { email: 'private', phone: 'signed-in' } },
  node: 'liege',
};
const stored = (r: InitiativeRecord) =>
  ({ _id: r.handle, record: r, version: 1, updatedAt: '2026-01-01T00:00:00Z' }) as unknown as StoredInitiative;

describe('the search document of an initiative', () => {
  it('holds no private value', () => {
    const doc = initiativeDocument(stored(record), () => undefined);
    const text = doc.texts.map((t) => t.text).join(' ');
    for (const hidden of ['zorblatt', 'secret-person', '0470', 'Grimacer', 'Outremeuse', '4020']) expect(text).not.toContain(hidden);
    expect(doc.migrantLed).toBe(false);
    expect(doc.geo).toEqual({ lat: 50.6, lon: 5.6 });
    const index = indexOf([doc]);
    for (const word of ['zorblatt', 'secret', 'Grimacer', 'Outremeuse', '4020', 'example'])
      expect(find(index, { text: word }).total, word).toBe(0);
    expect(find(index, { text: 'kitchen' }).total).toBe(1);
  });

  it('shows what the initiative made public: the declaration with consent, the address at address precision', () => {
    const open = {
      ...record,
      // A registered association: an informal group (L1) is published at city level only.
      legalForm: 'L2',
      migrantLed: { ...record.migrantLed!, consentToPublish: true },
      location: { ...record.location, precision: 'address' as const },
    };
    const doc = initiativeDocument(stored(open), () => undefined);
    const text = doc.texts.map((t) => t.text).join(' ');
    expect(text).toContain('zorblatt');
    expect(doc.migrantLed).toBe(true);
    // A published migrant-led declaration is never tied to a street address.
    expect(text).not.toContain('Grimacer');
    expect(text).toContain('Outremeuse');
  });

  it('indexes an informal group (L1) at city level whatever precision it chose (ADR 0026)', () => {
    const informal = { ...record, migrantLed: undefined, location: { ...record.location, precision: 'address' as const } };
    const doc = initiativeDocument(stored(informal), () => undefined);
    const text = doc.texts.map((t) => t.text).join(' ');
    for (const hidden of ['Grimacer', 'Outremeuse', '4020']) expect(text).not.toContain(hidden);
    expect(doc.geo).toEqual({ lat: 50.6, lon: 5.6 });
  });

  it('uses the city centre for city-only places', () => {
    const doc = initiativeDocument(stored(record), (node, locality) =>
      node === 'liege' && locality === 'Liège' ? { lat: 50.6453, lon: 5.5736 } : undefined,
    );
    expect(doc.geo).toEqual({ lat: 50.6453, lon: 5.5736 });
  });
});
