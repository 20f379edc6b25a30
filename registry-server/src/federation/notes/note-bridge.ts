// Which changes fediverse followers hear of as a Note (ADR 0051): a listing published, or
// changed in what its Note shows (name, summary, sector, city: the `fields` of record.updated);
// a good practice or an adoption record published. The node actor posts each; an initiative's
// own actor posts its own. A withdrawn record withdraws its Notes. Like every bridge, it reacts
// to stored changes and owns its failures: a Note that cannot be posted never fails an edit.
import type { Federation } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import type { DomainEvent } from '../../events/domain-events.ts';
import type { Store } from '../../store/store.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import type { StoreMessageQueue } from '../queue/store-message-queue.ts';
import { adoptionNote, initiativeNote, practiceNote, type NoteDraft, type NoteSubject } from './note-content.ts';
import { NotePoster } from './note-poster.ts';
import { PostingBudgetRepository } from './posting-budget-repository.ts';

const log = logger('federation', 'notes');

/**
 * The fields of a listing whose change is news to a follower: what its Note shows (name,
 * summary, sector, city). Anything else (a phone number, key figures, a service's hours) posts
 * nothing; a location change posts only if the city shown changed (the Note is compared).
 */
export const MEANINGFUL_FIELDS: readonly string[] = ['name', 'summary', 'primarySector', 'location'];

const SUBJECT_KINDS = new Set<string>(['initiative', 'goodPractice', 'adoptionRecord']);

export interface NoteBridge {
  poster: NotePoster;
  budget: PostingBudgetRepository;
  disconnect(): void;
}

export async function connectNoteBridge(
  federation: Federation<FederationData>,
  data: FederationData,
  queue: StoreMessageQueue,
  store: Store,
): Promise<NoteBridge> {
  const budget = new PostingBudgetRepository(store);
  await budget.ensureIndexes();
  const poster = new NotePoster(() => federation.createContext(data.services.config.publicUrl, data), queue, data.notes, budget);
  const disconnect = data.services.events.subscribe(async (event) => {
    if (!('kind' in event) || !SUBJECT_KINDS.has(event.kind)) return;
    try {
      await react(data, poster, event);
    } catch (error) {
      log.error('Could not post the Note of {type} of {id}: {error}', { type: event.type, id: (event as { id?: string }).id, error });
    }
  });
  return { poster, budget, disconnect };
}

async function react(data: FederationData, poster: NotePoster, event: DomainEvent): Promise<void> {
  if (event.type === 'record.unpublished' || event.type === 'record.deleted') {
    await poster.withdraw({ kind: event.kind as NoteSubject['kind'], id: event.id });
    return;
  }
  if (event.type !== 'record.published' && event.type !== 'record.updated') return;
  const kind = event.kind as NoteSubject['kind'];
  // Practices and adoption records are told of when they are published; listings also when they change.
  if (event.type === 'record.updated' && (kind !== 'initiative' || !event.fields.some((f) => MEANINGFUL_FIELDS.includes(f)))) return;
  const draft = await draftFor(data, kind, event.id);
  if (!draft) return;
  await poster.post(NODE_ACTOR, draft);
  if (kind === 'initiative') await poster.post(event.id, draft);
}

/** The Note of the local, published record; null for anything else (a partner's copy, a draft). */
async function draftFor(data: FederationData, kind: NoteSubject['kind'], id: string): Promise<NoteDraft | null> {
  const { services } = data;
  const context = { publicUrl: services.config.publicUrl, catalog: services.catalog };
  if (kind === 'initiative') {
    const doc = await services.initiatives.findPublishedById(id);
    return doc && doc.origin.kind === 'local' ? initiativeNote(doc.record, context) : null;
  }
  if (kind === 'goodPractice') {
    const doc = await services.practices.findPublishedById(id);
    return doc && doc.origin.kind === 'local' ? practiceNote(doc.record, context) : null;
  }
  const doc = await services.adoptionRecords.findPublishedById(id);
  if (!doc || doc.origin.kind !== 'local') return null;
  const node = await services.nodes.findById(services.config.nodeHandle);
  // The adopted practice's page (here, or on the partner that wrote it) lists its adoptions.
  const practice = doc.record.practice;
  const url =
    URL.canParse(practice) && /^https?:$/.test(new URL(practice).protocol)
      ? practice
      : new URL('/adoptions', services.config.publicUrl).href;
  return adoptionNote(doc.record, { ...context, locality: node?.record.locality ?? null, url });
}
