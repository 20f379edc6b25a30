// References between records are no existence oracle either (issue #11, point 7): an editor
// cannot probe hidden handles by naming them as a reference (the check answers as for a name
// nobody uses), and what the node publishes over ActivityPub names only published records,
// even when a published record refers to a hidden one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let owner: Session;
let outsider: Session;

beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  owner = await createAccount(node, 'owner@collective.test', 'editor', []);
  outsider = await createAccount(node, 'outsider@atemos.test', 'editor', ['atemos']);
  const created =
    await owner.gql(`mutation { createInitiative(input: { handle: "quiet-draft", originalLanguage: "fr", legalForm: "L1", primarySector: "AM60",
    name: [{ language: "fr", text: "Brouillon" }], summary: [{ language: "fr", text: "Pas encore public." }], location: { locality: "Liège", country: "BE" } }) { error { code } } }`);
  expect(created.data.createInitiative.error).toBeNull();
});
afterAll(() => node?.close());

async function version(who: Session, query: string): Promise<number> {
  const { data } = await who.gql(query);
  return (Object.values(data)[0] as { version: number }).version;
}

describe('references to hidden records', () => {
  it('answers an editor naming a hidden initiative as parent exactly as one naming nothing', async () => {
    const edit = async (partOf: string) => {
      const v = await version(outsider, '{ editableInitiative(slug: "atemos") { version } }');
      const { data } = await outsider.gql(
        `mutation { updateInitiative(id: "atemos", version: ${v}, changes: { partOf: "${partOf}" }) { error { code message ... on ValidationFailed { fields { field code message } } } } }`,
      );
      return JSON.stringify(data.updateInitiative.error).replaceAll(partOf, '<name>');
    };
    expect(await edit('quiet-draft')).toBe(await edit('never-existed'));
    expect(await edit('never-existed')).toContain('UNKNOWN_REFERENCE');
  });

  it('names only published records in what it serves over ActivityPub', async () => {
    // A moderator (who may know of the draft) links it from a published practice.
    const v = await version(moderator, '{ editableGoodPractice(slug: "liege-pt6-public-procurement") { version } }');
    const linked = await moderator.gql(
      `mutation { updateGoodPractice(id: "liege-pt6-public-procurement", version: ${v}, changes: { initiatives: ["univerbal", "quiet-draft"] }) { error { code message } } }`,
    );
    expect(linked.data.updateGoodPractice.error).toBeNull();
    const served = await (
      await fetch(`${node.url}/practices/liege-pt6-public-procurement`, { headers: { accept: 'application/activity+json' } })
    ).text();
    expect(served).toContain('/initiatives/univerbal');
    expect(served).not.toContain('quiet-draft');
  });
});
