// The answer and the "told" and "seen" marks as they leave for the record's origin, pinned: a change to the
// wire format is a visible diff (STYLE 15). The message is text, sent as escaped HTML.
import { describe, expect, it } from 'vitest';
import { answerActivity, seenActivity, toldActivity } from './market-answer-activity.ts';

const node = { publicUrl: new URL('https://milano.example'), actor: 'https://milano.example/nodes/milano' };
const record = { recordIri: 'https://liege.example/market/catering', recordOrigin: 'https://liege.example/nodes/liege' };

describe('what a partner sends back to the origin', () => {
  it('sends an answer as a Create of a Note to the origin node only, the message escaped', async () => {
    const activity = answerActivity(node, {
      id: 'answer 1',
      ...record,
      initiativeIri: 'https://milano.example/initiatives/cucina',
      initiativeName: 'Cucina (test data)',
      verdict: 'question',
      message: 'Can we cook <halal>?\n\nFor 60 & more?',
      sentAt: '2027-01-15T10:00:00.000Z',
    });
    expect(activity.to).toBe(record.recordOrigin);
    expect(JSON.stringify(activity)).not.toContain('activitystreams#Public');
    await expect(JSON.stringify(activity, null, 2)).toMatchFileSnapshot('__snapshots__/market-answer.jsonld');
  });

  it('sends the seen mark as a View whose id is the same for one record and initiative', async () => {
    const mark = { ...record, initiativeIri: 'https://milano.example/initiatives/cucina', seenAt: '2027-01-15T09:00:00.000Z' };
    const first = seenActivity(node, mark);
    expect(seenActivity(node, { ...mark, seenAt: '2027-01-16T09:00:00.000Z' }).id).toBe(first.id);
    expect(seenActivity(node, { ...mark, initiativeIri: 'https://milano.example/initiatives/other' }).id).not.toBe(first.id);
    await expect(JSON.stringify(first, null, 2)).toMatchFileSnapshot('__snapshots__/market-seen.jsonld');
  });

  it('sends the told mark as an Announce to the origin only, with an id of its own per record and initiative (ADR 0055)', async () => {
    const mark = {
      ...record,
      initiativeIri: 'https://milano.example/initiatives/cucina',
      initiativeName: 'Cucina (test data)',
      toldAt: '2027-01-15T08:00:00.000Z',
    };
    const told = toldActivity(node, mark);
    expect(told.type).toBe('Announce');
    expect(toldActivity(node, { ...mark, toldAt: '2027-01-16T08:00:00.000Z' }).id).toBe(told.id);
    expect(told.id).not.toBe(seenActivity(node, { ...mark, seenAt: mark.toldAt }).id);
    expect(JSON.stringify(told)).not.toContain('activitystreams#Public');
    await expect(JSON.stringify(told, null, 2)).toMatchFileSnapshot('__snapshots__/market-told.jsonld');
  });
});
