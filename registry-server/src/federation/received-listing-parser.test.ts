// A received listing speaks only for its sender: whose listing it is (isPartOf, attributedTo)
// must be the sender, links to records elsewhere are left out, and its page must be on its origin.
import { describe, expect, it } from 'vitest';
import { initiativeToJsonLd } from './jsonld/initiative-jsonld.ts';
import { catalog, initiativeOptions, overTheWire, seedInitiative } from './jsonld/jsonld-test-fixtures.ts';
import { parseReceivedListing } from './received-listing-parser.ts';

const SENDER = 'https://milano.example/nodes/milano';
const ID = 'https://milano.example/initiatives/atemos';

function document(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const record = seedInitiative('atemos');
  const json = overTheWire(
    initiativeToJsonLd(record, { ...initiativeOptions(record), id: ID, url: ID, nodeActorId: SENDER, nodeId: SENDER }),
  ) as Record<string, unknown>;
  return { ...json, ...changes };
}

const parse = (doc: unknown) => parseReceivedListing(doc, { catalog, expectedId: ID, sender: SENDER, nodeHandle: 'milano' });

describe('parseReceivedListing', () => {
  it('files a listing under the sender', () => {
    const parsed = parse(document());
    expect(parsed.kind).toBe('initiative');
    expect(parsed.kind === 'initiative' && (parsed.record as { node: string }).node).toBe('milano');
  });

  it.each([
    ['another node', 'https://liege.example/nodes/liege'],
    ['a node reference', { id: 'https://liege.example/nodes/liege' }],
    ['the sender among others', [SENDER, 'https://liege.example/nodes/liege']],
    ['a node of the same name elsewhere', 'https://evil.example/nodes/milano'],
    ['not an IRI', 42],
  ])('refuses a listing whose isPartOf names %s', (_what, isPartOf) => {
    const parsed = parse(document({ isPartOf }));
    expect(parsed.kind).toBe('invalid');
  });

  it('refuses a listing attributed to anyone but the sender', () => {
    expect(parse(document({ attributedTo: 'https://liege.example/nodes/liege' })).kind).toBe('invalid');
    expect(parse(document({ attributedTo: [SENDER, 'https://liege.example/nodes/liege'] })).kind).toBe('invalid');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/initiatives/atemos',
    'http://milano.example:8080/initiatives/atemos',
    { href: ID },
  ])('leaves out a page url %s, and says so', (url) => {
    const parsed = parse(document({ url }));
    expect(parsed.kind).toBe('initiative');
    if (parsed.kind !== 'initiative') return;
    expect(parsed.url).toBeNull();
    expect(parsed.dropped.map((e) => e.field)).toContain('url');
  });

  it('reads sameAs as http(s) IRIs of other listings, and leaves out the rest, saying so', () => {
    const liege = 'https://liege.example/initiatives/100pap-liege';
    const parsed = parse(
      document({
        sameAs: [
          liege,
          liege,
          { id: 'https://sofia.example/initiatives/sto' },
          ID,
          'javascript:alert(1)',
          'urn:x:y',
          42,
          ...Array.from({ length: 30 }, (_, i) => `https://x.example/${i}`),
        ],
      }),
    );
    expect(parsed.kind).toBe('initiative');
    if (parsed.kind !== 'initiative') return;
    expect(parsed.sameAs.slice(0, 2)).toEqual([liege, 'https://sofia.example/initiatives/sto']);
    expect(parsed.sameAs).toHaveLength(20);
    expect(parsed.sameAs).not.toContain(ID);
    expect(parsed.sameAs.every((iri) => iri.startsWith('https://'))).toBe(true);
    expect(parsed.dropped.filter((e) => e.field === 'sameAs').length).toBeGreaterThanOrEqual(4);
    expect(parse(document()).kind === 'initiative' && (parse(document()) as { sameAs: string[] }).sameAs).toEqual([]);
  });

  it('keeps a page on the listing’s own origin', () => {
    const parsed = parse(document({ url: 'https://milano.example/initiatives/atemos?lang=fr' }));
    expect(parsed.kind === 'initiative' && parsed.url).toBe('https://milano.example/initiatives/atemos?lang=fr');
  });

  it('leaves out links to records of other nodes, and says so', () => {
    const parsed = parse(
      document({
        isReferencedBy: ['https://liege.example/practices/p1', 'https://milano.example/practices/p2'],
        parentOrganization: 'https://liege.example/initiatives/univerbal',
      }),
    );
    expect(parsed.kind).toBe('initiative');
    if (parsed.kind !== 'initiative') return;
    expect((parsed.record as { practices?: string[] }).practices).toEqual(['p2']);
    expect((parsed.record as { partOf?: string }).partOf).toBeUndefined();
    expect(parsed.dropped.filter((e) => e.code === 'FOREIGN_REFERENCE').map((e) => e.field)).toEqual(['practices.0', 'partOf']);
  });
});
