// GET /export/initiatives.geojson[?<the parameters of /search>] (lib/server/open-data/open-data-responses.ts).
import { graphql } from '#lib/server/graphql.ts';
import { exportResponse } from '#lib/server/open-data/open-data-responses.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) => exportResponse('initiatives.geojson', { url, lang: locals.lang, query: graphql });
