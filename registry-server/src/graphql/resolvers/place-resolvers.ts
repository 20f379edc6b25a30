// Places: the countries a location may name (for the editor's country picker), and the editor's
// preview of what the public would see of a location, computed by the same function as every
// public output (initiative-resolvers.ts publicLocationView → initiatives/public-initiative.ts),
// so the browser never re-implements the rounding or the caps.
import { COUNTRY_CODES } from '../../records/countries.ts';
import { countryName } from '../../records/language.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';
import type { GraphQLContext } from '../context.ts';
import { primaryLanguage, readerWith, type Reader } from '../reader.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { publicLocationView } from './initiative-resolvers.ts';
import { recordFromInput, withInitiativeDefaults } from './record-input.ts';
import { countryView } from './shared-resolvers.ts';

export const placeResolvers: Resolvers = {
  Query: {
    countries: (_: unknown, args: { lang?: string | null }, ctx: GraphQLContext) => {
      const reader = readerWith(ctx.reader, args.lang);
      const lang = primaryLanguage(reader);
      const collator = new Intl.Collator(lang);
      return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) ?? code }))
        .sort((a, b) => collator.compare(a.name, b.name))
        .map(({ code }) => countryView(code, reader));
    },
  },
};

/**
 * InitiativeDraft.locationPreview: `location` (a LocationInput, read as a write would read it,
 * city precision when none is given) in place of the record's own, then published as the public
 * would see it. Nothing is validated or saved: the values are only read.
 */
export function locationPreview(
  record: InitiativeRecord,
  location: Record<string, unknown> | null | undefined,
  reader: Reader,
  ctx: GraphQLContext,
) {
  const previewed = location
    ? (withInitiativeDefaults(recordFromInput({ location })).location as InitiativeRecord['location'])
    : record.location;
  return publicLocationView({ ...record, location: previewed }, reader, ctx);
}
