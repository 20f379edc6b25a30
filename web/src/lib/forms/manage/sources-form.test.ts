import { describe, expect, it } from 'vitest';
import {
  arrangeSources,
  MAX_SOURCES,
  readSourceBlocks,
  sourceBlocksFromRecord,
  sourceFieldId,
  sourcesChanges,
  type SourceBlock,
  type StoredSource,
} from './sources-form.ts';

const stored: StoredSource[] = [
  { title: 'Actes (long title)', file: '002.txt', note: 'p. 3', notes: { fr: 'p. 3', en: 'p. 3' } },
  { title: 'Rapport 2023', publisher: 'Atemos ASBL', kind: 'web-page', date: '2024', notes: { fr: 'chiffres' } },
];

function posted(blocks: readonly SourceBlock[]): FormData {
  const data = new FormData();
  data.set('sources', String(blocks.length));
  blocks.forEach((b, i) => {
    data.set(sourceFieldId(i, 'key'), b.key);
    if (b.from !== null) data.set(sourceFieldId(i, 'from'), String(b.from));
    for (const part of ['title', 'publisher', 'kind', 'date', 'url', 'note'] as const) data.set(sourceFieldId(i, part), b[part]);
  });
  return data;
}

describe('the sources form (an initiative’s figures page and a good practice’s sources page)', () => {
  it('sends nothing when the sources are posted back unchanged, in any language', () => {
    for (const lang of ['fr', 'en', 'ar']) {
      const blocks = readSourceBlocks(posted(sourceBlocksFromRecord(stored, lang)), stored.length);
      expect(sourcesChanges(stored, blocks, lang).changes).toEqual({});
    }
  });

  it('adds a source with its publisher, keeping every field of the stored ones (publisher, kind, notes)', () => {
    const blocks = sourceBlocksFromRecord(stored, 'en');
    const [, , added] = arrangeSources(blocks, { kind: 'add', list: 'sources' });
    const typed = [...blocks, { ...added!, title: 'Annual report', publisher: 'City of Ghent', kind: 'REPORT', note: 'page 4' }];
    const { changes, local } = sourcesChanges(stored, readSourceBlocks(posted(typed), stored.length), 'en');
    expect(local).toEqual({});
    expect(changes).toEqual({
      sources: [
        {
          title: 'Actes (long title)',
          file: '002.txt',
          note: 'p. 3',
          notes: [
            { language: 'fr', text: 'p. 3' },
            { language: 'en', text: 'p. 3' },
          ],
        },
        { title: 'Rapport 2023', publisher: 'Atemos ASBL', kind: 'WEB_PAGE', date: '2024', notes: [{ language: 'fr', text: 'chiffres' }] },
        { title: 'Annual report', publisher: 'City of Ghent', kind: 'REPORT', notes: [{ language: 'en', text: 'page 4' }] },
      ],
    });
  });

  it('refuses a kind not in the list before asking the registry, beside its field', () => {
    const blocks = [...sourceBlocksFromRecord(stored, 'fr')];
    blocks[1] = { ...blocks[1]!, kind: 'PAMPHLET' };
    expect(sourcesChanges(stored, blocks, 'fr').local).toEqual({ [sourceFieldId(1, 'kind')]: 'svcEditErrorKind' });
  });

  it('maps the registry’s paths to the block each sent source came from, empty blocks left out', () => {
    const blocks = sourceBlocksFromRecord(stored, 'fr');
    const withEmpty = arrangeSources(blocks, { kind: 'add', list: 'sources' });
    const [first] = withEmpty.splice(0, 1);
    withEmpty.push({ ...first!, from: null, key: 'n9', title: 'Nouveau', publisher: '' });
    // Sent: block 0 (stored 1), block 2 (new); block 1 is empty and not sent.
    const { fieldIds, fieldMessages } = sourcesChanges(stored, withEmpty, 'fr');
    expect(fieldIds['sources.1.publisher']).toBe(sourceFieldId(2, 'publisher'));
    expect(fieldIds['sources.0.title']).toBe(sourceFieldId(0, 'title'));
    expect(fieldMessages['sources.1.url/INVALID_FORMAT']).toBe('svcEditErrorUrl');
  });

  it('never lets two posted blocks claim one stored source, nor adds past the records’ limit', () => {
    const data = posted(sourceBlocksFromRecord(stored, 'fr'));
    data.set(sourceFieldId(1, 'from'), '0');
    data.set(sourceFieldId(1, 'key'), 's0');
    const blocks = readSourceBlocks(data, stored.length);
    expect(blocks.map((b) => [b.key, b.from])).toEqual([
      ['s0', 0],
      ['n1', null],
    ]);
    const full = Array.from({ length: MAX_SOURCES }, (_, i) => ({ ...blocks[1]!, key: `n${i}` }));
    expect(arrangeSources(full, { kind: 'add', list: 'sources' })).toHaveLength(MAX_SOURCES);
  });
});
