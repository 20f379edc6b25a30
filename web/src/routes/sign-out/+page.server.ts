// Signing out is a form post (the header's button), never a link: a link could be followed by
// another site's page or a prefetching browser. Opening /sign-out leads back home.
//
// A post without the form's CSRF token (or with a wrong one) is refused with a 403 and changes
// nothing: the session stays on the registry and its cookie stays in the browser, so the two
// never disagree. Another site's form never gets this far (SvelteKit refuses cross-origin form
// posts), so only a hand-made request lacks the token; the page's own button always has it.
import { error, redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    const outcome = await signOut(event, await event.request.formData());
    if (outcome === 'refused') error(403, 'Signing out needs the form of this site: use the Sign out button of a page.');
    redirect(303, '/sign-in?signed-out');
  },
};
