// Questions between cities (issue 16 point 3, ADR 0046): a city's staff ask a partner city how it
// does a practice type this city has nothing of, the partner's moderators answer with one of
// their practices or a note, and the answer comes back. This service checks and stores; it
// emits `question.asked` / `question.answered` for the federation bridge (federation/questions/),
// which carries them to the other node, and it takes what that node's inbox hands over
// (`receiveQuestion`, `receiveAnswer`) after the wire checks.
import { randomUUID } from 'node:crypto';
import { ActionError } from '../accounts/action-error.ts';
import type { Actor } from '../accounts/actor.ts';
import { authorize, requireSignedIn } from '../accounts/authorization.ts';
import type { AccountRepository } from '../accounts/account-repository.ts';
import { logger } from '../config/logging.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { NotificationRepository, NotificationKind } from '../notifications/notification-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { LanguageMap } from '../records/language.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import {
  NOTE_MAX,
  QUESTION_MAX,
  TITLE_MAX,
  refuseIf,
  textMapErrors,
  trimmed,
  type CityQuestion,
  type CityQuestionAnswer,
} from './city-question.ts';
import type { CityQuestionRepository } from './city-question-repository.ts';

const log = logger('questions');

/** Where question and answer ids are minted; the inboxes route on these paths. */
export const QUESTION_PATH_PREFIX = '/ap/city-questions/';
export const ANSWER_PATH_PREFIX = '/ap/city-answers/';

/**
 * Unanswered questions one partner node may have here at once: a city asks about a handful of
 * practice types; more would fill the staff's page and notices (a partner flooding them).
 */
export const OPEN_QUESTIONS_PER_NODE = 10;

export interface CityQuestionDependencies {
  questions: CityQuestionRepository;
  practices: GoodPracticeRepository;
  iris: RecordIris;
  catalog: TaxonomyCatalog;
  events: DomainEvents;
  accounts: AccountRepository;
  notifications: NotificationRepository;
  /** Whether this node follows `actor` as an accepted partner (so it can deliver there and take its answer). */
  isPartner: (actor: string) => Promise<boolean>;
  publicUrl: URL;
  nodeHandle: string;
  now: () => Date;
}

/** A question as the asked node's inbox hands it over, after the wire checks. */
export interface RemoteQuestion {
  id: string;
  fromNode: string;
  practiceType: unknown;
  text: unknown;
  askedAt: string;
}

/** An answer as the asking node's inbox hands it over, after the wire checks. */
export interface RemoteAnswer {
  id: string;
  fromNode: string;
  questionId: string;
  practice?: string;
  practiceTitle?: unknown;
  note?: string;
  answeredAt: string;
}

export class CityQuestions {
  readonly #deps: CityQuestionDependencies;

  constructor(deps: CityQuestionDependencies) {
    this.#deps = deps;
  }

  /** This node's actor IRI: the asking node of what it sends, the asked node of what it receives. */
  get nodeActor(): string {
    return new URL(`/nodes/${this.#deps.nodeHandle}`, this.#deps.publicUrl).href;
  }

  ensureIndexes(): Promise<void> {
    return this.#deps.questions.ensureIndexes();
  }

  /** The staff ask partner city `node` (its actor IRI) how it does `practiceType`. */
  async ask(actor: Actor, input: { node: string; practiceType: string; text: LanguageMap }): Promise<CityQuestion> {
    requireSignedIn(actor);
    authorize(actor, { do: 'city.question' });
    const errors = textMapErrors('text', input.text, QUESTION_MAX);
    if (!this.#deps.catalog.has('practice-type', input.practiceType))
      errors.push({ field: 'practiceType', code: 'UNKNOWN_CODE', message: 'must be one of the ten practice types (PT1 … PT10).' });
    if (input.node === this.nodeActor || !(await this.#deps.isPartner(input.node)))
      errors.push({ field: 'node', code: 'NOT_A_PARTNER', message: 'must be a partner city this node follows (see the partners page).' });
    refuseIf(errors, 'question');
    const open = (await this.#deps.questions.list('sent')).find(
      (q) => q.askedNode === input.node && q.practiceType === input.practiceType && !q.answer,
    );
    if (open)
      throw new ActionError('ALREADY_EXISTS', 'This city already asked that partner about this practice type and waits for its answer.', {
        fields: [
          { field: 'practiceType', code: 'ALREADY_ASKED', message: 'was asked already; its answer will show on the questions page.' },
        ],
      });
    const question: CityQuestion = {
      _id: new URL(`${QUESTION_PATH_PREFIX}${randomUUID()}`, this.#deps.publicUrl).href,
      direction: 'sent',
      askingNode: this.nodeActor,
      askedNode: input.node,
      practiceType: input.practiceType,
      text: trimmed(input.text),
      askedAt: this.#deps.now().toISOString(),
    };
    await this.#deps.questions.insert(question);
    this.#deps.events.emit({ type: 'question.asked', id: question._id });
    log.info('Asked {node} about {practiceType}', { node: input.node, practiceType: input.practiceType });
    return question;
  }

  /** The asked city's moderators answer a question received, with one of their published practices, a note, or both. */
  async answer(actor: Actor, input: { id: string; practice?: string | null; note?: string | null }): Promise<CityQuestion> {
    requireSignedIn(actor);
    authorize(actor, { do: 'city.question' });
    const question = await this.#deps.questions.findById(input.id);
    if (!question || question.direction !== 'received')
      throw new ActionError('NOT_FOUND', 'No question received by this node has this id; open it from the questions page.');
    const errors = [];
    const note = input.note?.trim() || undefined;
    if (note !== undefined) errors.push(...textMapErrors('note', { und: note }, NOTE_MAX).map((e) => ({ ...e, field: 'note' })));
    let practice: { iri: string; title: LanguageMap } | undefined;
    if (input.practice) {
      const storeId = this.#deps.iris.storeIdFor('practices', input.practice);
      const doc = storeId.includes('://') ? null : await this.#deps.practices.findPublishedById(storeId);
      if (!doc || doc.origin.kind !== 'local')
        errors.push({ field: 'practice', code: 'UNKNOWN_REFERENCE', message: 'must be one of this city’s published good practices.' });
      else practice = { iri: this.#deps.iris.of('practices', doc), title: doc.record.title };
    }
    if (!practice && note === undefined && errors.length === 0)
      errors.push({ field: 'note', code: 'REQUIRED', message: 'choose one of your practices, or write a note (or both).' });
    refuseIf(errors, 'answer');
    const answer: CityQuestionAnswer = {
      id: new URL(`${ANSWER_PATH_PREFIX}${randomUUID()}`, this.#deps.publicUrl).href,
      ...(practice ? { practice: practice.iri, practiceTitle: practice.title } : {}),
      ...(note ? { note } : {}),
      answeredAt: this.#deps.now().toISOString(),
    };
    const answered = await this.#deps.questions.answerOnce(question._id, answer);
    if (!answered) throw new ActionError('INVALID_STATE', 'This question has been answered already; its answer is on the questions page.');
    this.#deps.events.emit({ type: 'question.answered', id: question._id });
    return answered;
  }

  /** The questions this node sent or received, for its staff. */
  async list(actor: Actor, direction: CityQuestion['direction']): Promise<CityQuestion[]> {
    requireSignedIn(actor);
    authorize(actor, { do: 'city.question' });
    return this.#deps.questions.list(direction);
  }

  /** One question this node sent or received, for its staff; null when it holds none with this IRI. */
  async find(actor: Actor, id: string): Promise<CityQuestion | null> {
    requireSignedIn(actor);
    authorize(actor, { do: 'city.question' });
    return this.#deps.questions.findById(id);
  }

  /** One question by its IRI, for the federation bridge (no reader). */
  findById(id: string): Promise<CityQuestion | null> {
    return this.#deps.questions.findById(id);
  }

  /**
   * A partner's question arrived (the inbox checked the sender follows this node and that the
   * question and its activity are on the sender's origin). Refusals are typed errors; a replay
   * of a question kept already is ALREADY_RECEIVED and changes nothing.
   */
  async receiveQuestion(remote: RemoteQuestion): Promise<CityQuestion> {
    const errors = textMapErrors('text', remote.text, QUESTION_MAX);
    if (typeof remote.practiceType !== 'string' || !this.#deps.catalog.has('practice-type', remote.practiceType))
      errors.push({ field: 'practiceType', code: 'UNKNOWN_CODE', message: 'must be one of the ten practice types.' });
    refuseIf(errors, 'question');
    if ((await this.#deps.questions.countOpenFrom(remote.fromNode)) >= OPEN_QUESTIONS_PER_NODE)
      throw new ActionError(
        'RATE_LIMITED',
        `${remote.fromNode} has ${OPEN_QUESTIONS_PER_NODE} questions waiting for an answer here; it may ask again once some are answered.`,
      );
    const question: CityQuestion = {
      _id: remote.id,
      direction: 'received',
      askingNode: remote.fromNode,
      askedNode: this.nodeActor,
      practiceType: remote.practiceType as string,
      text: trimmed(remote.text as LanguageMap),
      askedAt: remote.askedAt,
    };
    if (!(await this.#deps.questions.insert(question)))
      throw new ActionError('ALREADY_RECEIVED', `The question ${remote.id} is kept already; a repeat changes nothing.`);
    await this.#tellStaff('city-question.received', { question: question._id, node: remote.fromNode, practiceType: question.practiceType });
    return question;
  }

  /**
   * A partner's answer arrived (the inbox checked the sender is a partner this node follows and
   * the answer is on its origin). Taken only for a question this node sent to that very node,
   * once: a replay of the same answer is ALREADY_RECEIVED, another answer is refused.
   */
  async receiveAnswer(remote: RemoteAnswer): Promise<CityQuestion> {
    const question = await this.#deps.questions.findById(remote.questionId);
    if (!question || question.direction !== 'sent' || question.askedNode !== remote.fromNode)
      throw new ActionError('NOT_FOUND', `This node never asked ${remote.fromNode} the question ${remote.questionId}.`);
    if (question.answer)
      throw new ActionError(
        question.answer.id === remote.id ? 'ALREADY_RECEIVED' : 'INVALID_STATE',
        `The question ${remote.questionId} has its answer already.`,
      );
    const errors = [];
    if (remote.note !== undefined) errors.push(...textMapErrors('note', { und: remote.note }, NOTE_MAX));
    if (remote.practice !== undefined) errors.push(...textMapErrors('practiceTitle', remote.practiceTitle, TITLE_MAX));
    if (remote.practice === undefined && remote.note === undefined)
      errors.push({ field: 'note', code: 'REQUIRED', message: 'an answer names a practice or carries a note.' });
    refuseIf(errors, 'answer');
    const answer: CityQuestionAnswer = {
      id: remote.id,
      ...(remote.practice !== undefined ? { practice: remote.practice, practiceTitle: trimmed(remote.practiceTitle as LanguageMap) } : {}),
      ...(remote.note !== undefined ? { note: remote.note.trim() } : {}),
      answeredAt: remote.answeredAt,
    };
    const answered = await this.#deps.questions.answerOnce(question._id, answer);
    if (!answered) throw new ActionError('ALREADY_RECEIVED', `The question ${remote.questionId} has its answer already.`);
    await this.#tellStaff('city-question.answered', { question: question._id, node: remote.fromNode, practiceType: question.practiceType });
    return answered;
  }

  async #tellStaff(kind: NotificationKind, data: Record<string, unknown>): Promise<void> {
    const recipients = await this.#deps.accounts.enabledStaff();
    if (recipients.length === 0) return;
    const createdAt = this.#deps.now().toISOString();
    await this.#deps.notifications.add(recipients.map((account) => ({ accountId: account._id, kind, initiative: null, createdAt, data })));
  }
}
