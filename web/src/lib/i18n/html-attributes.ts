// src/app.html carries `<html lang="%lang%" dir="%dir%">`; the server fills both per request,
// so every page, error pages included, states its language and direction before any CSS loads.
import type { TextDirection, UiLanguage } from './languages.ts';

const PLACEHOLDERS = /<html lang="%lang%" dir="%dir%">/;

/**
 * A transformPageChunk function for one response. Only the `<html>` tag is touched, once: page
 * content that happens to contain "%lang%" is left alone.
 */
export function htmlAttributeFiller(lang: UiLanguage, dir: TextDirection): (input: { html: string }) => string {
  let filled = false;
  return ({ html }) => {
    if (filled || !PLACEHOLDERS.test(html)) return html;
    filled = true;
    return html.replace(PLACEHOLDERS, `<html lang="${lang}" dir="${dir}">`);
  };
}
