// The translators' queue (ADR 0041): texts of this node's published records written in one
// language that lack another, or have it out of date, most asked for by readers first. The pair
// is chosen with a plain GET form (?from=fr&to=it), so it works without JavaScript; the
// registry refuses the page to accounts that are not translators, moderators or admins.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { TRANSLATION_QUEUE_QUERY, type TranslationQueueItem } from '#lib/server/manage/translation-queries.ts';
import { isUiLanguage, UI_LANGUAGES } from '#lib/i18n/languages.ts';
import type { TranslationQueueQuery } from '#lib/generated/operation-types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  if (account.role !== 'TRANSLATOR' && !account.canModerate) error(403, 'Only translators, moderators and admins can open this page.');
  const lang = event.locals.lang;
  const askedFrom = event.url.searchParams.get('from');
  const askedTo = event.url.searchParams.get('to');
  const from = isUiLanguage(askedFrom) ? askedFrom : 'fr';
  const to = isUiLanguage(askedTo) && askedTo !== from ? askedTo : lang !== from ? lang : from === 'en' ? 'fr' : 'en';
  const data = await loadAs<TranslationQueueQuery>(event, TRANSLATION_QUEUE_QUERY, { from, to });
  const items: TranslationQueueItem[] = data.translationQueue.items;
  return { from, to, languages: UI_LANGUAGES, items, totalCount: data.translationQueue.totalCount };
};
