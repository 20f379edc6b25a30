import { describe, expect, it } from 'vitest';
import { shortlistCsv, shortlistFileName } from './shortlist-csv.ts';
import type { ShortlistEntry } from './shortlist-types.ts';
import { CATALOGS } from '../i18n/catalog.ts';

const text = (value: string, language = 'fr') => ({
  text: value,
  language,
  direction: language === 'ar' ? ('RTL' as const) : ('LTR' as const),
  isFallback: false,
});

const univerbal: ShortlistEntry = {
  id: 'https://liege.example/initiatives/univerbal',
  slug: 'univerbal',
  url: 'https://liege.example/initiatives/univerbal',
  origin: { isLocal: true, url: 'https://liege.example/initiatives/univerbal' },
  name: text('Univerbal'),
  summary: text('Interprétariat social'),
  primarySector: { code: 'S1', label: 'Services aux personnes' },
  additionalSectors: [{ code: 'S2', label: 'Éducation' }],
  legalForm: { code: 'L2', label: 'Coopérative' },
  nationalLegalForm: { code: 'BE-SCRL', label: 'Société coopérative; agréée' },
  languagesOffered: [
    { code: 'ar', name: 'arabe' },
    { code: 'ps', name: 'pachto' },
  ],
  services: [{ name: text('Interprétariat "social"') }, { name: text('ترجمة فورية', 'ar') }],
  location: { locality: 'Liège', country: { code: 'BE', name: 'Belgique' } },
  contact: { email: 'contact@univerbal.example', phone: '+32 4 000 00 00', relay: true },
  website: 'https://univerbal.example',
  node: { slug: 'liege', city: 'Liège' },
};

const t = (lang: keyof typeof CATALOGS) => (key: keyof (typeof CATALOGS)['fr']) => CATALOGS[lang][key];

describe('shortlistCsv', () => {
  it('writes a French file: BOM, ";" separators, French headers, public fields, quoting', () => {
    const csv = shortlistCsv([univerbal], 'fr', t('fr'));
    const [header, row, end] = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toBe(
      'Nom;Ville;Pays;Secteurs;Forme juridique;Forme juridique nationale;Ce qu’elle peut fournir;Langues parlées avec le public;E-mail;Téléphone;Site web;Contact via le registre;Fiche',
    );
    expect(row).toBe(
      'Univerbal;Liège;Belgique;Services aux personnes, Éducation;Coopérative;"Société coopérative; agréée";"Interprétariat ""social"" ; ترجمة فورية";arabe, pachto;contact@univerbal.example;\'+32 4 000 00 00;https://univerbal.example;oui;https://liege.example/initiatives/univerbal',
    );
    expect(end).toBe('');
  });

  it('writes an Arabic file with "," and Arabic headers', () => {
    const csv = shortlistCsv([univerbal], 'ar', t('ar'));
    expect(csv.slice(1).split('\r\n')[0]).toMatch(/^الاسم,المدينة,/);
  });

  it('leaves out private contact fields the initiative did not publish', () => {
    const row = shortlistCsv([{ ...univerbal, contact: { email: null, phone: null, relay: false } }], 'en', t('en')).split('\r\n')[1];
    expect(row).toContain(',,,https://univerbal.example,no,');
  });
});

describe('shortlistFileName', () => {
  it('names the file with the day, in ASCII', () => {
    expect(shortlistFileName('preselection', new Date('2026-11-22T10:00:00Z'))).toBe('preselection-2026-11-22.csv');
    expect(shortlistFileName('présélection', new Date('2026-11-22T10:00:00Z'))).toBe('preselection-2026-11-22.csv');
  });
});
