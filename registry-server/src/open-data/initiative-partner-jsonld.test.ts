// The partner JSON-LD of the exports exists only for what this node itself publishes: never for
// a draft, an unpublished or deleted record, nor for a listing received from a partner.
import { describe, expect, it } from 'vitest';
import { RecordIris } from '../records/record-iris.ts';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import { catalog, ORIGIN, seedInitiative } from '../federation/jsonld/jsonld-test-fixtures.ts';
import { initiativePartnerJsonLd, type PartnerJsonLdDeps } from './initiative-partner-jsonld.ts';

const none = { findPublishedLocal: async () => [] };
const deps: PartnerJsonLdDeps = {
  initiatives: none as never,
  practices: none as never,
  iris: new RecordIris(new URL(ORIGIN)),
  catalog,
  ownNode: null,
  nodeActorId: `${ORIGIN}/nodes/liege`,
};

function stored(state: StoredInitiative['publication']['state'], origin: StoredInitiative['origin'] = { kind: 'local' }): StoredInitiative {
  const record = seedInitiative('univerbal');
  return {
    _id: record.handle,
    record,
    derived: {},
    schemaVersion: 1,
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-02-01T00:00:00Z',
    origin,
    publication: { state, publishedAt: '2026-01-02T00:00:00Z' },
  } as unknown as StoredInitiative;
}

describe('initiativePartnerJsonLd', () => {
  it('builds the published local record without its @context, at its IRI', async () => {
    const object = await initiativePartnerJsonLd(stored('published'), deps);
    expect(object).toMatchObject({ id: `${ORIGIN}/initiatives/univerbal`, attributedTo: `${ORIGIN}/nodes/liege` });
    expect(object).not.toHaveProperty('@context');
    // The relay is named, never an address: the seed's contact is relayed (DATA-MODEL rule 4).
    expect(object).toMatchObject({ contactRelay: true });
  });

  it.each(['draft', 'in-review', 'unpublished', 'deleted'] as const)('is null for a %s record', async (state) => {
    expect(await initiativePartnerJsonLd(stored(state), deps)).toBeNull();
  });

  it('is null for a listing received from a partner', async () => {
    const remote = stored('published', {
      kind: 'remote',
      node: 'https://other.example/nodes/x',
      objectId: 'https://other.example/initiatives/univerbal',
      url: 'https://other.example/initiatives/univerbal',
      receivedAt: '2026-01-01T00:00:00Z',
    } as never);
    expect(await initiativePartnerJsonLd(remote, deps)).toBeNull();
  });
});
