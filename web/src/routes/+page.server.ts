import { loadHomePage } from '#lib/server/home-page.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const home = await loadHomePage(locals.lang);
  // Days written on the server, in the node's time zone, so every reader sees the same day.
  const recentDates = Object.fromEntries(home.recent.map((listing) => [listing.updatedAt, formatDate(listing.updatedAt, locals.lang)]));
  return { home, recentDates };
};
