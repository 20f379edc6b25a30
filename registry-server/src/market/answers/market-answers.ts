// Answers to market records (issue 15 point 2, contract C, ADR 0037): the matched side is told
// once per record, an editor opens the record (seen) and answers for their initiative
// ("interested", "not for us" or a question), and the record's followers see who was told, who
// saw and who answered, shortlist answers and export them. An answer to a partner's record is
// sent to its origin (market.answer.sent, delivered by federation); an answer from a partner's
// initiative arrives through receiveRemote (remote-market-answers.ts). Nobody's address is ever
// part of any of it: the buyer sees an initiative's name and words, the editor a record.
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../accounts/actor.ts';
import { ActionError } from '../../accounts/action-error.ts';
import { AuthorizationError, authorize, can, requireSignedIn } from '../../accounts/authorization.ts';
import type { RevisionRepository } from '../../editorial/revision-repository.ts';
import type { DomainEvents } from '../../events/domain-events.ts';
import type { InitiativeRepository } from '../../initiatives/initiative-repository.ts';
import type { RecordIris } from '../../records/record-iris.ts';
import { logger } from '../../config/logging.ts';
import type { MarketRecordRepository, StoredMarketRecord } from '../market-record-repository.ts';
import type { PublicMarketRecords } from '../public-market-records.ts';
import type { MarketAnswerRepository } from './market-answer-repository.ts';
import type { MarketMatch, MarketMatchedEvent, MatchReason } from './market-answer-events.ts';
import type { MarketAnswerEntry, MarketAnswerHistoryEntry } from './market-answer.ts';
import { checkAnswer, type AnswerInput } from './market-answer-rules.ts';
import type { MatchedNotices, TellParty } from './matched-notices.ts';
import {
  receiveRemoteAnswer,
  receiveRemoteMark,
  receiveRemoteSeen,
  type RemoteAnswer,
  type RemoteSeen,
  type RemoteTold,
} from './remote-market-answers.ts';

const log = logger('market');

/** The reason of a record a moderator sent by hand (matching's reasons have codes of their own). */
export const SENT_BY_HAND: MatchReason = { code: 'sent-by-moderator', params: {} };

export interface MarketAnswersDependencies {
  answers: MarketAnswerRepository;
  records: MarketRecordRepository;
  publicRecords: PublicMarketRecords;
  initiatives: InitiativeRepository;
  revisions: RevisionRepository;
  iris: RecordIris;
  events: DomainEvents;
  notices: MatchedNotices;
  publicUrl: URL;
  now: () => Date;
}

/** The id of the entry of a record and a party: the same on every telling, so a party is told once. */
export function entryId(recordIri: string, partyIri: string): string {
  return createHash('sha256').update(`${recordIri}\n${partyIri}`).digest('base64url').slice(0, 32);
}

/** An entry with the answers it gave before its current one. */
export type FollowedEntry = MarketAnswerEntry & { history: MarketAnswerHistoryEntry[] };

export class MarketAnswers {
  readonly #deps: MarketAnswersDependencies;

  constructor(deps: MarketAnswersDependencies) {
    this.#deps = deps;
  }

  /** Listens to matching: every new match with a local initiative (or local owner) tells its editors, once. */
  subscribe(): void {
    this.#deps.events.subscribe((event) => (event.type === 'market.matched' ? this.onMatched(event) : undefined));
  }

  ensureIndexes(): Promise<void> {
    return this.#deps.answers.ensureIndexes();
  }

  async onMatched(event: MarketMatchedEvent): Promise<void> {
    const { iris, publicRecords, answers, notices } = this.#deps;
    // Only a record the public sees now is sent: a withdrawn or expired one tells nobody.
    const open = await publicRecords.findById(iris.storeIdFor('market', event.record.iri));
    if (!open) return;
    const record = open.doc;
    const recordIri = iris.of('market', record);
    let told = 0;
    for (const match of event.matches) {
      // A partner's initiative is told by its own node, when the record reaches it.
      if (match.recordIri !== recordIri || !match.counterpart.local) continue;
      const party = await this.#partyOf(match);
      if (!party) continue;
      const entry = this.#newEntry(record, recordIri, party, match);
      if (await answers.insertIfAbsent(entry)) {
        await notices.tell(party, record, recordIri);
        told++;
        this.#toldOrigin(entry);
      } else {
        await answers.setReasons(entry._id, match.reasons);
      }
    }
    if (told) log.info('Told {count} party(ies) of market record {record}', { count: told, record: recordIri });
  }

  /** A partner's record told to one of our initiatives: its origin hears whom we told (ADR 0055), as it hears "seen". */
  #toldOrigin(entry: MarketAnswerEntry): void {
    if (entry.recordLocal || !entry.recordOrigin || entry.party !== 'initiative' || !entry.toldAt) return;
    this.#deps.events.emit({
      type: 'market.told',
      recordIri: entry.recordIri,
      recordOrigin: entry.recordOrigin,
      initiativeIri: entry.partyIri,
      initiativeName: entry.partyName,
      toldAt: entry.toldAt,
    });
  }

  /**
   * A moderator or admin sends a record of this node to a local initiative by hand (the buyer
   * knows one that matching did not find): told as a match would tell it, once.
   */
  async sendByHand(actor: Actor, recordRef: string, initiativeRef: string): Promise<MarketAnswerEntry> {
    authorize(actor, { do: 'market.moderate' });
    const { iris, publicRecords, answers, notices } = this.#deps;
    const open = await publicRecords.findById(iris.storeIdFor('market', recordRef));
    if (!open || open.doc.origin.kind !== 'local')
      throw new ActionError('NOT_FOUND', 'No published market record of this node has this id; only public records are sent.');
    const party = await this.#initiativeParty(iris.storeIdFor('initiatives', initiativeRef));
    if (!party)
      throw new ActionError(
        'NOT_FOUND',
        'No published initiative of this node has this id; a partner’s initiatives are told by their node.',
      );
    const recordIri = iris.of('market', open.doc);
    const match: MarketMatch = {
      recordIri,
      counterpart: { kind: 'initiative', iri: party.iri, local: true },
      score: 1,
      reasons: [SENT_BY_HAND],
    };
    const entry = this.#newEntry(open.doc, recordIri, party, match);
    if (await answers.insertIfAbsent(entry)) {
      await notices.tell(party, open.doc, recordIri);
      log.info('Market record {record} sent by hand to {initiative}', { record: recordIri, initiative: party.handle });
    }
    return (await answers.findById(entry._id))!;
  }

  /** What an editor sees of a record sent to their initiative (NOT_FOUND when it was not sent to it). */
  async sentTo(
    actor: Actor,
    recordRef: string,
    initiativeRef: string,
  ): Promise<{ entry: MarketAnswerEntry; record: StoredMarketRecord | null; history: MarketAnswerHistoryEntry[] }> {
    const { entry } = await this.#editorsEntry(actor, recordRef, initiativeRef);
    const open = await this.#deps.publicRecords.findById(entry.recordId);
    return { entry, record: open?.doc ?? null, history: await this.#deps.answers.history(entry._id) };
  }

  /** The records sent to one of the actor's initiatives, newest first. */
  async sentToInitiative(actor: Actor, initiativeRef: string, first = 50): Promise<MarketAnswerEntry[]> {
    const handle = this.#editorsInitiative(actor, initiativeRef);
    return this.#deps.answers.forInitiative(handle, Math.min(Math.max(first, 1), 200));
  }

  /** The editor opened the record: seen (once); a partner's record's origin may hear of it (market.seen). */
  async markSeen(actor: Actor, recordRef: string, initiativeRef: string): Promise<MarketAnswerEntry> {
    const { entry } = await this.#editorsEntry(actor, recordRef, initiativeRef);
    const seenAt = this.#deps.now().toISOString();
    if (await this.#deps.answers.markSeen(entry._id, seenAt)) {
      if (!entry.recordLocal && entry.recordOrigin)
        this.#deps.events.emit({
          type: 'market.seen',
          recordIri: entry.recordIri,
          recordOrigin: entry.recordOrigin,
          initiativeIri: entry.partyIri,
          seenAt,
        });
    }
    return (await this.#deps.answers.findById(entry._id))!;
  }

  /**
   * An editor answers for their initiative. Answering again replaces the current answer; every
   * answer stays in the history. Refused when the record no longer takes answers.
   */
  async answer(actor: Actor, recordRef: string, initiativeRef: string, input: AnswerInput): Promise<MarketAnswerEntry> {
    const { entry, actor: account } = await this.#editorsEntry(actor, recordRef, initiativeRef);
    const { answers, now, events } = this.#deps;
    const record = await this.#deps.publicRecords.findById(entry.recordId);
    if (!record || record.doc.derived.closesAt <= record.now.toISOString())
      throw new ActionError('INVALID_STATE', 'This record no longer takes answers: its deadline has passed, or it was withdrawn.');
    const checked = checkAnswer(input);
    if (!checked.ok)
      throw new ActionError('VALIDATION_FAILED', 'The answer was not sent: some fields need fixing.', { fields: checked.errors });
    if (!(await answers.claimAnswerSlot(entry._id)))
      throw new ActionError('INVALID_STATE', 'Your initiative has answered this record too many times already; your last answer stands.');
    const given = { verdict: checked.verdict, message: checked.message, at: now().toISOString() };
    const id = randomUUID();
    await answers.addHistory({ _id: id, entry: entry._id, ...given, by: account.accountId });
    await answers.applyAnswer(entry._id, given);
    log.info('Initiative {initiative} answered market record {record}', { initiative: entry.initiative, record: entry.recordIri });
    if (!entry.recordLocal && entry.recordOrigin) {
      events.emit({
        type: 'market.answer.sent',
        answer: {
          id,
          recordIri: entry.recordIri,
          recordOrigin: entry.recordOrigin,
          initiativeIri: entry.partyIri,
          initiativeName: entry.partyName,
          verdict: given.verdict,
          ...(given.message ? { message: given.message } : {}),
          sentAt: given.at,
        },
      });
    }
    return (await answers.findById(entry._id))!;
  }

  /**
   * An answer from a partner's initiative to a record of this node, delivered by federation
   * (contract C). Refused when the record is not this node's or no longer takes answers, when the
   * initiative is not the sending node's, or when the activity was received already (a replay:
   * ALREADY_RECEIVED, nothing changes).
   */
  receiveRemote(input: RemoteAnswer): Promise<MarketAnswerEntry> {
    return receiveRemoteAnswer(this.#remoteDeps(), input);
  }

  /** A partner's editor opened a record of this node sent to their initiative (idempotent). */
  receiveSeen(input: RemoteSeen): Promise<MarketAnswerEntry> {
    return receiveRemoteSeen(this.#remoteDeps(), input);
  }

  /** A partner told its initiative of a record of this node (ADR 0055): listed as told, once. */
  receiveTold(input: RemoteTold): Promise<MarketAnswerEntry> {
    return receiveRemoteMark(this.#remoteDeps(), { stage: 'told', input });
  }

  #remoteDeps() {
    return { ...this.#deps, entryId };
  }

  /** The follow-up of a record of this node: who was told, who saw, who answered (and how), with each party's earlier answers. */
  async followUp(actor: Actor, recordRef: string): Promise<{ record: StoredMarketRecord; entries: FollowedEntry[] }> {
    const record = await this.#followedRecord(actor, this.#deps.iris.storeIdFor('market', recordRef));
    const entries = await this.#deps.answers.forRecord(this.#deps.iris.of('market', record));
    const history = await this.#deps.answers.historyOf(entries.map((e) => e._id));
    return { record, entries: entries.map((e) => ({ ...e, history: history.filter((h) => h.entry === e._id) })) };
  }

  /** Puts an answer on the record's shortlist, or takes it off. Only answers go on it. */
  async setShortlisted(actor: Actor, entryRef: string, shortlisted: boolean): Promise<MarketAnswerEntry> {
    requireSignedIn(actor);
    const entry = await this.#deps.answers.findById(entryRef);
    if (!entry) throw new ActionError('NOT_FOUND', 'No answer with this id; see the record’s follow-up.');
    await this.#followedRecord(actor, entry.recordId);
    if (shortlisted && !entry.answer)
      throw new ActionError('INVALID_STATE', `${entry.partyName} has not answered yet: only answers go on the shortlist.`);
    const at = shortlisted ? (entry.shortlistedAt ?? this.#deps.now().toISOString()) : null;
    return (await this.#deps.answers.setShortlisted(entry._id, at))!;
  }

  /**
   * Who follows a record's answers: the account that posted it (the buyer, or the staff member
   * who posted for them), the node's moderators and admins, and for a need or an opening the
   * owner initiative's editors.
   */
  async mayFollow(actor: Actor, record: StoredMarketRecord): Promise<boolean> {
    if (actor.kind !== 'account') return false;
    if (can(actor, { do: 'market.moderate' })) return true;
    if (record.record.owner.initiative && actor.initiatives.includes(record.record.owner.initiative)) return true;
    return (await this.#deps.revisions.creatorOf('marketRecord', record._id)) === actor.accountId;
  }

  async #followedRecord(actor: Actor, recordId: string): Promise<StoredMarketRecord> {
    requireSignedIn(actor);
    const record = await this.#deps.records.findById(recordId);
    if (!record || record.origin.kind !== 'local' || record.publication.state === 'deleted')
      throw new ActionError(
        'NOT_FOUND',
        'No market record of this node has this id; answers to a partner’s record are followed on its node.',
      );
    // As absent as a record that is not there: the answers are the buyer's correspondence.
    if (!(await this.mayFollow(actor, record)))
      throw new ActionError(
        'NOT_FOUND',
        'No market record of this node that you follow has this id: answers are followed by whoever posted the record, and the node’s moderators.',
      );
    return record;
  }

  /** The handle of one of the actor's initiatives, refused before anything is looked up (an editor of another initiative learns nothing). */
  #editorsInitiative(actor: Actor, initiativeRef: string): string {
    requireSignedIn(actor);
    const handle = this.#deps.iris.storeIdFor('initiatives', initiativeRef);
    if (!actor.initiatives.includes(handle))
      throw new AuthorizationError('NOT_AUTHORIZED', `Only the editors of "${handle}" open and answer what is sent to it.`);
    return handle;
  }

  async #editorsEntry(actor: Actor, recordRef: string, initiativeRef: string) {
    const handle = this.#editorsInitiative(actor, initiativeRef);
    const { iris, answers } = this.#deps;
    const recordIri = recordRef.includes('://') ? recordRef : iris.local('market', recordRef);
    const entry = await answers.findById(entryId(recordIri, iris.local('initiatives', handle)));
    if (!entry || entry.initiative !== handle)
      throw new ActionError('NOT_FOUND', `This record was not sent to "${handle}"; the records sent to it are in its notifications.`);
    return { entry, actor: actor as Extract<Actor, { kind: 'account' }> };
  }

  /** The party a match tells: a local initiative (directly, or as the owner of a need), or a local organisation's record (staff are told). */
  async #partyOf(match: MarketMatch): Promise<TellParty | null> {
    const { iris, publicRecords } = this.#deps;
    if (match.counterpart.kind === 'initiative') return this.#initiativeParty(iris.storeIdFor('initiatives', match.counterpart.iri));
    const counterpart = await publicRecords.findById(iris.storeIdFor('market', match.counterpart.iri));
    if (!counterpart || counterpart.doc.origin.kind !== 'local') return null;
    const owner = counterpart.doc.record.owner;
    if (owner.initiative) return this.#initiativeParty(owner.initiative);
    return {
      party: 'organisation',
      iri: iris.of('market', counterpart.doc),
      handle: null,
      name: owner.organisation ?? counterpart.doc.record.handle,
    };
  }

  async #initiativeParty(handle: string): Promise<TellParty | null> {
    if (handle.includes('://')) return null;
    const initiative = await this.#deps.initiatives.findPublishedById(handle);
    if (!initiative || initiative.origin.kind !== 'local') return null;
    const name = initiative.record.name[initiative.record.originalLanguage] ?? Object.values(initiative.record.name)[0] ?? handle;
    return { party: 'initiative', iri: this.#deps.iris.local('initiatives', handle), handle, name };
  }

  #newEntry(record: StoredMarketRecord, recordIri: string, party: TellParty, match: MarketMatch): MarketAnswerEntry {
    return {
      _id: entryId(recordIri, party.iri),
      recordIri,
      recordId: record._id,
      recordLocal: record.origin.kind === 'local',
      recordOrigin: record.origin.kind === 'remote' ? record.origin.node : null,
      party: party.party,
      partyIri: party.iri,
      initiative: party.handle,
      partyName: party.name,
      partyNode: null,
      reasons: match.reasons,
      toldAt: this.#deps.now().toISOString(),
      seenAt: null,
      answer: null,
      answerCount: 0,
      shortlistedAt: null,
    };
  }
}
