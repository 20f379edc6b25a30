// Resolvers of an initiative's eligibility and capacity (issue 15 point 3, ADR 0035): thin
// mappers from the stored record, labels from the taxonomies, and "to be confirmed" from the
// node's clock (initiatives/eligibility-rules.ts).
import { evidenceToConfirm } from '../../initiatives/eligibility-rules.ts';
import type { EligibilityEntry, PastContract } from '../../records/record-types.ts';
import type { GraphQLContext } from '../context.ts';
import type { Reader } from '../reader.ts';
import type { InitiativeView } from './initiative-resolvers.ts';
import { conceptView, countryView, schemaNonNull, textField, type ConceptView } from './shared-resolvers.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { itemKeys } from '../../translations/translatable-texts.ts';

/** `textKey`: the item's key in translation statuses' text paths (its id, or its position before ids: ADR 0053). */
export type EligibilityView = { entry: EligibilityEntry; originalLanguage: string; reader: Reader; textKey: string };
export type PastContractView = { contract: PastContract; originalLanguage: string; reader: Reader; textKey: string };

const r = (v: InitiativeView) => v.doc.record;

export const eligibilityResolvers = {
  Initiative: {
    eligibility: (v: InitiativeView): EligibilityView[] => {
      const entries = r(v).eligibility ?? [];
      const keys = itemKeys(entries);
      return entries.map((entry, index) => ({ entry, originalLanguage: r(v).originalLanguage, reader: v.reader, textKey: keys[index]! }));
    },
    deliveryArea: (v: InitiativeView) => {
      const area = r(v).deliveryArea;
      if (!area) return null;
      return {
        country: countryView(area.country, v.reader),
        region: area.region ?? null,
        locality: area.locality ?? null,
        centre: area.centre ?? null,
        radiusKm: area.radiusKm ?? null,
      };
    },
    teamSize: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => conceptView(ctx, 'team-size-band', r(v).teamSize, v.reader),
    // Most recent first: a buyer reads the latest references first.
    // Keys are taken in stored order, before sorting: a text path names the stored item.
    pastContracts: (v: InitiativeView): PastContractView[] => {
      const contracts = r(v).pastContracts ?? [];
      const keys = itemKeys(contracts);
      return contracts
        .map((contract, index) => ({ contract, originalLanguage: r(v).originalLanguage, reader: v.reader, textKey: keys[index]! }))
        .sort((a, b) => b.contract.year - a.contract.year);
    },
  },
  Eligibility: {
    textKey: (v: EligibilityView) => v.textKey,
    basis: schemaNonNull((v: EligibilityView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'reserved-contract-basis', v.entry.basis, v.reader),
    ),
    article: schemaNonNull((v: EligibilityView, _: unknown, ctx: GraphQLContext) => {
      const basis = ctx.services.catalog.concept('reserved-contract-basis', v.entry.basis);
      return conceptView(ctx, 'reserved-contract-basis', basis?.implements, v.reader);
    }),
    evidence: textField<EligibilityView>(
      (v) => v.entry.evidence,
      (v) => v.originalLanguage,
    ),
    evidenceUrl: (v: EligibilityView) => v.entry.evidenceUrl ?? null,
    evidenceDate: (v: EligibilityView) => v.entry.evidenceDate,
    toBeConfirmed: (v: EligibilityView, _: unknown, ctx: GraphQLContext) =>
      evidenceToConfirm(v.entry, ctx.services.now().toISOString().slice(0, 10)),
  },
  PastContract: {
    textKey: (v: PastContractView) => v.textKey,
    buyer: (v: PastContractView) => v.contract.buyer,
    year: (v: PastContractView) => v.contract.year,
    title: schemaNonNull(
      textField<PastContractView>(
        (v) => v.contract.title,
        (v) => v.originalLanguage,
      ),
    ),
    publicBuyer: (v: PastContractView) => v.contract.publicBuyer ?? false,
    reserved: (v: PastContractView) => v.contract.reserved ?? false,
  },
  Concept: {
    implements: (v: ConceptView) => v.concept.implements ?? null,
  },
} satisfies Resolvers;
