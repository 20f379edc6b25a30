// Questions between cities (ADR 0046): thin resolvers over the questions service, which checks
// and authorises. A question and its answer share one view (the answer reads `doc.answer`).
import { ActionError } from '../../accounts/action-error.ts';
import type { CityQuestion } from '../../questions/city-question.ts';
import type { GraphQLContext } from '../context.ts';
import type { CityQuestionDirection, Resolvers } from '../generated/resolver-types.ts';
import { localized, readerWith, type Reader } from '../reader.ts';
import { cityNodeView } from './city-node-resolvers.ts';
import { goodPracticeView } from './good-practice-resolvers.ts';
import { mutation } from './mutation-support.ts';
import { conceptView, schemaNonNull } from './shared-resolvers.ts';

export type CityQuestionView = { doc: CityQuestion; reader: Reader };
type LangArgs = { lang?: string | null };

const DIRECTION = { SENT: 'sent', RECEIVED: 'received' } as const;
const view = (doc: CityQuestion, reader: Reader): CityQuestionView => ({ doc, reader });
/** The node's handle, from its actor IRI (`…/nodes/<handle>`). */
const handleOf = (actor: string) => decodeURIComponent(new URL(actor).pathname.split('/').filter(Boolean).at(-1) ?? '');
const nodeField = (pick: (q: CityQuestion) => string) => async (v: CityQuestionView, _: unknown, ctx: GraphQLContext) => {
  const handle = handleOf(pick(v.doc));
  return cityNodeView(await ctx.loaders.cityNode.load(handle), handle, v.reader);
};

export const cityQuestionResolvers: Resolvers = {
  CityQuestion: {
    id: (v: CityQuestionView) => v.doc._id,
    direction: (v: CityQuestionView) => (v.doc.direction === 'sent' ? 'SENT' : 'RECEIVED'),
    askingNodeId: (v: CityQuestionView) => v.doc.askingNode,
    askingNode: nodeField((q) => q.askingNode) as never,
    askedNodeId: (v: CityQuestionView) => v.doc.askedNode,
    askedNode: nodeField((q) => q.askedNode) as never,
    practiceType: schemaNonNull((v: CityQuestionView, args: LangArgs, ctx: GraphQLContext) =>
      conceptView(ctx, 'practice-type', v.doc.practiceType, readerWith(v.reader, args.lang)),
    ),
    text: schemaNonNull((v: CityQuestionView, args: LangArgs) => localized(v.doc.text, readerWith(v.reader, args.lang))),
    askedAt: (v: CityQuestionView) => v.doc.askedAt,
    answer: (v: CityQuestionView) => (v.doc.answer ? v : null),
  },
  CityQuestionAnswer: {
    practiceId: (v: CityQuestionView) => v.doc.answer?.practice ?? null,
    practiceTitle: (v: CityQuestionView, args: LangArgs) => localized(v.doc.answer?.practiceTitle, readerWith(v.reader, args.lang)),
    practice: async (v: CityQuestionView, args: LangArgs, ctx: GraphQLContext) => {
      const iri = v.doc.answer?.practice;
      if (!iri) return null;
      const doc = await ctx.services.practices.findPublishedById(ctx.services.iris.storeIdFor('practices', iri));
      return doc ? goodPracticeView(doc, readerWith(v.reader, args.lang)) : null;
    },
    note: (v: CityQuestionView) => v.doc.answer?.note ?? null,
    answeredAt: (v: CityQuestionView) => v.doc.answer!.answeredAt,
  },
  Query: {
    cityQuestions: async (_: unknown, args: { direction: CityQuestionDirection }, ctx: GraphQLContext) =>
      (await ctx.services.cityQuestions.list(ctx.actor, DIRECTION[args.direction])).map((doc) => view(doc, ctx.reader)),
    cityQuestion: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      const doc = await ctx.services.cityQuestions.find(ctx.actor, args.id);
      return doc ? view(doc, ctx.reader) : null;
    },
  },
  Mutation: {
    askCity: mutation(
      async (
        args: { input: { node: string; practiceType: string; text: Array<{ language: string; text: string }> } },
        ctx: GraphQLContext,
      ) => {
        const text: Record<string, string> = {};
        for (const t of args.input.text) {
          if (t.language in text)
            throw new ActionError('VALIDATION_FAILED', 'Give each language once.', {
              fields: [{ field: `text.${t.language}`, code: 'DUPLICATE', message: 'is given twice.' }],
            });
          text[t.language] = t.text;
        }
        const question = await ctx.services.cityQuestions.ask(ctx.actor, { ...args.input, text });
        return { question: view(question, ctx.reader), error: null };
      },
      { question: null },
    ),
    answerCityQuestion: mutation(
      async (args: { input: { id: string; practice?: string | null; note?: string | null } }, ctx: GraphQLContext) => {
        const question = await ctx.services.cityQuestions.answer(ctx.actor, args.input);
        return { question: view(question, ctx.reader), error: null };
      },
      { question: null },
    ),
  },
};
