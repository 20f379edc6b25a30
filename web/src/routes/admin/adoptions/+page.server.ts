// Adoption records of this city (issue 16 point 2). `start`: the "start adopting this practice"
// button of a partner's practice page posts here; the registry creates a draft (or answers the
// record this city has already) and the reader lands on its editing page.
import { error, redirect } from '@sveltejs/kit';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { START_ADOPTING } from '#lib/server/manage/adoption-queries.ts';
import type { StartAdoptingMutation } from '#lib/generated/operation-types.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  start: async (event) => {
    const form = await event.request.formData();
    const practice = String(form.get('practice') ?? '');
    if (!/^https?:\/\//.test(practice) || practice.length > 2000) error(400, 'No practice was named.');
    const outcome = await runMutation<StartAdoptingMutation['result']>(event, form, START_ADOPTING, { practice });
    if (!outcome.ok) return outcome.failure;
    const record = outcome.result.record;
    if (!record || !('slug' in record)) error(500, 'The registry answered no record.');
    redirect(303, `/admin/adoptions/${encodeURIComponent(record.slug)}`);
  },
};
