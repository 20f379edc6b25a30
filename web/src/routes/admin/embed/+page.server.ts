// The embed snippet's staff page (issue 17 point 7, ADR 0049): a GET form (city, words,
// language) whose answer is the snippet to copy and a live preview of it. Moderators and
// admins (the admin layout checks). The snippet's texts are in the snippet's language.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { CATALOGS } from '#lib/i18n/catalog.ts';
import { embedFrameUrl, embedSnippet, readEmbedChoice } from '#lib/embed/embed-snippet.ts';
import EMBED_BUILDER_QUERY from '#lib/server/queries/embed-builder.graphql?raw';
import type { EmbedBuilderQuery } from '#lib/generated/operation-types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { cityNodes } = await loadAs<EmbedBuilderQuery>(event, EMBED_BUILDER_QUERY, { lang: event.locals.lang });
  const asked = readEmbedChoice(event.url.searchParams);
  const known = cityNodes.some((n) => n.slug === asked.node);
  // Before the form is sent, this node's own city; a city the registry does not know is dropped.
  const thisNode = cityNodes.find((n) => n.isThisNode)?.slug ?? '';
  const choice = { ...asked, node: event.url.searchParams.has('node') ? (known ? asked.node : '') : thisNode };
  const messages = CATALOGS[choice.lang ?? event.locals.lang];
  const origin = event.url.origin;
  return {
    cities: cityNodes.map(({ slug, city }) => ({ slug, city })),
    choice,
    snippet: embedSnippet(origin, choice, { title: messages.embFrameTitle, link: messages.embFallbackLink }),
    frameUrl: embedFrameUrl(origin, choice),
    frameTitle: messages.embFrameTitle,
  };
};
