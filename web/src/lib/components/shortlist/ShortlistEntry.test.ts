// A shortlist entry, on screen and printed, reads as words with spaces between its fields: Svelte
// 5 drops the white space that opens a block ({#if} …), which once printed "AssociationASBL".
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ShortlistEntryTestPage from './ShortlistEntryTestPage.svelte';
import type { ShortlistEntry } from '#lib/shortlist/shortlist-types.ts';

const text = (t: string) => ({ text: t, language: 'fr', direction: 'LTR' as const, isFallback: false });
const ENTRY: ShortlistEntry = {
  id: 'https://liege.example/initiatives/atemos',
  slug: 'atemos',
  url: 'https://liege.example/initiatives/atemos',
  origin: { isLocal: true, url: 'https://liege.example/initiatives/atemos' },
  name: text('Atemos'),
  summary: text('Atelier de couture solidaire.'),
  primarySector: { code: 'AM80', label: 'Services sociaux' },
  additionalSectors: [{ code: 'AM40', label: 'Éducation' }],
  legalForm: { code: 'L1', label: 'Association' },
  nationalLegalForm: { code: 'BE-ASBL', label: 'ASBL' },
  languagesOffered: [
    { code: 'fr', name: 'français' },
    { code: 'ar', name: 'arabe' },
  ],
  services: [],
  location: { locality: 'Liège', country: { code: 'BE', name: 'Belgique' } },
  contact: { email: 'contact@atemos.example', phone: '04 000 00 00', relay: true },
  website: 'https://atemos.example',
  node: { slug: 'liege', city: 'Liège' },
};

/** The rendered text as a reader (or a copy-paste) gets it: tags out, white space collapsed. */
const visibleText = (html: string) =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<\/?(?:dt|dd|li|p|h2|ul|div|dl)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

describe('ShortlistEntry', () => {
  it.each([true, false])('keeps a space between the legal form and the national one (print: %s)', (print) => {
    const shown = visibleText(render(ShortlistEntryTestPage, { props: { entry: ENTRY, print } }).body);
    expect(shown).toContain('Association (ASBL)');
    expect(shown).toContain('Liège, Belgique');
    expect(shown).toContain('Services sociaux, Éducation');
    expect(shown).toContain('français, arabe');
  });
});
