// The inbox side of questions between cities (ADR 0046). What the wire can prove is checked here,
// then the questions service decides (a known practice type, bounded texts without a way to reach
// a person, no replay, an answer only to a question this node asked that very node, once):
//   - a question comes from a registry node that follows this node and was accepted, is
//     attributed to that node (a node asks for itself, never "on behalf" of another), is
//     addressed to this node, and its activity and Note are on the sender's origin;
//   - an answer comes from a partner this node follows, is attributed to it, its activity and
//     Note are on its origin, it replies to a question minted on this node, and the practice it
//     names is on its origin.
// A refusal is logged and acknowledged (a retry would be refused again); any other failure
// answers 500, so the partner's queue retries.
import type { InboxContext } from '@fedify/fedify';
import type { Create } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import { ANSWER_PATH_PREFIX, QUESTION_PATH_PREFIX } from '../../questions/city-questions.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { htmlToText } from '../jsonld/html-text.ts';
import { sameOrigin } from '../partners/partner-origin.ts';

const log = logger('federation', 'questions');

const underPath = (id: string, prefix: string) => URL.canParse(id) && new URL(id).pathname.startsWith(prefix);
/** Whether a Create carries a question between cities (its object's id is minted under QUESTION_PATH_PREFIX). */
export const isCityQuestion = (objectId: string): boolean => underPath(objectId, QUESTION_PATH_PREFIX);
/** Whether a Create carries an answer to one (its object's id is minted under ANSWER_PATH_PREFIX). */
export const isCityAnswer = (objectId: string): boolean => underPath(objectId, ANSWER_PATH_PREFIX);

type Read = { note: Record<string, unknown>; literal: Record<string, unknown> } | { refused: string };

/** The embedded Note and its JSON literal, with the checks questions and answers share. */
async function readNote(activity: Create, sender: string, prefix: string, term: string): Promise<Read> {
  const json = (await activity.toJsonLd()) as Record<string, unknown>;
  const note = json.object;
  if (note === null || typeof note !== 'object' || Array.isArray(note)) return { refused: 'the Note is not embedded in the activity' };
  const n = note as Record<string, unknown>;
  if (!sameOrigin(activity.id!.href, sender)) return { refused: "the activity's id is not on the sender's origin" };
  if (n.type !== 'Note' || typeof n.id !== 'string' || !sameOrigin(n.id, sender) || !underPath(n.id, prefix))
    return { refused: `the object is not a Note minted under ${prefix} on the sender's origin` };
  if (n.attributedTo !== sender) return { refused: `the Note is attributed to ${JSON.stringify(n.attributedTo)}, not to the sending node` };
  const literal = n[term];
  if (literal === null || typeof literal !== 'object' || Array.isArray(literal)) return { refused: `the Note carries no ${term}` };
  return { note: n, literal: literal as Record<string, unknown> };
}

export async function onCityQuestion(ctx: InboxContext<FederationData>, activity: Create): Promise<void> {
  const sender = activity.actorId?.href;
  if (!sender || !activity.id) return;
  const follower = await ctx.data.follows.findFollower(NODE_ACTOR, sender);
  if (!follower || follower.state !== 'accepted' || !follower.isRegistryNode)
    return refuse('question', activity, sender, 'the sender is not a partner node that follows this node');
  const read = await readNote(activity, sender, QUESTION_PATH_PREFIX, 'cityQuestion');
  if ('refused' in read) return refuse('question', activity, sender, read.refused);
  const questions = ctx.data.services.cityQuestions;
  if (read.note.to !== questions.nodeActor) return refuse('question', activity, sender, 'the question is addressed to another node');
  await handOver('question', activity, sender, () =>
    questions.receiveQuestion({
      id: read.note.id as string,
      fromNode: sender,
      practiceType: read.literal.practiceType,
      text: read.literal.text,
      askedAt: instantOr(read.note.published, ctx.data.services.now()),
    }),
  );
}

export async function onCityAnswer(ctx: InboxContext<FederationData>, activity: Create): Promise<void> {
  const sender = activity.actorId?.href;
  if (!sender || !activity.id) return;
  if (!(await ctx.data.follows.acceptedPartner(sender)))
    return refuse('answer', activity, sender, 'the sender is not a partner this node follows');
  const read = await readNote(activity, sender, ANSWER_PATH_PREFIX, 'cityAnswer');
  if ('refused' in read) return refuse('answer', activity, sender, read.refused);
  const inReplyTo = read.note.inReplyTo;
  if (typeof inReplyTo !== 'string' || !sameOrigin(inReplyTo, ctx.data.services.config.publicUrl.origin) || !isCityQuestion(inReplyTo))
    return refuse('answer', activity, sender, `it replies to ${JSON.stringify(inReplyTo)}, not a question of this node`);
  const { practice, practiceTitle, note } = read.literal;
  if (practice !== undefined && (typeof practice !== 'string' || !sameOrigin(practice, sender)))
    return refuse('answer', activity, sender, "the practice it names is not on the sender's origin");
  if (note !== undefined && (typeof note !== 'string' || note.length > 8_000))
    return refuse('answer', activity, sender, 'the note is not text, or far too long');
  await handOver('answer', activity, sender, () =>
    ctx.data.services.cityQuestions.receiveAnswer({
      id: read.note.id as string,
      fromNode: sender,
      questionId: inReplyTo,
      ...(practice !== undefined ? { practice: practice as string, practiceTitle } : {}),
      ...(note !== undefined ? { note: htmlToText(note as string) } : {}),
      answeredAt: instantOr(read.note.published, ctx.data.services.now()),
    }),
  );
}

function refuse(what: string, activity: Create, sender: string, reason: string): void {
  log.warning('Refused a {what} {activity} from {sender}: {reason}', { what, activity: activity.id?.href, sender, reason });
}

/** A refusal of the service (a typed error, with a code) is logged and acknowledged; anything else is thrown (500, retried). */
async function handOver(what: string, activity: Create, sender: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    log.info('Received the {what} {activity} from {sender}', { what, activity: activity.id?.href, sender });
  } catch (error) {
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string')
      return refuse(what, activity, sender, error.message);
    throw error;
  }
}

function instantOr(value: unknown, fallback: Date): string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : fallback.toISOString();
}
