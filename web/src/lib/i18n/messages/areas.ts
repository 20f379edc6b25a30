// The interface messages are data, one JSON file per area of the site and language
// (messages/<area>/<lang>.json), so a translator edits text without touching code (how: README.md
// in this folder). The areas let a page receive only the messages of the parts of the site it
// shows (route-areas.ts): a reader of a public page is not sent the admin pages' texts.
// French is the reference: its keys are the keys every language must have (catalog.test.ts).
import type { UiLanguage } from '../languages.ts';
import coreFr from './core/fr.json' with { type: 'json' };
import coreEn from './core/en.json' with { type: 'json' };
import coreIt from './core/it.json' with { type: 'json' };
import coreEl from './core/el.json' with { type: 'json' };
import coreBg from './core/bg.json' with { type: 'json' };
import coreSl from './core/sl.json' with { type: 'json' };
import coreAr from './core/ar.json' with { type: 'json' };
import coreNl from './core/nl.json' with { type: 'json' };
import coreDe from './core/de.json' with { type: 'json' };
import searchFr from './search/fr.json' with { type: 'json' };
import searchEn from './search/en.json' with { type: 'json' };
import searchIt from './search/it.json' with { type: 'json' };
import searchEl from './search/el.json' with { type: 'json' };
import searchBg from './search/bg.json' with { type: 'json' };
import searchSl from './search/sl.json' with { type: 'json' };
import searchAr from './search/ar.json' with { type: 'json' };
import searchNl from './search/nl.json' with { type: 'json' };
import searchDe from './search/de.json' with { type: 'json' };
import exploreFr from './explore/fr.json' with { type: 'json' };
import exploreEn from './explore/en.json' with { type: 'json' };
import exploreIt from './explore/it.json' with { type: 'json' };
import exploreEl from './explore/el.json' with { type: 'json' };
import exploreBg from './explore/bg.json' with { type: 'json' };
import exploreSl from './explore/sl.json' with { type: 'json' };
import exploreAr from './explore/ar.json' with { type: 'json' };
import exploreNl from './explore/nl.json' with { type: 'json' };
import exploreDe from './explore/de.json' with { type: 'json' };
import aboutFr from './about/fr.json' with { type: 'json' };
import aboutEn from './about/en.json' with { type: 'json' };
import aboutIt from './about/it.json' with { type: 'json' };
import aboutEl from './about/el.json' with { type: 'json' };
import aboutBg from './about/bg.json' with { type: 'json' };
import aboutSl from './about/sl.json' with { type: 'json' };
import aboutAr from './about/ar.json' with { type: 'json' };
import aboutNl from './about/nl.json' with { type: 'json' };
import aboutDe from './about/de.json' with { type: 'json' };
import accountsFr from './accounts/fr.json' with { type: 'json' };
import accountsEn from './accounts/en.json' with { type: 'json' };
import accountsIt from './accounts/it.json' with { type: 'json' };
import accountsEl from './accounts/el.json' with { type: 'json' };
import accountsBg from './accounts/bg.json' with { type: 'json' };
import accountsSl from './accounts/sl.json' with { type: 'json' };
import accountsAr from './accounts/ar.json' with { type: 'json' };
import accountsNl from './accounts/nl.json' with { type: 'json' };
import accountsDe from './accounts/de.json' with { type: 'json' };
import manageFr from './manage/fr.json' with { type: 'json' };
import manageEn from './manage/en.json' with { type: 'json' };
import manageIt from './manage/it.json' with { type: 'json' };
import manageEl from './manage/el.json' with { type: 'json' };
import manageBg from './manage/bg.json' with { type: 'json' };
import manageSl from './manage/sl.json' with { type: 'json' };
import manageAr from './manage/ar.json' with { type: 'json' };
import manageNl from './manage/nl.json' with { type: 'json' };
import manageDe from './manage/de.json' with { type: 'json' };
import fieldsFr from './fields/fr.json' with { type: 'json' };
import fieldsEn from './fields/en.json' with { type: 'json' };
import fieldsIt from './fields/it.json' with { type: 'json' };
import fieldsEl from './fields/el.json' with { type: 'json' };
import fieldsBg from './fields/bg.json' with { type: 'json' };
import fieldsSl from './fields/sl.json' with { type: 'json' };
import fieldsAr from './fields/ar.json' with { type: 'json' };
import fieldsNl from './fields/nl.json' with { type: 'json' };
import fieldsDe from './fields/de.json' with { type: 'json' };

/** The parts of the site whose messages travel together. */
export const AREAS = ['core', 'search', 'explore', 'about', 'accounts', 'manage', 'fields'] as const;

export type Area = (typeof AREAS)[number];

/** Every message key, from the French reference files. */
export type MessageKey =
  | keyof typeof coreFr
  | keyof typeof searchFr
  | keyof typeof exploreFr
  | keyof typeof aboutFr
  | keyof typeof accountsFr
  | keyof typeof manageFr
  | keyof typeof fieldsFr;

/** Some messages of one language, by key. */
export type MessageTable = { readonly [K in MessageKey]?: string };

/** Each area's messages in each language. */
export const AREA_MESSAGES: Readonly<Record<Area, Readonly<Record<UiLanguage, MessageTable>>>> = {
  core: { fr: coreFr, en: coreEn, it: coreIt, el: coreEl, bg: coreBg, sl: coreSl, ar: coreAr, nl: coreNl, de: coreDe },
  search: { fr: searchFr, en: searchEn, it: searchIt, el: searchEl, bg: searchBg, sl: searchSl, ar: searchAr, nl: searchNl, de: searchDe },
  explore: {
    fr: exploreFr,
    en: exploreEn,
    it: exploreIt,
    el: exploreEl,
    bg: exploreBg,
    sl: exploreSl,
    ar: exploreAr,
    nl: exploreNl,
    de: exploreDe,
  },
  about: { fr: aboutFr, en: aboutEn, it: aboutIt, el: aboutEl, bg: aboutBg, sl: aboutSl, ar: aboutAr, nl: aboutNl, de: aboutDe },
  accounts: {
    fr: accountsFr,
    en: accountsEn,
    it: accountsIt,
    el: accountsEl,
    bg: accountsBg,
    sl: accountsSl,
    ar: accountsAr,
    nl: accountsNl,
    de: accountsDe,
  },
  manage: { fr: manageFr, en: manageEn, it: manageIt, el: manageEl, bg: manageBg, sl: manageSl, ar: manageAr, nl: manageNl, de: manageDe },
  fields: { fr: fieldsFr, en: fieldsEn, it: fieldsIt, el: fieldsEl, bg: fieldsBg, sl: fieldsSl, ar: fieldsAr, nl: fieldsNl, de: fieldsDe },
};
