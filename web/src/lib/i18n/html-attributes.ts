// src/app.html carries `<html lang="%lang%" dir="%dir%">`; the server fills both per request,
// so every page, error pages included, states its language and direction before any CSS loads.
import type { TextDirection, UiLanguage } from './languages.ts';

const PLACEHOLDERS = '<html lang="%lang%" dir="%dir%">';

/**
 * A transformPageChunk function for one response. Only the `<html>` tag is touched, once: page
 * content that happens to contain "%lang%" is left alone.
 */
export function htmlAttributeFiller(lang: UiLanguage, dir: TextDirection): (input: { html: string }) => string {
  let filled = false;
  // A plain string search: a regular expression over a whole 100 KB page cost each search page
  // about 0.2 ms of rendering (measured, issue 13); the tag is near the start.
  return ({ html }) => {
    if (filled) return html;
    const at = html.indexOf(PLACEHOLDERS);
    if (at === -1) return html;
    filled = true;
    return `${html.slice(0, at)}<html lang="${lang}" dir="${dir}">${html.slice(at + PLACEHOLDERS.length)}`;
  };
}
