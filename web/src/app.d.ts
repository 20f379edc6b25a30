// Types SvelteKit reads for this app. Locals are per request: hooks.server.ts sets them.
import type { TextDirection, UiLanguage } from '#lib/i18n/languages.ts';

declare global {
  namespace App {
    interface Locals {
      /** The interface language chosen for this request (see lib/i18n/negotiate.ts). */
      lang: UiLanguage;
      /** Its writing direction. */
      dir: TextDirection;
    }
  }
}

export {};
