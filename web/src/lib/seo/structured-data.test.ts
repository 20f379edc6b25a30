import { describe, expect, it } from 'vitest';
import {
  initiativeStructuredData,
  nodeStructuredData,
  practiceStructuredData,
  type InitiativeForStructuredData,
} from './structured-data.ts';
import { jsonForHtml } from './json-ld-script.ts';

const t = (text: string, language = 'fr') => ({ text, language, direction: 'LTR' as const, isFallback: false });
const label = (code: string, text: string) => ({ code, label: text, labelLanguage: 'fr' });

function initiative(overrides: Partial<InitiativeForStructuredData> = {}): InitiativeForStructuredData {
  return {
    id: 'https://liege.example/initiatives/atemos',
    name: t('Atemos'),
    alternateNames: [],
    summary: t('Un atelier de couture'),
    description: null,
    mission: null,
    location: {
      locality: 'Liège',
      region: null,
      neighbourhood: null,
      streetAddress: null,
      postalCode: null,
      country: { code: 'BE', name: 'Belgique' },
      precision: 'CITY',
    },
    areaServed: null,
    languagesOffered: [
      { code: 'fr', name: 'français' },
      { code: 'ar', name: 'arabe' },
    ],
    primarySector: label('AM80', 'Textile'),
    additionalSectors: [],
    startDate: '2019',
    website: 'https://atemos.example/',
    links: [{ textKey: '0', url: 'javascript:alert(1)', label: null }],
    ...overrides,
  };
}

describe('initiativeStructuredData', () => {
  it('is a schema.org Organization with a name, the canonical url and its address at the precision it chose', () => {
    const data = initiativeStructuredData(initiative(), 'https://liege.example/initiatives/atemos');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': 'https://liege.example/initiatives/atemos',
      name: 'Atemos',
      url: 'https://liege.example/initiatives/atemos',
      description: 'Un atelier de couture',
      address: { '@type': 'PostalAddress', addressLocality: 'Liège', addressCountry: 'BE' },
      knowsLanguage: ['fr', 'ar'],
      foundingDate: '2019',
      sameAs: ['https://atemos.example/'],
    });
    expect(data.address).not.toHaveProperty('streetAddress');
    expect(JSON.parse(jsonForHtml(data))).toEqual(data);
  });

  it('names the street only when the initiative published it', () => {
    const located = initiative({
      location: { ...initiative().location, streetAddress: 'Rue Ste-Marguerite 1', postalCode: '4000', precision: 'ADDRESS' },
    });
    expect(initiativeStructuredData(located, null).address).toMatchObject({ streetAddress: 'Rue Ste-Marguerite 1', postalCode: '4000' });
  });

  it('carries no contact, no person and no migrant-led declaration even when the page data has them', () => {
    const full = {
      ...initiative(),
      contact: { email: 'someone@private.example', phone: '+32 470 00 00 00', relay: true },
      migrantLed: { governance: t('Fondée par des personnes réfugiées') },
      practices: [],
    };
    const json = JSON.stringify(initiativeStructuredData(full, null));
    for (const secret of ['someone@private.example', '470', 'réfugiées', 'migrant']) expect(json).not.toContain(secret);
  });
});

describe('practiceStructuredData', () => {
  it('is a CreativeWork with a name, the canonical url, its practice type and its city', () => {
    const data = practiceStructuredData(
      {
        id: 'https://liege.example/practices/guichet',
        title: t('Guichet unique'),
        summary: t('Un guichet pour tout'),
        practiceType: { ...label('PT4', 'Guichet unique municipal'), definition: null },
        location: { locality: 'Liège', region: null, country: { code: 'BE', name: 'Belgique' } },
        node: { slug: 'liege', city: 'Liège' },
        updatedAt: '2026-01-02T03:04:05.000Z',
        initiatives: [
          { id: 'x', slug: 'atemos', url: 'https://liege.example/initiatives/atemos', origin: { isLocal: true }, name: t('Atemos') },
        ],
      },
      'https://liege.example/practices/guichet?lang=it',
    );
    expect(data).toMatchObject({
      '@type': 'CreativeWork',
      name: 'Guichet unique',
      url: 'https://liege.example/practices/guichet?lang=it',
      genre: 'Guichet unique municipal',
      spatialCoverage: { '@type': 'Place', name: 'Liège' },
      about: [{ '@type': 'Organization', '@id': 'https://liege.example/initiatives/atemos' }],
    });
  });
});

describe('nodeStructuredData', () => {
  it('is an Organization serving its city, run by its operators', () => {
    const data = nodeStructuredData(
      {
        url: 'https://liege.example/nodes/liege',
        name: t('Registre de Liège'),
        summary: null,
        city: 'Liège',
        country: { code: 'BE' },
        defaultLanguages: [{ code: 'fr' }],
        operators: [{ name: 'Ville de Liège', url: 'https://www.liege.be/' }],
      },
      'https://liege.example/nodes/liege',
    );
    expect(data).toMatchObject({
      '@type': 'Organization',
      name: 'Registre de Liège',
      url: 'https://liege.example/nodes/liege',
      areaServed: { '@type': 'City', name: 'Liège' },
      parentOrganization: [{ '@type': 'Organization', name: 'Ville de Liège', url: 'https://www.liege.be/' }],
    });
    expect(data).not.toHaveProperty('description');
  });
});
