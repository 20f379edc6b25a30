// An initiative's contact is a role address, never a person's (DATA-MODEL privacy rule 4): the
// sign-in address of an account here is refused as a contact e-mail anyone may see, as it is for
// the node's own profile. Kept private (the registry only writes to it), it is the editor's call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  editor = await createAccount(node, 'amina.personal@mail.test', 'editor', ['parallax']);
  await createAccount(node, 'someone.else@mail.test', 'moderator');
});
afterAll(() => node?.close());

const EDIT = `mutation($v: Int!, $c: InitiativeInput!) { result: updateInitiative(id: "parallax", version: $v, changes: $c) {
  record { ... on InitiativeDraft { version record } } error { code ... on ValidationFailed { fields { field code message } } } } }`;
const version = async () => (await editor.gql('{ editableInitiative(slug: "parallax") { version } }')).data.editableInitiative.version;
const setContact = async (email: string, emailVisibility: string) =>
  (await editor.gql(EDIT, { v: await version(), c: { contact: { email, emailVisibility, relay: true } } })).data.result;

describe('the contact e-mail of an initiative', () => {
  it.each([
    ['amina.personal@mail.test', 'PUBLIC'],
    ['Amina.Personal@MAIL.test', 'PUBLIC'],
    ['someone.else@mail.test', 'SIGNED_IN'],
  ])('refuses %s, an account’s sign-in address, visible to %s', async (email, visibility) => {
    const before = (await editor.gql('{ editableInitiative(slug: "parallax") { version record } }')).data.editableInitiative;
    const result = await setContact(email, visibility);
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.fields).toEqual([expect.objectContaining({ field: 'contact.email', code: 'PERSONAL_ADDRESS' })]);
    expect(result.error.fields[0].message).toMatch(/initiative’s own address/);
    const after = (await editor.gql('{ editableInitiative(slug: "parallax") { version record } }')).data.editableInitiative;
    expect(after).toEqual(before);
  });

  it('accepts a role address for everyone, and a sign-in address kept private (only the registry writes to it)', async () => {
    expect((await setContact('festival@parallax.example', 'PUBLIC')).error).toBeNull();
    const kept = await setContact('amina.personal@mail.test', 'PRIVATE');
    expect(kept.error).toBeNull();
    expect(kept.record.record.contact).toMatchObject({ email: 'amina.personal@mail.test', visibility: { email: 'private' } });
  });
});
