// From GraphQL inputs to record fields: language lists become language maps, enum values become
// the record's lower-case values, and contact visibilities move to their record shape. The
// result then goes through the one validation layer like any other write.
import { BadInputError } from '../../records/bad-input-error.ts';
import { LANGUAGE_MAP_FIELDS as TEXT_FIELDS } from '../../records/language-map-fields.ts';

const ENUM_FIELDS = new Set(['precision', 'status']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function recordFromInput(input: Record<string, unknown>, path = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const field = path ? `${path}.${key}` : key;
    if (value === undefined) continue;
    if (key === 'contact' && value !== null && typeof value === 'object') out.contact = contactFromInput(value as Record<string, unknown>);
    else if (TEXT_FIELDS.has(key) && Array.isArray(value))
      out[key] = languageMap(field, value as Array<{ language: string; text: string }>);
    else if (ENUM_FIELDS.has(key) && typeof value === 'string') out[key] = value.toLowerCase();
    // SourceKind's WEB_PAGE is the record's "web-page" (schemas/records/common.schema.json sourceKind).
    else if (key === 'kind' && path.startsWith('sources.') && typeof value === 'string')
      out.kind = value.toLowerCase().replaceAll('_', '-');
    else out[key] = convert(field, value as Json);
  }
  return out;
}

function convert(field: string, value: Json): unknown {
  if (Array.isArray(value)) return value.map((item, i) => convert(`${field}.${i}`, item));
  if (value !== null && typeof value === 'object') return recordFromInput(value, field);
  return value;
}

function languageMap(field: string, items: Array<{ language: string; text: string }>): Record<string, string> | null {
  if (items.length === 0) return null;
  const map: Record<string, string> = {};
  for (const { language, text } of items) {
    if (language in map)
      throw new BadInputError(`${field}.${language}`, `the language ${language} is given twice; give each language once.`);
    map[language] = text;
  }
  return map;
}

function contactFromInput(input: Record<string, unknown>): Record<string, unknown> {
  const { emailVisibility, phoneVisibility, ...rest } = input;
  const visibility = (v: unknown) => (typeof v === 'string' ? v.toLowerCase().replace('_', '-') : undefined);
  const contact: Record<string, unknown> = { ...rest };
  const vis = Object.fromEntries(
    Object.entries({ email: visibility(emailVisibility), phone: visibility(phoneVisibility) }).filter(([, v]) => v),
  );
  if (Object.keys(vis).length) contact.visibility = vis;
  return Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== null && v !== undefined));
}

/** Defaults of a new initiative: location published at city level unless chosen otherwise. */
export function withInitiativeDefaults(record: Record<string, unknown>): Record<string, unknown> {
  const location = record.location as Record<string, unknown> | undefined;
  if (location && !location.precision) return { ...record, location: { ...location, precision: 'city' } };
  return record;
}
