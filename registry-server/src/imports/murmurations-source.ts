// One Murmurations organization profile (organizations_schema-v1.0.0) read as a one-row table
// whose headers the column mapping knows (column-mapping.ts), so the admin sees and can change
// how its fields become the initiative's, as for a spreadsheet. The profile's URL is the row key:
// importing the same profile again updates the record it made.
import { sourceRefused } from './import-errors.ts';
import type { ImportTable } from './table-reader.ts';

const ORGANIZATION_SCHEMA = /^organizations_schema-v1\.\d+\.\d+$/;

export function isMurmurationsProfile(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const schemas = (json as Record<string, unknown>).linked_schemas;
  return Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && s.startsWith('organizations_schema-'));
}

export function murmurationsTable(json: unknown, profileUrl: string): ImportTable {
  const profile = json as Record<string, unknown>;
  const schemas = profile.linked_schemas as unknown[];
  if (!schemas.some((s) => typeof s === 'string' && ORGANIZATION_SCHEMA.test(s)))
    throw sourceRefused('The profile is not linked to the Murmurations organizations schema (organizations_schema-v1.0.0).', 'url');
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
  const geo = (profile.geolocation ?? {}) as Record<string, unknown>;
  const contact = (profile.contact_details ?? {}) as Record<string, unknown>;
  const primaryUrl = text(profile.primary_url);
  const cells: Array<[string, string]> = [
    ['key', profileUrl],
    ['name', text(profile.name)],
    ['alternate names', text(profile.nickname)],
    // The schema's description is the short text that presents the organisation: the record's summary.
    ['summary', text(profile.description)],
    ['mission', text(profile.mission)],
    ['locality', text(profile.locality)],
    ['region', text(profile.region)],
    ['country_iso_3166', text(profile.country_iso_3166) || text(profile.country_name)],
    ['latitude', text(geo.lat ?? profile.latitude)],
    ['longitude', text(geo.lon ?? profile.longitude)],
    // primary_url may be written without its scheme ("open.coop").
    ['primary_url', primaryUrl && !/^[a-z][a-z0-9+.-]*:/i.test(primaryUrl) ? `https://${primaryUrl}` : primaryUrl],
    ['email', text(contact.email)],
  ];
  if (!cells[1]![1]) throw sourceRefused('The Murmurations profile has no name.', 'url');
  return { headers: cells.map(([h]) => h), rows: [cells.map(([, v]) => v)] };
}
