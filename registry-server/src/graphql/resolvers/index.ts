import { cityNodeResolvers } from './city-node-resolvers.ts';
import { goodPracticeResolvers } from './good-practice-resolvers.ts';
import { initiativeResolvers } from './initiative-resolvers.ts';
import { originResolvers } from './origin-resolvers.ts';
import { queryResolvers } from './query-resolvers.ts';
import { sharedResolvers } from './shared-resolvers.ts';
import { taxonomyResolvers } from './taxonomy-resolvers.ts';

export const resolvers = {
  ...queryResolvers,
  ...sharedResolvers,
  ...initiativeResolvers,
  ...goodPracticeResolvers,
  ...cityNodeResolvers,
  ...originResolvers,
  ...taxonomyResolvers,
};
