// Filling and formatting interface messages, without the catalogues themselves (catalog.ts
// holds those): format() fills `{name}` placeholders, languageName() names a content language
// in the reader's language (for the "(in French)" marker of texts shown in their original
// language). Browser code imports from here so that it does not load every language's messages.
import type { UiLanguage } from './languages.ts';

/** Fills `{name}` placeholders; a placeholder without a value is left as it is, so the gap shows. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The placeholders a message uses, e.g. ["shown", "total"]. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** Name of language `tag` in the reader's language ("anglais" for fr, "English" for en); the tag itself if unknown. */
export function languageName(tag: string, readerLanguage: UiLanguage): string {
  try {
    return new Intl.DisplayNames([readerLanguage], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A number written the reader's way. */
export function formatNumber(value: number, readerLanguage: UiLanguage): string {
  return new Intl.NumberFormat(readerLanguage).format(value);
}

/** One piece of a message: literal text, or the value of the placeholder `name`. */
export interface MessagePart {
  text: string;
  /** Set when this part is the value of a placeholder. */
  name?: string;
}

/**
 * A message cut at its placeholders, so a component can mark values up (an e-mail address in
 * `<bdi>`, a date in `<time>`). A placeholder without a value stays literal text, as in format().
 */
export function formatParts(template: string, values: Readonly<Record<string, string>>): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    if (!(name in values)) continue;
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ text: values[name] ?? '', name });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/**
 * An instant written the reader's way, with its time zone ("10 juin 2026 à 14:05 UTC"). On the
 * server, `timeZone` defaults to the process's (the node's TZ), so every reader of a page sees
 * the same time.
 */
export function formatDateTime(iso: string, readerLanguage: UiLanguage, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(readerLanguage, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone }).format(date);
}
