import { describe, expect, it } from 'vitest';
import type { MarketRecord } from '../market-record.ts';
import type { InitiativeFacts } from './initiative-facts.ts';
import { matchNeedOffer, matchOfferToInitiative, matchRequest, offeredNeeds, requestSectors } from './match-rules.ts';
import type { RecordPlace } from './place-fit.ts';

const LIEGE = { lat: 50.6326, lon: 5.5797 };
const HERSTAL = { lat: 50.6618, lon: 5.6323 }; // about 5 km north-east of Liège's centre
const NAMUR = { lat: 50.4669, lon: 4.8675 }; // about 54 km away

const request = (request: Partial<NonNullable<MarketRecord['request']>> = {}, extra: Partial<MarketRecord> = {}): MarketRecord => ({
  handle: 'r',
  kind: 'request',
  title: { fr: 'Traiteur' },
  summary: { fr: 'Repas' },
  originalLanguage: 'fr',
  owner: { organisation: 'Ville de Liège' },
  sectors: ['AM60'],
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-06-30',
  request: { requestKind: 'sourcing', intent: 'none', ...request },
  node: 'liege',
  ...extra,
});
const initiative = (extra: Partial<InitiativeFacts> = {}): InitiativeFacts => ({
  id: 'cuisine',
  node: 'liege',
  sectors: ['AM60'],
  languages: [],
  country: 'BE',
  region: null,
  locality: 'Liège',
  geo: HERSTAL,
  precision: 'address',
  eligibility: [],
  teamSize: null,
  deliveryArea: null,
  needs: [],
  ...extra,
});
const around = (centre = LIEGE, radiusKm = 10, area: MarketRecord['area'] = { country: 'BE', locality: 'Liège' }): RecordPlace => ({
  area,
  centre,
  radiusKm,
});
const codes = (r: { reasons: Array<{ code: string }> } | null) => r?.reasons.map((x) => x.code);

describe('a request against an initiative', () => {
  it('matches on a shared sector and a distance within the radius, saying both', () => {
    const match = matchRequest(request(), around(), initiative());
    expect(match?.reasons).toEqual([
      { code: 'same-sector', params: { sector: 'AM60' } },
      { code: 'distance-km', params: { km: 5 } },
    ]);
    expect(match!.score).toBeGreaterThan(3);
  });

  it('refuses an initiative without a shared sector, directly or through a CPV code', () => {
    expect(matchRequest(request(), around(), initiative({ sectors: ['AM40'] }))).toBeNull();
  });

  it('reaches through a CPV code when the request names no sector the initiative has', () => {
    const r = request({ cpvCodes: ['80500000-9'] }, { sectors: [] });
    expect(matchRequest(r, around(), initiative({ sectors: ['AM40'] }))?.reasons[0]).toEqual({
      code: 'cpv-sector',
      params: { cpv: '80500000-9', sector: 'AM40' },
    });
    expect(requestSectors(r)).toEqual(['AM40']);
  });

  it('refuses an initiative outside the radius, and one in another country', () => {
    expect(matchRequest(request(), around(), initiative({ geo: NAMUR }))).toBeNull();
    expect(matchRequest(request(), around(), initiative({ country: 'FR' }))).toBeNull();
  });

  it('allows for a city-only place: the city centre may be 10 km from where the initiative is', () => {
    // 14 km from the request's centre, known only at city level: within 10 km + 10 km of slack.
    const place = { lat: LIEGE.lat + 0.126, lon: LIEGE.lon };
    const match = matchRequest(request(), around(), initiative({ geo: place, precision: 'city', locality: 'Seraing' }));
    expect(match?.reasons[1]).toEqual({ code: 'distance-km', params: { km: 15 } });
    expect(matchRequest(request(), around(), initiative({ geo: place, precision: 'address' }))).toBeNull();
  });

  it('says "in Liège" rather than a distance for a city-only place in the request\'s locality', () => {
    const match = matchRequest(request(), around(LIEGE, 10), initiative({ geo: LIEGE, precision: 'city' }));
    expect(match?.reasons[1]).toEqual({ code: 'same-locality', params: { locality: 'Liège' } });
  });

  it('matches by locality name when the area has no centre, and by country when it names only a country', () => {
    const byName = matchRequest(
      request(),
      { area: { country: 'BE', locality: 'liege' }, centre: null, radiusKm: null },
      initiative({ geo: null }),
    );
    expect(byName?.reasons[1]).toEqual({ code: 'same-locality', params: { locality: 'Liège' } });
    const elsewhere = initiative({ geo: null, locality: 'Namur' });
    expect(matchRequest(request(), { area: { country: 'BE', locality: 'Liège' }, centre: null, radiusKm: null }, elsewhere)).toBeNull();
    const country = matchRequest(request(), { area: { country: 'BE' }, centre: null, radiusKm: null }, elsewhere);
    expect(country?.reasons[1]).toEqual({ code: 'same-country', params: { country: 'BE' } });
  });

  it('matches an initiative outside the area that says it delivers there', () => {
    const delivering = initiative({ geo: NAMUR, deliveryArea: { country: 'BE', centre: NAMUR, radiusKm: 80 } });
    expect(codes(matchRequest(request(), around(), delivering))).toEqual(['same-sector', 'delivers-here']);
    const notFarEnough = initiative({ geo: NAMUR, deliveryArea: { country: 'BE', centre: NAMUR, radiusKm: 20 } });
    expect(matchRequest(request(), around(), notFarEnough)).toBeNull();
  });

  it('keeps only eligible initiatives for a reserved contract, naming the article', () => {
    const reserved = request({ intent: 'reserved-contract' });
    expect(matchRequest(reserved, around(), initiative())).toBeNull();
    const eligible = initiative({
      eligibility: [
        { basis: 'be-social-enterprise', article: '77' },
        { basis: 'eu-art20', article: '20' },
      ],
    });
    const match = matchRequest(reserved, around(), eligible);
    expect(match?.reasons).toContainEqual({ code: 'reserved-eligible', params: { basis: 'eu-art20', article: '20' } });
    expect(match!.score).toBeGreaterThan(matchRequest(request(), around(), initiative())!.score);
  });

  it('says eligibility as a bonus with a social clause, and not at all without an intent', () => {
    const eligible = initiative({ eligibility: [{ basis: 'eu-art77', article: '77' }] });
    expect(codes(matchRequest(request({ intent: 'social-clause' }), around(), eligible))).toContain('reserved-eligible');
    expect(codes(matchRequest(request(), around(), eligible))).not.toContain('reserved-eligible');
  });

  it("says the buyer's language when the initiative works in it", () => {
    expect(matchRequest(request(), around(), initiative({ languages: ['fr', 'ar'] }))?.reasons).toContainEqual({
      code: 'language',
      params: { language: 'fr' },
    });
  });

  it('says capacity when the team band is enough for the budget band, and lowers the score when it is not', () => {
    const base = matchRequest(request({ budgetBand: '30k-140k' }), around(), initiative())!;
    const enough = matchRequest(request({ budgetBand: '30k-140k' }), around(), initiative({ teamSize: '10-19' }))!;
    const small = matchRequest(request({ budgetBand: '30k-140k' }), around(), initiative({ teamSize: '1-4' }))!;
    expect(enough.reasons).toContainEqual({ code: 'capacity', params: { teamSize: '10-19', budgetBand: '30k-140k' } });
    expect(enough.score).toBeGreaterThan(base.score);
    expect(small.score).toBeLessThan(base.score);
    expect(codes(small)).not.toContain('capacity');
  });

  it('ranks a nearer initiative above a farther one', () => {
    const near = matchRequest(request(), around(LIEGE, 30), initiative({ geo: HERSTAL }))!;
    const far = matchRequest(request(), around(LIEGE, 30), initiative({ geo: { lat: 50.85, lon: 5.69 } }))!;
    expect(near.score).toBeGreaterThan(far.score);
  });
});

const need = (needKinds: string[], area: MarketRecord['area'] = { country: 'BE', locality: 'Liège' }): MarketRecord => ({
  ...request(),
  kind: 'need',
  request: undefined,
  owner: { initiative: 'atemos' },
  area,
  need: { needKinds },
});
const offer = (
  offerKind: string,
  premisesKinds: string[] = [],
  area: MarketRecord['area'] = { country: 'BE', locality: 'Liège' },
): MarketRecord => ({
  ...request(),
  kind: 'offer',
  request: undefined,
  owner: { organisation: 'Ville de Liège' },
  area,
  offer: { offerKind, premisesKinds },
});
const inLiege: RecordPlace = { area: { country: 'BE', locality: 'Liège' }, centre: LIEGE, radiusKm: null };

describe('needs and offers', () => {
  it('maps offer kinds to the needs they answer, premises also by their kinds', () => {
    expect(offeredNeeds(offer('premises', ['kitchen']).offer!)).toEqual(['space', 'kitchen']);
    expect(offeredNeeds(offer('training').offer!)).toEqual(['skills']);
  });

  it('matches a need with an offer of the same kind in the same place, saying the kind', () => {
    const match = matchNeedOffer(need(['kitchen', 'storage']), offer('premises', ['kitchen']), inLiege, inLiege);
    expect(match?.reasons).toEqual([
      { code: 'need-offer-kind', params: { kind: 'kitchen' } },
      { code: 'same-locality', params: { locality: 'Liège' } },
    ]);
  });

  it('refuses a need and an offer of different kinds, or too far apart', () => {
    expect(matchNeedOffer(need(['kitchen']), offer('premises', ['storage']), inLiege, inLiege)).toBeNull();
    const namur: RecordPlace = { area: { country: 'BE', locality: 'Namur' }, centre: NAMUR, radiusKm: null };
    expect(matchNeedOffer(need(['kitchen']), offer('premises', ['kitchen']), inLiege, namur)).toBeNull();
  });

  it('matches an offer to an initiative that lists what it offers among its needs', () => {
    const match = matchOfferToInitiative(
      offer('premises', ['meeting-room']),
      inLiege,
      initiative({ needs: ['meeting-room'], geo: LIEGE, precision: 'city' }),
    );
    expect(codes(match)).toEqual(['needs-offered', 'same-locality']);
    expect(matchOfferToInitiative(offer('funding'), inLiege, initiative({ needs: ['meeting-room'] }))).toBeNull();
  });
});
