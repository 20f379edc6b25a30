// "How do you do this?" between cities (issue 16 point 3, ADR 0046): a city's staff ask a partner
// city about a practice type this city has nothing of; the partner's moderators answer with one
// of their practices or a note. The question speaks for the city (organisation level): it names
// the asking and the asked node, never a person, and its text may not carry a way to reach one.
import { ActionError } from '../accounts/action-error.ts';
import type { FieldError } from '../records/field-errors.ts';
import { isLanguageTag, type LanguageMap } from '../records/language.ts';
import { reachesSomeone } from '../initiatives/eligibility-rules.ts';

/** A question, kept on both nodes under its IRI (minted on the asking node). */
export interface CityQuestion {
  _id: string;
  [field: string]: unknown;
  /** `sent` on the asking node, `received` on the asked node. */
  direction: 'sent' | 'received';
  /** The asking node's actor IRI. */
  askingNode: string;
  /** The asked node's actor IRI. */
  askedNode: string;
  /** The practice type asked about (taxonomy practice-type). */
  practiceType: string;
  text: LanguageMap;
  askedAt: string;
  answer?: CityQuestionAnswer;
}

/** The asked city's answer: one of its practices (by IRI, with its title as it was), a note, or both. */
export interface CityQuestionAnswer {
  /** The answer's IRI, minted on the answering node: the key against replays. */
  id: string;
  practice?: string;
  practiceTitle?: LanguageMap;
  note?: string;
  answeredAt: string;
}

export const QUESTION_MAX = 1_000;
export const NOTE_MAX = 2_000;
export const TITLE_MAX = 300;
const MAX_LANGUAGES = 20;

/**
 * The errors of a language map of plain text: at least one language, at most 20, each a language
 * tag, each text 1 to `max` characters, and none holding an e-mail address or a phone number
 * (the exchange is between cities; a person is reached through their organisation).
 */
export function textMapErrors(field: string, map: unknown, max: number): FieldError[] {
  if (map === null || typeof map !== 'object' || Array.isArray(map) || Object.keys(map).length === 0)
    return [{ field, code: 'REQUIRED', message: 'write the text in at least one language.' }];
  const entries = Object.entries(map as Record<string, unknown>);
  if (entries.length > MAX_LANGUAGES) return [{ field, code: 'TOO_LONG', message: `give it in at most ${MAX_LANGUAGES} languages.` }];
  const errors: FieldError[] = [];
  for (const [tag, text] of entries) {
    const at = `${field}.${tag}`;
    if (!isLanguageTag(tag)) errors.push({ field: at, code: 'INVALID_LANGUAGE', message: 'must be a language code such as it, de or ar.' });
    else if (typeof text !== 'string' || text.trim().length === 0) errors.push({ field: at, code: 'REQUIRED', message: 'write the text.' });
    else if (text.length > max) errors.push({ field: at, code: 'TOO_LONG', message: `must be at most ${max} characters.` });
    else if (reachesSomeone(text))
      errors.push({
        field: at,
        code: 'PERSONAL_CONTACT',
        message: 'holds an e-mail address or a phone number: cities answer cities, so leave out how to reach a person.',
      });
  }
  return errors;
}

/** Throws the errors, if any, as one validation failure. */
export function refuseIf(errors: FieldError[], what: string): void {
  if (errors.length) throw new ActionError('VALIDATION_FAILED', `The ${what} was not sent: some fields need fixing.`, { fields: errors });
}

/** The map with every text trimmed. */
export function trimmed(map: LanguageMap): LanguageMap {
  return Object.fromEntries(Object.entries(map).map(([tag, text]) => [tag, text.trim()]));
}
