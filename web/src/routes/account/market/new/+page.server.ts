// Posting a market record (issue 15 point 6): /account/market/new?kind=request|offer for the node's
// staff (for an organisation), /account/market/new?kind=need|opening&initiative=<handle> for an initiative's
// editors. Created as a draft, it opens on its edit page, to submit for review. Who may post what
// is the registry's rule (market.write): a refusal is shown on the form.
import { error, redirect } from '@sveltejs/kit';
import { requireAccount } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { MARKET_MUTATIONS, loadMarketFormChoices, todayUtc } from '#lib/server/market/market-editing.ts';
import {
  INITIATIVE_FORM_KINDS,
  MARKET_FIELD_IDS,
  MARKET_FIELD_MESSAGES,
  MARKET_FORM_KINDS,
  defaultExpiry,
  emptyValues,
  localProblems,
  marketInput,
  readMarketForm,
  type MarketFormKind,
  type MarketFormValues,
} from '#lib/forms/market/market-record-form.ts';
import type { CreateMarketRecordMutation } from '#lib/generated/operation-types.ts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

function kindAndOwner(url: URL): { kind: MarketFormKind; initiative: string | null } {
  const kind = url.searchParams.get('kind') as MarketFormKind | null;
  if (!kind || !MARKET_FORM_KINDS.includes(kind)) error(400, 'Choose what to post: ?kind=request, offer, need or opening.');
  const initiative = url.searchParams.get('initiative')?.slice(0, 100) || null;
  if (INITIATIVE_FORM_KINDS.includes(kind) && !initiative)
    error(400, 'A need or an opening is posted for an initiative: add ?initiative=<its handle>.');
  return { kind, initiative: INITIATIVE_FORM_KINDS.includes(kind) ? initiative : null };
}

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAccount(account, event.url);
  const { kind, initiative } = kindAndOwner(event.url);
  const choices = await loadMarketFormChoices(event);
  const here = choices.cityNodes.find((n) => n.isThisNode);
  const values = emptyValues({
    language: event.locals.lang,
    country: here?.country.code ?? '',
    locality: here?.city ?? '',
    expiresOn: defaultExpiry(todayUtc()),
  });
  return { kind, initiative, choices, values };
};

export const actions: Actions = {
  create: async (event) => {
    const { kind, initiative } = kindAndOwner(event.url);
    const form = await event.request.formData();
    const posted: MarketFormValues = readMarketForm(form);
    const local = localProblems(posted, kind);
    if (Object.keys(local).length > 0)
      return fail(400, {
        problems: { fields: Object.fromEntries(Object.entries(local).map(([id, key]) => [id, { key }])), general: [] },
        posted,
      });
    const outcome = await runMutation<CreateMarketRecordMutation['result'], MarketFormValues>(
      event,
      form,
      MARKET_MUTATIONS.CREATE,
      { input: marketInput(posted, kind, initiative ? { initiative } : {}) },
      { posted, problems: (apiError) => editProblems(apiError, MARKET_FIELD_IDS, MARKET_FIELD_MESSAGES) },
    );
    if (!outcome.ok) return outcome.failure;
    const record = outcome.result.record;
    const slug = record && 'slug' in record ? record.slug : '';
    redirect(303, `/account/market/${encodeURIComponent(slug)}?created`);
  },
};
