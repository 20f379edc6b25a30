// What the public may see of an initiative's location, contact and migrant-led declaration.
// Every public output (GraphQL now, ActivityPub and exports later) goes through these
// functions, so the privacy rules live in one place (see docs/adr/0003-privacy-of-initiatives.md).
import type { GeoPoint, InitiativeRecord, LocationPrecision } from '../records/record-types.ts';

export interface PublicLocation {
  locality: string;
  country: string;
  region: string | null;
  neighbourhood: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  precision: LocationPrecision;
  geo: GeoPoint | null;
}

/** Decimal places kept of a point at each precision: ~1 m, ~1 km, ~10 km. */
const GEO_DECIMALS: Record<LocationPrecision, number> = { address: 5, neighbourhood: 2, city: 1 };

/** ESSGlobal legal form of an informal group: published at city level only (ADR 0026). */
export const INFORMAL_GROUP_LEGAL_FORM = 'L1';

export function isMigrantLedPublic(record: InitiativeRecord): boolean {
  return Boolean(record.migrantLed?.declared && record.migrantLed.consentToPublish);
}

/**
 * The precision the public gets. A published migrant-led declaration is never attached to a
 * precise location (DATA-MODEL privacy rule 2), so it caps the precision at the neighbourhood.
 * An informal group has no registered seat: its address is usually someone's home, so it is
 * published at city level whatever was chosen (privacy rule 3, made a rule by ADR 0026); the
 * choice is kept, and applies again if the group takes another legal form.
 */
export function publicPrecision(record: InitiativeRecord): LocationPrecision {
  if (record.legalForm === INFORMAL_GROUP_LEGAL_FORM) return 'city';
  const precision = record.location.precision;
  if (precision === 'address' && isMigrantLedPublic(record)) return 'neighbourhood';
  return precision;
}

/**
 * The published location, at publicPrecision. `cityCentre` replaces the point of city-only
 * locations, so it says nothing beyond the city.
 */
export function publicLocation(record: InitiativeRecord, cityCentre?: GeoPoint): PublicLocation {
  const location = record.location;
  const precision = publicPrecision(record);
  const showAddress = precision === 'address';
  const showNeighbourhood = precision !== 'city';
  let geo: GeoPoint | null = location.geo ? roundPoint(location.geo, GEO_DECIMALS[precision]) : null;
  if (precision === 'city' && cityCentre) geo = cityCentre;
  return {
    locality: location.locality,
    country: location.country,
    region: location.region ?? null,
    neighbourhood: showNeighbourhood ? (location.neighbourhood ?? null) : null,
    streetAddress: showAddress ? (location.streetAddress ?? null) : null,
    postalCode: showAddress ? (location.postalCode ?? null) : null,
    precision,
    geo,
  };
}

export interface PublicContact {
  email: string | null;
  phone: string | null;
  relay: boolean;
}

/**
 * Contact fields are private unless the initiative made them public, or visible to signed-in
 * accounts (officials, partner staff) when it chose so.
 */
export function publicContact(record: InitiativeRecord, viewerSignedIn = false): PublicContact {
  const contact = record.contact ?? {};
  const visibility = contact.visibility ?? {};
  const visible = (v: string | undefined) => v === 'public' || (viewerSignedIn && v === 'signed-in');
  return {
    email: contact.email && visible(visibility.email) ? contact.email : null,
    phone: contact.phone && visible(visibility.phone) ? contact.phone : null,
    relay: contact.relay ?? true,
  };
}

function roundPoint(point: GeoPoint, decimals: number): GeoPoint {
  const factor = 10 ** decimals;
  return { lat: Math.round(point.lat * factor) / factor, lon: Math.round(point.lon * factor) / factor };
}
