// The interface language of the page being rendered, handed to components through Svelte
// context (one per component tree, so per request on the server) rather than a module-level
// store, which would leak one reader's language into another reader's page.
import { createContext } from 'svelte';
import type { MessageKey, MessageTable } from './catalog.ts';
import { format, formatNumber, languageName } from './message-format.ts';
import type { TextDirection, UiLanguage } from './languages.ts';

export interface I18n {
  readonly lang: UiLanguage;
  readonly dir: TextDirection;
  /**
   * The message `key`, with `{placeholders}` filled from `values` and `{count, plural, …}` forms
   * chosen by the language's plural rules. A key the page was not sent (its area is missing
   * from route-areas.ts) shows as the key itself, and route-areas.test.ts fails.
   */
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  /** A content language named in the interface language ("anglais"). */
  languageName(tag: string): string;
  /** A number written the interface language's way. */
  number(value: number): string;
}

export interface I18nSource {
  lang: UiLanguage;
  dir: TextDirection;
  /** The messages of the page's areas, in `lang` (route-areas.ts). */
  messages: MessageTable;
}

const [getI18nContext, setI18nContext] = createContext<I18n>();

/** Called once by the root layout; `source` is a getter so the context follows its data. */
export function provideI18n(source: () => I18nSource): I18n {
  return setI18nContext({
    get lang() {
      return source().lang;
    },
    get dir() {
      return source().dir;
    },
    t: (key, values) => {
      const { messages, lang } = source();
      const message = messages[key] ?? key;
      return values ? format(message, values, lang) : message;
    },
    languageName: (tag) => languageName(tag, source().lang),
    number: (value) => formatNumber(value, source().lang),
  });
}

/** The current page's I18n; components call it during initialisation. */
export const useI18n: () => I18n = getI18nContext;
