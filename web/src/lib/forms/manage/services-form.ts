// The services form (routes/account/initiatives/[slug]/services), without SvelteKit: each service
// is a block of HSDS fields (Open Referral: name, description, languages, interpretation, how to
// ask, fees, who for, where, accessibility). Texts are edited one language at a time (?in=), so
// a block remembers which stored service it came from (`from`) and saving puts this language's
// texts into that service, every other language untouched. The languages a service is given in
// are codes, the same in every language.
import type { MessageKey } from '../../i18n/catalog.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { typedLanguages } from './language-lookup.ts';
import { sameValue } from './same-value.ts';
import { languageMapToInput, SERVICE_TEXTS, withLanguage, type InitiativeRecord, type LanguageMap } from './initiative-changes.ts';
import { keepItemId } from './item-id.ts';

export { SERVICE_TEXTS };
export type ServiceText = (typeof SERVICE_TEXTS)[number];
export type ServicePart = ServiceText | 'languages' | 'otherLanguages' | 'from';

/** The record's own limit (schemas/records/initiative.schema.json services.maxItems). */
export const MAX_SERVICES = 50;

export interface ServiceBlock {
  /** Position of the service in the stored record, or null for a service added on this form. */
  from: number | null;
  texts: Record<ServiceText, string>;
  /** Language codes ticked. */
  languages: string[];
  /** Other language codes, as typed (e.g. "ti, fa"). */
  otherLanguages: string;
}

export interface ServicesForm {
  lang: string;
  services: ServiceBlock[];
}

type StoredService = Readonly<Record<string, unknown>>;

/** The id (and name) of a block's field: svc-0-name, svc-2-languages … */
export function serviceFieldId(index: number, part: ServicePart): string {
  return `svc-${index}-${part}`;
}

export function emptyServiceBlock(): ServiceBlock {
  return {
    from: null,
    texts: Object.fromEntries(SERVICE_TEXTS.map((t) => [t, ''])) as Record<ServiceText, string>,
    languages: [],
    otherLanguages: '',
  };
}

/** The form as the record has it, in `lang`. */
export function servicesFormFromRecord(record: InitiativeRecord, lang: string): ServicesForm {
  return {
    lang,
    services: (record.services ?? []).map((service, index) => storedBlock(service, lang, index)),
  };
}

/** What the form posted: `services` says how many blocks it has (at most MAX_SERVICES + 1, the one being added). */
export function readServicesForm(data: FormData, lang: string, storedCount: number): ServicesForm {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const count = Math.min(Number.parseInt(text('services'), 10) || 0, MAX_SERVICES + 1);
  const services: ServiceBlock[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < count; index++) {
    const fromText = text(serviceFieldId(index, 'from'));
    let from: number | null = /^\d{1,3}$/.test(fromText) ? Number(fromText) : null;
    // A position that is not stored, or claimed by two blocks, is a new service: never two
    // blocks writing over one stored service.
    if (from !== null && (from >= storedCount || seen.has(from))) from = null;
    if (from !== null) seen.add(from);
    services.push({
      from,
      texts: Object.fromEntries(SERVICE_TEXTS.map((t) => [t, text(serviceFieldId(index, t))])) as Record<ServiceText, string>,
      languages: data.getAll(serviceFieldId(index, 'languages')).filter((v): v is string => typeof v === 'string' && v !== ''),
      otherLanguages: text(serviceFieldId(index, 'otherLanguages')),
    });
  }
  return { lang, services };
}

function isEmpty(block: ServiceBlock): boolean {
  return (
    block.from === null && SERVICE_TEXTS.every((t) => block.texts[t] === '') && block.languages.length === 0 && block.otherLanguages === ''
  );
}

/** The language codes of a block: ticked, then typed (names or codes, language-lookup.ts), each once. */
export function blockLanguages(block: ServiceBlock, readerLanguage: UiLanguage): string[] {
  return [...new Set([...block.languages, ...typedLanguages(block.otherLanguages, readerLanguage)])];
}

/** One block as a ServiceInput: the stored service it came from, with this language's texts put in. */
function serviceInput(
  stored: StoredService | undefined,
  block: ServiceBlock,
  lang: string,
  readerLanguage: UiLanguage,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const part of SERVICE_TEXTS) {
    const map = withLanguage(stored?.[part] as LanguageMap | undefined, lang, block.texts[part]);
    // The name is required: sent even when empty, so the registry says so next to the field.
    if (part === 'name' || Object.keys(map).length > 0) input[part] = languageMapToInput(map);
  }
  const languages = blockLanguages(block, readerLanguage);
  if (languages.length > 0) input.languages = languages;
  return keepItemId(input, stored);
}

export interface ServicesChanges {
  changes: Record<string, unknown>;
  /** For each service sent, the form block it came from (blocks left empty are not sent). */
  blocks: number[];
}

/** The `services` change, or no change when the services are as stored; typed language names are read in `readerLanguage`. */
export function servicesChanges(record: InitiativeRecord, form: ServicesForm, readerLanguage: UiLanguage): ServicesChanges {
  const stored = record.services ?? [];
  const blocks: number[] = [];
  const services: Array<Record<string, unknown>> = [];
  form.services.forEach((block, index) => {
    if (isEmpty(block)) return;
    blocks.push(index);
    services.push(serviceInput(block.from === null ? undefined : stored[block.from], block, form.lang, readerLanguage));
  });
  const current = stored.map((service) => serviceInput(service, storedBlock(service, form.lang), form.lang, readerLanguage));
  if (sameValue(current, services)) return { changes: {}, blocks };
  return { changes: { services }, blocks };
}

/** A stored service as a block of the form in `lang`. */
function storedBlock(service: StoredService, lang: string, from: number | null = null): ServiceBlock {
  return {
    from,
    texts: Object.fromEntries(SERVICE_TEXTS.map((t) => [t, (service[t] as LanguageMap | undefined)?.[lang] ?? ''])) as Record<
      ServiceText,
      string
    >,
    languages: [...((service.languages as string[] | undefined) ?? [])],
    otherLanguages: '',
  };
}

/** The registry's paths (services.<sent position>.<part>) → this form's field ids, for errors next to fields. */
export function serviceFieldIds(blocks: readonly number[]): Record<string, string> {
  const ids: Record<string, string> = {};
  blocks.forEach((block, sent) => {
    ids[`services.${sent}`] = serviceFieldId(block, 'name');
    for (const part of SERVICE_TEXTS) ids[`services.${sent}.${part}`] = serviceFieldId(block, part);
    // Ticked languages come from a list of real ones: a wrong code is one typed.
    ids[`services.${sent}.languages`] = serviceFieldId(block, 'otherLanguages');
  });
  return ids;
}

/**
 * Our words for the registry's refusals on this form: a service sent without a name in any
 * language (its name then arrives empty: WRONG_TYPE), and a language code that is not one (the
 * only codes of this form the reader types, and its only values with a format). The rest: the registry's own text.
 */
export function servicesFieldMessages(sentCount: number): Record<string, MessageKey> {
  // A word typed instead of a code ("tigrinya") fails the tag's pattern: INVALID_FORMAT.
  const messages: Record<string, MessageKey> = {
    INVALID_LANGUAGE_TAG: 'svcEditErrorLanguageCode',
    INVALID_FORMAT: 'svcEditErrorLanguageCode',
  };
  for (let sent = 0; sent < sentCount; sent++) {
    messages[`services.${sent}.name/WRONG_TYPE`] = 'svcEditErrorServiceName';
    messages[`services.${sent}.name/REQUIRED`] = 'svcEditErrorServiceName';
  }
  return messages;
}

/** Whether any service has a text in `lang` (its tab says "written" or "not written yet"). */
export function hasServiceTextsIn(record: InitiativeRecord, lang: string): boolean {
  return (record.services ?? []).some((service) => SERVICE_TEXTS.some((t) => Boolean((service[t] as LanguageMap | undefined)?.[lang])));
}
