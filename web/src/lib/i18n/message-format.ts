// Filling and formatting interface messages, without the catalogues themselves (catalog.ts
// holds those): format() fills `{name}` placeholders, languageName() names a content language
// in the reader's language (for the "(in French)" marker of texts shown in their original
// language). Browser code imports from here so that it does not load every language's messages.
import type { UiLanguage } from './languages.ts';
import { dateTimeFormat, displayNames, numberFormat, pluralRules } from './intl-formatters.ts';
import languageNameTable from '../../../../schemas/languages/language-names.json' with { type: 'json' };

const WRITTEN_LANGUAGE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = languageNameTable.names;

/**
 * Fills a message's placeholders. Messages use a small part of ICU MessageFormat: `{name}` is
 * a value, and `{name, plural, one {# initiative} other {# initiatives}}` picks the form for the
 * number `name` by the CLDR plural rules of `lang` (Intl.PluralRules), with `=0`-style exact
 * matches first and `#` for the number written the reader's way. Apostrophes are plain text
 * (no ICU quoting), so "l'initiative" needs no escaping. A placeholder without a value is left
 * as it is, so the gap shows.
 */
export function format(template: string, values: Readonly<Record<string, string | number>>, lang = 'en'): string {
  return render(parsedMessage(template), values, lang, undefined);
}

/**
 * Messages parsed once per process: a page fills dozens (every count, every "in French"
 * marker). The templates are the catalogues' (fixed at build) and the registry's error messages
 * (a few), so a bound far above the catalogues' size is never reached in use; past it, the oldest
 * parsed is dropped. Parsed messages are never changed by render().
 */
const MAX_PARSED_MESSAGES = 4096;
const parsedMessages = new Map<string, readonly MessageNode[]>();

function parsedMessage(template: string): readonly MessageNode[] {
  const known = parsedMessages.get(template);
  if (known) return known;
  const nodes = parseMessage(template);
  if (parsedMessages.size >= MAX_PARSED_MESSAGES) parsedMessages.delete(parsedMessages.keys().next().value!);
  parsedMessages.set(template, nodes);
  return nodes;
}

/** The values a message uses (plain and plural), sorted, e.g. ["shown", "total"]. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const visit = (nodes: readonly MessageNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'value') names.add(node.name);
      if (node.kind === 'plural') {
        names.add(node.name);
        for (const branch of Object.values(node.branches)) visit(branch);
      }
    }
  };
  visit(parseMessage(template));
  return [...names].sort();
}

/** The plural branches of a message's `{name, plural, …}` placeholders (for checking catalogues). */
export function pluralBranchesOf(template: string): Array<{ name: string; selectors: string[] }> {
  const found: Array<{ name: string; selectors: string[] }> = [];
  const visit = (nodes: readonly MessageNode[]) => {
    for (const node of nodes) {
      if (node.kind !== 'plural') continue;
      found.push({ name: node.name, selectors: Object.keys(node.branches) });
      for (const branch of Object.values(node.branches)) visit(branch);
    }
  };
  visit(parseMessage(template));
  return found;
}

type MessageNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'number' }
  | { kind: 'plural'; name: string; branches: Record<string, MessageNode[]> };

/** Thrown for a message that is not valid in our ICU subset; says where and what to fix. */
export class MessageSyntaxError extends Error {
  readonly code = 'MESSAGE_SYNTAX';
}

/** Parses a message; throws MessageSyntaxError for unbalanced braces or a malformed plural. */
export function parseMessage(template: string): MessageNode[] {
  const [nodes, end] = parseNodes(template, 0, false);
  if (end !== template.length)
    throw new MessageSyntaxError(`Unexpected "}" at ${end} in "${template}": remove it or add the "{" it closes.`);
  return nodes;
}

function parseNodes(source: string, start: number, inPlural: boolean): [MessageNode[], number] {
  const nodes: MessageNode[] = [];
  let text = '';
  let index = start;
  const flush = () => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  while (index < source.length) {
    const char = source[index];
    if (char === '}') break;
    if (char === '#' && inPlural) {
      flush();
      nodes.push({ kind: 'number' });
      index++;
    } else if (char === '{') {
      flush();
      const [node, next] = parsePlaceholder(source, index);
      nodes.push(node);
      index = next;
    } else {
      text += char;
      index++;
    }
  }
  flush();
  return [nodes, index];
}

function parsePlaceholder(source: string, open: number): [MessageNode, number] {
  const simple = /^\{\s*(\w+)\s*\}/.exec(source.slice(open));
  if (simple) return [{ kind: 'value', name: simple[1] ?? '' }, open + simple[0].length];
  const plural = /^\{\s*(\w+)\s*,\s*plural\s*,/.exec(source.slice(open));
  if (!plural) throw new MessageSyntaxError(`Placeholder at ${open} in "${source}" is neither {name} nor {name, plural, …}.`);
  const branches: Record<string, MessageNode[]> = {};
  let index = open + plural[0].length;
  for (;;) {
    while (/\s/.test(source[index] ?? '')) index++;
    if (source[index] === '}') break;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(source.slice(index));
    if (!selector)
      throw new MessageSyntaxError(
        `Plural "${plural[1]}" in "${source}": expected zero, one, two, few, many, other or =N followed by {text} at ${index}.`,
      );
    const [nodes, end] = parseNodes(source, index + selector[0].length, true);
    if (source[end] !== '}')
      throw new MessageSyntaxError(`Plural "${plural[1]}" in "${source}": the form "${selector[1]}" is not closed with "}".`);
    branches[selector[1] ?? 'other'] = nodes;
    index = end + 1;
  }
  if (!branches.other) throw new MessageSyntaxError(`Plural "${plural[1]}" in "${source}" has no "other" form; every plural needs one.`);
  return [{ kind: 'plural', name: plural[1] ?? '', branches }, index + 1];
}

function render(
  nodes: readonly MessageNode[],
  values: Readonly<Record<string, string | number>>,
  lang: string,
  count: number | undefined,
): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'number') out += count === undefined ? '#' : formatNumber(count, lang);
    else if (node.kind === 'value') out += node.name in values ? String(values[node.name]) : `{${node.name}}`;
    else {
      const value = Number(values[node.name]);
      if (!(node.name in values) || Number.isNaN(value)) {
        out += `{${node.name}}`;
        continue;
      }
      const branch = node.branches[`=${value}`] ?? node.branches[pluralCategory(value, lang)] ?? node.branches.other ?? [];
      out += render(branch, values, lang, value);
    }
  }
  return out;
}

/** The CLDR plural category of `count` in `lang` ("one", "two", "few", …). */
export function pluralCategory(count: number, lang: string): Intl.LDMLPluralRule {
  return pluralRules(lang).select(count);
}

/** The plural categories a language distinguishes (sl: one, two, few, other). */
export function pluralCategories(lang: string): Intl.LDMLPluralRule[] {
  return pluralRules(lang).resolvedOptions().pluralCategories;
}

/**
 * Language names already looked up, by reader's language and tag: a page names the language of
 * every text it shows in another (each result's name and summary), and ICU's look-up was 1% of a
 * search page's CPU. The tags come from the records, so the memo is bounded (oldest dropped).
 */
const MAX_LANGUAGE_NAMES = 2048;
const languageNames = new Map<string, string>();

/** Name of language `tag` in the reader's language ("anglais" for fr, "English" for en); the tag itself if unknown. */
export function languageName(tag: string, readerLanguage: UiLanguage): string {
  const key = `${readerLanguage}\u0000${tag}`;
  let name = languageNames.get(key);
  if (name !== undefined) return name;
  try {
    // fallback "none": a code ICU cannot name is looked up in the written table, not shown bare.
    name = displayNames(readerLanguage, { type: 'language', fallback: 'none' }).of(tag) ?? writtenLanguageName(tag, readerLanguage) ?? tag;
  } catch {
    name = tag;
  }
  if (languageNames.size >= MAX_LANGUAGE_NAMES) languageNames.delete(languageNames.keys().next().value!);
  languageNames.set(key, name);
  return name;
}

/**
 * Names ICU lacks in some site languages ("apc", Levantine Arabic, is named by CLDR in Dutch
 * only), from the table the registry reads too: schemas/languages/language-names.json.
 */
function writtenLanguageName(tag: string, readerLanguage: UiLanguage): string | undefined {
  const names: Readonly<Record<string, string>> | undefined = WRITTEN_LANGUAGE_NAMES[tag.toLowerCase()];
  return names?.[readerLanguage] ?? names?.en;
}

/** A number written the reader's way. */
export function formatNumber(value: number, readerLanguage: UiLanguage | string): string {
  return numberFormat(readerLanguage).format(value);
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
  return dateTimeFormat(readerLanguage, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(date);
}
