// Every profile the node can serve validates against the Murmurations schemas it claims (offline
// copies, validated like the index does), and says nothing the public record does not.
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../seeding/seed-files.ts';
import { withSeedExpiry } from '../seeding/market-seeds.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import { initiativeProfile, marketProfile, nodeProfile, unixOfPartialDate } from './murmurations-profiles.ts';
import { validateProfile } from './murmurations-schemas.ts';

const catalog = TaxonomyCatalog.load();
const seeds = readSeeds(undefined, ['liege']);
const page = (handle: string) => `https://registry.example.org/initiatives/${handle}`;

const base: InitiativeRecord = {
  handle: 'atelier',
  name: { fr: 'Atelier solidaire' },
  summary: { fr: 'Un atelier de couture.' },
  originalLanguage: 'fr',
  legalForm: 'L4',
  primarySector: 'AM90',
  location: {
    locality: 'Liège',
    country: 'BE',
    region: 'Wallonie',
    neighbourhood: 'Outremeuse',
    streetAddress: 'Rue Puits-en-Sock 12',
    postalCode: '4020',
    precision: 'address',
    geo: { lat: 50.641234, lon: 5.583456 },
  },
  contact: { email: 'private@example.org', phone: '+32 470 00 00 00', relay: true, visibility: { email: 'signed-in', phone: 'private' } },
  node: 'liege',
};

describe('Murmurations profiles of the seeds', () => {
  it('validates every seeded initiative against organizations_schema-v1.0.0', () => {
    expect(seeds.initiatives.length).toBeGreaterThan(5);
    for (const { record } of seeds.initiatives) {
      const profile = initiativeProfile(record, { pageUrl: page(record.handle), catalog });
      expect({ handle: record.handle, result: validateProfile(profile) }).toEqual({ handle: record.handle, result: { valid: true } });
      expect(profile.name).toBe(record.name[record.originalLanguage]);
      expect(profile.linked_schemas).toEqual(['organizations_schema-v1.0.0']);
      expect((profile.tags as string[]).length).toBeGreaterThan(0);
    }
  });

  it('validates every seeded node profile', () => {
    for (const { record } of seeds.nodes) {
      const profile = nodeProfile(record, { publicUrl: 'https://registry.example.org' });
      expect({ node: record.handle, result: validateProfile(profile) }).toEqual({ node: record.handle, result: { valid: true } });
      expect(profile.primary_url).toBe('https://registry.example.org');
    }
  });

  it('validates every seeded need, offer and opening against offers_wants_schema-v0.1.0', () => {
    expect(seeds.market?.length).toBeGreaterThan(3);
    for (const { record } of seeds.market ?? []) {
      const profile = marketProfile(withSeedExpiry(record, '2026-12-01'), {
        pageUrl: `https://registry.example.org/market/${record.handle}`,
        catalog,
        expiresAt: new Date('2027-03-01T00:00:00Z'),
      });
      expect({ handle: record.handle, result: validateProfile(profile) }).toEqual({ handle: record.handle, result: { valid: true } });
      expect(profile.exchange_type).toBe(record.kind === 'request' || record.kind === 'need' ? 'want' : 'offer');
      expect(profile.expires_at).toBe(Date.parse('2027-03-01T00:00:00Z') / 1000);
      expect(profile.contact_details).toEqual({ contact_form: `https://registry.example.org/market/${record.handle}` });
    }
  });
});

describe('the wire format', () => {
  // Pinned, so a change to what the node sends aggregators is a visible diff (STYLE.md §15).
  it('is pinned for one initiative, the node and one offer', () => {
    const atemos = seeds.initiatives.find((s) => s.record.handle === 'atemos')!.record;
    const liege = seeds.nodes.find((s) => s.record.handle === 'liege')!.record;
    const offer = seeds.market!.find((s) => s.record.handle === 'ville-de-liege-long-lease')!.record;
    expect(initiativeProfile(atemos, { pageUrl: page('atemos'), catalog, cityCentre: { lat: 50.6326, lon: 5.5797 } })).toMatchSnapshot();
    expect(nodeProfile(liege, { publicUrl: 'https://registry.example.org' })).toMatchSnapshot();
    expect(
      marketProfile(withSeedExpiry(offer, '2026-12-01'), {
        pageUrl: 'https://registry.example.org/market/ville-de-liege-long-lease',
        catalog,
        expiresAt: new Date('2027-03-01T00:00:00Z'),
      }),
    ).toMatchSnapshot();
  });
});

describe('privacy of an initiative profile', () => {
  it('gives the street and a ~1 m point only at the address precision the initiative chose', () => {
    const profile = initiativeProfile(base, { pageUrl: page('atelier'), catalog });
    expect(profile.full_address).toBe('Rue Puits-en-Sock 12, 4020 Liège, BE');
    expect(profile.geolocation).toEqual({ lat: 50.64123, lon: 5.58346 });
  });

  it('gives no street and a rounded point at the neighbourhood precision', () => {
    const profile = initiativeProfile(
      { ...base, location: { ...base.location, precision: 'neighbourhood' } },
      { pageUrl: page('atelier'), catalog },
    );
    expect(profile.full_address).toBeUndefined();
    expect(JSON.stringify(profile)).not.toMatch(/Puits-en-Sock|4020/);
    expect(profile.geolocation).toEqual({ lat: 50.64, lon: 5.58 });
  });

  it('gives only the city (its centre when it is the node city) at the city precision', () => {
    const city = { ...base, location: { ...base.location, precision: 'city' as const } };
    const profile = initiativeProfile(city, { pageUrl: page('atelier'), catalog, cityCentre: { lat: 50.6326, lon: 5.5797 } });
    expect(profile.geolocation).toEqual({ lat: 50.6326, lon: 5.5797 });
    expect(JSON.stringify(profile)).not.toMatch(/Puits-en-Sock|4020|Outremeuse|50\.641|5\.583/);
    const elsewhere = initiativeProfile(city, { pageUrl: page('atelier'), catalog });
    expect(elsewhere.geolocation).toEqual({ lat: 50.6, lon: 5.6 });
  });

  it('publishes an informal group at city level whatever precision was chosen', () => {
    const profile = initiativeProfile({ ...base, legalForm: 'L1' }, { pageUrl: page('atelier'), catalog });
    expect(profile.full_address).toBeUndefined();
    expect(profile.geolocation).toEqual({ lat: 50.6, lon: 5.6 });
  });

  it('caps a consented migrant-led declaration at the neighbourhood, and tags it only then', () => {
    const declared = { ...base, migrantLed: { declared: true, consentToPublish: true } };
    const shown = initiativeProfile(declared, { pageUrl: page('atelier'), catalog });
    expect(shown.tags).toContain('migrant-led');
    expect(shown.full_address).toBeUndefined();
    expect(shown.geolocation).toEqual({ lat: 50.64, lon: 5.58 });
    const withheld = initiativeProfile(
      { ...base, migrantLed: { declared: true, consentToPublish: false } },
      { pageUrl: page('atelier'), catalog },
    );
    expect(withheld.tags).not.toContain('migrant-led');
    expect(withheld.full_address).toBe('Rue Puits-en-Sock 12, 4020 Liège, BE');
  });

  it('never gives a contact that is not public: the relay form stands in', () => {
    const profile = initiativeProfile(base, { pageUrl: page('atelier'), catalog });
    expect(JSON.stringify(profile)).not.toMatch(/private@example\.org|\+32 470/);
    expect(profile.contact_details).toEqual({ contact_form: `${page('atelier')}#contact-form` });
    expect(profile.telephone).toBeUndefined();
    const publicRole = initiativeProfile(
      { ...base, contact: { email: 'contact@atelier.be', relay: false, visibility: { email: 'public' } } },
      { pageUrl: page('atelier'), catalog },
    );
    expect(publicRole.contact_details).toEqual({ email: 'contact@atelier.be' });
  });

  it('keeps the description in the original language and clips a long name to the schema limit', () => {
    const profile = initiativeProfile(
      { ...base, name: { fr: 'N'.repeat(250), en: 'English name' }, description: { en: 'English text', fr: 'Texte français' } },
      { pageUrl: page('atelier'), catalog },
    );
    expect(profile.description).toBe('Texte français');
    expect([...(profile.name as string)].length).toBe(200);
    expect(validateProfile(profile)).toEqual({ valid: true });
  });

  it('stays valid for a country the registry knows and the Murmurations list lacks (Kosovo, XK), by leaving the code out', () => {
    const kosovo = { ...base, location: { ...base.location, locality: 'Prishtina', country: 'XK', region: undefined } };
    const profile = initiativeProfile(kosovo, { pageUrl: page('atelier'), catalog });
    expect(validateProfile(profile)).toEqual({ valid: true });
    expect(profile.country_iso_3166).toBeUndefined();
    expect(profile.locality).toBe('Prishtina');
    const market = marketProfile(
      { ...withSeedExpiry(seeds.market![0]!.record, '2026-12-01'), area: { country: 'XK', locality: 'Prishtina' } },
      { pageUrl: 'https://registry.example.org/market/x', catalog, expiresAt: new Date('2027-01-01T00:00:00Z') },
    );
    expect(validateProfile(market)).toEqual({ valid: true });
  });

  it('never gives a website that is not http(s) as the primary URL', () => {
    for (const website of [
      'ftp://files.example.org',
      'javascript:alert(1)',
      'www.example.org',
      `https://example.org/${'a'.repeat(2100)}`,
    ]) {
      const profile = initiativeProfile(
        { ...base, website, links: [{ url: 'mailto:x@example.org' }] },
        { pageUrl: page('atelier'), catalog },
      );
      expect(profile.primary_url).toBe(page('atelier'));
      expect(validateProfile(profile)).toEqual({ valid: true });
    }
  });

  it('reads partial start dates as the Unix time of their first instant', () => {
    expect(unixOfPartialDate('2018')).toBe(Date.UTC(2018, 0, 1) / 1000);
    expect(unixOfPartialDate('2018-05')).toBe(Date.UTC(2018, 4, 1) / 1000);
    expect(unixOfPartialDate('2018-05-17')).toBe(Date.UTC(2018, 4, 17) / 1000);
    expect(unixOfPartialDate('sometime')).toBeUndefined();
  });
});

describe('the validator', () => {
  it('refuses what the index refuses: no linked_schemas, a field outside snake case, a bad URL, an unknown schema', () => {
    expect(validateProfile({ name: 'x' })).toMatchObject({ valid: false });
    const good = initiativeProfile(base, { pageUrl: page('atelier'), catalog });
    expect(validateProfile({ ...good, '@context': 'x' })).toMatchObject({ valid: false });
    expect(validateProfile({ ...good, primary_url: 'javascript:alert(1)' })).toMatchObject({ valid: false });
    expect(validateProfile({ ...good, linked_schemas: ['made_up_schema-v9.9.9'] })).toMatchObject({
      valid: false,
      problems: [{ title: 'Schema Not Found' }],
    });
    expect(validateProfile({ ...good, country_iso_3166: 'XX' })).toMatchObject({ valid: false });
  });
});
