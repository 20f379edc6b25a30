// A partner city goes live on its own (issue 14, point 5): its admin edits the node's profile
// through GraphQL (one validation layer, typed errors with the record's field paths), partners
// that follow it receive the Update of its actor, and every node derives a city's status from
// what the network knows, never from the seeds' "planned" text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFederatedNode } from '../testing/federated-nodes.ts';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';
import type { TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import { receiveNodeProfile } from '../federation/received-node-profiles.ts';

const UPDATE = `mutation($input: NodeProfileInput!) { updateNodeProfile(input: $input) {
  node { profileVersion name(lang: "it") { text } summary(lang: "it") { text } contact { email address } geo { lat lon } status isPlaceholder }
  error { code message ... on ValidationFailed { fields { field code message } } ... on VersionConflict { currentVersion } } } }`;

const NODE = `query($slug: String!, $lang: String) { cityNode(slug: $slug) { status isPlaceholder name(lang: $lang) { text } summary(lang: $lang) { text language } } }`;

function validInput(version: number) {
  return {
    version,
    texts: [
      {
        language: 'it',
        name: 'Rete Migranti Milano',
        summary: 'Il registro delle iniziative di economia solidale guidate da persone migranti a Milano.',
      },
      {
        language: 'fr',
        name: 'Réseau migrants Milan',
        summary: "Le registre des initiatives d'économie solidaire menées par des personnes migrantes à Milan.",
      },
    ],
    contact: { email: 'registro@comune.milano.example', address: 'Piazza della Scala 2, 20121 Milano' },
    geo: { lat: 45.4668, lon: 9.19 },
    defaultLanguages: ['it', 'en'],
    operators: [{ name: 'Comune di Milano', role: 'city', url: 'https://www.comune.milano.it' }],
  };
}

let liege: TestNode;
let milan: TestNode;
let milanAdmin: Session;
beforeAll(async () => {
  liege = await startFederatedNode('liege');
  milan = await startFederatedNode('milan');
  milanAdmin = await createAccount(milan, 'admin@milan.test', 'admin');
});
afterAll(async () => {
  await milan?.close();
  await liege?.close();
});

describe('the seeds are not the source of truth', () => {
  // Only fields that existed before, so this test ran (and failed) on the code it fixes.
  it("shows a node its own profile, not the seeded placeholder, and no city as online from the seeds' text", async () => {
    const own = (await anonymous(milan).gql(`{ thisNode { status summary(lang: "it") { text } } }`)).data.thisNode;
    expect(own).toEqual({ status: 'ONLINE', summary: null });
    // Liège's seed says "online"; Milan has never heard from it.
    const liegeSeenFromMilan = (await anonymous(milan).gql(`{ cityNode(slug: "liege") { status } }`)).data.cityNode;
    expect(liegeSeenFromMilan.status).toBe('PLANNED');
  });
});

describe('the own profile of a node', () => {
  it('is never the placeholder seeded for the city', async () => {
    const { data } = await anonymous(milan).gql(`{ thisNode { status isPlaceholder summary(lang: "it") { text } } }`);
    expect(data.thisNode).toEqual({ status: 'ONLINE', isPlaceholder: false, summary: null });
  });

  it('refuses invalid input with the field paths of the record, and stores nothing', async () => {
    const before = (await milanAdmin.gql('{ thisNode { profileVersion } }')).data.thisNode.profileVersion;
    const input = {
      ...validInput(before),
      texts: [
        { language: 'it', name: '', summary: 'Descrizione senza nome' },
        { language: 'fr', name: 'Milan' },
        { language: 'fr', name: 'Milan encore' },
        { language: 'not a tag', name: 'x' },
      ],
      contact: { email: 'not an address' },
      geo: { lat: 95, lon: -200 },
      defaultLanguages: [],
      operators: [{ name: 'Comune di Milano', role: 'mayor' }],
    };
    const { data } = await milanAdmin.gql(UPDATE, { input });
    expect(data.updateNodeProfile.node).toBeNull();
    expect(data.updateNodeProfile.error.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries(data.updateNodeProfile.error.fields.map((f: any) => [f.field, f.code]));
    expect(fields).toMatchObject({
      'name.it': 'REQUIRED',
      'name.fr': 'DUPLICATE',
      'geo.lat': 'OUT_OF_RANGE',
      'geo.lon': 'OUT_OF_RANGE',
      'contact.email': 'INVALID_FORMAT',
      defaultLanguages: 'REQUIRED',
    });
    expect(Object.keys(fields).some((f) => f.startsWith('name.not a tag'))).toBe(true);
    const after = (await milanAdmin.gql('{ thisNode { profileVersion } }')).data.thisNode.profileVersion;
    expect(after).toBe(before);
  });

  it("refuses a person's address as the organisation's contact: the sign-in address of an account here", async () => {
    const version = (await milanAdmin.gql('{ thisNode { profileVersion } }')).data.thisNode.profileVersion;
    for (const email of ['admin@milan.test', ' ADMIN@Milan.test ']) {
      const { data } = await milanAdmin.gql(UPDATE, { input: { ...validInput(version), contact: { email } } });
      expect(data.updateNodeProfile.error.fields).toContainEqual(
        expect.objectContaining({ field: 'contact.email', code: 'PERSONAL_ADDRESS' }),
      );
    }
    expect((await milanAdmin.gql('{ thisNode { profileVersion } }')).data.thisNode.profileVersion).toBe(version);
  });

  it('refuses unknown roles of operators, and everyone but an admin', async () => {
    const version = (await milanAdmin.gql('{ thisNode { profileVersion } }')).data.thisNode.profileVersion;
    const bad = await milanAdmin.gql(UPDATE, { input: { ...validInput(version), operators: [{ name: 'Comune', role: 'mayor' }] } });
    expect(bad.data.updateNodeProfile.error.fields).toContainEqual(
      expect.objectContaining({ field: 'operators.0.role', code: 'UNKNOWN_CODE' }),
    );
    const moderator = await createAccount(milan, 'moderator@milan.test', 'moderator');
    expect((await moderator.gql(UPDATE, { input: validInput(version) })).data.updateNodeProfile.error.code).toBe('NOT_AUTHORIZED');
    expect((await anonymous(milan).gql(UPDATE, { input: validInput(version) })).data.updateNodeProfile.error.code).toBe('SIGN_IN_REQUIRED');
    expect((await milanAdmin.gql(UPDATE, { input: validInput(version - 1) })).data.updateNodeProfile.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: version,
    });
  });
});

describe('between two nodes', () => {
  it('derives status from federation, replaces the placeholder with the profile received, and follows its Updates', async () => {
    // Before any follow, Liège knows Milan only from the seeds.
    expect((await anonymous(liege).gql(NODE, { slug: 'milan' })).data.cityNode).toMatchObject({ status: 'PLANNED', isPlaceholder: true });

    await liege.federation!.partners.follow(operator, `${milan.url}/nodes/milan`);
    await eventually(async () => (await milan.federation!.partners.list(operator)).find((p) => p.followedBy === 'pending'));
    await milan.federation!.partners.decide(operator, `${liege.url}/nodes/liege`, true);
    await eventually(async () => (await liege.federation!.partners.list(operator)).find((p) => p.following === 'accepted'));
    await liege.federation!.settled();

    // Liège follows Milan: online there, and Milan's own (still empty) profile replaced the placeholder.
    const seen = (await anonymous(liege).gql(NODE, { slug: 'milan', lang: 'fr' })).data.cityNode;
    expect(seen).toMatchObject({ status: 'ONLINE', isPlaceholder: false });
    expect(seen.summary).toBeNull();
    // Milan is followed by Liège: Liège is online on Milan's pages; Athens, which federates with neither, is not.
    const liegeOnMilan = (await anonymous(milan).gql(`{ cityNode(slug: "liege") { status url } }`)).data.cityNode;
    expect(liegeOnMilan).toEqual({ status: 'ONLINE', url: liege.url });
    expect((await anonymous(milan).gql(NODE, { slug: 'athens' })).data.cityNode.status).toBe('PLANNED');
    expect((await anonymous(liege).gql(NODE, { slug: 'athens' })).data.cityNode.status).toBe('PLANNED');

    // Milan's admin writes the profile; Liège receives the Update of Milan's actor.
    const version = (await milanAdmin.gql('{ thisNode { profileVersion } }')).data.thisNode.profileVersion;
    const saved = await milanAdmin.gql(UPDATE, { input: validInput(version) });
    expect(saved.data.updateNodeProfile.error).toBeNull();
    expect(saved.data.updateNodeProfile.node).toMatchObject({
      name: { text: 'Rete Migranti Milano' },
      contact: { email: 'registro@comune.milano.example', address: 'Piazza della Scala 2, 20121 Milano' },
      geo: { lat: 45.4668, lon: 9.19 },
      status: 'ONLINE',
      isPlaceholder: false,
    });
    const received = await eventually(async () => {
      const node = (await anonymous(liege).gql(NODE, { slug: 'milan', lang: 'it' })).data.cityNode;
      return node.summary?.text?.startsWith('Il registro') ? node : null;
    });
    expect(received).toMatchObject({ status: 'ONLINE', name: { text: 'Rete Migranti Milano' }, summary: { language: 'it' } });
    const contact = (await anonymous(liege).gql(`{ cityNode(slug: "milan") { contact { email address } geo { lat lon } } }`)).data.cityNode;
    expect(contact).toEqual({
      contact: { email: 'registro@comune.milano.example', address: 'Piazza della Scala 2, 20121 Milano' },
      geo: { lat: 45.4668, lon: 9.19 },
    });
    const inFrench = (await anonymous(liege).gql(NODE, { slug: 'milan', lang: 'fr' })).data.cityNode;
    expect(inFrench.name.text).toBe('Réseau migrants Milan');
    expect(inFrench.summary.text).not.toMatch(/profil seulement/);
  });
});

describe('the first-run page', () => {
  it('tells the admin what is done', async () => {
    const { data } = await milanAdmin.gql('{ nodeSetup { profileDone invitationsDone partnersDone empty } }');
    expect(data.nodeSetup).toEqual({ profileDone: true, invitationsDone: false, partnersDone: false, empty: true });
    const { data: other } = await anonymous(milan).gql('{ nodeSetup { empty } }');
    expect(other).toBeNull();
  });
});

describe('who may speak for a city', () => {
  it('ignores the profile of a node this node does not follow', async () => {
    const ctx = liege.federation!.federation.createContext(liege.registry.config.publicUrl, liege.federation!.data);
    // Milan follows nobody: an Update of Liège's actor sent to Milan changes nothing there.
    expect(await receiveNodeProfile(ctx, `${milan.url}/nodes/athens`)).toBe('refused');
    const milanCtx = milan.federation!.federation.createContext(milan.registry.config.publicUrl, milan.federation!.data);
    expect(await receiveNodeProfile(milanCtx, `${liege.url}/nodes/liege`)).toBe('refused');
    expect((await anonymous(liege).gql(NODE, { slug: 'athens' })).data.cityNode).toMatchObject({ status: 'PLANNED', isPlaceholder: true });
  });

  it('forgets the profile a blocked domain sent, and no longer shows it online', async () => {
    await liege.federation!.partners.block(operator, new URL(milan.url).host, 'test');
    const after = (await anonymous(liege).gql(NODE, { slug: 'milan' })).data.cityNode;
    expect(after?.status ?? 'GONE').not.toBe('ONLINE');
    expect(after?.summary?.text ?? '').not.toMatch(/Il registro/);
  });
});
