// The invitation link's page names the initiatives an editor is invited for in the reader's
// language, not by their internal handle ("univerbal", "migrations-libres-plats-solidaires").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let admin: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
});

/** The token of a new editor invitation for `initiatives`, made by the admin as on the web. */
async function invite(initiatives: string[]): Promise<string> {
  const { data } = await admin.gql(
    'mutation($i: [String!]) { createInvitation(input: { role: EDITOR, initiatives: $i }) { url error { message } } }',
    {
      i: initiatives,
    },
  );
  expect(data.createInvitation.error).toBeNull();
  return new URL(data.createInvitation.url).pathname.split('/').pop()!;
}
afterAll(() => node?.close());

const QUERY =
  'query($token: String!, $lang: String) { invitation(token: $token) { invitation { initiatives invitedInitiatives(lang: $lang) { slug name { text language isFallback } } } error { code message } } }';

describe('an invitation names its initiatives', () => {
  it('in the reader language, in the order they were given', async () => {
    const token = await invite(['univerbal', 'migrations-libres-plats-solidaires']);
    const { body } = await node.query(QUERY, { token, lang: 'fr' });
    expect(body.errors).toBeUndefined();
    expect(body.data.invitation.invitation.invitedInitiatives).toEqual([
      { slug: 'univerbal', name: { text: 'Univerbal', language: 'fr', isFallback: false } },
      {
        slug: 'migrations-libres-plats-solidaires',
        name: { text: expect.stringContaining('Migrations Libres'), language: 'fr', isFallback: false },
      },
    ]);
  });

  it('says when a name is only in another language', async () => {
    const token = await invite(['atemos']);
    const { body } = await node.query(QUERY, { token, lang: 'bg' });
    const [atemos] = body.data.invitation.invitation.invitedInitiatives;
    expect(atemos.slug).toBe('atemos');
    expect(atemos.name.isFallback).toBe(true);
    expect(atemos.name.text).toMatch(/Atemos/i);
  });
});
