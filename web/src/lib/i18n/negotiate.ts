// Chooses the interface language of one request. Pure: hooks.server.ts calls it per request
// and keeps the answer in event.locals, never in module state (which would leak one reader's
// language into another reader's page).
import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from './languages.ts';

export interface LanguageSignals {
  /** The `?lang=` query parameter, set by the language switcher's links. */
  query?: string | null;
  /** The `lang` cookie, remembered from an earlier choice. */
  cookie?: string | null;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
}

export interface NegotiatedLanguage {
  lang: UiLanguage;
  /** Where the choice came from; `query` means the reader just chose it (remember it). */
  source: 'query' | 'cookie' | 'accept-language' | 'default';
}

/** The interface language: `?lang=` first, then the `lang` cookie, then Accept-Language, then French. */
export function negotiateLanguage(signals: LanguageSignals): NegotiatedLanguage {
  const query = normalise(signals.query);
  if (isUiLanguage(query)) return { lang: query, source: 'query' };
  const cookie = normalise(signals.cookie);
  if (isUiLanguage(cookie)) return { lang: cookie, source: 'cookie' };
  for (const tag of parseAcceptLanguage(signals.acceptLanguage)) {
    const base = normalise(tag.split('-')[0]);
    if (isUiLanguage(base)) return { lang: base, source: 'accept-language' };
  }
  return { lang: DEFAULT_LANGUAGE, source: 'default' };
}

/**
 * Language tags of an Accept-Language header, best first (by q, then by order); entries with
 * q=0, the wildcard and malformed parts are dropped. At most 20 entries are read.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [rawTag = '', ...params] = part.trim().split(';');
      const tag = rawTag.trim();
      const qParam = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((q) => q !== undefined);
      return { tag, q: qParam === undefined ? 1 : Number(qParam), order };
    })
    .filter(({ tag, q }) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) && q > 0 && !Number.isNaN(q))
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map(({ tag }) => tag);
}

function normalise(value: string | null | undefined): string | undefined {
  return value?.trim().toLowerCase() || undefined;
}
