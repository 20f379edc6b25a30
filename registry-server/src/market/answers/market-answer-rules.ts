// What an answer may say: one of three verdicts, and words the buyer reads as they were written.
// The same rules hold for an answer given here and one received from a partner (a partner is
// not trusted to have checked), so a message is bounded and free of control characters either way.
import type { FieldError } from '../../records/field-errors.ts';
import { VERDICTS, type Verdict } from './market-answer.ts';

export const MESSAGE_MAX = 2000;
/** A question needs enough words for the buyer to answer it. */
export const QUESTION_MIN = 10;
/** A partner's initiative name, as the partner sends it. */
export const NAME_MAX = 300;

export interface AnswerInput {
  verdict: string;
  message?: string | null;
}

// C0 controls other than tab and line feed, DEL, C1 controls, and the bidirectional overrides and
// isolates that make a name or a message read differently from what is stored (Trojan Source).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The answer as stored (message trimmed, line ends as \n, empty as null), or the fields to fix. */
export function checkAnswer(
  input: AnswerInput,
): { ok: true; verdict: Verdict; message: string | null } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const verdict = VERDICTS.find((v) => v === input.verdict);
  if (!verdict) errors.push({ field: 'verdict', code: 'INVALID', message: 'must be "interested", "not-for-us" or "question".' });
  const message = (input.message ?? '').replace(/\r\n?/g, '\n').trim();
  if (message.length > MESSAGE_MAX)
    errors.push({ field: 'message', code: 'TOO_LONG', message: `must be at most ${MESSAGE_MAX.toLocaleString('en')} characters.` });
  if (FORBIDDEN.test(message))
    errors.push({ field: 'message', code: 'INVALID', message: 'contains control characters; write plain text.' });
  if (verdict === 'question' && message.length < QUESTION_MIN)
    errors.push({ field: 'message', code: 'REQUIRED', message: `a question needs at least ${QUESTION_MIN} characters: write it here.` });
  if (errors.length || !verdict) return { ok: false, errors };
  return { ok: true, verdict, message: message || null };
}

/** A partner initiative's name fit to show, or null when it is not. */
export function checkName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX || FORBIDDEN.test(trimmed) || trimmed.includes('\n')) return null;
  return trimmed;
}
