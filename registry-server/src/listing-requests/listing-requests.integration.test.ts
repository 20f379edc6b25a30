// "List your initiative" on a real node with SMTP: the public request becomes a draft in the
// review queue (validated like every record) and the moderators are told; approving publishes
// it and invites the person who asked; declining tells them why; their address is forgotten once
// used. Spam defences: a signed form token with a minimum fill time, a hidden field, size and
// link limits, per-address and per-node limits. The asker's address never appears in a public
// answer, an activity, the search index or the logs.
import { configure, type LogRecord } from '@logtape/logtape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, issueSiteSecret, SITE_SECRET_HEADER } from '../accounts/site-client-address.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session, signInBearer, type Session } from '../testing/graphql-client.ts';
import { startMailCatcher, type MailCatcher } from '../testing/mail-catcher.ts';
import { issueFormToken } from './form-token.ts';
import { ListingRequestRepository } from './listing-request-repository.ts';
import { LISTING_LIMITS } from './listing-requests.ts';

const logs: LogRecord[] = [];
let mail: MailCatcher;
let node: TestNode;
let moderator: Session;
let key: Buffer;
let siteSecret: string;

beforeAll(async () => {
  await configure({
    reset: true,
    sinks: { capture: (record) => logs.push(record) },
    loggers: [
      { category: ['umn'], lowestLevel: 'debug', sinks: ['capture'] },
      { category: ['logtape', 'meta'], lowestLevel: 'error', sinks: ['capture'] },
    ],
  });
  // The site vouches for the browser's address with this secret; tests use it to ask from several addresses.
  siteSecret = issueSiteSecret();
  mail = await startMailCatcher();
  node = await startTestNode({ smtpUrl: mail.url, logLevel: 'debug' });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  key = await new ListingRequestRepository(node.registry.store).formKey();
});
afterAll(async () => {
  await node?.close();
  await mail?.close();
});

let addressCount = 0;
/** A client at its own address (the site's header), so each test has its own per-address allowance. */
const client = (address = `203.0.113.${++addressCount}`) =>
  session(node, { [SITE_SECRET_HEADER]: siteSecret, [CLIENT_ADDRESS_HEADER]: address });
/** A token for a form loaded `seconds` ago (as a person would send it). */
const loadedAgo = (seconds = 20) => issueFormToken(key, new Date(Date.now() - seconds * 1000));

const REQUEST = `mutation($input: ListingRequestInput!) { requestListing(input: $input) {
  ok error { code message ... on ValidationFailed { fields { field code message } } ... on RateLimited { retryAfterSeconds } } } }`;
const QUEUE =
  '{ reviewQueue { ... on InitiativeDraft { slug version state record listingRequest { initiative origin status askerEmail askerLanguage askedAt } } } }';
const APPROVE = `mutation($id: ID!, $v: Int!) { approveListingRequest(id: $id, version: $v) {
  record { ... on InitiativeDraft { slug state } } invitation { url expiresAt emailed } error { code message } } }`;
const DECLINE = `mutation($id: ID!, $v: Int!, $r: String!) { declineListingRequest(id: $id, version: $v, reason: $r) {
  record { ... on InitiativeDraft { slug state review { decision reason } } } askerTold error { code message ... on ValidationFailed { fields { field code } } } } }`;

let counter = 0;
const request = (over: Record<string, unknown> = {}) => ({
  name: `Cuisine des Deux Rives ${++counter}`,
  summary: 'Une cuisine coopérative tenue par des personnes arrivées à Liège : repas pour les événements et cours de cuisine.',
  language: 'fr',
  city: 'Liège',
  country: 'BE',
  sector: 'AM60',
  languagesOffered: ['fr', 'ar', 'ti'],
  website: 'https://deux-rives.example',
  askerEmail: `asker.${counter}@private-person.test`,
  consentToList: true,
  migrantLed: 'MIGRANT_LED_SHOWN',
  formToken: loadedAgo(),
  ...over,
});

const queued = async (name: string) => {
  const { data } = await moderator.gql(QUEUE);
  return data.reviewQueue.find((d: { record: { name: Record<string, string> } }) => d.record?.name?.fr === name);
};

describe('asking to be listed', () => {
  it('creates a draft initiative waiting for review, marked as asked on the public form, and tells the moderators', async () => {
    const input = request();
    const sent = await client().gql(REQUEST, { input });
    expect(sent.data.requestListing).toEqual({ ok: true, error: null });
    const draft = await queued(input.name);
    expect(draft).toMatchObject({
      state: 'IN_REVIEW',
      listingRequest: { origin: 'PUBLIC_FORM', status: 'WAITING', askerEmail: input.askerEmail, askerLanguage: 'fr' },
    });
    expect(draft.slug).toMatch(/^cuisine-des-deux-rives-\d+$/);
    // Only the city is published; the person's address is not in the record at all.
    expect(draft.record).toMatchObject({
      legalForm: 'L1',
      primarySector: 'AM60',
      location: { locality: 'Liège', country: 'BE', precision: 'city' },
      migrantLed: { declared: true, consentToPublish: true },
      languagesOffered: ['fr', 'ar', 'ti'],
    });
    expect(JSON.stringify(draft.record)).not.toContain(input.askerEmail);
    const notices = (await moderator.gql('{ myNotifications { kind initiative path } }')).data.myNotifications;
    expect(notices).toContainEqual({ kind: 'LISTING_REQUESTED', initiative: draft.slug, path: '/admin/review' });
    await expect.poll(() => mail.mails.some((m) => m.to === 'moderator@liege.test' && m.text.includes('/admin/review'))).toBe(true);
  });

  it('gives a name asked for many times a handle of its own each time', async () => {
    await node.registry.limiter.clear('listing:node');
    for (let i = 0; i < 7; i++)
      expect((await client().gql(REQUEST, { input: request({ name: 'Même nom' }) })).data.requestListing.ok).toBe(true);
    const slugs = (await moderator.gql(QUEUE)).data.reviewQueue
      .map((d: { slug: string }) => d.slug)
      .filter((s: string) => s.startsWith('meme-nom'));
    expect(new Set(slugs).size).toBe(7);
    expect(slugs).toEqual(expect.arrayContaining(['meme-nom', 'meme-nom-2', 'meme-nom-5']));
  });

  it('cannot be sent without consent to be listed, and says so at that field', async () => {
    const sent = await client().gql(REQUEST, { input: request({ consentToList: false }) });
    expect(sent.data.requestListing.ok).toBe(false);
    expect(sent.data.requestListing.error.fields).toContainEqual(
      expect.objectContaining({ field: 'consentToList', code: 'CONSENT_REQUIRED' }),
    );
  });

  it('goes through the one validation layer: an unknown sector, language or country is refused at its field, nothing stored', async () => {
    const who = client();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ sector: 'NOT-A-SECTOR' }, 'sector'],
      [{ languagesOffered: ['not a language'] }, 'languagesOffered'],
      [{ country: 'QQ' }, 'country'],
    ];
    for (const [over, field] of cases) {
      const input = request(over);
      const sent = await who.gql(REQUEST, { input });
      expect(sent.data.requestListing.error.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await queued(input.name)).toBeUndefined();
    }
    // Refusals for fields to fix do not use up the person's allowance.
    for (let i = 0; i < LISTING_LIMITS.perAddress.max; i++)
      expect((await who.gql(REQUEST, { input: request() })).data.requestListing.ok).toBe(true);
  });

  it('keeps a migrant-led declaration private when the person says it must not be shown, and records nothing when unsaid', async () => {
    const hidden = request({ migrantLed: 'MIGRANT_LED_NOT_SHOWN' });
    const unsaid = request({ migrantLed: 'UNSAID' });
    for (const input of [hidden, unsaid]) expect((await client().gql(REQUEST, { input })).data.requestListing.ok).toBe(true);
    expect((await queued(hidden.name)).record.migrantLed).toEqual({ declared: true, consentToPublish: false });
    expect((await queued(unsaid.name)).record.migrantLed).toBeUndefined();
  });
});

describe('spam defences (no third party)', () => {
  const refusedQuietly = (result: { ok: boolean; error: { code: string; message: string } | null }) => {
    expect(result.ok, JSON.stringify(result)).toBe(false);
    expect(result.error?.code, JSON.stringify(result)).toBe('REQUEST_REFUSED');
    // Clear for a person, silent on which defence tripped.
    expect(result.error?.message).toMatch(/reload the page/i);
  };

  it('refuses a request whose hidden field is filled (a bot fills every field), storing nothing', async () => {
    const input = request({ leaveEmpty: 'https://cheap-pills.example' });
    refusedQuietly((await client().gql(REQUEST, { input })).data.requestListing);
    expect(await queued(input.name)).toBeUndefined();
  });

  it('refuses a form sent back at once after loading it', async () => {
    const who = client();
    const { data } = await who.gql('{ listingRequestForm { token minimumFillSeconds } }');
    expect(data.listingRequestForm.minimumFillSeconds).toBeGreaterThanOrEqual(3);
    const input = request({ formToken: data.listingRequestForm.token });
    refusedQuietly((await who.gql(REQUEST, { input })).data.requestListing);
    expect(await queued(input.name)).toBeUndefined();
  });

  it('gives every form its own token, also to GET requests the response cache would answer', async () => {
    const url = `${node.url}/graphql?query=${encodeURIComponent('{ listingRequestForm { token } }')}`;
    const first = await fetch(url);
    const second = await fetch(url);
    expect(second.headers.get('x-response-cache')).toBeNull();
    expect(second.headers.get('cache-control')).toContain('no-store');
    type Answer = { data: { listingRequestForm: { token: string } } };
    const a = (await first.json()) as Answer;
    const b = (await second.json()) as Answer;
    expect(a.data.listingRequestForm.token).not.toBe(b.data.listingRequestForm.token);
  });

  it('refuses a missing, forged or day-old token', async () => {
    const forged = loadedAgo().replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const formToken of ['', 'v1.abc.def.ghi', forged, loadedAgo(25 * 3600)]) {
      const input = request({ formToken });
      const result = (await client().gql(REQUEST, { input })).data.requestListing;
      expect(result.ok).toBe(false);
      expect(['REQUEST_REFUSED', 'FORM_EXPIRED']).toContain(result.error.code);
      expect(await queued(input.name)).toBeUndefined();
    }
  });

  it('accepts one request per loaded form: the same token sent again is refused', async () => {
    const formToken = loadedAgo();
    expect((await client().gql(REQUEST, { input: request({ formToken }) })).data.requestListing.ok).toBe(true);
    const again = request({ formToken });
    refusedQuietly((await client().gql(REQUEST, { input: again })).data.requestListing);
    expect(await queued(again.name)).toBeUndefined();
  });

  it('limits the size of every field and the links in the texts, at the field', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: 'x'.repeat(201) }, 'name', 'TOO_LONG'],
      [{ name: 'Visit https://spam.example now' }, 'name', 'TOO_MANY_LINKS'],
      [{ summary: 'x'.repeat(1001) }, 'summary', 'TOO_LONG'],
      [{ summary: 'Cheap www.a.example http://b.example [c](http://c.example) loans' }, 'summary', 'TOO_MANY_LINKS'],
      [{ city: 'L'.repeat(101) }, 'city', 'TOO_LONG'],
      [{ askerEmail: `${'a'.repeat(250)}@x.example` }, 'askerEmail', 'INVALID_EMAIL'],
      [{ website: 'javascript:alert(1)' }, 'website', 'INVALID_URL'],
      // Text direction overrides would make a published name read differently from what it holds.
      [{ name: 'Cuisine \u202Esevir xued' }, 'name', 'INVALID'],
      [{ city: 'Li\u2067ège' }, 'city', 'INVALID'],
      [{ summary: 'Une cuisine coopérative \u202Etenue par des personnes arrivées.' }, 'summary', 'INVALID'],
      // A line break in the name would end up in an e-mail subject.
      [{ name: 'Cuisine\r\nBcc: everyone@example.org' }, 'name', 'INVALID'],
      [{ languagesOffered: Array.from({ length: 21 }, (_, i) => `x${i}`.padEnd(2, 'x')) }, 'languagesOffered', 'TOO_MANY'],
    ];
    for (const [over, field, code] of cases) {
      const result = (await client().gql(REQUEST, { input: request(over) })).data.requestListing;
      expect(result.error.fields, JSON.stringify(over).slice(0, 80)).toContainEqual(expect.objectContaining({ field, code }));
    }
  });

  it('limits requests per client address (IPv6: per /64), saying how long to wait', async () => {
    const ask = (address: string) => client(address).gql(REQUEST, { input: request() });
    for (let i = 0; i < LISTING_LIMITS.perAddress.max; i++) expect((await ask(`2001:db8:7:1::${i + 1}`)).data.requestListing.ok).toBe(true);
    const limited = (await ask('2001:db8:7:1::ffff')).data.requestListing;
    expect(limited.error.code).toBe('RATE_LIMITED');
    expect(limited.error.retryAfterSeconds).toBeGreaterThan(0);
    // Another line is not held back.
    expect((await ask('2001:db8:8:1::1')).data.requestListing.ok).toBe(true);
  });
});

describe('the node-wide cap', () => {
  it('refuses requests past the daily cap from any address, so a flood from many addresses cannot bury the review queue', async () => {
    await node.registry.limiter.clear('listing:node');
    for (let i = 0; i < LISTING_LIMITS.perNode.max; i++)
      expect((await client(`198.51.100.${i + 1}`).gql(REQUEST, { input: request() })).data.requestListing.ok).toBe(true);
    const capped = (await client('192.0.2.200').gql(REQUEST, { input: request() })).data.requestListing;
    expect(capped.error.code).toBe('RATE_LIMITED');
    await node.registry.limiter.clear('listing:node');
  });
});

describe('the moderator decides', () => {
  it('approves: the initiative is published and the person who asked is invited (by e-mail, in their language) to become its editor', async () => {
    const input = request({ language: 'it', askerEmail: 'persona@private-person.test', name: 'Cucina delle Due Rive' });
    expect((await client().gql(REQUEST, { input })).data.requestListing.ok).toBe(true);
    const draft = (await moderator.gql(QUEUE)).data.reviewQueue.find(
      (d: { record: { name: Record<string, string> } }) => d.record?.name?.it === input.name,
    );
    const approved = (await moderator.gql(APPROVE, { id: draft.slug, v: draft.version })).data.approveListingRequest;
    expect(approved.error).toBeNull();
    expect(approved.record.state).toBe('PUBLISHED');
    expect(approved.invitation.emailed).toBe(true);
    const token = new URL(approved.invitation.url).pathname.split('/').pop()!;
    await expect.poll(() => mail.mails.find((m) => m.to === 'persona@private-person.test')?.text ?? '').toContain(token);
    expect(mail.mails.find((m) => m.to === 'persona@private-person.test')!.text).toContain('registro');

    // The person follows the link and becomes the initiative's editor; their address is then forgotten.
    const accepted = await anonymous(node).gql(
      'mutation($t: String!, $e: String!, $p: String!) { acceptInvitation(token: $t, email: $e, password: $p) { account { initiatives } error { code message } } }',
      { t: token, e: 'cucina@due-rive.test', p: PASSWORD },
    );
    expect(accepted.data.acceptInvitation.account.initiatives).toEqual([draft.slug]);
    const editor = await signInBearer(node, 'cucina@due-rive.test', PASSWORD);
    expect((await editor.gql(`{ editableInitiative(slug: "${draft.slug}") { state listingRequest { askerEmail } } }`)).data).toEqual({
      editableInitiative: { state: 'PUBLISHED', listingRequest: null },
    });
    await expect
      .poll(async () => (await new ListingRequestRepository(node.registry.store).findById(draft.slug))?.askerEmail)
      .toBeUndefined();
    const stored = await new ListingRequestRepository(node.registry.store).findById(draft.slug);
    expect(stored).toMatchObject({ status: 'approved', emailForgottenAt: expect.any(String) });
  });

  it('declines with a reason: not published, the person is told why by e-mail, then their address is forgotten', async () => {
    const input = request({ askerEmail: 'declined.person@private-person.test' });
    expect((await client().gql(REQUEST, { input })).data.requestListing.ok).toBe(true);
    const draft = await queued(input.name);
    const noReason = (await moderator.gql(DECLINE, { id: draft.slug, v: draft.version, r: ' ' })).data.declineListingRequest;
    expect(noReason.error.fields).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
    const reason = 'Pas une initiative de l ESS pour le moment, desole.';
    const declined = (await moderator.gql(DECLINE, { id: draft.slug, v: draft.version, r: reason })).data.declineListingRequest;
    expect(declined).toMatchObject({
      askerTold: true,
      error: null,
      record: { state: 'DELETED', review: { decision: 'declined', reason } },
    });
    await expect.poll(() => mail.mails.find((m) => m.to === 'declined.person@private-person.test')?.text ?? '').toContain(reason);
    expect(await queued(input.name)).toBeUndefined();
    expect((await new ListingRequestRepository(node.registry.store).findById(draft.slug))?.askerEmail).toBeUndefined();
    expect((await anonymous(node).gql(`{ initiative(slug: "${draft.slug}") { slug } }`)).data.initiative).toBeNull();
  });

  it('declines any new record waiting for review: an editor who made one is told DECLINED with the reason', async () => {
    const editor = await createAccount(node, 'maker@new-initiative.test', 'editor');
    const created = await editor.gql(
      `mutation { createInitiative(input: { handle: "made-by-an-editor", name: [{ language: "en", text: "Made by an editor" }],
        summary: [{ language: "en", text: "An initiative an editor created and sent for review." }], originalLanguage: "en",
        legalForm: "L1", primarySector: "AM40", location: { locality: "Liège", country: "BE" } }) { record { ... on InitiativeDraft { version } } error { code message } } }`,
    );
    const version = created.data.createInitiative.record.version;
    const submitted = await editor.gql(
      'mutation($v: Int!) { submitForReview(id: "made-by-an-editor", version: $v) { record { ... on InitiativeDraft { version } } } }',
      { v: version },
    );
    const declined = (
      await moderator.gql(DECLINE, {
        id: 'made-by-an-editor',
        v: submitted.data.submitForReview.record.version,
        r: 'Already listed as Atemos.',
      })
    ).data.declineListingRequest;
    expect(declined).toMatchObject({ askerTold: false, error: null, record: { state: 'DELETED' } });
    const notices = (await editor.gql('{ myNotifications { kind decision note path } }')).data.myNotifications;
    expect(notices).toContainEqual({ kind: 'REVIEW_DECIDED', decision: 'DECLINED', note: 'Already listed as Atemos.', path: '/account' });
    // A published record is never declined (it is unpublished or its change sent back instead).
    const atemos = (await moderator.gql('{ editableInitiative(slug: "atemos") { version state } }')).data.editableInitiative;
    expect(atemos.state).toBe('PUBLISHED');
    const published = (await moderator.gql(DECLINE, { id: 'atemos', v: atemos.version, r: 'No reason at all' })).data.declineListingRequest;
    expect(published.error.code).toBe('INVALID_STATE');
  });

  it('is for moderators only: the public and editors cannot see requests, approve or decline', async () => {
    const input = request();
    expect((await client().gql(REQUEST, { input })).data.requestListing.ok).toBe(true);
    const draft = await queued(input.name);
    const editor = await createAccount(node, 'someone@univerbal.test', 'editor', ['univerbal']);
    for (const who of [anonymous(node), editor]) {
      expect((await who.gql('{ listingRequests { askerEmail } }')).errors?.[0]?.extensions?.code).toMatch(
        /SIGN_IN_REQUIRED|NOT_AUTHORIZED/,
      );
      expect((await who.gql(APPROVE, { id: draft.slug, v: draft.version })).data.approveListingRequest.error.code).toMatch(
        /SIGN_IN_REQUIRED|NOT_AUTHORIZED|NOT_FOUND/,
      );
      expect(
        (await who.gql(DECLINE, { id: draft.slug, v: draft.version, r: 'not for you' })).data.declineListingRequest.error.code,
      ).toMatch(/SIGN_IN_REQUIRED|NOT_AUTHORIZED|NOT_FOUND/);
    }
    expect((await queued(input.name)).state).toBe('IN_REVIEW');
  });
});

describe("the asker's address stays private", () => {
  it('never appears in a public answer, an activity, the search index or the logs', async () => {
    const askerEmail = 'very.private.asker@private-person.test';
    const input = request({ askerEmail, name: 'Atelier Vélo Solidaire' });
    expect((await client().gql(REQUEST, { input })).data.requestListing.ok).toBe(true);
    const draft = await queued(input.name);
    expect(draft.listingRequest.askerEmail).toBe(askerEmail);
    const approved = (await moderator.gql(APPROVE, { id: draft.slug, v: draft.version })).data.approveListingRequest;
    expect(approved.record.state).toBe('PUBLISHED');
    const everyWhere: string[] = [];
    const publicQuery = `{
      initiative(slug: "${draft.slug}") { id name { text } summary { text } website contact { email phone relay }
        migrantLed { declared } location { locality country { code } } origin { __typename } languagesOffered { code } }
      initiatives(first: 100) { edges { node { slug contact { email } website } } }
      search(input: { text: "Atelier Vélo" }) { totalCount edges { node { __typename } } }
    }`;
    const answer = await anonymous(node).gql(publicQuery);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.initiative.name.text).toBe('Atelier Vélo Solidaire');
    everyWhere.push(JSON.stringify(answer));
    for (const path of [`/initiatives/${draft.slug}`, `/ap/actors/${draft.slug}/outbox`, `/ap/actors/${draft.slug}/outbox?cursor=0`]) {
      const response = await fetch(`${node.url}${path}`, { headers: { accept: 'application/activity+json' } });
      everyWhere.push(await response.text());
    }
    // The search index finds the listing by its name, and nothing by the person's address.
    const found = (text: string) => anonymous(node).gql('query($t: String) { search(input: { text: $t }) { totalCount } }', { t: text });
    await expect.poll(async () => (await found('Atelier Vélo Solidaire')).data.search.totalCount).toBeGreaterThan(0);
    for (const words of [askerEmail, 'very.private.asker', 'private-person.test'])
      expect((await found(words)).data.search.totalCount, words).toBe(0);
    everyWhere.push(JSON.stringify(await node.registry.revisions.list('initiative', draft.slug, 50)));
    everyWhere.push(JSON.stringify(await node.registry.initiatives.findById(draft.slug)));
    everyWhere.push(JSON.stringify(logs.map((r) => [r.message, r.properties])));
    // Nor in what the node e-mailed anyone else (the moderators' notices).
    everyWhere.push(...mail.mails.filter((m) => m.to !== askerEmail).map((m) => m.text));
    for (const text of everyWhere) expect(text.toLowerCase()).not.toContain(askerEmail);
    expect(everyWhere[1]).toContain('Atelier'); // the actor was there to be read
  });
});
