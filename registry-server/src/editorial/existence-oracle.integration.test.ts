// No existence oracle (issue #11, point 7): whoever may not know of a record that is not
// published (a draft, one in review, unpublished or deleted) gets exactly the answer a name
// nobody uses gets, from every query, mutation and page that takes an id or a slug. Anonymous
// callers of the editorial API are asked to sign in whatever the name; signed-in accounts
// without rights on a hidden record are told it is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let owner: Session;
let outsider: Session;
const NOBODY = 'never-existed';
const HIDDEN = ['hidden-draft', 'gone-draft', 'redemarts', 'liege-pt6-hidden-guide'];

const INITIATIVE = (
  handle: string,
) => `mutation { createInitiative(input: { handle: "${handle}", originalLanguage: "fr", legalForm: "L1", primarySector: "AM60",
  name: [{ language: "fr", text: "Projet ${handle}" }], summary: [{ language: "fr", text: "Pas encore public." }], location: { locality: "Liège", country: "BE" } }) { record { ... on InitiativeDraft { version } } error { code message } } }`;

beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  owner = await createAccount(node, 'owner@collective.test', 'editor', []);
  outsider = await createAccount(node, 'outsider@atemos.test', 'editor', ['atemos']);
  expect((await owner.gql(INITIATIVE('hidden-draft'))).data.createInitiative.error).toBeNull();
  expect((await owner.gql(INITIATIVE('gone-draft'))).data.createInitiative.error).toBeNull();
  const del = await moderator.gql('mutation { delete(id: "gone-draft", version: 1) { error { code } } }');
  expect(del.data.delete.error).toBeNull();
  const redemarts = (await moderator.gql('{ editableInitiative(slug: "redemarts") { version } }')).data.editableInitiative;
  expect(
    (await moderator.gql(`mutation { unpublish(id: "redemarts", version: ${redemarts.version}) { error { code } } }`)).data.unpublish.error,
  ).toBeNull();
  const practice =
    await moderator.gql(`mutation { createGoodPractice(input: { handle: "liege-pt6-hidden-guide", practiceType: "PT6", originalLanguage: "fr",
    title: [{ language: "fr", text: "Guide" }], summary: [{ language: "fr", text: "Pas encore public." }], location: { locality: "Liège", country: "BE" },
    initiatives: ["univerbal"], actors: [{ name: "Ville de Liège", role: "city" }] }) { error { code message } } }`);
  expect(practice.data.createGoodPractice.error).toBeNull();
});
afterAll(() => node?.close());

/** What a caller learns from one request, with the name itself taken out. */
async function answer(who: Session, query: string, name: string): Promise<string> {
  const body = await who.gql(query.replaceAll('$NAME', name));
  return JSON.stringify(body).replaceAll(name, '<name>');
}

const PROBES = {
  editableInitiative: '{ editableInitiative(slug: "$NAME") { version } }',
  editableInitiativeById: '{ editableInitiative(id: "http://registry.test/initiatives/$NAME") { version } }',
  editableGoodPractice: '{ editableGoodPractice(slug: "$NAME") { version } }',
  initiative: '{ initiative(slug: "$NAME") { slug } }',
  goodPractice: '{ goodPractice(slug: "$NAME") { slug } }',
  updateInitiative: 'mutation { updateInitiative(id: "$NAME", version: 1, changes: {}) { error { code message } } }',
  updateGoodPractice:
    'mutation { updateGoodPractice(id: "http://registry.test/practices/$NAME", version: 1, changes: {}) { error { code message } } }',
  submitForReview: 'mutation { submitForReview(id: "$NAME", version: 1) { error { code message } } }',
  approve: 'mutation { approve(id: "$NAME", version: 1) { error { code message } } }',
  reject: 'mutation { reject(id: "$NAME", version: 1, reason: "not yet") { error { code message } } }',
  unpublish: 'mutation { unpublish(id: "$NAME", version: 1) { error { code message } } }',
  delete: 'mutation { delete(id: "$NAME", version: 1) { error { code message } } }',
  restoreRevision: 'mutation { restoreRevision(id: "$NAME", revision: 1, version: 1) { error { code message } } }',
  sendMessage:
    'mutation { sendMessage(initiative: "$NAME", input: { replyTo: "a@b.test", subject: "Hello", body: "A message long enough." }) { ok error { code message } } }',
};

describe('anonymous callers cannot tell hidden records from nothing', () => {
  for (const [probe, query] of Object.entries(PROBES)) {
    it(`${probe}: the same answer for every hidden record as for a name nobody uses`, async () => {
      const nothing = await answer(anonymous(node), query, NOBODY);
      for (const name of HIDDEN) expect(await answer(anonymous(node), query, name)).toBe(nothing);
    });
  }

  it('answers the ActivityPub id of a never-published draft, deleted or not, as of nothing', async () => {
    const status = async (name: string) =>
      (await fetch(`${node.url}/initiatives/${name}`, { headers: { accept: 'application/activity+json' } })).status;
    const nothing = await status(NOBODY);
    expect(nothing).toBe(404);
    expect(await status('hidden-draft')).toBe(nothing);
    expect(await status('gone-draft')).toBe(nothing);
  });
});

describe('signed-in accounts without rights on a hidden record cannot tell it from nothing', () => {
  for (const [probe, query] of Object.entries(PROBES)) {
    it(`${probe}: an editor of another initiative gets the answer of a name nobody uses`, async () => {
      const nothing = await answer(outsider, query, NOBODY);
      for (const name of HIDDEN) expect(await answer(outsider, query, name)).toBe(nothing);
    });
  }

  it('still lets the owner and moderators find the record', async () => {
    expect((await owner.gql('{ editableInitiative(slug: "hidden-draft") { version } }')).data.editableInitiative).toEqual({ version: 1 });
    expect((await moderator.gql('{ editableInitiative(slug: "redemarts") { state } }')).data.editableInitiative).toEqual({
      state: 'UNPUBLISHED',
    });
    // A published record is public: refusing it by its name says no more than the public page.
    expect((await outsider.gql('{ editableInitiative(slug: "univerbal") { version } }')).errors?.[0]?.extensions?.code).toBe(
      'NOT_AUTHORIZED',
    );
  });
});
