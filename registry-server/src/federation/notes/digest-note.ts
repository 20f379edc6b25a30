// The digest Note (ADR 0051): what an actor posts, once its hourly allowance was used up, in
// place of the Notes it held back: how many more changes there were, and a link to see them.
// Written in the actor's language (the node's first language, an initiative's own), with no
// plural forms to get wrong ("More changes on X: 12").
import type { Hashtag, NoteDraft } from './note-content.ts';
import { escapeHtml } from './html-escape.ts';

const DIGEST_TEXT: Record<string, (name: string, count: string) => string> = {
  en: (name, count) => `More changes on ${name}: ${count}. See the latest:`,
  fr: (name, count) => `Autres changements sur ${name} : ${count}. Voir les plus récents :`,
  it: (name, count) => `Altre modifiche su ${name}: ${count}. Vedi le più recenti:`,
  el: (name, count) => `Περισσότερες αλλαγές στο ${name}: ${count}. Δείτε τις πιο πρόσφατες:`,
  bg: (name, count) => `Още промени в ${name}: ${count}. Вижте най-новите:`,
  sl: (name, count) => `Več sprememb na ${name}: ${count}. Oglejte si najnovejše:`,
  ar: (name, count) => `تغييرات أخرى في ${name}: ${count}. اطّلع على الأحدث:`,
  nl: (name, count) => `Meer wijzigingen op ${name}: ${count}. Bekijk de nieuwste:`,
  de: (name, count) => `Weitere Änderungen auf ${name}: ${count}. Die neuesten ansehen:`,
};

/** The language a digest is written in: `language` if we have its words, else English. */
export function digestLanguage(language: string): string {
  const base = language.split('-')[0]!.toLowerCase();
  return base in DIGEST_TEXT ? base : 'en';
}

/** The digest of `count` held-back changes of the actor named `name`, linking to `url`. */
export function digestNote(input: { name: string; language: string; count: number; url: string; tags?: Hashtag[] }): NoteDraft {
  const language = digestLanguage(input.language);
  const text = DIGEST_TEXT[language]!(input.name, String(input.count));
  const link = escapeHtml(input.url);
  return {
    about: null,
    language,
    url: input.url,
    tags: input.tags ?? [],
    content: `<p>${escapeHtml(text)}</p><p><a href="${link}">${escapeHtml(input.url.replace(/^https?:\/\//, ''))}</a></p>`,
  };
}
