// The open-data API (ADR 0048): the licence every export names, set by the node's admin only,
// and each initiative's partner JSON-LD, which must be the document the node serves at its IRI
// (the JSON-LD export promises exactly that) and must exist only for what the node publishes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import { ACTOR_TERMS } from '../federation/actors.ts';

let node: TestNode;
let admin: Session;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode({ publicUrl: new URL('https://liege.example') });
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const SETTINGS = '{ openData { licence { licence spdx name url } choices { spdx } profileVersion } }';
const SET =
  'mutation($l: DataLicence, $v: Int!) { setDataLicence(licence: $l, profileVersion: $v) { settings { licence { spdx } profileVersion } error { code message } } }';

describe('the data licence', () => {
  it('offers the four licences and reads the seeded one publicly', async () => {
    const { data } = await anonymous(node).gql(SETTINGS);
    expect(data.openData.choices.map((c: { spdx: string }) => c.spdx)).toEqual(['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0']);
    expect(data.openData.licence).toEqual({
      licence: 'CC_BY_4_0',
      spdx: 'CC-BY-4.0',
      name: 'Creative Commons Attribution 4.0 International',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    });
  });

  it('is changed by an admin, and the node actor partners read carries it', async () => {
    const { profileVersion } = (await admin.gql(SETTINGS)).data.openData;
    const set = await admin.gql(SET, { l: 'ODBL_1_0', v: profileVersion });
    expect(set.data.setDataLicence.error).toBeNull();
    expect(set.data.setDataLicence.settings.licence).toEqual({ spdx: 'ODbL-1.0' });
    const actor = (await (await fetch(`${node.url}/nodes/liege`, { headers: { accept: 'application/activity+json' } })).json()) as {
      license?: string;
    };
    expect(actor.license).toBe('http://spdx.org/licenses/ODbL-1.0');
    expect((await anonymous(node).gql('{ cityNode(slug: "liege") { dataLicence } }')).data.cityNode.dataLicence).toBe('ODbL-1.0');
  });

  it('can be unset ("not set"), and then no licence is named', async () => {
    const { profileVersion } = (await admin.gql(SETTINGS)).data.openData;
    const set = await admin.gql(SET, { l: null, v: profileVersion });
    expect(set.data.setDataLicence.error).toBeNull();
    expect((await anonymous(node).gql(SETTINGS)).data.openData.licence).toBeNull();
    const actor = (await (await fetch(`${node.url}/nodes/liege`, { headers: { accept: 'application/activity+json' } })).json()) as object;
    expect(actor).not.toHaveProperty('license');
  });

  it('is refused to editors and to the public, and with a stale version, leaving it unchanged', async () => {
    const before = (await admin.gql(SETTINGS)).data.openData;
    for (const who of [editor, anonymous(node)]) {
      const refused = await who.gql(SET, { l: 'CC0_1_0', v: before.profileVersion });
      expect(['NOT_AUTHORIZED', 'SIGN_IN_REQUIRED']).toContain(refused.data.setDataLicence.error.code);
    }
    const stale = await admin.gql(SET, { l: 'CC0_1_0', v: before.profileVersion - 1 });
    expect(stale.data.setDataLicence.error.code).toBe('VERSION_CONFLICT');
    const unknown = await node.query(SET, { l: 'GPL', v: before.profileVersion }, admin.headers);
    expect(unknown.body.errors?.[0]?.message).toMatch(/DataLicence/);
    expect((await admin.gql(SETTINGS)).data.openData).toEqual(before);
  });
});

describe("an initiative's partner JSON-LD", () => {
  it('is the document the node serves at its IRI, less the actor machinery and the context', async () => {
    const { data } = await anonymous(node).gql('{ initiative(slug: "univerbal") { id partnerJsonLd } }');
    const served = (await (
      await fetch(`${node.url}/initiatives/univerbal`, { headers: { accept: 'application/activity+json' } })
    ).json()) as Record<string, unknown>;
    // The actor's machinery and its fediverse presentation: the account, not the data.
    const actorTerms: readonly string[] = ['@context', ...ACTOR_TERMS];
    const record = Object.fromEntries(Object.entries(served).filter(([key]) => !actorTerms.includes(key)));
    expect(data.initiative.partnerJsonLd).toEqual(record);
    expect(data.initiative.partnerJsonLd.id).toBe(data.initiative.id);
  });
});
