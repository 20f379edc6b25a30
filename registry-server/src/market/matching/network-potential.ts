// Network potential (issue 15 point 4): before posting, how many initiatives across the network
// (this node's and its partners') could answer a request for these sectors (or CPV codes) in
// this area, by city, how many are eligible for a reserved contract and under which article,
// and what that suggests (potential-suggestion.ts). Counted on the search index's bitsets, like
// matching's candidates, with the same reach around the area's centre.
import { BadInputError } from '../../records/bad-input-error.ts';
import { hasBit, nonZeroWords, slotsInto } from '../../search/bitset.ts';
import { haversineKm } from '../../search/geo.ts';
import type { SearchService } from '../../search/search-service.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import type { MarketRecord, ProcurementIntent } from '../market-record.ts';
import { cpvSectorPairs } from './cpv-sectors.ts';
import type { DeclaredFacts } from './declared-facts.ts';
import { articleOf } from './initiative-facts.ts';
import { candidateSet } from './match-candidates.ts';
import { LOCALITY_RADIUS_KM, PRECISION_SLACK_KM, type RecordPlace } from './place-fit.ts';
import { suggest, type Suggestion } from './potential-suggestion.ts';

export interface PotentialInput {
  sectors: readonly string[];
  cpvCodes: readonly string[];
  area: MarketRecord['area'];
  intent: ProcurementIntent;
}

export interface CityPotential {
  node: string;
  capable: number;
  eligible: number;
}

export interface Potential {
  /** Sectors counted: those asked and those of the CPV codes. */
  sectors: string[];
  /** CPV codes that map to no sector (the buyer should add a sector). */
  unmappedCpv: string[];
  /** `radius`: within the reach of a centre; `country`: the area's place is unknown to the node, so the whole country. */
  scope: 'radius' | 'country';
  reachKm: number | null;
  capable: number;
  eligible: { total: number; article20: number; article77: number; nationalOnly: number };
  byCity: CityPotential[];
  suggestion: Suggestion;
  intent: ProcurementIntent;
}

const CPV = /^\d{8}-\d$/;

export class NetworkPotential {
  readonly #search: SearchService;
  readonly #declared: DeclaredFacts;
  readonly #catalog: TaxonomyCatalog;
  readonly #placeOf: (area: MarketRecord['area']) => Promise<RecordPlace>;

  constructor(deps: {
    search: SearchService;
    declared: DeclaredFacts;
    catalog: TaxonomyCatalog;
    placeOf: (area: MarketRecord['area']) => Promise<RecordPlace>;
  }) {
    this.#search = deps.search;
    this.#declared = deps.declared;
    this.#catalog = deps.catalog;
    this.#placeOf = deps.placeOf;
  }

  async estimate(input: PotentialInput): Promise<Potential> {
    this.#check(input);
    const pairs = cpvSectorPairs(input.cpvCodes);
    const sectors = [...new Set([...input.sectors, ...pairs.flatMap((p) => p.sectors)])];
    const unmappedCpv = input.cpvCodes.filter((c) => !pairs.some((p) => p.cpv === c));
    const place = await this.#placeOf(input.area);
    const reach = place.radiusKm ?? (input.area.locality ? LOCALITY_RADIUS_KM : null);
    const near = place.centre && reach !== null ? { centre: place.centre, reach: reach + PRECISION_SLACK_KM.city } : null;
    const index = this.#search.index;
    const set = candidateSet(index, { sectors, country: input.area.country });
    const words = nonZeroWords(set);
    const slots = new Int32Array(words.length * 32);
    const n = slotsInto(set, words, slots);
    const byNode = new Map<number, CityPotential>();
    const { start, vals, values } = index.facets.node;
    let capable = 0;
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      if (near) {
        const lat = index.lat[slot]!;
        const within =
          !Number.isNaN(lat) &&
          haversineKm(near.centre.lat, near.centre.lon, (lat * 180) / Math.PI, (index.lon[slot]! * 180) / Math.PI) <= near.reach;
        const delivers = this.#declared.get(index.ids[slot]!)?.deliveryArea?.country === input.area.country;
        // Out of reach: cleared from the set, so the eligible count below sees the same set.
        if (!within && !delivers) {
          set[slot >>> 5]! &= ~(1 << (slot & 31));
          continue;
        }
      }
      capable++;
      const node = vals[start[slot]!]!;
      const city = byNode.get(node) ?? { node: values[node]!, capable: 0, eligible: 0 };
      city.capable++;
      byNode.set(node, city);
    }
    const eligible = { total: 0, article20: 0, article77: 0, nationalOnly: 0 };
    for (const [id, declared] of this.#declared.entries()) {
      if (declared.bases.length === 0) continue;
      const slot = index.slotOf(id);
      if (slot === undefined || !hasBit(set, slot)) continue;
      const articles = new Set(declared.bases.map((b) => articleOf(b, this.#catalog)));
      eligible.total++;
      if (articles.has('20')) eligible.article20++;
      if (articles.has('77')) eligible.article77++;
      if (!articles.has('20') && !articles.has('77')) eligible.nationalOnly++;
      const city = byNode.get(vals[start[slot]!]!);
      if (city) city.eligible++;
    }
    return {
      sectors,
      unmappedCpv,
      scope: near ? 'radius' : 'country',
      reachKm: near ? reach : null,
      capable,
      eligible,
      byCity: [...byNode.values()].sort((a, b) => b.capable - a.capable || a.node.localeCompare(b.node)),
      suggestion: suggest(capable, eligible.total),
      intent: input.intent,
    };
  }

  /** Bad input says what to send instead (unknown codes would silently count nothing). */
  #check(input: PotentialInput): void {
    if (input.sectors.length + input.cpvCodes.length === 0)
      throw new BadInputError('sectors', 'give at least one sector or one CPV code: the potential is counted by sector.');
    if (input.sectors.length > 20) throw new BadInputError('sectors', 'give at most 20 sectors.');
    if (input.cpvCodes.length > 20) throw new BadInputError('cpvCodes', 'give at most 20 CPV codes.');
    for (const sector of input.sectors)
      if (!this.#catalog.has('sector', sector))
        throw new BadInputError('sectors', `"${sector}" is not a sector code (e.g. AM60 for food).`);
    for (const code of input.cpvCodes)
      if (!CPV.test(code))
        throw new BadInputError('cpvCodes', `"${code}" is not a CPV code: eight digits, a hyphen and the check digit (55520000-1).`);
    if (!/^[A-Z]{2}$/.test(input.area.country))
      throw new BadInputError('area.country', `"${input.area.country}" is not a country code: two capital letters (BE).`);
    const { centre, radiusKm } = input.area;
    if ((centre == null) !== (radiusKm == null))
      throw new BadInputError('area.radiusKm', 'give a centre and a radius together, or neither.');
    if (radiusKm != null && !(radiusKm >= 1 && radiusKm <= 500)) throw new BadInputError('area.radiusKm', 'must be between 1 and 500 km.');
    if (centre && !(Math.abs(centre.lat) <= 90 && Math.abs(centre.lon) <= 180))
      throw new BadInputError('area.centre', 'latitude must be within ±90 and longitude within ±180.');
    for (const [field, value] of [
      ['area.locality', input.area.locality],
      ['area.region', input.area.region],
    ] as const)
      if (value != null && (value.trim().length === 0 || value.length > 200))
        throw new BadInputError(field, 'must be between 1 and 200 characters.');
  }
}
