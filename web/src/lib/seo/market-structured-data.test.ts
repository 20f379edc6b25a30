import { describe, expect, it } from 'vitest';
import { marketStructuredData, type MarketRecordForStructuredData } from './market-structured-data.ts';

const t = (text: string) => ({ text, language: 'fr', direction: 'LTR' as const, isFallback: false });

function record(kind: MarketRecordForStructuredData['kind']): MarketRecordForStructuredData {
  return {
    id: 'https://liege.example/market/atelier',
    kind,
    title: t('Atelier à partager'),
    summary: t('Un atelier de 40 m²'),
    ownerOrganisation: null,
    ownerInitiative: { slug: 'atemos', name: t('Atemos') },
    sectors: [{ code: 'AM80', label: 'Textile' }],
    area: { locality: null, region: null, country: { code: 'BE', name: 'Belgique' } },
    startDate: null,
    expiresOn: '2027-01-01',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

describe('marketStructuredData', () => {
  it('makes an offer an Offer, offered by its initiative, valid until it expires', () => {
    expect(marketStructuredData(record('OFFER'), 'https://liege.example/market/atelier')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Offer',
      '@id': 'https://liege.example/market/atelier',
      name: 'Atelier à partager',
      url: 'https://liege.example/market/atelier',
      description: 'Un atelier de 40 m²',
      category: ['Textile'],
      areaServed: { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'BE' } },
      validThrough: '2027-01-01',
      offeredBy: { '@type': 'Organization', name: 'Atemos' },
    });
  });

  it('makes a request or a need a Demand, which names no one', () => {
    for (const kind of ['REQUEST', 'NEED'] as const) {
      const data = marketStructuredData(record(kind), null);
      expect(data['@type']).toBe('Demand');
      expect(data).not.toHaveProperty('offeredBy');
      expect(data).not.toHaveProperty('url');
    }
  });
});
