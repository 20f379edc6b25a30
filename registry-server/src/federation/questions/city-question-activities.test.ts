// The question and the answer as they leave a node are pinned (STYLE 15): a change of the wire
// format is a visible diff. Both go to one node actor, never to the public or to followers.
import { describe, expect, it } from 'vitest';
import type { CityQuestion } from '../../questions/city-question.ts';
import { answerActivity, questionActivity } from './city-question-activities.ts';

const question: CityQuestion = {
  _id: 'https://milano.example/ap/city-questions/5d2c',
  direction: 'received',
  askingNode: 'https://milano.example/nodes/milan',
  askedNode: 'https://liege.example/nodes/liege',
  practiceType: 'PT4',
  text: { it: 'Come organizzate lo sportello unico?' },
  askedAt: '2026-12-07T10:00:00.000Z',
  answer: {
    id: 'https://liege.example/ap/city-answers/9a1f',
    practice: 'https://liege.example/practices/liege-pt4-one-stop-shop',
    practiceTitle: { fr: 'Guichet unique municipal' },
    note: 'Voyez notre fiche.',
    answeredAt: '2026-12-08T09:00:00.000Z',
  },
};

describe('questions between cities on the wire', () => {
  it('sends the question to the asked node actor only', () => {
    const activity = questionActivity(question);
    expect(activity).toMatchSnapshot();
    expect(JSON.stringify(activity)).not.toContain('#Public');
    expect(activity).not.toHaveProperty('cc');
  });

  it('sends the answer back to the asking node actor only, replying to the question', () => {
    const activity = answerActivity(question);
    expect(activity).toMatchSnapshot();
    expect(JSON.stringify(activity)).not.toContain('#Public');
    expect((activity.object as Record<string, unknown>).inReplyTo).toBe(question._id);
  });
});
