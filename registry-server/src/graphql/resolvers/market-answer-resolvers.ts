// Answers to market records in GraphQL (schemas/graphql/market-answers.graphql, ADR 0037): thin
// mappers from the stored entries, and the calls to MarketAnswers. A record that was not sent to
// the initiative, or that the reader does not follow, answers null.
import { ActionError } from '../../accounts/action-error.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { GivenAnswer, MarketAnswerEntry, MarketAnswerHistoryEntry } from '../../market/answers/market-answer.ts';
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import type { GraphQLContext } from '../context.ts';
import { readerWith } from '../reader.ts';
import type { MarketAnswerVerdict, Resolvers } from '../generated/resolver-types.ts';
import type { MarketRecordView } from './market-resolvers.ts';
import { mutation } from './mutation-support.ts';

type LangArgs = { lang?: string | null };
type SentArgs = { record: string; initiative: string } & LangArgs;

const VERDICT = { interested: 'INTERESTED', 'not-for-us': 'NOT_FOR_US', question: 'QUESTION' } as const;
const FROM_VERDICT: Readonly<Record<MarketAnswerVerdict, string>> = {
  INTERESTED: 'interested',
  NOT_FOR_US: 'not-for-us',
  QUESTION: 'question',
};

const answerView = (a: GivenAnswer | MarketAnswerHistoryEntry) => ({ verdict: VERDICT[a.verdict], message: a.message, answeredAt: a.at });

/** Ids are bounded before any lookup: nothing longer is a record, an initiative or an entry. */
function bounded(argument: string, value: string): string {
  if (value.length > 2000) throw new BadInputError(argument, 'is longer than any id (at most 2,000 characters).');
  return value;
}

function sentView(
  entry: MarketAnswerEntry,
  record: StoredMarketRecord | null,
  history: MarketAnswerHistoryEntry[],
  ctx: GraphQLContext,
  args: LangArgs,
) {
  const now = ctx.services.now();
  const recordView: MarketRecordView | null = record ? { doc: record, reader: readerWith(ctx.reader, args.lang), now } : null;
  return {
    id: entry._id,
    recordId: entry.recordIri,
    record: recordView,
    initiative: entry.initiative ?? '',
    initiativeName: entry.partyName,
    reasons: entry.reasons,
    toldAt: entry.toldAt,
    seenAt: entry.seenAt,
    answer: entry.answer ? answerView(entry.answer) : null,
    answers: history.map(answerView),
    open: record !== null && record.derived.closesAt > now.toISOString(),
  };
}

function followUpEntryView(entry: MarketAnswerEntry & { history?: MarketAnswerHistoryEntry[] }) {
  return {
    id: entry._id,
    party: entry.party === 'initiative' ? ('INITIATIVE' as const) : ('ORGANISATION' as const),
    partyId: entry.partyIri,
    name: entry.partyName,
    local: entry.partyNode === null,
    node: entry.partyNode,
    reasons: entry.reasons,
    toldAt: entry.toldAt,
    seenAt: entry.seenAt,
    answer: entry.answer ? answerView(entry.answer) : null,
    answers: (entry.history ?? []).map(answerView),
    shortlisted: entry.shortlistedAt !== null,
    shortlistedAt: entry.shortlistedAt,
  };
}

async function sent(ctx: GraphQLContext, args: SentArgs) {
  const { entry, record, history } = await ctx.services.marketAnswers.sentTo(
    ctx.actor,
    bounded('record', args.record),
    bounded('initiative', args.initiative),
  );
  return sentView(entry, record, history, ctx, args);
}

/** The record's title in its original language (else any it has), with that language. */
function titleOf(record: StoredMarketRecord): { title: string; titleLanguage: string } {
  const { title, originalLanguage, handle } = record.record;
  const language = title[originalLanguage] ? originalLanguage : (Object.keys(title)[0] ?? originalLanguage);
  return { title: title[language] ?? handle, titleLanguage: language };
}

/** A NOT_FOUND of the service is a null answer for a query. */
async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ActionError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export const marketAnswerResolvers: Resolvers = {
  Query: {
    marketRecordSent: (_: unknown, args: SentArgs, ctx: GraphQLContext) => orNull(() => sent(ctx, args)),
    marketRecordsSent: async (_: unknown, args: { initiative: string; first?: number | null } & LangArgs, ctx: GraphQLContext) => {
      const entries = await ctx.services.marketAnswers.sentToInitiative(
        ctx.actor,
        bounded('initiative', args.initiative),
        args.first ?? 50,
      );
      const records = await Promise.all(entries.map((e) => ctx.services.publicMarketRecords.findById(e.recordId)));
      return entries.map((entry, i) => sentView(entry, records[i]?.doc ?? null, [], ctx, args));
    },
    marketFollowUp: (_: unknown, args: { record: string }, ctx: GraphQLContext) =>
      orNull(async () => {
        const { record, entries } = await ctx.services.marketAnswers.followUp(ctx.actor, bounded('record', args.record));
        const now = ctx.services.now().toISOString();
        return {
          recordId: ctx.services.iris.of('market', record),
          slug: record.record.handle,
          kind: record.record.kind.toUpperCase() as 'REQUEST',
          ...titleOf(record),
          expiresOn: record.record.expiresOn,
          open: record.publication.state === 'published' && record.derived.closesAt > now,
          told: entries.filter((e) => e.toldAt !== null).length,
          seen: entries.filter((e) => e.seenAt !== null).length,
          answered: entries.filter((e) => e.answer !== null).length,
          shortlisted: entries.filter((e) => e.shortlistedAt !== null).length,
          entries: entries.map(followUpEntryView),
        };
      }),
  },
  Mutation: {
    markMarketRecordSeen: mutation(
      async (args: SentArgs, ctx: GraphQLContext) => {
        await ctx.services.marketAnswers.markSeen(ctx.actor, bounded('record', args.record), bounded('initiative', args.initiative));
        return { sent: await sent(ctx, args), error: null };
      },
      { sent: null },
    ),
    answerMarketRecord: mutation(
      async (args: SentArgs & { input: { verdict: MarketAnswerVerdict; message?: string | null } }, ctx: GraphQLContext) => {
        await ctx.services.marketAnswers.answer(ctx.actor, bounded('record', args.record), bounded('initiative', args.initiative), {
          verdict: FROM_VERDICT[args.input.verdict],
          message: args.input.message ?? null,
        });
        return { sent: await sent(ctx, args), error: null };
      },
      { sent: null },
    ),
    sendMarketRecord: mutation(
      async (args: { record: string; initiative: string }, ctx: GraphQLContext) => {
        const entry = await ctx.services.marketAnswers.sendByHand(
          ctx.actor,
          bounded('record', args.record),
          bounded('initiative', args.initiative),
        );
        return { entry: followUpEntryView(entry), error: null };
      },
      { entry: null },
    ),
    setMarketAnswerShortlisted: mutation(
      async (args: { entry: string; shortlisted: boolean }, ctx: GraphQLContext) => {
        const entry = await ctx.services.marketAnswers.setShortlisted(ctx.actor, bounded('entry', args.entry), args.shortlisted);
        const { entries } = await ctx.services.marketAnswers.followUp(ctx.actor, entry.recordId);
        return { entry: followUpEntryView(entries.find((e) => e._id === entry._id) ?? entry), error: null };
      },
      { entry: null },
    ),
  },
};
