// The public projection of an initiative: the record as anyone may see it, which is all that
// may leave the node over ActivityPub (DATA-MODEL privacy rule 5). Location, contact and the
// migrant-led declaration go through initiatives/public-initiative.ts, the one place those
// rules live. The other fields are copied by an explicit list, so a field added to the record
// later stays home until someone decides it is public.
import { isMigrantLedPublic, publicContact, publicLocation } from '../../initiatives/public-initiative.ts';
import type { GeoPoint, InitiativeRecord, Visibility } from '../../records/record-types.ts';
import { compact } from './compact.ts';

type Contact = NonNullable<InitiativeRecord['contact']>;
const PUBLIC: Visibility = 'public';

/**
 * `cityCentre` is the node's city point, passed only when the initiative is in the node's city,
 * as the GraphQL resolver does: it replaces the point of city-only locations.
 */
export function publicInitiativeRecord(record: InitiativeRecord, cityCentre?: GeoPoint): InitiativeRecord {
  const location = publicLocation(record, cityCentre);
  // Federation has no signed-in viewer: what is visible to signed-in accounts stays home.
  const contact = publicContact(record, false);
  return compact<InitiativeRecord>({
    handle: record.handle,
    name: record.name,
    alternateNames: record.alternateNames,
    summary: record.summary,
    description: record.description,
    mission: record.mission,
    originalLanguage: record.originalLanguage,
    legalForm: record.legalForm,
    nationalLegalForm: record.nationalLegalForm,
    organisationalStructure: record.organisationalStructure,
    primarySector: record.primarySector,
    additionalSectors: record.additionalSectors,
    activities: record.activities,
    qualifiers: record.qualifiers,
    governancePrinciples: record.governancePrinciples,
    baseMembershipType: record.baseMembershipType,
    migrantLed: isMigrantLedPublic(record)
      ? compact({ declared: true, consentToPublish: true, governance: record.migrantLed?.governance })
      : undefined,
    languagesOffered: record.languagesOffered,
    location: compact({
      locality: location.locality,
      country: location.country,
      region: location.region ?? undefined,
      neighbourhood: location.neighbourhood ?? undefined,
      streetAddress: location.streetAddress ?? undefined,
      postalCode: location.postalCode ?? undefined,
      precision: location.precision,
      geo: location.geo ?? undefined,
    }),
    areaServed: record.areaServed,
    contact: compact<Contact>({
      email: contact.email ?? undefined,
      phone: contact.phone ?? undefined,
      relay: contact.relay,
      visibility:
        contact.email || contact.phone
          ? compact({ email: contact.email ? PUBLIC : undefined, phone: contact.phone ? PUBLIC : undefined })
          : undefined,
    }),
    website: record.website,
    links: record.links,
    status: record.status,
    startDate: record.startDate,
    services: record.services,
    needs: record.needs,
    // Public, organisation-level facts for buyers and matching (ADR 0035).
    eligibility: record.eligibility,
    deliveryArea: record.deliveryArea,
    teamSize: record.teamSize,
    pastContracts: record.pastContracts,
    keyFigures: record.keyFigures,
    practices: record.practices,
    partOf: record.partOf,
    supportedBy: record.supportedBy,
    node: record.node,
    sources: record.sources,
  });
}
