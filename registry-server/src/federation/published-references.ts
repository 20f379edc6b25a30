// What the node serves over ActivityPub names only records the public may know of: a published
// record may refer to one that is still a draft (a moderator linked it), or was unpublished
// since, and its handle must not leak through the reference (issue #11, point 7).
import type { FederationServices } from './federation-context.ts';
import type { GoodPracticeRecord, InitiativeRecord } from '../records/record-types.ts';

async function published(
  repository: FederationServices['initiatives'] | FederationServices['practices'],
  handles: readonly string[],
): Promise<Set<string>> {
  if (handles.length === 0) return new Set();
  const docs = await repository.findPublishedLocal(handles);
  return new Set(docs.map((doc) => doc._id));
}

/** The initiative with only its published practices and parent. */
export async function withPublishedReferences(
  registry: Pick<FederationServices, 'initiatives' | 'practices'>,
  record: InitiativeRecord,
): Promise<InitiativeRecord> {
  const practices = await published(registry.practices, record.practices ?? []);
  const parent = await published(registry.initiatives, record.partOf ? [record.partOf] : []);
  const { partOf, ...rest } = record;
  return {
    ...rest,
    ...(record.practices ? { practices: record.practices.filter((h) => practices.has(h)) } : {}),
    ...(partOf && parent.has(partOf) ? { partOf } : {}),
  } as InitiativeRecord;
}

/** The good practice with only its published initiatives. */
export async function practiceWithPublishedReferences(
  registry: Pick<FederationServices, 'initiatives'>,
  record: GoodPracticeRecord,
): Promise<GoodPracticeRecord> {
  if (!record.initiatives?.length) return record;
  const initiatives = await published(registry.initiatives, record.initiatives);
  return { ...record, initiatives: record.initiatives.filter((h) => initiatives.has(h)) };
}
