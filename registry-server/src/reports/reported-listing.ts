// The listing a report is about, found by its global id among those this node publishes (its
// own and those received from partners), with its name in the reader's language.
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';

/** A reported listing, found by its global id among the published ones. */
export interface ReportedListing {
  kind: 'initiative' | 'goodPractice';
  id: string;
  isLocal: boolean;
  /** A received listing's origin node (its actor IRI), which decides on reports about it. */
  originNode: string | null;
  /** Store id (a local handle, or a received listing's IRI). */
  storeId: string;
  /** Its name in the first of `languages` it has, else in its original language. */
  name: (languages: readonly string[]) => string;
}

export async function findReportedListing(
  deps: { iris: RecordIris; initiatives: InitiativeRepository; practices: GoodPracticeRepository },
  id: string,
): Promise<ReportedListing | null> {
  const { iris, initiatives, practices } = deps;
  const initiative = await initiatives.findPublishedById(iris.storeIdFor('initiatives', id));
  if (initiative) {
    const names = initiative.record.name as Record<string, string>;
    return {
      kind: 'initiative',
      id: iris.of('initiatives', initiative),
      isLocal: initiative.origin.kind === 'local',
      originNode: initiative.origin.kind === 'remote' ? initiative.origin.node : null,
      storeId: initiative._id,
      name: (languages) => pickLanguage(names, languages, initiative.record.originalLanguage) ?? initiative._id,
    };
  }
  const practice = await practices.findPublishedById(iris.storeIdFor('practices', id));
  if (practice) {
    const titles = practice.record.title as Record<string, string>;
    return {
      kind: 'goodPractice',
      id: iris.of('practices', practice),
      isLocal: practice.origin.kind === 'local',
      originNode: practice.origin.kind === 'remote' ? practice.origin.node : null,
      storeId: practice._id,
      name: (languages) => pickLanguage(titles, languages, practice.record.originalLanguage) ?? practice._id,
    };
  }
  return null;
}

function pickLanguage(map: Record<string, string>, languages: readonly string[], original: string): string | undefined {
  for (const lang of languages) if (map[lang]) return map[lang];
  return map[original] ?? Object.values(map)[0];
}
