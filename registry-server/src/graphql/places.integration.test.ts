// The editor's place tools over real HTTP: the country list for the picker, and the preview of
// what the public would see of a location, computed by the registry's own privacy rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  editor = await createAccount(node, 'editor@places.test', 'editor', ['le-monde-des-possibles', 'univerbal', '100pap-liege']);
});
afterAll(() => node?.close());

const PREVIEW = `query($slug: String!, $location: LocationInput) { editableInitiative(slug: $slug) { version
  locationPreview(location: $location) { locality region neighbourhood streetAddress postalCode precision geo { lat lon } country { code name(lang: "fr") } } } }`;
const preview = async (slug: string, location?: Record<string, unknown>) =>
  (await editor.gql(PREVIEW, { slug, location })).data.editableInitiative;
const place = (precision: string) => ({
  locality: 'Liège',
  country: 'BE',
  neighbourhood: 'Outremeuse',
  streetAddress: '12 rue Grimacer',
  postalCode: '4020',
  precision,
  geo: { lat: 50.6401234, lon: 5.5901234 },
});

describe('countries', () => {
  it('lists every country a location may name, by name in the reader’s language, and no grouping or placeholder', async () => {
    const { data } = await anonymous(node).gql('{ fr: countries(lang: "fr") { code name } ar: countries(lang: "ar") { code name } }');
    const codes = data.fr.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['BE', 'IT', 'GR', 'BG', 'SI', 'XK']));
    for (const code of ['EU', 'UN', 'ZZ', 'XA', 'SU']) expect(codes).not.toContain(code);
    expect(data.fr.find((c: { code: string }) => c.code === 'BE').name).toBe('Belgique');
    const names = data.fr.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    expect(data.ar.find((c: { code: string }) => c.code === 'BE').name).toBe('بلجيكا');
  });
});

describe('InitiativeDraft.locationPreview', () => {
  it('shows the street and a point to the metre at ADDRESS, and leaves them out at NEIGHBOURHOOD', async () => {
    const address = await preview('le-monde-des-possibles', place('ADDRESS'));
    expect(address.locationPreview).toMatchObject({
      precision: 'ADDRESS',
      streetAddress: '12 rue Grimacer',
      postalCode: '4020',
      neighbourhood: 'Outremeuse',
      geo: { lat: 50.64012, lon: 5.59012 },
      country: { code: 'BE', name: 'Belgique' },
    });
    const neighbourhood = await preview('le-monde-des-possibles', place('NEIGHBOURHOOD'));
    expect(neighbourhood.locationPreview).toMatchObject({
      precision: 'NEIGHBOURHOOD',
      streetAddress: null,
      postalCode: null,
      neighbourhood: 'Outremeuse',
      geo: { lat: 50.64, lon: 5.59 },
    });
  });

  it('shows the city centre at CITY in the node’s city, and a point to 10 km elsewhere; CITY when no precision is given', async () => {
    const liege = await preview('le-monde-des-possibles', place('CITY'));
    expect(liege.locationPreview).toMatchObject({
      precision: 'CITY',
      neighbourhood: null,
      streetAddress: null,
      geo: { lat: 50.6453, lon: 5.5736 },
    });
    const { precision: _precision, ...unstated } = place('CITY');
    const elsewhere = await preview('le-monde-des-possibles', { ...unstated, locality: 'Verviers', geo: { lat: 50.5891, lon: 5.8622 } });
    expect(elsewhere.locationPreview).toMatchObject({ precision: 'CITY', locality: 'Verviers', geo: { lat: 50.6, lon: 5.9 } });
  });

  it('caps a published migrant-led declaration at NEIGHBOURHOOD and an informal group at CITY', async () => {
    expect((await preview('univerbal', place('ADDRESS'))).locationPreview).toMatchObject({
      precision: 'NEIGHBOURHOOD',
      streetAddress: null,
    });
    expect((await preview('100pap-liege', place('ADDRESS'))).locationPreview).toMatchObject({
      precision: 'CITY',
      neighbourhood: null,
      streetAddress: null,
      geo: { lat: 50.6453, lon: 5.5736 },
    });
  });

  it('saves nothing, and shows the stored location without an argument', async () => {
    const before = await preview('le-monde-des-possibles');
    await preview('le-monde-des-possibles', { ...place('CITY'), locality: 'Verviers' });
    const after = await preview('le-monde-des-possibles');
    expect(after).toEqual(before);
    expect(after.locationPreview.locality).toBe('Liège');
  });

  it('is not there for someone who may not edit the initiative', async () => {
    const { data } = await anonymous(node).gql(PREVIEW, { slug: 'le-monde-des-possibles', location: place('ADDRESS') });
    expect(data.editableInitiative).toBeNull();
  });
});
