// Adoption records on one node, over real HTTP: what a record may name and change, who sees a
// draft, and the review before anything is public (issue 16 point 1, ADR 0040).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let editor: Session;
const ERROR = 'error { code message ... on ValidationFailed { fields { field code message } } }';
const DRAFT = '... on AdoptionRecordDraft { id slug version state }';
const CREATE = `mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { record { ${DRAFT} } ${ERROR} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $c: AdoptionRecordInput!) { updateAdoptionRecord(id: $id, version: $v, changes: $c) { record { ${DRAFT} } ${ERROR} } }`;
const practiceIri = (handle: string) => node.registry.iris.local('practices', handle);
const input = (handle: string, practice: string, extra: Record<string, unknown> = {}) => ({
  handle,
  practice,
  stage: 'ADOPTING',
  title: [{ language: 'fr', text: 'Une reprise' }],
  originalLanguage: 'fr',
  ...extra,
});

beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

describe('what an adoption record may name', () => {
  it('refuses an editor, and a practice that is not published here', async () => {
    const byEditor = await editor.gql(CREATE, { i: input('by-editor', practiceIri('liege-pt1-welcoming-city')) });
    expect(byEditor.data.createAdoptionRecord.error.code).toBe('NOT_AUTHORIZED');
    // A practice taken down is nobody's to adopt: answered like a name nobody uses.
    const practice = (await node.registry.practices.findById('liege-pt3-existing-support-tools'))!;
    await node.registry.practices.applyChange(practice._id, practice.version, {
      publicationFields: { state: 'unpublished' },
      updatedAt: new Date().toISOString(),
    });
    for (const target of [
      practiceIri('liege-pt3-existing-support-tools'),
      practiceIri('no-such-practice'),
      'https://elsewhere.example/practices/x',
    ]) {
      const answer = await moderator.gql(CREATE, { i: input('hidden-practice', target) });
      expect(answer.data.createAdoptionRecord.error.fields, target).toEqual([
        expect.objectContaining({ field: 'practice', code: 'UNKNOWN_REFERENCE' }),
      ]);
    }
  });

  it('keeps one record per practice, and its practice for good', async () => {
    const first = await moderator.gql(CREATE, { i: input('first', practiceIri('liege-pt1-welcoming-city')) });
    expect(first.data.createAdoptionRecord.error).toBeNull();
    const second = await moderator.gql(CREATE, { i: input('second', practiceIri('liege-pt1-welcoming-city')) });
    expect(second.data.createAdoptionRecord.error.fields).toEqual([expect.objectContaining({ field: 'practice', code: 'ALREADY_EXISTS' })]);
    const { id, version } = first.data.createAdoptionRecord.record;
    const moved = await moderator.gql(UPDATE, { id, v: version, c: { practice: practiceIri('liege-pt2-city-union-partnership') } });
    expect(moved.data.updateAdoptionRecord.error.fields).toEqual([expect.objectContaining({ field: 'practice', code: 'IMMUTABLE' })]);
    expect((await node.registry.adoptionRecords.findById('first'))!.record.practice).toBe(practiceIri('liege-pt1-welcoming-city'));
  });
});

describe('who sees a draft', () => {
  it('shows a draft to the node’s staff only, and publishes it after review', async () => {
    const publicView = `{ adoptionRecord(slug: "first") { slug } goodPractice(slug: "liege-pt1-welcoming-city") { adoptions { slug } myAdoption { slug } } }`;
    const before = (await anonymous(node).gql(publicView)).data;
    expect(before).toEqual({ adoptionRecord: null, goodPractice: { adoptions: [], myAdoption: null } });
    expect((await editor.gql(publicView)).data.goodPractice.myAdoption).toBeNull();
    expect((await moderator.gql(publicView)).data.goodPractice.myAdoption).toEqual({ slug: 'first' });
    expect((await editor.gql('{ editableAdoptionRecord(slug: "first") { slug } }')).data.editableAdoptionRecord).toBeNull();
    const queue = await moderator.gql('{ reviewQueue { __typename } }');
    expect(queue.data.reviewQueue).not.toContainEqual({ __typename: 'AdoptionRecordDraft' });

    const draft = (await moderator.gql('{ editableAdoptionRecord(slug: "first") { id version } }')).data.editableAdoptionRecord;
    const submitted = await moderator.gql(
      `mutation($id: ID!, $v: Int!) { submitForReview(id: $id, v: $v) { ${ERROR} } }`.replace('v: $v', 'version: $v'),
      {
        id: draft.id,
        v: draft.version,
      },
    );
    expect(submitted.data.submitForReview.error).toBeNull();
    expect((await moderator.gql('{ reviewQueue { __typename } }')).data.reviewQueue).toContainEqual({ __typename: 'AdoptionRecordDraft' });
    expect((await anonymous(node).gql(publicView)).data.adoptionRecord).toBeNull();
    const again = (await moderator.gql('{ editableAdoptionRecord(slug: "first") { id version } }')).data.editableAdoptionRecord;
    const approved = await moderator.gql(`mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { ${ERROR} } }`, {
      id: again.id,
      v: again.version,
    });
    expect(approved.data.approve.error).toBeNull();
    const after = (await anonymous(node).gql(publicView)).data;
    expect(after.adoptionRecord).toEqual({ slug: 'first' });
    expect(after.goodPractice.adoptions).toEqual([{ slug: 'first' }]);
    const history = await moderator.gql('{ editableAdoptionRecord(slug: "first") { revisions { action } } }');
    expect(history.data.editableAdoptionRecord.revisions.map((r: { action: string }) => r.action)).toEqual(['approve', 'submit', 'create']);
  });
});
