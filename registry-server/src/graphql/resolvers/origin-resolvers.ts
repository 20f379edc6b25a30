import type { RecordKind } from '../../records/record-iris.ts';
import type { Origin } from '../../records/stored-record.ts';
import type { GraphQLContext } from '../context.ts';
import type { Reader } from '../reader.ts';
import { cityNodeView } from './city-node-resolvers.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

export interface OriginView {
  kind: RecordKind;
  doc: { _id: string; origin: Origin };
  nodeHandle: string;
  reader: Reader;
}

export const originView = (kind: RecordKind, doc: { _id: string; origin: Origin }, nodeHandle: string, reader: Reader): OriginView => ({
  kind,
  doc,
  nodeHandle,
  reader,
});

export const originResolvers: Resolvers = {
  Origin: {
    isLocal: (v: OriginView) => v.doc.origin.kind === 'local',
    node: async (v: OriginView, _: unknown, ctx: GraphQLContext) => {
      const node = await ctx.loaders.cityNode.load(v.nodeHandle);
      return node ? cityNodeView(node, v.nodeHandle, v.reader) : null;
    },
    url: (v: OriginView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.pageOf(v.kind, v.doc),
  },
};
