// Transfers of practices in GraphQL (issue 16 point 2, ADR 0045): thin mappers over the
// PracticeTransfers service, for the practice-type comparison's transfer view, a city's page and
// the ranking of the most transferred practices.
import DataLoader from 'dataloader';
import { transferSince, type PracticeTransfer, type TransferredPractice } from '../../adoptions/practice-transfers.ts';
import { checkCodes } from '../../records/filter-checks.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { GraphQLContext } from '../context.ts';
import type { Loaders } from '../loaders.ts';
import { readerWith, type Reader } from '../reader.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { cityNodeView, type CityNodeView } from './city-node-resolvers.ts';
import { goodPracticeView } from './good-practice-resolvers.ts';

export type PracticeTransferView = { transfer: PracticeTransfer; reader: Reader };
export type TransferredPracticeView = { ranked: TransferredPractice; reader: Reader };
type LangArgs = { lang?: string | null };

const MAX_RANKED = 100;

/**
 * A city's transfers, batched per request: a list of cities (`cityNodes { adoptionsGiven }`)
 * asks the store once per direction, not once per city.
 */
type Direction = 'takenBy' | 'givenBy';
const perRequest = new WeakMap<Loaders, Record<Direction, DataLoader<string, PracticeTransfer[]>>>();
function transfersOfCity(ctx: GraphQLContext, direction: Direction): DataLoader<string, PracticeTransfer[]> {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    const loader = (d: Direction) =>
      new DataLoader<string, PracticeTransfer[]>(async (handles) => {
        const found = await ctx.services.practiceTransfers[d](handles);
        return handles.map((h) => found.get(h) ?? []);
      });
    loaders = { takenBy: loader('takenBy'), givenBy: loader('givenBy') };
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders[direction];
}
const views = (transfers: PracticeTransfer[], reader: Reader): PracticeTransferView[] =>
  transfers.map((transfer) => ({ transfer, reader }));
const cityOf = async (ctx: GraphQLContext, handle: string, reader: Reader) =>
  cityNodeView(await ctx.loaders.cityNode.load(handle), handle, reader);

export const transferResolvers: Resolvers = {
  PracticeTransfer: {
    fromCity: (v: PracticeTransferView, _: unknown, ctx: GraphQLContext) => cityOf(ctx, v.transfer.practice.record.node, v.reader),
    practice: (v: PracticeTransferView, args: LangArgs) => goodPracticeView(v.transfer.practice, readerWith(v.reader, args.lang)),
    toCity: (v: PracticeTransferView, _: unknown, ctx: GraphQLContext) => cityOf(ctx, v.transfer.record.derived.nodeHandle, v.reader),
    stage: (v: PracticeTransferView) => v.transfer.record.record.stage.toUpperCase() as never,
    since: (v: PracticeTransferView) => transferSince(v.transfer.record.record),
    outcomesCount: (v: PracticeTransferView) => v.transfer.record.record.outcomes?.length ?? 0,
    // The AdoptionRecord type's resolvers read the stored record with its reader.
    record: (v: PracticeTransferView, args: LangArgs) => ({ doc: v.transfer.record, reader: readerWith(v.reader, args.lang) }),
  },
  TransferredPractice: {
    practice: (v: TransferredPracticeView, args: LangArgs) => goodPracticeView(v.ranked.practice, readerWith(v.reader, args.lang)),
    adoptingCities: (v: TransferredPracticeView) => v.ranked.adoptingCities,
    outcomesCount: (v: TransferredPracticeView) => v.ranked.outcomesCount,
    transfers: (v: TransferredPracticeView) => views(v.ranked.transfers, v.reader),
  },
  CityNode: {
    adoptionsTaken: async (v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      views(await transfersOfCity(ctx, 'takenBy').load(v.handle), v.reader),
    adoptionsGiven: async (v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      views(await transfersOfCity(ctx, 'givenBy').load(v.handle), v.reader),
  },
  Query: {
    practiceTransfers: async (_: unknown, args: { practiceType: string }, ctx: GraphQLContext) => {
      const [code] = checkCodes(ctx.services.catalog, 'practice-type', 'practiceType', [args.practiceType])!;
      return views(await ctx.services.practiceTransfers.ofPracticeType(code!), ctx.reader);
    },
    mostTransferredPractices: async (_: unknown, args: { first?: number | null }, ctx: GraphQLContext) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_RANKED) throw new BadInputError('first', `must be between 1 and ${MAX_RANKED} (got ${first}).`);
      return (await ctx.services.practiceTransfers.mostTransferred(first)).map((ranked) => ({ ranked, reader: ctx.reader }));
    },
  },
};
