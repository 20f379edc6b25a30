// The contact relay and the privacy controls: the public writes to an initiative without seeing
// its address; only its editors read messages; private contact fields, messages and passwords
// never appear in public answers or in the logs.
import { configure, type LogRecord } from '@logtape/logtape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

const logs: LogRecord[] = [];
let node: TestNode;
let editor: Session;
let moderator: Session;
beforeAll(async () => {
  // Capture every log record of the node, at every level, to check what never reaches them.
  await configure({
    reset: true,
    sinks: { capture: (record) => logs.push(record) },
    loggers: [
      { category: ['umn'], lowestLevel: 'debug', sinks: ['capture'] },
      { category: ['logtape', 'meta'], lowestLevel: 'error', sinks: ['capture'] },
    ],
  });
  node = await startTestNode({ logLevel: 'debug' });
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
});
afterAll(() => node?.close());

const SEND =
  'mutation($to: ID!, $m: ContactMessageInput!) { sendMessage(initiative: $to, input: $m) { ok error { code message ... on ValidationFailed { fields { field } } ... on RateLimited { retryAfterSeconds } } } }';
const message = {
  senderName: 'Service des marchés publics',
  replyTo: 'marches.publics@city.test',
  subject: 'Clause sociale: interprétariat',
  body: 'Bonjour, nous préparons un marché réservé pour de l’interprétariat en milieu social.',
};

describe('contact relay', () => {
  it("delivers a message from the public to the initiative's editors only", async () => {
    const sent = await anonymous(node).gql(SEND, { to: 'http://registry.test/initiatives/univerbal', m: message });
    expect(sent.data.sendMessage).toEqual({ ok: true, error: null });
    const inbox = await editor.gql(
      '{ editableInitiative(slug: "univerbal") { messages { id senderName replyTo subject body readAt fromSignedInAccount } } }',
    );
    const [received] = inbox.data.editableInitiative.messages;
    expect(received).toMatchObject({
      senderName: message.senderName,
      replyTo: message.replyTo,
      subject: message.subject,
      body: message.body,
      readAt: null,
      fromSignedInAccount: false,
    });
    const read = await editor.gql('mutation($id: ID!) { markMessageRead(id: $id) { message { readAt } error { code } } }', {
      id: received.id,
    });
    expect(read.data.markMessageRead.message.readAt).toBeTruthy();
    // Moderators curate listings; they do not read an initiative's mail.
    const byModerator = await moderator.gql('{ editableInitiative(slug: "univerbal") { messages { body } } }');
    expect(byModerator.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const markByModerator = await moderator.gql('mutation($id: ID!) { markMessageRead(id: $id) { error { code } } }', { id: received.id });
    expect(markByModerator.data.markMessageRead.error.code).toBe('NOT_AUTHORIZED');
  });

  it('refuses bad messages, unknown initiatives and floods, clearly', async () => {
    const bad = await anonymous(node).gql(SEND, { to: 'univerbal', m: { replyTo: 'not-an-address', subject: '', body: 'short' } });
    expect(bad.data.sendMessage.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body', 'replyTo', 'subject']);
    expect((await anonymous(node).gql(SEND, { to: 'no-such-initiative', m: message })).data.sendMessage.error.code).toBe('NOT_FOUND');
    expect(
      (await anonymous(node).gql(SEND, { to: 'https://elsewhere.example/initiatives/x', m: message })).data.sendMessage.error.code,
    ).toBe('NOT_FOUND');
    let limited: { code: string; retryAfterSeconds: number } | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const { data } = await anonymous(node).gql(SEND, { to: 'atemos', m: { ...message, subject: `Message ${i}` } });
      if (data.sendMessage.error) limited = data.sendMessage.error;
    }
    expect(limited?.code).toBe('RATE_LIMITED');
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('relay limit under concurrency', () => {
  it('lets at most the limit of simultaneous messages from one address through', async () => {
    const sends = Array.from({ length: 25 }, (_, i) =>
      node.registry.relay.send({ kind: 'anonymous' }, 'atemos', { ...message, subject: `Flood ${i}` }, '198.51.100.40').then(
        () => 'sent',
        (e: { code: string }) => e.code,
      ),
    );
    const outcomes = await Promise.all(sends);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(15);
  });
});

describe('privacy controls', () => {
  it('shows each contact field only as widely as the initiative chose', async () => {
    const current = (await editor.gql('{ editableInitiative(slug: "univerbal") { version } }')).data.editableInitiative;
    const set = await editor.gql(
      'mutation($v: Int!) { updateInitiative(id: "univerbal", version: $v, changes: { contact: { email: "contact@univerbal.test", emailVisibility: SIGNED_IN, phone: "+32 4 000 00 00", phoneVisibility: PRIVATE, relay: true } }) { record { ... on InitiativeDraft { version } } error { code message } } }',
      { v: current.version },
    );
    expect(set.data.updateInitiative.error).toBeNull();
    // Editors' changes to published records wait for review; approve to publish them.
    const queue = await moderator.gql('{ editableInitiative(slug: "univerbal") { version } }');
    await editor.gql('mutation($v: Int!) { submitForReview(id: "univerbal", version: $v) { error { code } } }', {
      v: queue.data.editableInitiative.version,
    });
    const again = await moderator.gql('{ editableInitiative(slug: "univerbal") { version } }');
    expect(
      (
        await moderator.gql('mutation($v: Int!) { approve(id: "univerbal", version: $v) { error { code } } }', {
          v: again.data.editableInitiative.version,
        })
      ).data.approve.error,
    ).toBeNull();

    const publicView = await node.query('{ initiative(slug: "univerbal") { contact { email phone relay } } }');
    expect(publicView.body.data.initiative.contact).toEqual({ email: null, phone: null, relay: true });
    const signedIn = await moderator.gql('{ initiative(slug: "univerbal") { contact { email phone } } }');
    expect(signedIn.data.initiative.contact).toEqual({ email: 'contact@univerbal.test', phone: null });
    const everything = JSON.stringify(
      (
        await node.query(
          '{ initiatives(first: 100) { edges { node { contact { email phone } location { streetAddress } migrantLed { declared } } } } }',
        )
      ).body,
    );
    expect(everything).not.toContain('contact@univerbal.test');
    expect(everything).not.toContain('000 00 00');
  });

  it('keeps private values out of the logs', () => {
    const text = logs.map((r) => JSON.stringify({ message: r.message, properties: r.properties })).join('\n');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [
      'editor@univerbal.test',
      'moderator@liege.test',
      'a long test password 1',
      'contact@univerbal.test',
      'marches.publics@city.test',
      'marché réservé',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
