// "Start adopting this practice": the one-click draft a city's staff create from a practice's page
// (issue 16 point 2). The draft goes through the shared editorial service like any other create;
// this only chooses its first content: the practice's own title (in its original language), stage `adopting` from today,
// and a handle of its own.
import type { Actor } from '../accounts/actor.ts';
import { authorize } from '../accounts/authorization.ts';
import { ActionError } from '../accounts/action-error.ts';
import type { EditorialService } from '../editorial/editorial-service.ts';
import type { StoredRecord } from '../records/stored-record.ts';
import type { AdoptionRecord } from './adoption-record.ts';
import type { AdoptionRecordRepository } from './adoption-record-repository.ts';
import type { AdoptedPractices } from './adopted-practices.ts';

export interface StartAdoptingDependencies {
  records: AdoptionRecordRepository;
  practices: AdoptedPractices;
  editorial: EditorialService<AdoptionRecord>;
  now: () => Date;
}

/** The city's record of adopting `practiceIri`: the one it has already, else a new draft. */
export async function startAdopting(
  deps: StartAdoptingDependencies,
  actor: Actor,
  practiceIri: string,
): Promise<StoredRecord<AdoptionRecord, { sortName: string }>> {
  authorize(actor, { do: 'adoption.write' });
  const [existing] = await deps.records.findLocalForPractice(practiceIri);
  if (existing) return existing;
  const practice = await deps.practices.find(practiceIri);
  if (!practice)
    throw new ActionError(
      'NOT_FOUND',
      `No published good practice "${practiceIri}" is known on this node; follow the city that publishes it first.`,
    );
  const { title, originalLanguage, handle } = practice.record;
  const base = `adopting-${handle}`.slice(0, 56).replace(/-+$/, '');
  let candidate = base;
  for (let n = 2; await deps.records.findById(candidate); n++) candidate = `${base}-${n}`;
  return deps.editorial.create(actor, {
    handle: candidate,
    practice: practiceIri,
    stage: 'adopting',
    stageDates: { adopting: deps.now().toISOString().slice(0, 10) },
    // The practice's title as first written: a working title, which the city replaces with its own.
    title: { [originalLanguage]: title[originalLanguage] ?? Object.values(title)[0] ?? handle },
    originalLanguage,
  });
}
