// From the editor's forms to an updateInitiative `changes` input, without SvelteKit. Records
// hold texts as language maps ({ fr: "…", en: "…" }); the API takes lists of { language, text }
// and replaces a text field's languages all at once, so editing one language means sending the
// field's other languages unchanged. Only fields that differ are sent, so a save that changes
// nothing sends nothing, and a version conflict names only what the editor really touched.
import { keepItemId } from './item-id.ts';

export type LanguageMap = Readonly<Record<string, string>>;
export interface TextInput {
  language: string;
  text: string;
}

/** A stored initiative record, as far as these forms read it (schemas/records/initiative.schema.json). */
export interface InitiativeRecord {
  handle?: string;
  name?: LanguageMap;
  summary?: LanguageMap;
  description?: LanguageMap;
  mission?: LanguageMap;
  areaServed?: LanguageMap;
  originalLanguage?: string;
  services?: ReadonlyArray<Record<string, unknown> & { name?: LanguageMap; description?: LanguageMap }>;
  needs?: ReadonlyArray<{ id?: string; type: string; description?: LanguageMap }>;
  location?: Readonly<Record<string, unknown>> & { locality?: string; country?: string; precision?: string };
  contact?: { email?: string; phone?: string; relay?: boolean; visibility?: { email?: string; phone?: string } };
  migrantLed?: { declared: boolean; consentToPublish: boolean; governance?: LanguageMap };
}

/** The text fields edited language by language, in the order the form shows them. */
export const TEXT_FIELDS = ['name', 'summary', 'description', 'mission', 'areaServed'] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];

/** A service's texts (language maps), in the order the services form shows them. */
export const SERVICE_TEXTS = [
  'name',
  'description',
  'interpretationServices',
  'applicationProcess',
  'feesDescription',
  'eligibilityDescription',
  'serviceAreas',
  'accessibility',
] as const;

/** Record text fields that hold language maps inside a service (the rest is copied as it is). */
const SERVICE_TEXT_FIELDS: ReadonlySet<string> = new Set(SERVICE_TEXTS);

export function languageMapToInput(map: LanguageMap | undefined): TextInput[] {
  return Object.entries(map ?? {}).map(([language, text]) => ({ language, text }));
}

/** `map` with the text in `lang` replaced; an empty text removes that language. */
export function withLanguage(map: LanguageMap | undefined, lang: string, text: string): Record<string, string> {
  const next: Record<string, string> = { ...map };
  if (text.trim() === '') delete next[lang];
  else next[lang] = text;
  return next;
}

export function sameMap(a: LanguageMap | undefined, b: LanguageMap | undefined): boolean {
  const left = Object.entries(a ?? {}).sort(([x], [y]) => x.localeCompare(y));
  const right = Object.entries(b ?? {}).sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(left) === JSON.stringify(right);
}

/** A service in the shape of ServiceInput: its language maps as lists. */
export function serviceToInput(service: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(service)) {
    input[key] = SERVICE_TEXT_FIELDS.has(key) ? languageMapToInput(value as LanguageMap) : value;
  }
  return input;
}

/** What the texts form posts for one language. */
export interface TextsForm {
  lang: string;
  texts: Partial<Record<TextFieldName, string>>;
  /** Name and description of each existing service, by its position. */
  services: Array<{ name: string; description: string }>;
}

/** The form field names of the texts form (also their ids). */
export function textFieldId(field: TextFieldName): string {
  return `text-${field}`;
}
export function serviceFieldId(index: number, part: 'name' | 'description'): string {
  return `service-${index}-${part}`;
}

export function readTextsForm(data: FormData, lang: string, serviceCount: number): TextsForm {
  const value = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const texts: TextsForm['texts'] = {};
  for (const field of TEXT_FIELDS) texts[field] = value(textFieldId(field));
  const services = Array.from({ length: serviceCount }, (_, index) => ({
    name: value(serviceFieldId(index, 'name')),
    description: value(serviceFieldId(index, 'description')),
  }));
  return { lang, texts, services };
}

/**
 * The changes that put one language's texts into the record. Emptying the only language of
 * the name or summary is left to the registry to refuse (both are required): it answers with
 * the field, which the page shows next to it.
 */
export function textChanges(record: InitiativeRecord, form: TextsForm): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const posted = form.texts[field] ?? '';
    const next = withLanguage(record[field], form.lang, posted);
    if (!sameMap(record[field], next)) changes[field] = Object.keys(next).length > 0 ? languageMapToInput(next) : null;
  }
  const services = record.services ?? [];
  let servicesChanged = false;
  const nextServices = services.map((service, index) => {
    const posted = form.services[index];
    if (!posted) return service;
    const name = withLanguage(service.name, form.lang, posted.name);
    const description = withLanguage(service.description, form.lang, posted.description);
    if (sameMap(service.name, name) && sameMap(service.description, description)) return service;
    servicesChanged = true;
    const next: Record<string, unknown> = { ...service, name };
    if (Object.keys(description).length > 0) next.description = description;
    else delete next.description;
    return next;
  });
  if (servicesChanged) changes.services = nextServices.map(serviceToInput);
  return changes;
}

/** The privacy choices, as the privacy form posts them. */
export interface PrivacyForm {
  precision: 'ADDRESS' | 'NEIGHBOURHOOD' | 'CITY';
  emailVisibility: Visibility;
  phoneVisibility: Visibility;
  relay: boolean;
  migrantLedDeclared: boolean;
  migrantLedConsent: boolean;
}
export type Visibility = 'PUBLIC' | 'SIGNED_IN' | 'PRIVATE';

const PRECISIONS = ['ADDRESS', 'NEIGHBOURHOOD', 'CITY'] as const;
const VISIBILITIES = ['PUBLIC', 'SIGNED_IN', 'PRIVATE'] as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The record's current choices, with the registry's defaults (city only, contact private). */
export function currentPrivacy(record: InitiativeRecord): PrivacyForm {
  const visibility = (v: string | undefined): Visibility => oneOf(v?.toUpperCase().replace('-', '_'), VISIBILITIES, 'PRIVATE');
  return {
    precision: oneOf(record.location?.precision?.toUpperCase(), PRECISIONS, 'CITY'),
    emailVisibility: visibility(record.contact?.visibility?.email),
    phoneVisibility: visibility(record.contact?.visibility?.phone),
    relay: record.contact?.relay ?? true,
    migrantLedDeclared: record.migrantLed?.declared ?? false,
    migrantLedConsent: record.migrantLed?.consentToPublish ?? false,
  };
}

/** The posted choices; anything unexpected falls back to the most private choice. */
export function readPrivacyForm(data: FormData): PrivacyForm {
  return {
    precision: oneOf(data.get('precision'), PRECISIONS, 'CITY'),
    emailVisibility: oneOf(data.get('emailVisibility'), VISIBILITIES, 'PRIVATE'),
    phoneVisibility: oneOf(data.get('phoneVisibility'), VISIBILITIES, 'PRIVATE'),
    relay: data.get('relay') !== 'no',
    migrantLedDeclared: data.get('migrantLedDeclared') === 'yes',
    // No consent without a declaration: nothing to publish.
    migrantLedConsent: data.get('migrantLedDeclared') === 'yes' && data.get('migrantLedConsent') === 'yes',
  };
}

/** The changes for the privacy choices: location, contact and migrant-led, each only when it changed. */
export function privacyChanges(record: InitiativeRecord, form: PrivacyForm): Record<string, unknown> {
  const before = currentPrivacy(record);
  const changes: Record<string, unknown> = {};
  if (record.location && before.precision !== form.precision) changes.location = { ...record.location, precision: form.precision };
  if (before.emailVisibility !== form.emailVisibility || before.phoneVisibility !== form.phoneVisibility || before.relay !== form.relay) {
    const { visibility: _visibility, ...contact } = record.contact ?? {};
    changes.contact = { ...contact, relay: form.relay, emailVisibility: form.emailVisibility, phoneVisibility: form.phoneVisibility };
  }
  if (before.migrantLedDeclared !== form.migrantLedDeclared || before.migrantLedConsent !== form.migrantLedConsent) {
    const governance = record.migrantLed?.governance;
    changes.migrantLed = {
      declared: form.migrantLedDeclared,
      consentToPublish: form.migrantLedConsent,
      ...(governance ? { governance: languageMapToInput(governance) } : {}),
    };
  }
  return changes;
}

/** The needs ticked on the needs form; a need kept keeps its description. */
export function needsChanges(record: InitiativeRecord, ticked: readonly string[]): Record<string, unknown> {
  const current = record.needs ?? [];
  const wanted = [...new Set(ticked)];
  const same = current.length === wanted.length && current.every((need) => wanted.includes(need.type));
  if (same) return {};
  return {
    needs: wanted.map((type) => {
      const kept = current.find((need) => need.type === type);
      return keepItemId(kept?.description ? { type, description: languageMapToInput(kept.description) } : { type }, kept);
    }),
  };
}
