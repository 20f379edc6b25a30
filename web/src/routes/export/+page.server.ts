// The open-data page (/export): what the node publishes, under which licence, and the links to
// the whole catalogue's files and feeds (ADR 0048). Public, the same for everyone.
import { graphql, GraphQLRequestError } from '#lib/server/graphql.ts';
import type { OpenDataSettingsQuery } from '#lib/generated/operation-types.ts';
import SETTINGS from '#lib/server/queries/open-data-settings.graphql?raw';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  try {
    const { openData } = await graphql<OpenDataSettingsQuery>(SETTINGS, { lang: locals.lang });
    return { licence: openData.licence, available: true };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    // The links work from the URL alone: the page still gives them, without the licence.
    return { licence: null, available: false };
  }
};
