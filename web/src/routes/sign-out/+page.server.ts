// Signing out is a form post (the header's button), never a link: a link could be followed by
// another site's page or a prefetching browser. Opening /sign-out leads back home.
import { redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    await signOut(event, await event.request.formData());
    redirect(303, '/sign-in?signed-out');
  },
};
