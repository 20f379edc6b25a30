// A partner's citations, read as a receiving node reads them: the source facts it sends are
// kept (title, publisher, kind, date, translated note), and what does not fit is refused or left
// out field by field, never thrown and never stored as it came.
import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { initiativeFromJsonLd, initiativeToJsonLd } from './initiative-jsonld.ts';
import { catalog, initiativeOptions, overTheWire, seedInitiative } from './jsonld-test-fixtures.ts';

const univerbal = seedInitiative('univerbal');
const wire = () => overTheWire(initiativeToJsonLd(univerbal, initiativeOptions(univerbal))) as Record<string, any>;
const read = (json: unknown) => initiativeFromJsonLd(json, { catalog, nodeHandle: 'liege' });

describe('citations from a partner', () => {
  it('keep the publisher, kind, date and translated notes the origin sends', () => {
    const sources = read(wire()).record?.sources ?? [];
    const leaflet = sources.find((s) => s.file === '003_9eddd849f567d703.txt');
    expect(leaflet).toMatchObject({
      publisher: 'Le Monde des Possibles ASBL',
      kind: 'leaflet',
      notes: { fr: expect.stringContaining('Profil') },
    });
    expect(leaflet?.date).toBeUndefined();
  });

  it('leave out a kind they do not know and keep the rest of the source', () => {
    const json = wire();
    json.citation[0].sourceKind = 'scroll';
    const result = read(json);
    expect(result.valid).toBe(true);
    expect(result.record?.sources?.[0]).toMatchObject({ title: expect.any(String), publisher: 'Le Monde des Possibles ASBL' });
    expect(result.record?.sources?.[0]?.kind).toBeUndefined();
  });

  it('refuse a publisher of 2 MB, a publisher that is not a node, and a note map with a number', () => {
    const json = wire();
    json.citation[0].publisher = { type: 'schema:Organization', name: 'x'.repeat(2_000_000) };
    json.citation[1].publisher = 'Le Monde des Possibles ASBL';
    json.citation[2].noteMap = { fr: 12 };
    const result = read(json);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining(['sources.0.publisher:TOO_LONG', 'sources.1.publisher:WRONG_TYPE', 'sources.2.notes.fr:WRONG_TYPE']),
    );
  });
});
