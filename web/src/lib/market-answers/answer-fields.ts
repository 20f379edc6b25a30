// What the answer and follow-up pages share with their server code: the answer form's field ids
// (the error summary links to them), the three verdicts in the order shown, and their words.
import type { MessageKey } from '../i18n/catalog.ts';
import type { MarketAnswerVerdict } from '../generated/operation-types.ts';

export const ANSWER_FIELDS = { verdict: 'answer-verdict', message: 'answer-message' } as const;

export const VERDICTS: readonly MarketAnswerVerdict[] = ['INTERESTED', 'NOT_FOR_US', 'QUESTION'];

export const VERDICT_KEYS: Readonly<Record<MarketAnswerVerdict, MessageKey>> = {
  INTERESTED: 'mansVerdictInterested',
  NOT_FOR_US: 'mansVerdictNotForUs',
  QUESTION: 'mansVerdictQuestion',
};
