// The adoption record's ActivityPub object is pinned (STYLE 15): a change to what partners
// receive is a visible diff. Its record is exactly the stored public record, which a partner
// validates with the same schema.
import { expect, it } from 'vitest';
import { RecordValidator } from '../../records/record-validator.ts';
import { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { adoption } from '../../adoptions/adoption-record-fixture.ts';
import { adoptionToJsonLd } from './adoption-jsonld.ts';
import type { AdoptionRecord } from '../../adoptions/adoption-record.ts';

it('emits a Document attributed to the node, linked to its practice, carrying the record whole', async () => {
  const record = adoption as unknown as AdoptionRecord;
  const json = adoptionToJsonLd(record, {
    id: 'https://milano.example/adoptions/one-stop-shop-from-liege',
    nodeActorId: 'https://milano.example/nodes/milan',
    published: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-12-20T09:00:00.000Z',
  });
  expect(json.adoptionRecord).toEqual(record);
  expect(new RecordValidator(TaxonomyCatalog.load()).validate('adoption-record', json.adoptionRecord)).toEqual([]);
  await expect(JSON.stringify(json, null, 2)).toMatchFileSnapshot('../__snapshots__/emitted-adoption-record.json');
});

it('leaves out the translation bookkeeping: partners judge translations on the node that tracks them (ADR 0041), and older partners’ schema has no such field', () => {
  const record = {
    ...(adoption as unknown as AdoptionRecord),
    summary: { fr: 'Résumé', it: 'Riassunto' },
    translationSources: { summary: { it: '0123456789abcdef' } },
  };
  const json = adoptionToJsonLd(record, {
    id: 'https://milano.example/adoptions/one-stop-shop-from-liege',
    nodeActorId: 'https://milano.example/nodes/milan',
    published: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-12-20T09:00:00.000Z',
  });
  expect(json.adoptionRecord).not.toHaveProperty('translationSources');
  expect(json.adoptionRecord).toMatchObject({ summary: { fr: 'Résumé', it: 'Riassunto' } });
});

it('leaves out the ids the registry gives list items (ADR 0053): older partners’ schema refuses them', () => {
  const record = adoption as unknown as AdoptionRecord;
  const withIds: AdoptionRecord = {
    ...record,
    changes: record.changes!.map((c, i) => ({ ...c, id: `kchange${i}` })),
    outcomes: record.outcomes!.map((o, i) => ({ ...o, id: `koutcome${i}` })),
  };
  const json = adoptionToJsonLd(withIds, {
    id: 'https://milano.example/adoptions/one-stop-shop-from-liege',
    nodeActorId: 'https://milano.example/nodes/milan',
    published: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-12-20T09:00:00.000Z',
  });
  expect(json.adoptionRecord).toEqual(record);
});
