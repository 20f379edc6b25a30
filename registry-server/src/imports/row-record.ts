// One row of an imported table as initiative fields, through the admin's column mapping. Only
// what the cells say is turned into record shapes here (numbers, lists, codes named by their
// label, country names): whether the result is a valid initiative is decided by the one
// validation layer (RecordValidator), like any other write. An empty cell leaves its field as it
// is: re-importing a file that lacks a value never erases one typed in the registry since.
import type { InitiativeRecord } from '../records/record-types.ts';
import type { FieldError } from '../records/field-errors.ts';
import { COUNTRY_CODES } from '../records/countries.ts';
import { countryName } from '../records/language.ts';
import type { TaxonomyCatalog, TaxonomyId } from '../taxonomies/taxonomy-catalog.ts';
import { normaliseHeader, TEXT_FIELDS, type ColumnChoice, type ImportField } from './column-mapping.ts';

/** Initiative fields an import fills (a part of a record; the rest is kept or defaulted). */
export type ImportedFields = Partial<Omit<InitiativeRecord, 'location'>> & { location?: Partial<InitiativeRecord['location']> };

export interface RowRecord {
  fields: ImportedFields;
  /** The row's key column, when one is mapped and filled. */
  key: string | null;
  /** Cells that could not be read as their field (a latitude that is no number). */
  errors: FieldError[];
  /** Which column each record field came from, to show refusals next to the cell. */
  columns: Record<string, string>;
}

export interface RowOptions {
  /** The language of texts whose column names none; the record's original language unless a column says. */
  language: string;
  catalog: TaxonomyCatalog;
}

const CODED: Partial<Record<ImportField, TaxonomyId>> = {
  primarySector: 'sector',
  additionalSectors: 'sector',
  activities: 'activity',
  qualifiers: 'qualifier',
  legalForm: 'legal-form',
  nationalLegalForm: 'national-legal-form',
  organisationalStructure: 'organisational-structure',
};
const LIST_FIELDS: ReadonlySet<ImportField> = new Set(['additionalSectors', 'activities', 'qualifiers', 'languagesOffered']);
const LOCATION_FIELDS = ['locality', 'country', 'region', 'neighbourhood', 'streetAddress', 'postalCode', 'precision'] as const;

export function rowRecord(
  headers: readonly string[],
  row: readonly string[],
  mapping: readonly ColumnChoice[],
  options: RowOptions,
): RowRecord {
  const fields: Record<string, unknown> = {};
  const location: Record<string, unknown> = {};
  const geo: { lat?: number; lon?: number } = {};
  const errors: FieldError[] = [];
  const columns: Record<string, string> = {};
  let key: string | null = null;
  const texts = new Map<string, Record<string, string>>();

  for (const choice of mapping) {
    const cell = (row[choice.column] ?? '').trim();
    const header = headers[choice.column] ?? `column ${choice.column + 1}`;
    if (!choice.field || cell === '') continue;
    const field = choice.field;
    if (field === 'key') {
      key = cell;
      continue;
    }
    if (TEXT_FIELDS.has(field)) {
      const language = choice.language ?? options.language;
      texts.set(field, { ...texts.get(field), [language]: cell });
      columns[`${field}.${language}`] = header;
      columns[field] ??= header;
      continue;
    }
    if (field === 'latitude' || field === 'longitude') {
      const value = Number(cell.replace(',', '.'));
      const path = `location.geo.${field === 'latitude' ? 'lat' : 'lon'}`;
      columns[path] = header;
      columns['location.geo'] = header;
      if (!Number.isFinite(value) || !/^[-+]?\d/.test(cell))
        errors.push({ field: path, code: 'NOT_A_NUMBER', message: `"${cell}" is not a number (write 50.6453).` });
      else geo[field === 'latitude' ? 'lat' : 'lon'] = value;
      continue;
    }
    if ((LOCATION_FIELDS as readonly string[]).includes(field)) {
      location[field] = field === 'country' ? countryCode(cell) : field === 'precision' ? cell.toLowerCase() : cell;
      columns[`location.${field}`] = header;
      continue;
    }
    columns[field] = header;
    const taxonomy = CODED[field];
    if (LIST_FIELDS.has(field)) {
      const items = cell
        .split(/[;,|\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      fields[field] = taxonomy ? items.map((item) => conceptCode(options.catalog, taxonomy, item)) : items;
    } else if (field === 'alternateNames')
      fields[field] = [
        ...new Set(
          cell
            .split(/[;|\n]/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
    else if (taxonomy) fields[field] = conceptCode(options.catalog, taxonomy, cell);
    else if (field === 'email' || field === 'phone') fields.contact = { ...(fields.contact as object), [field]: cell };
    else if (field === 'status') fields.status = cell.toLowerCase();
    else fields[field] = cell;
  }
  for (const [field, map] of texts) fields[field] = map;
  if (geo.lat !== undefined && geo.lon !== undefined) location.geo = { lat: geo.lat, lon: geo.lon };
  else if (geo.lat !== undefined || geo.lon !== undefined)
    errors.push({ field: 'location.geo', code: 'INCOMPLETE', message: 'give both the latitude and the longitude, or neither.' });
  if (Object.keys(location).length) fields.location = location;
  if (fields.contact) columns.contact = columns.email ?? columns.phone ?? '';
  return { fields: fields as ImportedFields, key, errors, columns };
}

/** A country written as its code (BE, be) or its name in one of the site's languages (Belgique, Belgium, Belgio). */
function countryCode(cell: string): string {
  if (/^[A-Za-z]{2}$/.test(cell)) return cell.toUpperCase();
  return COUNTRIES_BY_NAME().get(normaliseHeader(cell)) ?? cell;
}

let countriesByName: Map<string, string> | undefined;
function COUNTRIES_BY_NAME(): Map<string, string> {
  if (!countriesByName) {
    countriesByName = new Map();
    for (const language of ['en', 'fr', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'])
      for (const code of COUNTRY_CODES) {
        const name = countryName(code, language);
        if (name) countriesByName.set(normaliseHeader(name), code);
      }
  }
  return countriesByName;
}

/** A taxonomy concept written as its code (any case) or one of its labels; anything else is kept for the validator to refuse by name. */
function conceptCode(catalog: TaxonomyCatalog, taxonomy: TaxonomyId, cell: string): string {
  if (catalog.has(taxonomy, cell)) return cell;
  const wanted = normaliseHeader(cell);
  for (const concept of catalog.get(taxonomy)?.concepts ?? []) {
    if (concept.code.toLowerCase() === cell.toLowerCase()) return concept.code;
    if (Object.values(concept.labels).some((label) => normaliseHeader(label) === wanted)) return concept.code;
  }
  return cell;
}
