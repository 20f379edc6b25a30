// What a city pastes into its own website to show this registry's initiatives (issue 17 point 7,
// ADR 0049): an iframe of /embed/initiatives (or /embed/search) in the chosen language, a plain
// link to the same list on the registry (seen when iframes are blocked, and useful anyway), and
// the registry's small script that sets the iframe's height from the height the page reports.
import { isUiLanguage, type UiLanguage } from '../i18n/languages.ts';

/** What the staff page chose: a city (or every city), words to search for, a language (or the reader's). */
export interface EmbedChoice {
  /** Handle of a city node, or '' for every city the registry lists. */
  node: string;
  /** Words to search for, or '' for every initiative. */
  q: string;
  /** A fixed language, or null: the reader's browser's. */
  lang: UiLanguage | null;
}

const MAX_WORDS = 200;
const HANDLE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The staff page's choice, read from its GET form; anything malformed is left out. The language
 * is `language`, not `lang`: ?lang= anywhere on the site switches the staff member's own interface.
 */
export function readEmbedChoice(params: URLSearchParams): EmbedChoice {
  const node = params.get('node')?.trim() ?? '';
  const lang = params.get('language');
  return {
    node: HANDLE.test(node) ? node : '',
    q: (params.get('q') ?? '').trim().slice(0, MAX_WORDS),
    lang: isUiLanguage(lang) ? lang : null,
  };
}

function listParams(choice: EmbedChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.q) params.set('q', choice.q);
  if (choice.node) params.set('node', choice.node);
  return params;
}

/** The iframe's address: /embed/initiatives, or /embed/search when there are words to search for. */
export function embedFrameUrl(origin: string, choice: EmbedChoice): string {
  const params = listParams(choice);
  if (choice.lang) params.set('lang', choice.lang);
  const path = choice.q ? '/embed/search' : '/embed/initiatives';
  if (choice.q) params.set('kind', 'INITIATIVE');
  const query = params.toString();
  return new URL(`${path}${query ? `?${query}` : ''}`, origin).href;
}

/** The same initiatives on the registry's search page (the snippet's plain link). */
export function embedFallbackUrl(origin: string, choice: EmbedChoice): string {
  const params = new URLSearchParams({ kind: 'INITIATIVE' });
  for (const [name, value] of listParams(choice)) params.set(name, value);
  if (choice.lang) params.set('lang', choice.lang);
  return new URL(`/search?${params}`, origin).href;
}

/** Text for an HTML attribute value or element content: nothing in it can end either. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Starting height before the page reports its own; also the height without the script. */
export const INITIAL_HEIGHT_PX = 600;

/**
 * The snippet's HTML. `texts` are in the snippet's language: the iframe's title (what a screen
 * reader announces) and the plain link's text.
 */
export function embedSnippet(origin: string, choice: EmbedChoice, texts: { title: string; link: string }): string {
  const frame = escapeHtml(embedFrameUrl(origin, choice));
  const fallback = escapeHtml(embedFallbackUrl(origin, choice));
  const script = escapeHtml(new URL('/embed/snippet.js', origin).href);
  const lang = choice.lang ? ` lang="${choice.lang}"` : '';
  return [
    `<iframe src="${frame}" title="${escapeHtml(texts.title)}" data-umn-embed loading="lazy" style="width:100%;height:${INITIAL_HEIGHT_PX}px;border:0">`,
    `  <a href="${fallback}">${escapeHtml(texts.link)}</a>`,
    `</iframe>`,
    `<p${lang}><a href="${fallback}">${escapeHtml(texts.link)}</a></p>`,
    `<script src="${script}" async></script>`,
  ].join('\n');
}
