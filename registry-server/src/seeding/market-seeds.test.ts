// The seeded needs and offers (issue 15 point 7, ADR 0039): valid on the day they are seeded,
// faithful to the proceedings (the codes say what the text says), at organisation level only.
import { describe, expect, it } from 'vitest';
import { RecordValidator } from '../records/record-validator.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { latestExpiry } from '../market/market-record-rules.ts';
import { marketSeedProblems, readMarketSeeds, seedExpiry, SEED_VALIDITY_DAYS, withSeedExpiry, type MarketSeed } from './market-seeds.ts';
import { readSeeds, seedsDirectory } from './seed-files.ts';

const seeds = readMarketSeeds(seedsDirectory(), ['liege']);
const byHandle = new Map(seeds.map((s) => [s.record.handle, s.record]));
const validator = new RecordValidator(TaxonomyCatalog.load());
const initiatives = new Set(readSeeds(undefined, ['liege']).initiatives.map((i) => `${i.record.node}/${i.record.handle}`));

describe('market seeds', () => {
  it('are every one valid, with the expiry they get, on any day they may be seeded (a leap day too)', () => {
    expect(seeds.length).toBe(11);
    for (const today of ['2026-12-07', '2028-02-29', '2027-12-31'])
      expect(marketSeedProblems(validator, seeds, initiatives, today), today).toEqual([]);
  });

  it('expire SEED_VALIDITY_DAYS after the day they are seeded, within the year any record may have', () => {
    expect(seedExpiry('2026-12-07')).toBe('2027-03-07');
    expect(SEED_VALIDITY_DAYS).toBe(90);
    const record = withSeedExpiry(seeds[0]!.record, '2026-12-07');
    expect(record.expiresOn).toBe('2027-03-07');
    expect(record.expiresOn <= latestExpiry('2026-12-07')).toBe(true);
  });

  it('refuse a seed that is invalid, owned by an initiative not seeded, unsourced or used twice', () => {
    const bad: MarketSeed[] = [
      { ...seeds[0]!, file: 'a.json', record: { ...seeds[0]!.record, need: { needKinds: ['not-a-need'] } } },
      { ...seeds[0]!, file: 'b.json', record: { ...seeds[0]!.record, handle: 'b', owner: { initiative: 'nobody' } } },
      { ...seeds[0]!, file: 'c.json', record: { ...seeds[0]!.record, handle: 'c' }, source: { document: '002', passages: [] } },
      { ...seeds[0]!, file: 'd.json' },
    ];
    const problems = marketSeedProblems(validator, [...bad], initiatives, '2026-12-07');
    expect(problems.find((p) => p.startsWith('a.json'))).toMatch(/need/);
    expect(problems.find((p) => p.startsWith('b.json'))).toMatch(/no initiative "nobody"/);
    expect(problems.find((p) => p.startsWith('c.json'))).toMatch(/source/);
    expect(problems.find((p) => p.startsWith('d.json'))).toMatch(/used twice/);
  });

  it('make the third-place survey a need of each initiative it names, with the kinds of space it lists', () => {
    const survey = ['meeting-room', 'training-room', 'storage', 'coworking', 'kitchen', 'internet', 'central-location'];
    for (const handle of ['univerbal', 'sirius-hub']) {
      const need = byHandle.get(`${handle}-third-place`)!;
      expect(need.kind).toBe('need');
      expect(need.owner).toEqual({ initiative: handle });
      expect(need.need?.needKinds).toEqual(survey);
      expect(need.description?.fr).toContain('200 m²');
    }
    expect(byHandle.get('atemos-workshop-premises')?.need?.needKinds).toEqual(['space', 'storage', 'kitchen', 'accessible-location']);
    expect(byHandle.get('migrations-libres-kitchen')?.need?.needKinds).toEqual(['kitchen', 'equipment', 'space']);
    const needs = seeds.filter((s) => s.record.kind === 'need').map((s) => s.record.owner.initiative);
    expect(needs.sort()).toEqual(['atemos', 'migrations-libres-plats-solidaires', 'sirius-hub', 'univerbal']);
  });

  it("make each of the City of Liège's three lending forms an offer of premises by the City, and quote the lease as written", () => {
    const city = seeds.filter((s) => s.record.owner.organisation === 'Ville de Liège').map((s) => s.record);
    expect(city.map((r) => r.offer?.lendingForms)).toEqual([['long-lease'], ['precarious-occupation'], ['social-cohesion-agreement']]);
    for (const r of city) expect(r.offer?.offerKind).toBe('premises');
    expect(byHandle.get('ville-de-liege-long-lease')?.offer?.conditions?.fr).toContain('« de 50 à 100 »');
  });

  it('make the Forem and CRIPEL services offers at organisation level, with the conditions the text gives', () => {
    const primo = byHandle.get('forem-primo-arrivants')!;
    expect(primo.owner.organisation).toBe('Le Forem');
    expect(primo.offer?.offerKind).toBe('advice');
    expect(primo.offer?.conditions?.fr).toContain('titre de séjour');
    expect(byHandle.get('cripel-promotion')?.offer?.offerKind).toBe('visibility');
    expect(byHandle.get('cripel-migration-hub-support')?.offer?.conditions?.fr).toMatch(/^Seulement si le Migration-Hub est créé/);
    for (const s of seeds) {
      expect(s.record.owner.initiative ?? s.record.owner.organisation, s.file).toBeTruthy();
      expect(Object.keys(s.record.title).sort(), s.file).toEqual(['en', 'fr']);
      expect(s.source.document).toBe('002_07ba032f4cd513c8.txt');
    }
  });

  it('name no person of the proceedings and no e-mail address', () => {
    const text = JSON.stringify(seeds);
    for (const name of ['Stangherlin', 'Teheux', 'Dosseray', 'Marquet', 'Van Harten', 'Wynants', 'Espino', 'Vanderbyse'])
      expect(text, name).not.toContain(name);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
