// The values that differ between two versions of a record (editorial/record-comparison.ts), as
// the schema's ValueChange: kinds as enum values, and codes put in words in the reader's
// language (taxonomy labels, language and country names), so a moderator reads "Restauration"
// rather than "AM40".
import type { ValueChange } from '../../editorial/record-comparison.ts';
import { chooseText, countryName, languageName } from '../../records/language.ts';
import type { CodeList } from '../../records/record-validator.ts';
import type { GraphQLContext } from '../context.ts';
import { primaryLanguage, readerWith, wantedLanguages, type Reader } from '../reader.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

type Segment = { kind: 'SAME' | 'ADDED' | 'REMOVED'; text: string };

/** A change as resolvers pass it: the comparison's, with the schema's enum values. */
export type ValueChangeView = Omit<ValueChange, 'kind' | 'words'> & {
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  words: Segment[] | null;
};

export function valueChangeView(change: ValueChange): ValueChangeView {
  return {
    ...change,
    kind: change.kind.toUpperCase() as ValueChangeView['kind'],
    words: change.words?.map((w) => ({ kind: w.kind.toUpperCase() as Segment['kind'], text: w.text })) ?? null,
  };
}

/** One code in words; the code itself when the registry has no name for it. */
function codeInWords(ctx: GraphQLContext, codes: CodeList, code: string, reader: Reader): string {
  if (codes === 'language') return languageName(code, primaryLanguage(reader));
  if (codes === 'country') return countryName(code, primaryLanguage(reader)) ?? code;
  const concept = ctx.services.catalog.concept(codes, code);
  return (concept && chooseText(concept.labels, [...wantedLanguages(reader), 'en'])?.text) ?? code;
}

/** A value (a code, or codes joined by ", ", as the comparison writes lists) in words; null when it holds no codes. */
function inWords(ctx: GraphQLContext, codes: CodeList | null, value: string | null, lang: string | null | undefined): string | null {
  if (!codes || value === null) return null;
  const reader = readerWith(ctx.reader, lang);
  return value
    .split(', ')
    .map((code) => codeInWords(ctx, codes, code, reader))
    .join(', ');
}

type LangArgs = { lang?: string | null };

export const valueChangeResolvers: Resolvers = {
  ValueChange: {
    beforeInWords: (c: ValueChangeView, args: LangArgs, ctx: GraphQLContext) => inWords(ctx, c.codes, c.before, args.lang),
    afterInWords: (c: ValueChangeView, args: LangArgs, ctx: GraphQLContext) => inWords(ctx, c.codes, c.after, args.lang),
    itemInWords: (c: ValueChangeView, args: LangArgs, ctx: GraphQLContext) =>
      c.item ? inWords(ctx, c.item.codes, c.item.code, args.lang) : null,
  },
};
