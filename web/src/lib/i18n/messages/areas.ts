// The interface messages are split by area of the site (core pages, search, explore, manage,
// about, accounts), each area a folder with one file per language, so work on one area does not touch
// another's files. This module merges them into one catalogue per language.
import frCore from './fr.ts';
import frSearch from './search/fr.ts';
import frExplore from './explore/fr.ts';
import frManage from './manage/fr.ts';
import frAbout from './about/fr.ts';
import frAccounts from './accounts/fr.ts';
import enCore from './en.ts';
import enSearch from './search/en.ts';
import enExplore from './explore/en.ts';
import enManage from './manage/en.ts';
import enAbout from './about/en.ts';
import enAccounts from './accounts/en.ts';
import itCore from './it.ts';
import itSearch from './search/it.ts';
import itExplore from './explore/it.ts';
import itManage from './manage/it.ts';
import itAbout from './about/it.ts';
import itAccounts from './accounts/it.ts';
import elCore from './el.ts';
import elSearch from './search/el.ts';
import elExplore from './explore/el.ts';
import elManage from './manage/el.ts';
import elAbout from './about/el.ts';
import elAccounts from './accounts/el.ts';
import bgCore from './bg.ts';
import bgSearch from './search/bg.ts';
import bgExplore from './explore/bg.ts';
import bgManage from './manage/bg.ts';
import bgAbout from './about/bg.ts';
import bgAccounts from './accounts/bg.ts';
import slCore from './sl.ts';
import slSearch from './search/sl.ts';
import slExplore from './explore/sl.ts';
import slManage from './manage/sl.ts';
import slAbout from './about/sl.ts';
import slAccounts from './accounts/sl.ts';
import arCore from './ar.ts';
import arSearch from './search/ar.ts';
import arExplore from './explore/ar.ts';
import arManage from './manage/ar.ts';
import arAbout from './about/ar.ts';
import arAccounts from './accounts/ar.ts';
import nlCore from './nl.ts';
import nlSearch from './search/nl.ts';
import nlExplore from './explore/nl.ts';
import nlManage from './manage/nl.ts';
import nlAbout from './about/nl.ts';
import nlAccounts from './accounts/nl.ts';
import deCore from './de.ts';
import deSearch from './search/de.ts';
import deExplore from './explore/de.ts';
import deManage from './manage/de.ts';
import deAbout from './about/de.ts';
import deAccounts from './accounts/de.ts';

/** The keys of the core pages (the French reference file messages/fr.ts). */
export type CoreMessages = { readonly [K in keyof typeof frCore]: string };

export const MERGED = {
  fr: { ...frCore, ...frSearch, ...frExplore, ...frManage, ...frAbout, ...frAccounts },
  en: { ...enCore, ...enSearch, ...enExplore, ...enManage, ...enAbout, ...enAccounts },
  it: { ...itCore, ...itSearch, ...itExplore, ...itManage, ...itAbout, ...itAccounts },
  el: { ...elCore, ...elSearch, ...elExplore, ...elManage, ...elAbout, ...elAccounts },
  bg: { ...bgCore, ...bgSearch, ...bgExplore, ...bgManage, ...bgAbout, ...bgAccounts },
  sl: { ...slCore, ...slSearch, ...slExplore, ...slManage, ...slAbout, ...slAccounts },
  ar: { ...arCore, ...arSearch, ...arExplore, ...arManage, ...arAbout, ...arAccounts },
  nl: { ...nlCore, ...nlSearch, ...nlExplore, ...nlManage, ...nlAbout, ...nlAccounts },
  de: { ...deCore, ...deSearch, ...deExplore, ...deManage, ...deAbout, ...deAccounts },
} as const;

/** The French reference catalogue: its keys are the keys of every language. */
export const REFERENCE = MERGED.fr;

