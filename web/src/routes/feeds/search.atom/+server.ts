// GET /feeds/search.atom[?<the parameters of /search>]: the Atom feed of new and updated listings
// (lib/server/open-data/open-data-responses.ts).
import { graphql } from '#lib/server/graphql.ts';
import { feedResponse } from '#lib/server/open-data/open-data-responses.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) => feedResponse('search', { url, lang: locals.lang, query: graphql });
