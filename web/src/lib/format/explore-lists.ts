// Pure list helpers of the explore pages (home, city nodes, practice types), apart from the
// modules that query the registry so they are tested without a node.
import type { InitiativeReference } from '../registry-types.ts';
import type { RecentListing } from '../explore-types.ts';

/** The `count` most recently updated of two lists each already ordered most recent first. */
export function mostRecent(initiatives: RecentListing[], practices: RecentListing[], count: number): RecentListing[] {
  return [...initiatives, ...practices].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)).slice(0, count);
}

/** An initiative as far as comparing lists goes: the id may be missing (older answers, tests). */
type Listed = Omit<InitiativeReference, 'id'> & { id?: string };

/** The initiatives of `sameType` that `own` does not already list (compared by global id, else by origin and handle). */
export function otherInitiatives<T extends Listed>(own: readonly Listed[], sameType: readonly T[]): T[] {
  const key = (initiative: Listed) => initiative.id ?? `${initiative.origin.isLocal ? 'here' : initiative.url}:${initiative.slug}`;
  const listed = new Set(own.map(key));
  return sameType.filter((initiative) => !listed.has(key(initiative)));
}

/** PT1, PT2 … PT10 in the guide's order (not PT1, PT10, PT2). */
export function byPracticeType(a: { practiceType: { code: string } }, b: { practiceType: { code: string } }): number {
  return byCode(a.practiceType, b.practiceType);
}

/** Concept codes with numbers in numeric order (PT2 before PT10). */
export function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code, 'en', { numeric: true });
}

/** A practice-type code as written in an address: PT1 … PT10, any case. Null for anything else. */
export function practiceTypeCode(value: string): string | null {
  const match = /^pt(\d{1,2})$/i.exec(value.trim());
  return match ? `PT${Number(match[1])}` : null;
}
