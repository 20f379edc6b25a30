// Answers (and "told" and "seen" marks, ADR 0055) that partners' initiatives send to records of
// this node, as federation hands them over (contract C, ADR 0037). A partner speaks only for its own
// initiatives (same origin as its actor, and the node a copy of the initiative came from), only
// about a record of this node that still takes answers, and each activity counts once: a replay
// is refused and changes nothing. What it says passes the same rules as a local answer.
import { createHash } from 'node:crypto';
import { ActionError } from '../../accounts/action-error.ts';
import { logger } from '../../config/logging.ts';
import { originMatches } from '../../federation/partners/partner-origin.ts';
import type { InitiativeRepository } from '../../initiatives/initiative-repository.ts';
import type { RecordIris } from '../../records/record-iris.ts';
import { DuplicateKeyError } from '../../store/store-errors.ts';
import type { MarketRecordRepository, StoredMarketRecord } from '../market-record-repository.ts';
import type { MarketAnswerRepository } from './market-answer-repository.ts';
import type { MarketAnswerEntry, Verdict } from './market-answer.ts';
import { checkAnswer, checkName } from './market-answer-rules.ts';

const log = logger('market');

export interface RemoteAnswer {
  /** The id of the activity that carried it: one answer per activity. */
  activityId: string;
  /** The actor IRI of the partner node that sent it (verified by federation's signature check). */
  fromNode: string;
  recordIri: string;
  initiativeIri: string;
  initiativeName: string;
  verdict: Verdict | string;
  message?: string | null;
  sentAt: string;
}

export interface RemoteSeen {
  fromNode: string;
  recordIri: string;
  initiativeIri: string;
  initiativeName?: string | null;
  seenAt: string;
}

/** A partner's node told its initiative of one of our records (ADR 0055). */
export interface RemoteTold {
  fromNode: string;
  recordIri: string;
  initiativeIri: string;
  /** The name the partner gives it: used only when this node holds no copy of the initiative. */
  initiativeName?: string | null;
  toldAt: string;
}

/** The marks a partner sends about its initiative and one of our records: the entry field each one sets. */
export type RemoteMark = { stage: 'told'; input: RemoteTold } | { stage: 'seen'; input: RemoteSeen };

export interface RemoteAnswerDependencies {
  answers: MarketAnswerRepository;
  records: MarketRecordRepository;
  initiatives: InitiativeRepository;
  iris: RecordIris;
  publicUrl: URL;
  now: () => Date;
  entryId: (recordIri: string, partyIri: string) => string;
}

/**
 * The most initiatives of one partner node a record's follow-up lists. Its matching keeps 50 per
 * record at a time (ADR 0036), and initiatives that change come and go (ADR 0055); far more than
 * that is a partner filling the buyer's follow-up (whose list is bounded) with initiatives of its own making.
 */
export const MAX_PARTNER_PARTIES_PER_RECORD = 200;

/** The longest id taken from a partner (as the API bounds ids): nothing longer is stored, nor looked up. */
const ID_MAX = 2000;

function checkIds(input: Record<string, unknown>, fields: readonly string[]): void {
  const errors = fields
    .filter(
      (field) => typeof input[field] !== 'string' || (input[field] as string).length === 0 || (input[field] as string).length > ID_MAX,
    )
    .map((field) => ({ field, code: 'INVALID', message: `must be an id of 1 to ${ID_MAX.toLocaleString('en')} characters.` }));
  if (errors.length) throw new ActionError('VALIDATION_FAILED', 'The answer was not stored: some ids are not valid.', { fields: errors });
}

export async function receiveRemoteAnswer(deps: RemoteAnswerDependencies, input: RemoteAnswer): Promise<MarketAnswerEntry> {
  checkIds(input as unknown as Record<string, unknown>, ['activityId', 'fromNode', 'recordIri', 'initiativeIri']);
  const now = deps.now();
  const record = await localRecord(deps, input.recordIri);
  if (record.derived.closesAt <= now.toISOString())
    throw new ActionError('INVALID_STATE', 'This record no longer takes answers: its deadline has passed.');
  const name = await partnerInitiativeName(deps, input);
  const checked = checkAnswer({ verdict: input.verdict, message: input.message ?? null });
  if (!checked.ok)
    throw new ActionError('VALIDATION_FAILED', 'The answer was not stored: some fields are not valid.', { fields: checked.errors });
  const at = instant(input.sentAt, now, 'sentAt');
  const historyId = `activity:${createHash('sha256').update(input.activityId).digest('base64url')}`;
  if (await deps.answers.historyHas(historyId)) throw replay(input);
  const entry = await ensureEntry(deps, record, input, name);
  if (!(await deps.answers.claimAnswerSlot(entry._id)))
    throw new ActionError('INVALID_STATE', 'This initiative has answered this record too many times already; its last answer stands.');
  const given = { verdict: checked.verdict, message: checked.message, at };
  try {
    await deps.answers.addHistory({ _id: historyId, entry: entry._id, ...given, by: null, activityId: input.activityId });
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    // Two deliveries of one activity at once: the other one stored it.
    await deps.answers.releaseAnswerSlot(entry._id);
    throw replay(input);
  }
  await deps.answers.applyAnswer(entry._id, given);
  log.info('A partner initiative answered market record {record} ({node})', { record: entry.recordIri, node: input.fromNode });
  return (await deps.answers.findById(entry._id))!;
}

/**
 * A told or seen mark: the same checks as an answer (a published record of this node, an
 * initiative the sender speaks for), then the time is set once; a mark delivered again changes
 * nothing. The name shown is the copy's this node holds, else the one sent, else the IRI.
 */
export async function receiveRemoteMark(deps: RemoteAnswerDependencies, mark: RemoteMark): Promise<MarketAnswerEntry> {
  const { input } = mark;
  checkIds(input as unknown as Record<string, unknown>, ['fromNode', 'recordIri', 'initiativeIri']);
  const [field, value] = mark.stage === 'told' ? (['toldAt', mark.input.toldAt] as const) : (['seenAt', mark.input.seenAt] as const);
  const at = instant(value, deps.now(), field);
  const record = await localRecord(deps, input.recordIri);
  const name = await partnerInitiativeName(deps, { ...input, initiativeName: input.initiativeName ?? '' }, true);
  const entry = await ensureEntry(deps, record, input, name);
  await deps.answers.mark(entry._id, field, at);
  return (await deps.answers.findById(entry._id))!;
}

export function receiveRemoteSeen(deps: RemoteAnswerDependencies, input: RemoteSeen): Promise<MarketAnswerEntry> {
  return receiveRemoteMark(deps, { stage: 'seen', input });
}

/** The published record of this node the IRI names, or NOT_FOUND. */
async function localRecord(deps: RemoteAnswerDependencies, recordIri: string): Promise<StoredMarketRecord> {
  const id = deps.iris.storeIdFor('market', recordIri);
  const record = id.includes('://') ? null : await deps.records.findPublishedById(id);
  if (!record || record.origin.kind !== 'local' || deps.iris.of('market', record) !== recordIri)
    throw new ActionError('NOT_FOUND', `No published market record of this node is ${recordIri}.`);
  return record;
}

/**
 * The name to show for the partner's initiative, after checking the partner speaks for it: the
 * initiative is on the partner's origin (not this node's), and a copy this node holds came from
 * that partner. The copy's name wins over the one sent.
 */
async function partnerInitiativeName(
  deps: RemoteAnswerDependencies,
  input: { fromNode: string; initiativeIri: string; initiativeName: string },
  fallbackToIri = false,
): Promise<string> {
  if (!originMatches(input.fromNode, input.initiativeIri, deps.publicUrl.origin))
    throw new ActionError(
      'NOT_FOUND',
      `${input.initiativeIri} is not an initiative of ${input.fromNode}: a node answers only for its own initiatives.`,
    );
  const copy = await deps.initiatives.findById(input.initiativeIri);
  if (copy && (copy.origin.kind !== 'remote' || copy.origin.node !== input.fromNode))
    throw new ActionError('NOT_FOUND', `${input.initiativeIri} was received from another node than ${input.fromNode}.`);
  const copied = copy ? (copy.record.name[copy.record.originalLanguage] ?? Object.values(copy.record.name)[0]) : undefined;
  const name = (copied && checkName(copied)) ?? checkName(input.initiativeName);
  if (name) return name;
  if (fallbackToIri) return input.initiativeIri;
  throw new ActionError('VALIDATION_FAILED', 'The answer was not stored: the initiative’s name is missing or not plain text.', {
    fields: [{ field: 'initiativeName', code: 'INVALID', message: 'must be 1 to 300 characters of plain text on one line.' }],
  });
}

async function ensureEntry(
  deps: RemoteAnswerDependencies,
  record: StoredMarketRecord,
  input: { fromNode: string; recordIri: string; initiativeIri: string },
  name: string,
): Promise<MarketAnswerEntry> {
  const id = deps.entryId(input.recordIri, input.initiativeIri);
  if (
    !(await deps.answers.findById(id)) &&
    (await deps.answers.countPartnerParties(input.recordIri, input.fromNode)) >= MAX_PARTNER_PARTIES_PER_RECORD
  )
    throw new ActionError(
      'REQUEST_REFUSED',
      `${input.fromNode} has named ${MAX_PARTNER_PARTIES_PER_RECORD} of its initiatives for ${input.recordIri} already; no more are listed.`,
    );
  await deps.answers.insertIfAbsent({
    _id: id,
    recordIri: input.recordIri,
    recordId: record._id,
    recordLocal: true,
    recordOrigin: null,
    party: 'initiative',
    partyIri: input.initiativeIri,
    initiative: null,
    partyName: name,
    partyNode: input.fromNode,
    reasons: [],
    toldAt: null,
    seenAt: null,
    answer: null,
    answerCount: 0,
    shortlistedAt: null,
  });
  let entry = (await deps.answers.findById(id))!;
  // Two partners on one host (different actors): the first to answer for the initiative keeps it.
  if (entry.partyNode !== input.fromNode)
    throw new ActionError('NOT_FOUND', `${input.initiativeIri} answered this record through another node than ${input.fromNode}.`);
  // First seen (no name sent, so its IRI stood for it), named now.
  if (entry.partyName === input.initiativeIri && name !== input.initiativeIri) {
    await deps.answers.nameParty(id, name);
    entry = { ...entry, partyName: name };
  }
  return entry;
}

/** A partner's timestamp, never later than now (a clock ahead, or a claim to outrank later answers). */
function instant(value: string, now: Date, field: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time))
    throw new ActionError('VALIDATION_FAILED', `The ${field} is not a date and time.`, {
      fields: [{ field, code: 'INVALID', message: 'must be an ISO 8601 date and time.' }],
    });
  return new Date(Math.min(time, now.getTime())).toISOString();
}

function replay(input: RemoteAnswer): ActionError {
  return new ActionError('ALREADY_RECEIVED', `The activity ${input.activityId} was received already; it counts once.`);
}
