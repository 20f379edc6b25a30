// The Note a follower sees is built from the public projection of a record only, with every text
// escaped and hashtags that cannot carry markup (ADR 0051).
import { describe, expect, it } from 'vitest';
import { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';
import { hashtagWord, initiativeNote, practiceNote, shorten, SUMMARY_LIMIT } from './note-content.ts';
import { digestNote } from './digest-note.ts';

const catalog = TaxonomyCatalog.load();
const context = { publicUrl: new URL('https://liege.example'), catalog };

const record = {
  handle: 'atelier',
  name: { ar: 'ورشة الخياطة', fr: 'Atelier couture' },
  summary: { ar: 'ملخص', fr: 'Résumé' },
  originalLanguage: 'ar',
  legalForm: 'L1',
  primarySector: 'AM60',
  migrantLed: { declared: true, consentToPublish: false, governance: { fr: 'Gouvernance secrète quorvex' } },
  location: { locality: 'Liège', country: 'BE', precision: 'address', streetAddress: '7 rue Vexilloire', postalCode: '4000' },
  contact: { email: 'private-person@example.org', visibility: { email: 'private' } },
  node: 'liege',
} as unknown as InitiativeRecord;

describe('hashtags', () => {
  it('keep only letters and digits of each word, capitalised and joined', () => {
    expect(hashtagWord('Santé, action sociale et bien-être')).toBe('SantéActionSocialeEtBienÊtre');
    expect(hashtagWord('Saint-Gilles')).toBe('SaintGilles');
    expect(hashtagWord('"><script>alert(1)</script>')).toBe('ScriptAlert1Script');
    expect(hashtagWord('— !! —')).toBeNull();
    expect([...hashtagWord('a'.repeat(500))!]).toHaveLength(50);
  });
});

describe('the Note of an initiative', () => {
  it('is in the listing’s own language, links to its canonical page, and tags its sector and city', () => {
    const note = initiativeNote(record, context);
    expect(note.language).toBe('ar');
    expect(note.url).toBe('https://liege.example/initiatives/atelier');
    expect(note.content).toContain('<a href="https://liege.example/initiatives/atelier">ورشة الخياطة</a>');
    expect(note.tags).toEqual([
      { name: `#${hashtagWord(catalog.concept('sector', 'AM60')!.labels.ar!)}`, href: 'https://liege.example/search?sector=AM60' },
      { name: '#Liège', href: 'https://liege.example/search?q=Li%C3%A8ge' },
    ]);
  });

  it('says nothing the public record does not: no street, no private contact, no undisclosed migrant-led declaration', () => {
    const text = JSON.stringify(initiativeNote(record, context));
    for (const secret of ['Vexilloire', '4000', 'private-person', 'quorvex']) expect(text).not.toContain(secret);
  });

  it('escapes every text and shortens long ones', () => {
    const hostile = {
      ...record,
      originalLanguage: 'fr',
      name: { fr: '<img src=x onerror=alert(1)>' },
      summary: { fr: `"quoted" & <b>bold</b> ${'word '.repeat(200)}` },
    } as InitiativeRecord;
    const note = initiativeNote(hostile, context);
    expect(note.content).not.toMatch(/<img|<b>/);
    expect(note.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(note.content).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(shorten('word '.repeat(200)).length).toBeLessThanOrEqual(SUMMARY_LIMIT + 1);
  });

  it('of a practice tags its practice type and city', () => {
    const note = practiceNote(
      {
        handle: 'pt6',
        practiceType: 'PT6',
        title: { fr: 'Clauses sociales' },
        summary: { fr: 'Marchés réservés.' },
        location: { locality: 'Liège', country: 'BE' },
        originalLanguage: 'fr',
        node: 'liege',
      },
      context,
    );
    expect(note.url).toBe('https://liege.example/practices/pt6');
    expect(note.tags.map((t) => t.href)).toContain('https://liege.example/search?practiceType=PT6');
    expect(note.tags.map((t) => t.name)).toContain('#Liège');
  });
});

describe('the digest Note', () => {
  it('is written in the actor’s language, or English for one we have no words in', () => {
    expect(digestNote({ name: 'Liège', language: 'fr', count: 995, url: 'https://liege.example/search' }).content).toContain(
      'Autres changements sur Liège : 995.',
    );
    const unknown = digestNote({ name: '<Liège>', language: 'tr', count: 3, url: 'https://liege.example/search' });
    expect(unknown.language).toBe('en');
    expect(unknown.content).toContain('More changes on &lt;Liège&gt;: 3.');
  });
});
