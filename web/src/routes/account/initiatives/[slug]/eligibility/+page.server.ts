// The initiative's "Public contracts" section (issue 15 point 3, ADR 0035): grounds for reserved
// contracts with their proofs, past contracts, delivery area and team size band, one language's
// texts per page (?in=<tag>). Adding, moving and removing answer the form rearranged, nothing
// saved; "Save" sends the changes through updateInitiative and the registry's one validation
// layer (and so the initiative's review and history, like every other section).
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { currentInitiative, postedLanguage, postedVersion, saveInitiative } from '#lib/server/manage/initiative-editing.ts';
import CHOICES_QUERY from '#lib/server/manage/queries/eligibility-choices.graphql?raw';
import type { EligibilityChoicesQuery } from '#lib/generated/operation-types.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import type { Problems } from '#lib/forms/manage/form-problems.ts';
import { languageTabs } from '#lib/forms/manage/content-languages.ts';
import { applyListCommand, readListCommand } from '#lib/forms/manage/list-commands.ts';
import {
  ELIGIBILITY_FIELD_MESSAGES,
  eligibilityChanges,
  eligibilityFieldIds,
  emptyContractBlock,
  emptyGroundBlock,
  hasEligibilityTextsIn,
  MAX_CONTRACTS,
  MAX_GROUNDS,
  readEligibilityForm,
  type EligibilityForm,
  type EligibilityRecord,
} from '#lib/forms/manage/eligibility-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const record = (await event.parent()).initiative.record as EligibilityRecord;
  const choices = await loadAs<EligibilityChoicesQuery>(event, CHOICES_QUERY);
  return {
    ...languageTabs(record, event.url.searchParams.get('in'), event.locals.lang, (tag) => hasEligibilityTextsIn(record, tag)),
    // The EU articles and the statuses of the initiative's own country (the registry refuses
    // another country's), plus any ground already given, so saving never drops one.
    bases: choices.bases.concepts.filter(
      (c) => !c.country || c.country === record.location?.country || (record.eligibility ?? []).some((g) => g.basis === c.code),
    ),
    bands: choices.bands.concepts,
    countries: choices.countries,
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = postedLanguage(form);
    const version = postedVersion(form);
    const record = (await currentInitiative(event, event.params.slug)).record as EligibilityRecord;
    const posted = readEligibilityForm(form, lang, record);

    const command = readListCommand(form.get('command'), ['grounds', 'contracts']);
    if (command) {
      const next: EligibilityForm = { ...posted };
      if (command.list === 'grounds' && !(command.kind === 'add' && posted.grounds.length >= MAX_GROUNDS))
        next.grounds = applyListCommand(posted.grounds, command, emptyGroundBlock);
      if (command.list === 'contracts' && !(command.kind === 'add' && posted.contracts.length >= MAX_CONTRACTS))
        next.contracts = applyListCommand(posted.contracts, command, emptyContractBlock);
      return { posted: next, arranged: true };
    }

    const { changes, local, groundBlocks, contractBlocks } = eligibilityChanges(record, posted);
    if (Object.keys(local).length > 0) {
      const problems: Problems = { fields: Object.fromEntries(Object.entries(local).map(([id, key]) => [id, { key }])), general: [] };
      return fail(400, { problems, posted });
    }
    return saveInitiative(event, form, event.params.slug, version, changes, {
      posted,
      problems: (refusal) => editProblems(refusal, eligibilityFieldIds(groundBlocks, contractBlocks), ELIGIBILITY_FIELD_MESSAGES),
    });
  },
};
