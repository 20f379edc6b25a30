// What a fediverse follower sees of a record: a short Note (ADR 0051). Mastodon shows a Note in
// full, while it drops the Organization and Article objects partners receive; so each published
// listing, practice or adoption gets a Note of its own: the record's name as a link to its
// canonical page on this (its origin) node, its summary, and hashtags made from its sector and
// city, in the record's own language. Built only from the public projection of the record
// (public-initiative-record.ts): nothing a partner could not already read.
import type { TaxonomyCatalog, TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import type { GoodPracticeRecord, InitiativeRecord } from '../../records/record-types.ts';
import type { AdoptionRecord } from '../../adoptions/adoption-record.ts';
import type { LanguageMap } from '../../records/language.ts';
import { publicInitiativeRecord } from '../jsonld/public-initiative-record.ts';
import { escapeHtml } from './html-escape.ts';

/** What a record's Note is about: the record it announces (null for a digest). */
export interface NoteSubject {
  kind: 'initiative' | 'goodPractice' | 'adoptionRecord';
  id: string;
}

export interface Hashtag {
  /** "#Word", as Mastodon writes it. */
  name: string;
  href: string;
}

/** A Note's content before it has an id, an author and an audience. */
export interface NoteDraft {
  about: NoteSubject | null;
  /** BCP 47 tag of the content: the record's original language. */
  language: string;
  /** HTML (AS2 content is HTML): every text of the record is escaped. */
  content: string;
  /** The canonical page the Note links to. */
  url: string;
  tags: Hashtag[];
}

/** Longest summary quoted in a Note; the page has the rest. Mastodon's own limit is 500 characters. */
export const SUMMARY_LIMIT = 280;
/** Longest name or title shown; the page has the whole of it. */
const TITLE_LIMIT = 200;
/** Longest hashtag kept; a longer label is not a tag anyone types. */
const HASHTAG_LIMIT = 50;

/** The text of `map` in `language`, else in any language; '' when there is none. */
export function textIn(map: LanguageMap | undefined, language: string): string {
  if (!map) return '';
  return map[language] ?? map.und ?? Object.values(map)[0] ?? '';
}

/**
 * A hashtag word from a label: the letters and digits of each word, each word capitalised,
 * joined ("Santé, action sociale" → "SantéActionSociale"; "Saint-Gilles" → "SaintGilles").
 * Everything else (punctuation, markup, spaces) goes, so no label can inject HTML or a link.
 * Null when nothing is left.
 */
export function hashtagWord(label: string): string | null {
  const words = label.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const word = words.map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join('');
  if (!word) return null;
  return [...word].slice(0, HASHTAG_LIMIT).join('');
}

/** Shortens `text` to `limit` characters at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, limit = SUMMARY_LIMIT): string {
  const chars = [...text.trim()];
  if (chars.length <= limit) return text.trim();
  const cut = chars.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function conceptLabel(catalog: TaxonomyCatalog, taxonomy: TaxonomyId, code: string, language: string): string {
  const labels = catalog.concept(taxonomy, code)?.labels;
  return labels?.[language] ?? labels?.[language.split('-')[0]!] ?? labels?.en ?? '';
}

function tag(publicUrl: URL, label: string, search: Record<string, string>): Hashtag | null {
  const word = hashtagWord(label);
  if (!word) return null;
  const href = new URL('/search', publicUrl);
  for (const [key, value] of Object.entries(search)) href.searchParams.set(key, value);
  return { name: `#${word}`, href: href.href };
}

/** Mastodon's own markup of a hashtag link, which it renders as a tag. */
function hashtagHtml(t: Hashtag): string {
  return `<a href="${escapeHtml(t.href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(t.name.slice(1))}</span></a>`;
}

/** The HTML of a Note: the title as a link, the summary, the link in full, then the hashtags. */
export function noteHtml(parts: { title: string; url: string; summary: string; tags: Hashtag[] }): string {
  const link = escapeHtml(parts.url);
  const shown = escapeHtml(parts.url.replace(/^https?:\/\//, ''));
  const paragraphs = [
    `<p><a href="${link}">${escapeHtml(shorten(parts.title, TITLE_LIMIT))}</a></p>`,
    ...(parts.summary ? [`<p>${escapeHtml(shorten(parts.summary))}</p>`] : []),
    `<p><a href="${link}">${shown}</a></p>`,
    ...(parts.tags.length ? [`<p>${parts.tags.map(hashtagHtml).join(' ')}</p>`] : []),
  ];
  return paragraphs.join('');
}

const uniqueTags = (tags: Array<Hashtag | null>): Hashtag[] => {
  const seen = new Set<string>();
  return tags.filter((t): t is Hashtag => t !== null && !seen.has(t.name.toLowerCase()) && Boolean(seen.add(t.name.toLowerCase())));
};

export interface NoteContext {
  publicUrl: URL;
  catalog: TaxonomyCatalog;
}

/** The page of a local record on this node: the canonical URL (the origin's page; h-seo marks it so). */
export function recordPageUrl(publicUrl: URL, kind: NoteSubject['kind'], handle: string): string {
  const path = { initiative: 'initiatives', goodPractice: 'practices', adoptionRecord: 'adoptions' }[kind];
  return new URL(`/${path}/${encodeURIComponent(handle)}`, publicUrl).href;
}

/** The Note announcing a published (or meaningfully changed) initiative; from its public projection only. */
export function initiativeNote(record: InitiativeRecord, context: NoteContext): NoteDraft {
  const shown = publicInitiativeRecord(record);
  const language = shown.originalLanguage;
  const url = recordPageUrl(context.publicUrl, 'initiative', shown.handle);
  const tags = uniqueTags([
    tag(context.publicUrl, conceptLabel(context.catalog, 'sector', shown.primarySector, language), { sector: shown.primarySector }),
    tag(context.publicUrl, shown.location.locality, { q: shown.location.locality }),
  ]);
  return {
    about: { kind: 'initiative', id: shown.handle },
    language,
    url,
    tags,
    content: noteHtml({ title: textIn(shown.name, language) || shown.handle, url, summary: textIn(shown.summary, language), tags }),
  };
}

/** The Note announcing a published good practice: its type and city as hashtags. */
export function practiceNote(record: GoodPracticeRecord, context: NoteContext): NoteDraft {
  const language = record.originalLanguage;
  const url = recordPageUrl(context.publicUrl, 'goodPractice', record.handle);
  const tags = uniqueTags([
    tag(context.publicUrl, conceptLabel(context.catalog, 'practice-type', record.practiceType, language), {
      practiceType: record.practiceType,
    }),
    tag(context.publicUrl, record.location.locality, { q: record.location.locality }),
  ]);
  return {
    about: { kind: 'goodPractice', id: record.handle },
    language,
    url,
    tags,
    content: noteHtml({ title: textIn(record.title, language) || record.handle, url, summary: textIn(record.summary, language), tags }),
  };
}

/** The Note announcing a published adoption record: the city (this node's) as hashtag. */
export function adoptionNote(record: AdoptionRecord, context: NoteContext & { locality: string | null; url: string }): NoteDraft {
  const language = record.originalLanguage;
  const tags = uniqueTags([context.locality ? tag(context.publicUrl, context.locality, { q: context.locality }) : null]);
  return {
    about: { kind: 'adoptionRecord', id: record.handle },
    language,
    url: context.url,
    tags,
    content: noteHtml({
      title: textIn(record.title, language) || record.handle,
      url: context.url,
      summary: textIn(record.summary, language),
      tags,
    }),
  };
}
