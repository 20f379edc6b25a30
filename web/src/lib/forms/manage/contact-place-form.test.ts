import { describe, expect, it } from 'vitest';
import {
  contactPlaceChanges,
  contactPlaceErrorMapping,
  currentContactPlace,
  placeLanguages,
  readContactPlaceForm,
  unsendable,
  type ContactPlaceForm,
  type LinkRow,
} from './contact-place-form.ts';
import { moveLinkRow } from './link-rows.ts';
import { editProblems } from './edit-problems.ts';
import type { InitiativeRecord } from './initiative-changes.ts';

const record = {
  handle: 'univerbal',
  name: { fr: 'Univerbal', en: 'Univerbal' },
  summary: { fr: 'Interprétariat social.' },
  originalLanguage: 'fr',
  areaServed: { fr: 'Liège', nl: 'Luik' },
  location: { locality: 'Liège', country: 'BE', region: 'Wallonie', precision: 'city', geo: { lat: 50.6453, lon: 5.5736 } },
  contact: { phone: '04/232 02 92', relay: true, visibility: { phone: 'public' } },
  website: 'https://projetuniverbal.wordpress.com',
  links: [{ url: 'https://example.org/a', label: { fr: 'A', de: 'A (de)' } }],
} as InitiativeRecord;
const languages = ['fr', 'en'];

/** The form as the page renders it for the record, then `change` applied: what a browser posts. */
function posted(change: (entries: Record<string, string>) => void = () => {}): FormData {
  const now = currentContactPlace(record, languages);
  const entries: Record<string, string> = {
    'contact-email': now.email,
    emailVisibility: now.emailVisibility,
    'contact-phone': now.phone,
    phoneVisibility: now.phoneVisibility,
    relay: now.relay ? 'yes' : 'no',
    website: now.website,
    linkCount: String(now.links.length),
    'location-locality': now.locality,
    'location-country': now.country,
    'location-region': now.region,
    'location-neighbourhood': '',
    'location-streetAddress': '',
    'location-postalCode': '',
    'location-lat': now.lat,
    'location-lon': now.lon,
    precision: now.precision,
    'area-served-fr': 'Liège',
    'area-served-en': '',
  };
  now.links.forEach((link, index) => {
    entries[`link-${index}-url`] = link.url;
    for (const [lang, text] of Object.entries(link.label)) entries[`link-${index}-label-${lang}`] = text;
  });
  change(entries);
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}
const changesOf = (data: FormData) => contactPlaceChanges(record, readContactPlaceForm(data, languages), languages);

describe('the contact and place form', () => {
  it('asks texts in the original language first, then the other languages the record is written in', () => {
    expect(placeLanguages(record, 'it')).toEqual(['fr', 'en', 'nl']);
  });

  it('sends nothing when nothing changed, and keeps the labels and area served in languages it does not show', () => {
    expect(changesOf(posted())).toEqual({});
  });

  it('sends the whole contact when one part changed, with the API’s visibility values', () => {
    expect(changesOf(posted((e) => ((e['contact-phone'] = '+32 4 000 00 00'), (e.phoneVisibility = 'SIGNED_IN'))))).toEqual({
      contact: { phone: '+32 4 000 00 00', relay: true, emailVisibility: 'PRIVATE', phoneVisibility: 'SIGNED_IN' },
    });
  });

  it('falls back to the most private answer for a visibility or precision it does not know', () => {
    const form = readContactPlaceForm(
      posted((e) => ((e.phoneVisibility = 'everyone'), (e.precision = 'GPS'))),
      languages,
    );
    expect(form.phoneVisibility).toBe('PRIVATE');
    expect(form.precision).toBe('CITY');
  });

  it('sends links in order, drops empty rows, and keeps a label in a language not shown', () => {
    const data = posted((e) => {
      e.linkCount = '3';
      e['link-1-url'] = '';
      e['link-2-url'] = 'https://example.org/b';
      e['link-2-label-fr'] = 'B';
    });
    expect(changesOf(data)).toEqual({
      links: [
        {
          url: 'https://example.org/a',
          label: [
            { language: 'fr', text: 'A' },
            { language: 'de', text: 'A (de)' },
          ],
        },
        { url: 'https://example.org/b', label: [{ language: 'fr', text: 'B' }] },
      ],
    });
    // The registry's links.1 is the form's third row.
    const mapping = contactPlaceErrorMapping(readContactPlaceForm(data, languages), languages);
    expect(mapping.fields['links.1.url']).toBe('link-2-url');
    expect(mapping.fieldMessages['links.1.url/INVALID_FORMAT']).toBe('contactPlaceErrorUrl');
  });

  it('sends the whole location with its precision and point, and the area served with its other languages', () => {
    const data = posted((e) => {
      e['location-streetAddress'] = 'Rue Hors-Château 1';
      e.precision = 'ADDRESS';
      e['location-lat'] = '50,6461';
      e['area-served-en'] = 'Liège and around';
    });
    expect(changesOf(data)).toEqual({
      location: {
        locality: 'Liège',
        country: 'BE',
        region: 'Wallonie',
        streetAddress: 'Rue Hors-Château 1',
        precision: 'ADDRESS',
        geo: { lat: 50.6461, lon: 5.5736 },
      },
      areaServed: [
        { language: 'fr', text: 'Liège' },
        { language: 'nl', text: 'Luik' },
        { language: 'en', text: 'Liège and around' },
      ],
    });
  });

  it('removes the website and the point when they are emptied', () => {
    expect(changesOf(posted((e) => ((e.website = ''), (e['location-lat'] = ''), (e['location-lon'] = ''))))).toMatchObject({
      website: null,
      location: { locality: 'Liège', precision: 'CITY' },
    });
    expect(changesOf(posted((e) => ((e['location-lat'] = ''), (e['location-lon'] = ''))))).not.toHaveProperty('location.geo');
  });

  it('refuses what cannot be sent, by field: a coordinate that is not a number, one without the other, a label without a link', () => {
    const form = (change: (e: Record<string, string>) => void): ContactPlaceForm => readContactPlaceForm(posted(change), languages);
    expect(unsendable(form((e) => (e['location-lat'] = 'north'))).fields).toEqual({ 'location-lat': { key: 'contactPlaceErrorLatitude' } });
    expect(unsendable(form((e) => (e['location-lon'] = '5°34'))).fields).toEqual({ 'location-lon': { key: 'contactPlaceErrorLongitude' } });
    expect(unsendable(form((e) => (e['location-lon'] = ''))).fields).toEqual({
      'location-lon': { key: 'contactPlaceErrorBothCoordinates' },
    });
    expect(unsendable(form((e) => ((e.linkCount = '2'), (e['link-1-label-fr'] = 'Sans lien')))).fields).toEqual({
      'link-1-url': { key: 'contactPlaceErrorLinkMissing' },
    });
    expect(unsendable(form(() => {})).fields).toEqual({});
  });

  it('puts the registry’s errors beside their fields, in our words for the usual mistakes', () => {
    const form = readContactPlaceForm(
      posted((e) => (e['link-0-url'] = 'ftp://example.org')),
      languages,
    );
    const mapping = contactPlaceErrorMapping(form, languages);
    const problems = editProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'not valid',
        fields: [
          { field: 'links.0.url', code: 'INVALID_FORMAT', message: 'must be an absolute http(s) URL.' },
          { field: 'location.geo.lat', code: 'OUT_OF_RANGE', message: 'must be at most 90.' },
          { field: 'location.postalCode', code: 'TOO_LONG', message: 'must be at most 20 characters.' },
          { field: 'contact.email', code: 'PERSONAL_ADDRESS', message: 'is the sign-in address of a person’s account here.' },
        ],
      },
      mapping.fields,
      mapping.fieldMessages,
    );
    expect(problems.fields).toEqual({
      'link-0-url': { key: 'contactPlaceErrorUrl' },
      'location-lat': { key: 'contactPlaceErrorLatitude' },
      'location-postalCode': { text: 'must be at most 20 characters.', lang: 'en' },
      'contact-email': { key: 'contactPlaceErrorPersonalEmail' },
    });
  });
});

describe('moveLinkRow', () => {
  const rows: LinkRow[] = [
    { url: 'a', label: {} },
    { url: 'b', label: { fr: 'B' } },
  ];
  it('adds, removes and moves rows, and ignores what it does not understand', () => {
    expect(moveLinkRow(rows, 'add').map((r) => r.url)).toEqual(['a', 'b', '']);
    expect(moveLinkRow(rows, 'remove-0').map((r) => r.url)).toEqual(['b']);
    expect(moveLinkRow(rows, 'up-1').map((r) => r.url)).toEqual(['b', 'a']);
    expect(moveLinkRow(rows, 'down-1').map((r) => r.url)).toEqual(['a', 'b']);
    expect(moveLinkRow(rows, 'up-0').map((r) => r.url)).toEqual(['a', 'b']);
    expect(moveLinkRow(rows, 'remove-9').map((r) => r.url)).toEqual(['a', 'b']);
    expect(moveLinkRow(rows, 'drop table').map((r) => r.url)).toEqual(['a', 'b']);
  });

  it('never adds more rows than the record may hold', () => {
    const full = Array.from({ length: 20 }, (_, i) => ({ url: String(i), label: {} }));
    expect(moveLinkRow(full, 'add')).toHaveLength(20);
  });
});
