// What Mastodon shows of an actor's profile beyond its name and bio (ADR 0051): the avatar
// (`icon`) and header (`image`), the profile fields (`attachment` PropertyValues: website as a
// link, city, sector, named in the actor's language), and whether it may be suggested in
// directories (`discoverable`) and its posts indexed for search (`indexable`), both as the
// node's admin chose on /admin/fediverse. Built only from public fields of the record.
import { Image, PropertyValue } from '@fedify/vocab';
import type { FediverseSettings } from '../../nodes/fediverse-settings-repository.ts';
import { escapeHtml } from '../notes/html-escape.ts';

type FieldName = 'website' | 'city' | 'sector';

const FIELD_NAMES: Record<string, Record<FieldName, string>> = {
  en: { website: 'Website', city: 'City', sector: 'Sector' },
  fr: { website: 'Site web', city: 'Ville', sector: 'Secteur' },
  it: { website: 'Sito web', city: 'Città', sector: 'Settore' },
  el: { website: 'Ιστότοπος', city: 'Πόλη', sector: 'Τομέας' },
  bg: { website: 'Уебсайт', city: 'Град', sector: 'Сектор' },
  sl: { website: 'Spletna stran', city: 'Mesto', sector: 'Sektor' },
  ar: { website: 'الموقع الإلكتروني', city: 'المدينة', sector: 'القطاع' },
  nl: { website: 'Website', city: 'Stad', sector: 'Sector' },
  de: { website: 'Website', city: 'Stadt', sector: 'Sektor' },
};

export const DEFAULT_AVATAR_PATH = '/fediverse/avatar.png';
export const DEFAULT_HEADER_PATH = '/fediverse/header.png';

function fieldName(language: string, field: FieldName): string {
  return (FIELD_NAMES[language.split('-')[0]!.toLowerCase()] ?? FIELD_NAMES.en!)[field];
}

/** A web address as Mastodon shows a verified-looking link: the address without its scheme. */
function linkHtml(url: string): string {
  const shown = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return `<a href="${escapeHtml(url)}" rel="me nofollow noopener noreferrer" target="_blank">${escapeHtml(shown)}</a>`;
}

/** The profile fields: website (an http(s) address only), city and sector, each when known. */
export function profileFields(input: {
  language: string;
  website?: string | null;
  city?: string | null;
  sector?: string | null;
}): PropertyValue[] {
  const fields: PropertyValue[] = [];
  // Written as the URL parser serialises it: one address, whatever characters it was given with.
  const website =
    input.website && URL.canParse(input.website) && /^https?:$/.test(new URL(input.website).protocol) ? new URL(input.website).href : null;
  if (website) fields.push(new PropertyValue({ name: fieldName(input.language, 'website'), value: linkHtml(website) }));
  if (input.city) fields.push(new PropertyValue({ name: fieldName(input.language, 'city'), value: escapeHtml(input.city) }));
  if (input.sector) fields.push(new PropertyValue({ name: fieldName(input.language, 'sector'), value: escapeHtml(input.sector) }));
  return fields;
}

/** Avatar, header, discoverable and indexable, for every actor of the node. */
export function actorPresentation(settings: FediverseSettings, publicUrl: URL) {
  const picture = (url: string | null, fallback: string) =>
    url ? new Image({ url: new URL(url) }) : new Image({ url: new URL(fallback, publicUrl), mediaType: 'image/png' });
  return {
    icon: picture(settings.avatarUrl, DEFAULT_AVATAR_PATH),
    image: picture(settings.headerUrl, DEFAULT_HEADER_PATH),
    discoverable: settings.discoverable,
    indexable: settings.indexable,
  };
}
