// Listings as the registry answers open-data-listings.graphql, for the exports' unit tests.
import type { ExportMeta, OpenDataInitiative, OpenDataPractice } from './open-data-types.ts';

const text = (value: string, language = 'fr') => ({ text: value, language, direction: 'LTR' as const });
export const LIEGE_POINT = { lat: 50.6326, lon: 5.5797 };

export function initiative(slug: string, changes: Partial<OpenDataInitiative> = {}): OpenDataInitiative {
  return {
    __typename: 'Initiative',
    id: `https://liege.example/initiatives/${slug}`,
    slug,
    url: `https://liege.example/initiatives/${slug}`,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-11-20T10:30:00.000Z',
    website: null,
    origin: { isLocal: true },
    name: text(`Initiative ${slug}`),
    summary: text('Un résumé'),
    primarySector: { code: 'AM40', label: 'Alimentation' },
    additionalSectors: [],
    legalForm: { code: 'L4', label: 'Association' },
    nationalLegalForm: null,
    languagesOffered: [{ code: 'ar', name: 'arabe' }],
    services: [],
    location: {
      locality: 'Liège',
      neighbourhood: null,
      streetAddress: null,
      postalCode: null,
      precision: 'CITY',
      country: { code: 'BE', name: 'Belgique' },
      geo: LIEGE_POINT,
    },
    contact: { email: null, phone: null, relay: true },
    migrantLed: null,
    node: { slug: 'liege', city: 'Liège', geo: LIEGE_POINT },
    ...changes,
  };
}

export function practice(slug: string, changes: Partial<OpenDataPractice> = {}): OpenDataPractice {
  return {
    __typename: 'GoodPractice',
    id: `https://liege.example/practices/${slug}`,
    slug,
    url: `https://liege.example/practices/${slug}`,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    origin: { isLocal: true },
    title: text(`Pratique ${slug}`),
    summary: text('Une pratique'),
    practiceType: { code: 'PT6', label: 'Marchés publics' },
    location: { locality: 'Liège', country: { code: 'BE', name: 'Belgique' }, geo: LIEGE_POINT },
    node: { slug: 'liege', city: 'Liège', geo: LIEGE_POINT },
    ...changes,
  };
}

export function meta(changes: Partial<ExportMeta> = {}): ExportMeta {
  return {
    origin: 'https://liege.example',
    self: 'https://liege.example/export/initiatives.geojson',
    node: {
      slug: 'liege',
      url: 'https://liege.example/nodes/liege',
      city: 'Liège',
      name: { text: 'Registre de Liège' },
      country: { code: 'BE' },
      defaultLanguages: [{ code: 'fr' }, { code: 'nl' }],
    },
    licence: {
      spdx: 'CC-BY-4.0',
      name: 'Creative Commons Attribution 4.0 International',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    },
    totalCount: 1,
    truncated: false,
    cap: 10_000,
    generatedAt: '2026-12-07T04:00:00.000Z',
    ...changes,
  };
}
