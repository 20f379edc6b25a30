// The questions service on one node with a real store (ADR 0046): what the asked node keeps of
// what a partner's inbox hands over. A partner that follows this node could otherwise fill the
// staff's page and notices with questions: it may keep only so many unanswered at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { OPEN_QUESTIONS_PER_NODE } from './city-questions.ts';

let node: TestNode;
const milan = 'https://milan.example/nodes/milan';
const remote = (id: string, from = milan) => ({
  id: `${new URL(from).origin}/ap/city-questions/${id}`,
  fromNode: from,
  practiceType: 'PT4',
  text: { it: `Domanda ${id}` },
  askedAt: '2026-12-07T10:00:00.000Z',
});
const codeOf = async (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: { code?: string }) => error.code,
  );

beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

describe('questions received', () => {
  it('keeps at most OPEN_QUESTIONS_PER_NODE unanswered questions of one node, and takes more once one is answered', async () => {
    const questions = node.registry.cityQuestions;
    for (let i = 0; i < OPEN_QUESTIONS_PER_NODE; i++) expect(await codeOf(questions.receiveQuestion(remote(`q${i}`)))).toBeNull();
    expect(await codeOf(questions.receiveQuestion(remote('one-too-many')))).toBe('RATE_LIMITED');
    expect(await questions.findById(remote('one-too-many').id)).toBeNull();
    // Another node is not held back by Milan's questions.
    expect(await codeOf(questions.receiveQuestion(remote('from-sofia', 'https://sofia.example/nodes/sofia')))).toBeNull();
    const staff = { kind: 'account', accountId: 'staff', role: 'moderator', initiatives: [], sessionId: 's', via: 'cli' } as const;
    await questions.answer(staff, { id: remote('q0').id, note: 'Voyez notre guichet.' });
    expect(await codeOf(questions.receiveQuestion(remote('after-an-answer')))).toBeNull();
    // A question nobody asked this node cannot be answered.
    expect(await codeOf(questions.answer(staff, { id: 'https://milan.example/ap/city-questions/never', note: 'x' }))).toBe('NOT_FOUND');
  });
});
