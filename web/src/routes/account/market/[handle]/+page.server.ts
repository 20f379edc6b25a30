// Managing one market record (issue 15 point 6): edit it, submit it for review, approve it
// (moderators), renew it (a new expiry, a year from today), or withdraw it (unpublish). Its
// writers and the node's moderators only: the registry says who (market.write), the page shows
// its refusals on the form. Every action answers with what it did; nothing is lost on refusal.
import { fail } from '@sveltejs/kit';
import { requireAccount } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { MARKET_MUTATIONS, loadEditableMarketRecord, loadMarketFormChoices, todayUtc } from '#lib/server/market/market-editing.ts';
import {
  MARKET_FIELD_IDS,
  MARKET_FIELD_MESSAGES,
  localProblems,
  marketInput,
  readMarketForm,
  valuesFromRecord,
  yearAhead,
  type MarketFormValues,
} from '#lib/forms/market/market-record-form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAccount(account, event.url);
  const [draft, choices] = await Promise.all([loadEditableMarketRecord(event, event.params.handle), loadMarketFormChoices(event)]);
  return { draft, choices, values: valuesFromRecord(draft.record), created: event.url.searchParams.has('created') };
};

type Step = 'SUBMIT' | 'APPROVE' | 'UNPUBLISH';

/** A workflow step on the record, at the version the page was drawn with. */
async function step(event: RequestEvent, name: Step, done: string) {
  const form = await event.request.formData();
  const draft = await loadEditableMarketRecord(event, event.params.handle);
  const outcome = await runMutation<{ error: null }>(
    event,
    form,
    MARKET_MUTATIONS[name],
    { id: draft.id, version: Number(form.get('version')) },
    { formId: 'workflow', problems: (apiError) => editProblems(apiError, MARKET_FIELD_IDS, MARKET_FIELD_MESSAGES) },
  );
  return outcome.ok ? { done } : outcome.failure;
}

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const posted: MarketFormValues = readMarketForm(form);
    const draft = await loadEditableMarketRecord(event, event.params.handle);
    const kind = draft.record.kind;
    const local = localProblems(posted, kind);
    if (Object.keys(local).length > 0)
      return fail(400, {
        problems: { fields: Object.fromEntries(Object.entries(local).map(([id, key]) => [id, { key }])), general: [] },
        posted,
      });
    const owner = draft.record.owner.initiative ? { initiative: draft.record.owner.initiative } : {};
    const outcome = await runMutation<{ error: null }, MarketFormValues>(
      event,
      form,
      MARKET_MUTATIONS.UPDATE,
      { id: draft.id, version: Number(form.get('version')), changes: marketInput(posted, kind, owner, draft.record) },
      { posted, problems: (apiError) => editProblems(apiError, MARKET_FIELD_IDS, MARKET_FIELD_MESSAGES) },
    );
    return outcome.ok ? { done: 'saved' } : outcome.failure;
  },
  submit: (event) => step(event, 'SUBMIT', 'submitted'),
  approve: (event) => step(event, 'APPROVE', 'approved'),
  withdraw: (event) => step(event, 'UNPUBLISH', 'withdrawn'),
  renew: async (event) => {
    const form = await event.request.formData();
    const draft = await loadEditableMarketRecord(event, event.params.handle);
    const outcome = await runMutation<{ error: null }>(
      event,
      form,
      MARKET_MUTATIONS.UPDATE,
      { id: draft.id, version: Number(form.get('version')), changes: { expiresOn: yearAhead(todayUtc()) } },
      { formId: 'workflow', problems: (apiError) => editProblems(apiError, MARKET_FIELD_IDS, MARKET_FIELD_MESSAGES) },
    );
    return outcome.ok ? { done: 'renewed' } : outcome.failure;
  },
};
