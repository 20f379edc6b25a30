// "Ask for changes" on an initiative asked for on the public form (issue 14 point 2): the moderator
// sends the draft back with a reason and invites the person who asked to become its editor,
// without publishing it; the person accepts, reads the reason, edits and sends it for review again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, issueSiteSecret, SITE_SECRET_HEADER } from '../accounts/site-client-address.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session, signInBearer, type Session } from '../testing/graphql-client.ts';
import { startMailCatcher, type MailCatcher } from '../testing/mail-catcher.ts';
import { issueFormToken } from './form-token.ts';
import { ListingRequestRepository } from './listing-request-repository.ts';

let mail: MailCatcher;
let node: TestNode;
let moderator: Session;
let key: Buffer;
let siteSecret: string;

beforeAll(async () => {
  siteSecret = issueSiteSecret();
  mail = await startMailCatcher();
  node = await startTestNode({ smtpUrl: mail.url });
  moderator = await createAccount(node, 'moderator@changes.test', 'moderator');
  key = await new ListingRequestRepository(node.registry.store).formKey();
});
afterAll(async () => {
  await node?.close();
  await mail?.close();
});

const REQUEST = 'mutation($input: ListingRequestInput!) { requestListing(input: $input) { ok error { code message } } }';
const QUEUE = '{ reviewQueue { ... on InitiativeDraft { slug version record } } }';
const ASK = `mutation($id: ID!, $v: Int!, $r: String!) { askListingChanges(id: $id, version: $v, reason: $r) {
  record { ... on InitiativeDraft { slug state version review { decision reason } } } invitation { url expiresAt emailed }
  error { code message ... on ValidationFailed { fields { field code } } } } }`;

/** The moderator's pending invitations for this initiative (a withdrawn one is not pending). */
const invitedTo = async (slug: string) =>
  (await moderator.gql('{ pendingInvitations { initiatives } }')).data.pendingInvitations.filter((i: { initiatives: string[] }) =>
    i.initiatives.includes(slug),
  );

let counter = 0;
/** Sends a request from its own client address; returns the draft as the moderator sees it in the queue. */
async function asked(language = 'fr', askerEmail = `asker.${++counter}@private-person.test`) {
  const name = `Atelier des Deux Rives ${++counter}`;
  const input = {
    name,
    summary: 'Un atelier de couture coopératif tenu par des personnes arrivées à Liège, ouvert aux voisins.',
    language,
    city: 'Liège',
    country: 'BE',
    sector: 'AM60',
    askerEmail,
    consentToList: true,
    formToken: issueFormToken(key, new Date(Date.now() - 20_000)),
  };
  const client = session(node, { [SITE_SECRET_HEADER]: siteSecret, [CLIENT_ADDRESS_HEADER]: `203.0.113.${counter}` });
  expect((await client.gql(REQUEST, { input })).data.requestListing).toEqual({ ok: true, error: null });
  const { data } = await moderator.gql(QUEUE);
  return data.reviewQueue.find((d: { record: { name: Record<string, string> } }) => d.record?.name?.[language] === name);
}

describe('asking for changes to a listing request', () => {
  it('is for moderators only: the public and an editor are refused, the draft stays in review and nobody is invited', async () => {
    const draft = await asked();
    const editor = await createAccount(node, 'someone@changes-editor.test', 'editor', ['univerbal']);
    for (const who of [anonymous(node), editor]) {
      const refused = (await who.gql(ASK, { id: draft.slug, v: draft.version, r: 'Add your opening hours.' })).data.askListingChanges;
      expect(refused.error.code).toMatch(/SIGN_IN_REQUIRED|NOT_AUTHORIZED|NOT_FOUND/);
      expect(refused.invitation).toBeNull();
    }
    const still = (await moderator.gql(`{ editableInitiative(slug: "${draft.slug}") { state listingRequest { status askerEmail } } }`))
      .data;
    expect(still.editableInitiative).toMatchObject({
      state: 'IN_REVIEW',
      listingRequest: { status: 'WAITING', askerEmail: expect.any(String) },
    });
    expect(await invitedTo(draft.slug)).toEqual([]);
  });

  it('needs a reason, said at the field; nothing changes and no invitation is left behind', async () => {
    const draft = await asked();
    for (const r of ['', '  ', 'ok']) {
      const refused = (await moderator.gql(ASK, { id: draft.slug, v: draft.version, r })).data.askListingChanges;
      expect(refused.error.fields).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
      expect(refused.invitation).toBeNull();
    }
    const still = (await moderator.gql(`{ editableInitiative(slug: "${draft.slug}") { state version listingRequest { status } } }`)).data;
    expect(still.editableInitiative).toEqual({ state: 'IN_REVIEW', version: draft.version, listingRequest: { status: 'WAITING' } });
    expect(await invitedTo(draft.slug)).toEqual([]);
  });

  it('refuses a stale version or a too long reason without leaving an invitation, and is decided once', async () => {
    const draft = await asked();
    const stale = (await moderator.gql(ASK, { id: draft.slug, v: draft.version - 1, r: 'Add your opening hours.' })).data.askListingChanges;
    expect(stale.error.code).toBe('VERSION_CONFLICT');
    const long = (await moderator.gql(ASK, { id: draft.slug, v: draft.version, r: 'x'.repeat(2001) })).data.askListingChanges;
    expect(long.error.fields).toEqual([{ field: 'reason', code: 'TOO_LONG' }]);
    expect(await invitedTo(draft.slug)).toEqual([]);
    expect(
      (await moderator.gql(ASK, { id: draft.slug, v: draft.version, r: 'Add your opening hours.' })).data.askListingChanges.error,
    ).toBeNull();
    expect(await invitedTo(draft.slug)).toHaveLength(1);
    // Asked once: neither asking again nor approving the request makes a second invitation.
    const again = (await moderator.gql(ASK, { id: draft.slug, v: draft.version + 1, r: 'And your address.' })).data.askListingChanges;
    expect(again.error.code).toBe('NOT_FOUND');
    const approve = await moderator.gql('mutation($id: ID!, $v: Int!) { approveListingRequest(id: $id, version: $v) { error { code } } }', {
      id: draft.slug,
      v: draft.version + 1,
    });
    expect(approve.data.approveListingRequest.error.code).toBe('NOT_FOUND');
    expect(await invitedTo(draft.slug)).toHaveLength(1);
  });

  it('sends the draft back unpublished and invites the person, who reads the reason, edits and sends it for review again', async () => {
    const draft = await asked('de', 'werkstatt@private-person.test');
    // ASCII: the mail catcher keeps the quoted-printable body as sent.
    const reason = 'Bitte nennt eure Zeiten und ob die Kurse kostenlos sind.';
    const answer = (await moderator.gql(ASK, { id: draft.slug, v: draft.version, r: `  ${reason} ` })).data.askListingChanges;
    expect(answer).toMatchObject({
      error: null,
      record: { slug: draft.slug, state: 'DRAFT', review: { decision: 'rejected', reason } },
      invitation: { emailed: true, url: expect.stringContaining('/') },
    });
    // Not public, not in the queue, no longer a request waiting for a decision.
    expect((await anonymous(node).gql(`{ initiative(slug: "${draft.slug}") { slug } }`)).data.initiative).toBeNull();
    expect((await moderator.gql(QUEUE)).data.reviewQueue.some((d: { slug: string }) => d.slug === draft.slug)).toBe(false);
    expect((await moderator.gql('{ listingRequests { initiative } }')).data.listingRequests).not.toContainEqual({ initiative: draft.slug });
    const request = (await moderator.gql(`{ editableInitiative(slug: "${draft.slug}") { listingRequest { status } } }`)).data;
    expect(request.editableInitiative.listingRequest).toEqual({ status: 'CHANGES_ASKED' });

    // The e-mail is in the person's language, with the reason and the link.
    const token = new URL(answer.invitation.url).pathname.split('/').pop()!;
    await expect.poll(() => mail.mails.find((m) => m.to === 'werkstatt@private-person.test')?.text ?? '').toContain(token);
    const sent = mail.mails.find((m) => m.to === 'werkstatt@private-person.test')!;
    expect(sent.text).toContain(reason);
    expect(sent.text).toContain('Register');

    const accepted = await anonymous(node).gql(
      'mutation($t: String!, $e: String!, $p: String!) { acceptInvitation(token: $t, email: $e, password: $p) { account { initiatives } error { code message } } }',
      { t: token, e: 'werkstatt@deux-rives.test', p: PASSWORD },
    );
    expect(accepted.data.acceptInvitation).toEqual({ account: { initiatives: [draft.slug] }, error: null });
    // Their address is forgotten once the invitation is used, as after approval.
    await expect
      .poll(async () => (await new ListingRequestRepository(node.registry.store).findById(draft.slug))?.askerEmail)
      .toBeUndefined();

    const editor = await signInBearer(node, 'werkstatt@deux-rives.test', PASSWORD);
    const mine = (await editor.gql(`{ editableInitiative(slug: "${draft.slug}") { state version review { decision reason } } }`)).data
      .editableInitiative;
    expect(mine).toMatchObject({ state: 'DRAFT', review: { decision: 'rejected', reason } });
    const notices = (await editor.gql('{ myNotifications { kind decision note } }')).data.myNotifications;
    expect(notices).toContainEqual({ kind: 'REVIEW_DECIDED', decision: 'CHANGES_REQUESTED', note: reason });

    const edited = await editor.gql(
      'mutation($id: ID!, $v: Int!) { updateInitiative(id: $id, version: $v, changes: { website: "https://werkstatt.example" }) { record { ... on InitiativeDraft { version } } error { code message } } }',
      { id: draft.slug, v: mine.version },
    );
    expect(edited.data.updateInitiative.error).toBeNull();
    const submitted = await editor.gql(
      'mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { record { ... on InitiativeDraft { state } } error { code message } } }',
      { id: draft.slug, v: edited.data.updateInitiative.record.version },
    );
    expect(submitted.data.submitForReview).toEqual({ record: { state: 'IN_REVIEW' }, error: null });
    expect((await moderator.gql(QUEUE)).data.reviewQueue.some((d: { slug: string }) => d.slug === draft.slug)).toBe(true);
  });
});
