// A question between cities and its answer on the wire (ADR 0046), like an answer to a market
// record (ADR 0038): a Create of a Note, from one node actor to the other node actor only (never
// public: it is between two cities' staff), the Note embedded (served nowhere). Generic software
// reads `content`; UMN nodes read our JSON literals `cityQuestion` (practice type and the text as
// a language map) and `cityAnswer` (the practice's IRI and title, the note), checked on arrival.
import type { CityQuestion } from '../../questions/city-question.ts';
import { compact } from '../jsonld/compact.ts';
import { DATA_INTEGRITY_CONTEXT, type ActivityDocument } from '../fanout/follower-deliveries.ts';
import { textToHtml } from '../jsonld/html-text.ts';
import { AS_CONTEXT_URL, UMN_NAMESPACE } from '../jsonld/umn-context.ts';

export const QUESTION_CONTEXT = Object.freeze({
  cityQuestion: { '@id': `${UMN_NAMESPACE}cityQuestion`, '@type': '@json' },
  cityAnswer: { '@id': `${UMN_NAMESPACE}cityAnswer`, '@type': '@json' },
});

const firstText = (map: Readonly<Record<string, string>>) => Object.values(map)[0] ?? '';

/** The question, from the asking node actor to the asked node actor. */
export function questionActivity(question: CityQuestion): ActivityDocument {
  return compact<ActivityDocument>({
    '@context': [AS_CONTEXT_URL, QUESTION_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: `${question._id}/create`,
    type: 'Create',
    actor: question.askingNode,
    to: question.askedNode,
    published: question.askedAt,
    object: {
      id: question._id,
      type: 'Note',
      attributedTo: question.askingNode,
      to: question.askedNode,
      published: question.askedAt,
      content: textToHtml(firstText(question.text)),
      cityQuestion: { practiceType: question.practiceType, text: question.text },
    },
  });
}

/** The answer, from the asked node actor back to the asking node actor, replying to the question. */
export function answerActivity(question: CityQuestion): ActivityDocument {
  const answer = question.answer!;
  return compact<ActivityDocument>({
    '@context': [AS_CONTEXT_URL, QUESTION_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: `${answer.id}/create`,
    type: 'Create',
    actor: question.askedNode,
    to: question.askingNode,
    published: answer.answeredAt,
    object: {
      id: answer.id,
      type: 'Note',
      attributedTo: question.askedNode,
      inReplyTo: question._id,
      to: question.askingNode,
      published: answer.answeredAt,
      content: textToHtml(answer.note ?? (answer.practiceTitle ? firstText(answer.practiceTitle) : '')),
      cityAnswer: {
        ...(answer.practice ? { practice: answer.practice, practiceTitle: answer.practiceTitle } : {}),
        ...(answer.note ? { note: answer.note } : {}),
      },
    },
  });
}
