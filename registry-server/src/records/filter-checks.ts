// Checks of filter values shared by the listings: unknown codes are refused with the list of
// valid ones, so a client learns what to send instead of silently getting nothing.
import type { TaxonomyCatalog, TaxonomyId } from '../taxonomies/taxonomy-catalog.ts';
import { BadInputError } from './bad-input-error.ts';
import { isLanguageTag } from './language.ts';

const MAX_VALUES = 50;

export function checkList(argument: string, values: readonly string[] | null | undefined): string[] | undefined {
  if (values == null) return undefined;
  if (values.length > MAX_VALUES) throw new BadInputError(argument, `at most ${MAX_VALUES} values may be given (got ${values.length}).`);
  return [...values];
}

export function checkCodes(
  catalog: TaxonomyCatalog,
  taxonomy: TaxonomyId,
  argument: string,
  values: readonly string[] | null | undefined,
  also: TaxonomyId[] = [],
): string[] | undefined {
  const list = checkList(argument, values);
  for (const value of list ?? []) {
    if (!catalog.has(taxonomy, value) && !also.some((t) => catalog.has(t, value))) {
      const valid = [taxonomy, ...also].flatMap((t) => catalog.codes(t));
      throw new BadInputError(argument, `"${value}" is not a ${taxonomy} code. Use one of: ${valid.join(', ')}.`);
    }
  }
  return list;
}

export function checkCountries(argument: string, values: readonly string[] | null | undefined): string[] | undefined {
  const list = checkList(argument, values);
  for (const value of list ?? []) {
    if (!/^[A-Z]{2}$/.test(value))
      throw new BadInputError(argument, `"${value}" is not an ISO 3166-1 alpha-2 country code; use two capital letters such as BE or IT.`);
  }
  return list;
}

export function checkLanguages(argument: string, values: readonly string[] | null | undefined): string[] | undefined {
  const list = checkList(argument, values);
  for (const value of list ?? []) {
    if (!isLanguageTag(value))
      throw new BadInputError(argument, `"${value}" is not a BCP 47 language tag; use tags such as fr, en, ar or pt-BR.`);
  }
  return list?.map((v) => v.toLowerCase());
}

export function checkLang(argument: string, value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  if (!isLanguageTag(value))
    throw new BadInputError(argument, `"${value}" is not a BCP 47 language tag; use tags such as fr, en, it, el, bg, sl or ar.`);
  return value;
}
