// An initiative's eligibility and capacity (issue 15 point 3, ADR 0035) in its JSON-LD document
// and back: public, organisation-level facts that partners need to match requests to listings
// they received. Grounds and team size bands travel as concept IRIs (our schemes under /ns/);
// the delivery area as an ActivityStreams Place (latitude, longitude, radius in km) with
// schema.org address parts; a past contract names its buyer as a schema:Organization.
import { reachesSomeone } from '../../initiatives/eligibility-rules.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';
import { compact } from './compact.ts';
import type { ConceptIris } from './concept-iris.ts';
import { required, type JsonLdReader } from './jsonld-reader.ts';
import { languageMap } from './language-maps.ts';
import type { JsonLdObject } from './jsonld-types.ts';

type Ground = NonNullable<InitiativeRecord['eligibility']>[number];
type Contract = NonNullable<InitiativeRecord['pastContracts']>[number];
type Fields = Pick<InitiativeRecord, 'eligibility' | 'deliveryArea' | 'teamSize' | 'pastContracts'>;

export function eligibilityToJsonLd(r: Fields, concepts: ConceptIris): JsonLdObject {
  const area = r.deliveryArea;
  return {
    reservedContractEligibility: r.eligibility?.map((g) =>
      compact({
        type: 'umn:ReservedContractEligibility',
        eligibilityBasis: concepts.iri('reserved-contract-basis', g.basis),
        evidence: languageMap(g.evidence),
        evidenceUrl: g.evidenceUrl,
        evidenceDate: g.evidenceDate,
      }),
    ),
    deliveryArea: area
      ? compact({
          type: 'Place',
          addressCountry: area.country,
          addressRegion: area.region,
          addressLocality: area.locality,
          latitude: area.centre?.lat,
          longitude: area.centre?.lon,
          radius: area.radiusKm,
          units: area.radiusKm === undefined ? undefined : 'km',
        })
      : undefined,
    teamSize: r.teamSize && concepts.iri('team-size-band', r.teamSize),
    pastContract: r.pastContracts?.map((c) =>
      compact({
        type: 'umn:PastContract',
        buyer: { type: 'schema:Organization', name: c.buyer },
        nameMap: languageMap(c.title),
        temporal: c.year,
        publicBuyer: c.publicBuyer,
        reservedContract: c.reserved,
      }),
    ),
  };
}

/**
 * Leaves out a received item whose texts hold a way to reach a person (a local save refuses
 * them: eligibility-rules.ts), reported, never stored.
 */
function withoutContacts<T>(reader: JsonLdReader, field: string, item: T, texts: ReadonlyArray<string | undefined>): T[] {
  if (!texts.some((text) => text !== undefined && reachesSomeone(text))) return [item];
  reader.problem(field, 'PERSONAL_CONTACT', 'holds an e-mail address or a phone number; organisations only: it was left out.');
  return [];
}

/** The four fields read back; a ground of a scheme concept this node does not know is left out whole (its ground is what it is about). */
export function eligibilityFromJsonLd(reader: JsonLdReader, doc: JsonLdObject): Fields {
  const eligibility = reader.objects(doc.reservedContractEligibility, 'eligibility').flatMap(([node, field]): Ground[] => {
    const basis = reader.concept(node.eligibilityBasis, 'reserved-contract-basis', `${field}.basis`);
    if (!basis) return [];
    const evidence = reader.languageMap(node.evidence, `${field}.evidence`);
    const ground = compact<Ground>({
      basis,
      evidence,
      evidenceUrl: reader.iri(node.evidenceUrl, `${field}.evidenceUrl`),
      evidenceDate: required(reader.string(node.evidenceDate, `${field}.evidenceDate`)),
    });
    return withoutContacts(reader, field, ground, Object.values(evidence ?? {}));
  });
  const place = reader.object(doc.deliveryArea, 'deliveryArea');
  const lat = reader.number(place?.latitude, 'deliveryArea.centre.lat');
  const lon = reader.number(place?.longitude, 'deliveryArea.centre.lon');
  const country = reader.string(place?.addressCountry, 'deliveryArea.country');
  const pastContracts = reader.objects(doc.pastContract, 'pastContracts').flatMap(([node, field]): Contract[] => {
    const contract = compact<Contract>({
      buyer: required(reader.string(reader.object(node.buyer, `${field}.buyer`)?.name, `${field}.buyer`)),
      year: required(reader.number(node.temporal, `${field}.year`)),
      title: required(reader.languageMap(node.nameMap, `${field}.title`)),
      publicBuyer: reader.boolean(node.publicBuyer, `${field}.publicBuyer`),
      reserved: reader.boolean(node.reservedContract, `${field}.reserved`),
    });
    return withoutContacts(reader, field, contract, [contract.buyer, ...Object.values(contract.title ?? {})]);
  });
  return compact({
    eligibility: eligibility.length ? eligibility : undefined,
    deliveryArea:
      place && country
        ? compact({
            country,
            region: reader.string(place.addressRegion, 'deliveryArea.region'),
            locality: reader.string(place.addressLocality, 'deliveryArea.locality'),
            centre: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
            radiusKm: reader.number(place.radius, 'deliveryArea.radiusKm'),
          })
        : undefined,
    teamSize: reader.concept(doc.teamSize, 'team-size-band', 'teamSize'),
    pastContracts: pastContracts.length ? pastContracts : undefined,
  });
}
