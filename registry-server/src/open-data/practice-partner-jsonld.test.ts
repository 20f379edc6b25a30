// The partner JSON-LD of the practices export exists only for what this node itself publishes,
// and names only published initiatives.
import { describe, expect, it } from 'vitest';
import { RecordIris } from '../records/record-iris.ts';
import type { StoredGoodPractice } from '../practices/good-practice-repository.ts';
import { catalog, ORIGIN, seedPractice } from '../federation/jsonld/jsonld-test-fixtures.ts';
import { practicePartnerJsonLd, type PracticePartnerJsonLdDeps } from './practice-partner-jsonld.ts';

const HANDLE = 'liege-pt6-public-procurement';
const deps = (published: string[]): PracticePartnerJsonLdDeps => ({
  initiatives: {
    findPublishedLocal: async (handles: string[]) => handles.filter((h) => published.includes(h)).map((h) => ({ _id: h })),
  } as never,
  iris: new RecordIris(new URL(ORIGIN)),
  catalog,
  nodeActorId: `${ORIGIN}/nodes/liege`,
});

function stored(
  state: StoredGoodPractice['publication']['state'],
  origin: StoredGoodPractice['origin'] = { kind: 'local' },
): StoredGoodPractice {
  const record = { ...seedPractice(HANDLE), initiatives: ['univerbal', 'brouillon'] };
  return {
    _id: record.handle,
    record,
    derived: {},
    schemaVersion: 1,
    version: 2,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-02-01T00:00:00Z',
    origin,
    publication: { state, publishedAt: '2026-01-02T00:00:00Z' },
  } as unknown as StoredGoodPractice;
}

describe('practicePartnerJsonLd', () => {
  it('builds the published local practice without its @context, naming only published initiatives', async () => {
    const object = await practicePartnerJsonLd(stored('published'), deps(['univerbal']));
    expect(object).toMatchObject({ id: `${ORIGIN}/practices/${HANDLE}`, attributedTo: `${ORIGIN}/nodes/liege` });
    expect(object).not.toHaveProperty('@context');
    const text = JSON.stringify(object);
    expect(text).toContain(`${ORIGIN}/initiatives/univerbal`);
    expect(text).not.toContain('brouillon');
  });

  it.each(['draft', 'in-review', 'unpublished', 'deleted'] as const)('is null for a %s practice', async (state) => {
    expect(await practicePartnerJsonLd(stored(state), deps([]))).toBeNull();
  });

  it('is null for a practice received from a partner', async () => {
    const remote = stored('published', {
      kind: 'remote',
      objectId: 'https://other.example/practices/x',
      url: 'https://other.example/practices/x',
    } as never);
    expect(await practicePartnerJsonLd(remote, deps([]))).toBeNull();
  });
});
