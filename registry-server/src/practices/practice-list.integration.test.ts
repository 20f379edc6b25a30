// The node's own good practices for its staff (issue 14, point 4): moderators and admins list
// them in any state but deleted, to edit them on the web; an initiative's editor and the
// anonymous public are refused, and learn nothing of drafts; received copies are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let admin: Session;
let moderator: Session;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const LIST = '{ nodeGoodPractices { slug state pendingChanges version updatedAt preview { title(lang: "en") { text } } } }';
const CREATE = `mutation { createGoodPractice(input: {
  handle: "liege-pt7-draft-fablab", practiceType: "PT7", originalLanguage: "fr",
  title: [{ language: "fr", text: "Aaa fablab en brouillon" }], summary: [{ language: "fr", text: "Un brouillon." }],
  location: { locality: "Liège", country: "BE" } }) { record { ... on GoodPracticeDraft { slug version } } error { code message } } }`;

describe('nodeGoodPractices', () => {
  it('lists the node’s practices in any state but deleted, by title, for moderators and admins', async () => {
    expect((await moderator.gql(CREATE)).data.createGoodPractice.error).toBeNull();
    const seededCount = (await node.registry.practices.findPublishedLocal()).length;
    for (const staff of [moderator, admin]) {
      const { data, errors } = await staff.gql(LIST);
      expect(errors).toBeUndefined();
      const list = data.nodeGoodPractices as Array<{ slug: string; state: string; preview: { title: { text: string } } }>;
      expect(list).toHaveLength(seededCount + 1);
      expect(list[0]).toMatchObject({ slug: 'liege-pt7-draft-fablab', state: 'DRAFT' });
      expect(list.filter((p) => p.state === 'PUBLISHED')).toHaveLength(seededCount);
    }
  });

  it('leaves out deleted practices and copies received from partners', async () => {
    const draft = await moderator.gql('{ editableGoodPractice(slug: "liege-pt7-draft-fablab") { version } }');
    const deleted = await moderator.gql('mutation($v: Int!) { delete(id: "liege-pt7-draft-fablab", version: $v) { error { code } } }', {
      v: draft.data.editableGoodPractice.version,
    });
    expect(deleted.data.delete.error).toBeNull();
    const seeded = await node.registry.practices.findById('liege-pt6-public-procurement');
    const receivedAt = new Date().toISOString();
    await node.registry.practices.upsertReceived(
      'https://milan.test/practices/milan-pt6',
      { ...seeded!.record, handle: 'milan-pt6', node: 'milan' },
      {
        kind: 'remote',
        node: 'milan',
        objectId: 'https://milan.test/practices/milan-pt6',
        url: 'https://milan.test/practices/milan-pt6',
        receivedAt,
        remoteUpdatedAt: receivedAt,
      },
    );
    const slugs = ((await moderator.gql(LIST)).data.nodeGoodPractices as Array<{ slug: string }>).map((p) => p.slug);
    expect(slugs).not.toContain('liege-pt7-draft-fablab');
    expect(slugs).not.toContain('milan-pt6');
    expect(slugs).toContain('liege-pt6-public-procurement');
  });

  it('refuses an initiative’s editor and the anonymous public, without listing anything', async () => {
    const asEditor = await editor.gql(LIST);
    expect(asEditor.data).toBeNull();
    expect(asEditor.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const asAnyone = await anonymous(node).gql(LIST);
    expect(asAnyone.data).toBeNull();
    expect(asAnyone.errors?.[0]?.extensions?.code).toBe('SIGN_IN_REQUIRED');
  });

  it('keeps an editor out of a draft practice and of every change to practices', async () => {
    expect(
      (await moderator.gql(CREATE.replace('liege-pt7-draft-fablab', 'liege-pt7-second-draft'))).data.createGoodPractice.error,
    ).toBeNull();
    // A draft is no business of an editor: answered as a name nobody uses.
    expect((await editor.gql('{ editableGoodPractice(slug: "liege-pt7-second-draft") { slug } }')).data.editableGoodPractice).toBeNull();
    const created = await editor.gql(CREATE.replace('liege-pt7-draft-fablab', 'liege-pt7-by-an-editor'));
    expect(created.data.createGoodPractice.error.code).toBe('NOT_AUTHORIZED');
    const submitted = await editor.gql(
      'mutation { submitForReview(id: "http://registry.test/practices/liege-pt7-second-draft", version: 1) { error { code } } }',
    );
    expect(submitted.data.submitForReview.error.code).toBe('NOT_FOUND');
    expect(await node.registry.practices.findById('liege-pt7-by-an-editor')).toBeNull();
    expect((await node.registry.practices.findById('liege-pt7-second-draft'))?.publication.state).toBe('draft');
  });
});
