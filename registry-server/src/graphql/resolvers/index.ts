import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { accountResolvers } from './account-resolvers.ts';
import { federationResolvers } from './federation-resolvers.ts';
import { fediverseResolvers } from './fediverse-resolvers.ts';
import { editorialResolvers } from './editorial-resolvers.ts';
import { valueChangeResolvers } from './value-change-resolvers.ts';
import { mutationErrorResolvers } from './mutation-support.ts';
import { relayResolvers } from './relay-resolvers.ts';
import { listingRequestResolvers } from './listing-request-resolvers.ts';
import { reportResolvers } from './report-resolvers.ts';
import { duplicateResolvers } from './duplicate-resolvers.ts';
import { cityNodeResolvers, nodeProfileResolvers } from './city-node-resolvers.ts';
import { goodPracticeResolvers } from './good-practice-resolvers.ts';
import { initiativeResolvers } from './initiative-resolvers.ts';
import { eligibilityResolvers } from './eligibility-resolvers.ts';
import { adoptionResolvers } from './adoption-resolvers.ts';
import { transferResolvers } from './transfer-resolvers.ts';
import { marketResolvers } from './market-resolvers.ts';
import { marketMatchingResolvers } from './market-matching-resolvers.ts';
import { marketAnswerResolvers } from './market-answer-resolvers.ts';
import { originResolvers } from './origin-resolvers.ts';
import { placeResolvers } from './place-resolvers.ts';
import { practiceListResolvers } from './practice-list-resolvers.ts';
import { queryResolvers } from './query-resolvers.ts';
import { searchResolvers } from './search-resolvers.ts';
import { sharedResolvers } from './shared-resolvers.ts';
import { sourceResolvers } from './source-resolvers.ts';
import { taxonomyResolvers } from './taxonomy-resolvers.ts';
import { translationResolvers } from './translation-resolvers.ts';
import { cityQuestionResolvers } from './city-question-resolvers.ts';
import { murmurationsResolvers } from './murmurations-resolvers.ts';
import { openDataResolvers } from './open-data-resolvers.ts';
import { importResolvers } from './import-resolvers.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

/** Any JSON value, for record snapshots and field values (their shape is the record JSON Schemas). */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(ast: ValueNode): unknown {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.LIST:
        return ast.values.map(literal);
      case Kind.OBJECT:
        return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
      default:
        return null;
    }
  },
});

export const resolvers: Resolvers = {
  JSON: JSONScalar,
  ...mutationErrorResolvers,
  ...relayResolvers,
  Report: reportResolvers.Report,
  DuplicatePair: duplicateResolvers.DuplicatePair,
  ...editorialResolvers,
  InitiativeDraft: { ...editorialResolvers.InitiativeDraft, ...listingRequestResolvers.InitiativeDraft },
  ...valueChangeResolvers,
  ...sharedResolvers,
  Concept: { ...sharedResolvers.Concept, ...eligibilityResolvers.Concept },
  ...initiativeResolvers,
  Eligibility: eligibilityResolvers.Eligibility,
  PastContract: eligibilityResolvers.PastContract,
  ...goodPracticeResolvers,
  Initiative: {
    ...initiativeResolvers.Initiative,
    ...eligibilityResolvers.Initiative,
    ...translationResolvers.Initiative,
    ...openDataResolvers.Initiative,
  },
  GoodPractice: {
    ...goodPracticeResolvers.GoodPractice,
    ...translationResolvers.GoodPractice,
    ...adoptionResolvers.GoodPractice,
    ...openDataResolvers.GoodPractice,
  },
  TranslationStatus: translationResolvers.TranslationStatus,
  TextTranslationStatus: translationResolvers.TextTranslationStatus,
  TranslationTask: translationResolvers.TranslationTask,
  ...cityNodeResolvers,
  CityNode: { ...cityNodeResolvers.CityNode, ...transferResolvers.CityNode },
  PracticeTransfer: transferResolvers.PracticeTransfer,
  TransferredPractice: transferResolvers.TransferredPractice,
  ...originResolvers,
  ...taxonomyResolvers,
  MarketRecord: { ...marketResolvers.MarketRecord, ...marketMatchingResolvers.MarketRecord },
  MarketMatch: marketMatchingResolvers.MarketMatch,
  MatchReason: marketMatchingResolvers.MatchReason,
  NetworkPotential: marketMatchingResolvers.NetworkPotential,
  CityPotential: marketMatchingResolvers.CityPotential,
  PotentialSuggestion: marketMatchingResolvers.PotentialSuggestion,
  MarketRequestDetails: marketResolvers.MarketRequestDetails,
  MarketNeedDetails: marketResolvers.MarketNeedDetails,
  MarketOfferDetails: marketResolvers.MarketOfferDetails,
  MarketOpeningDetails: marketResolvers.MarketOpeningDetails,
  MarketRecordDraft: marketResolvers.MarketRecordDraft,
  AdoptionRecord: { ...adoptionResolvers.AdoptionRecord, ...translationResolvers.AdoptionRecord },
  AdoptionChange: adoptionResolvers.AdoptionChange,
  AdoptionOrganisation: adoptionResolvers.AdoptionOrganisation,
  AdoptionOutcome: adoptionResolvers.AdoptionOutcome,
  AdoptionFacetValue: adoptionResolvers.AdoptionFacetValue,
  AdoptionRecordDraft: adoptionResolvers.AdoptionRecordDraft,
  CityQuestion: cityQuestionResolvers.CityQuestion,
  CityQuestionAnswer: cityQuestionResolvers.CityQuestionAnswer,
  SourceReference: sourceResolvers.SourceReference,
  SourceDocument: sourceResolvers.SourceDocument,
  Invitation: accountResolvers.Invitation,
  Listing: searchResolvers.Listing,
  FacetValue: searchResolvers.FacetValue,
  // Root types last, merged, so no spread above replaces them.
  Query: {
    ...queryResolvers.Query,
    ...accountResolvers.Query,
    ...editorialResolvers.Query,
    ...practiceListResolvers.Query,
    ...federationResolvers.Query,
    ...fediverseResolvers.Query,
    ...reportResolvers.Query,
    ...searchResolvers.Query,
    ...nodeProfileResolvers.Query,
    ...sourceResolvers.Query,
    ...placeResolvers.Query,
    ...listingRequestResolvers.Query,
    ...marketResolvers.Query,
    ...marketMatchingResolvers.Query,
    ...marketAnswerResolvers.Query,
    ...translationResolvers.Query,
    ...adoptionResolvers.Query,
    ...transferResolvers.Query,
    ...cityQuestionResolvers.Query,
    ...murmurationsResolvers.Query,
    ...openDataResolvers.Query,
    ...importResolvers.Query,
    ...duplicateResolvers.Query,
  },
  Mutation: {
    ...accountResolvers.Mutation,
    ...editorialResolvers.Mutation,
    ...relayResolvers.Mutation,
    ...federationResolvers.Mutation,
    ...fediverseResolvers.Mutation,
    ...reportResolvers.Mutation,
    ...duplicateResolvers.Mutation,
    ...searchResolvers.Mutation,
    ...nodeProfileResolvers.Mutation,
    ...listingRequestResolvers.Mutation,
    ...marketResolvers.Mutation,
    ...marketAnswerResolvers.Mutation,
    ...translationResolvers.Mutation,
    ...adoptionResolvers.Mutation,
    ...cityQuestionResolvers.Mutation,
    ...openDataResolvers.Mutation,
    ...importResolvers.Mutation,
  },
};
