// Notes and the posting budget on a real (embedded) store: a withdrawn initiative takes every
// Note about it and every Note its own actor posted (a digest names it) out of the outboxes, and
// the hourly counters refuse the Note past the allowance, per actor and for the node (ADR 0051).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/store.ts';
import { testConfig } from '../../testing/test-node.ts';
import { NoteRepository } from './note-repository.ts';
import { ACTOR_NOTES_PER_HOUR, NODE_NOTES_PER_HOUR, PostingBudgetRepository } from './posting-budget-repository.ts';
import type { NoteDraft } from './note-content.ts';

const config = testConfig({ seed: false });
let store: Store;
beforeAll(async () => {
  store = await openStore(config);
});
afterAll(async () => {
  await store?.close();
  rmSync(config.dataDir, { recursive: true, force: true });
});

const draft = (about: NoteDraft['about']): NoteDraft => ({
  about,
  language: 'fr',
  content: '<p>x</p>',
  url: 'https://liege.example/',
  tags: [],
});

describe('notes', () => {
  it('a withdrawn initiative takes its Notes and its own actor’s digests with it, and nobody else’s', async () => {
    const notes = new NoteRepository(store);
    await notes.ensureIndexes();
    const at = '2026-12-07T10:00:00.000Z';
    await notes.add('_node', draft({ kind: 'initiative', id: 'atelier' }), at);
    await notes.add('atelier', draft({ kind: 'initiative', id: 'atelier' }), at);
    await notes.add('atelier', draft(null), at, 12);
    const kept = await notes.add('_node', draft({ kind: 'initiative', id: 'other' }), at);
    const withdrawn = await notes.withdrawAbout({ kind: 'initiative', id: 'atelier' }, '2026-12-07T11:00:00.000Z');
    expect(withdrawn).toHaveLength(3);
    expect(await notes.count('atelier')).toBe(0);
    expect((await notes.page('_node', 0, 10)).map((n) => n._id)).toEqual([kept._id]);
    for (const note of withdrawn) expect(await notes.findLive(note._id)).toBeNull();
  });
});

describe('the posting budget', () => {
  it('gives each actor and the node their hourly allowance, and a new hour a new one', async () => {
    const budget = new PostingBudgetRepository(store);
    await budget.ensureIndexes();
    const hour = new Date('2026-12-07T10:10:00Z');
    const taken = await Promise.all(Array.from({ length: ACTOR_NOTES_PER_HOUR + 3 }, () => budget.takeForActor('atelier', hour)));
    expect(taken.filter(Boolean)).toHaveLength(ACTOR_NOTES_PER_HOUR);
    const node = await Promise.all(Array.from({ length: NODE_NOTES_PER_HOUR + 5 }, () => budget.takeForNode(hour)));
    expect(node.filter(Boolean)).toHaveLength(NODE_NOTES_PER_HOUR);
    expect(await budget.takeForActor('atelier', new Date('2026-12-07T11:00:00Z'))).toBe(true);

    await budget.defer('atelier', hour);
    await budget.defer('atelier', hour, 4);
    expect(await budget.due(hour)).toEqual([]);
    const [due] = await budget.due(new Date('2026-12-07T11:00:00Z'));
    expect(due).toMatchObject({ _id: 'atelier', count: 5 });
    expect(await budget.claim(due!)).toBe(true);
    // Claimed once only.
    expect(await budget.claim(due!)).toBe(false);
  });
});
