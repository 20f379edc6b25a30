// The report loop on one node (ADR 0031): abuse first (floods, unknown and unpublished listings,
// bad input), then a report of a local listing reaching the moderators, who resolve or dismiss
// it with a note, and the reporter's text purged after its retention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, SITE_SECRET_HEADER, SITE_SECRET_VARIABLE } from '../accounts/site-client-address.ts';
import { anonymous, createAccount, session, type Session } from '../testing/graphql-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { REPORT_ADDRESS_LIMIT, REPORT_LISTING_LIMIT, TEXT_RETENTION_AFTER_CLOSE_MS } from './report-desk.ts';

const SECRET = 'report-loop-test-secret';
let node: TestNode;
let moderator: Session;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  // The site vouches for the browser's address with this secret (site-client-address.ts): each
  // test reports from addresses of its own, as browsers behind the site would.
  process.env[SITE_SECRET_VARIABLE] = SECRET;
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

/** An anonymous visitor of the site at `address`. */
const visitor = (address: string) => session(node, { [SITE_SECRET_HEADER]: SECRET, [CLIENT_ADDRESS_HEADER]: address });

const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { ok forwarded
  error { code message ... on ValidationFailed { fields { field code } } ... on RateLimited { retryAfterSeconds } } } }`;
const REPORTS = `query($list: ReportListName) { reports(list: $list) { id direction status reporter reporterHost objects category reason
  textPurged receivedAt decision { note decidedAt byOriginNode } listings { id name kind isLocal openReports } } }`;
const DECIDE = (verb: 'resolveReport' | 'dismissReport') =>
  `mutation($id: ID!, $note: String!) { ${verb}(id: $id, note: $note) { report { id status decision { note byOriginNode } }
    error { code message ... on ValidationFailed { fields { field code } } } } }`;

const univerbal = 'http://registry.test/initiatives/univerbal';
const atemos = 'http://registry.test/initiatives/atemos';
const practice = 'http://registry.test/practices/liege-pt4-one-stop-shop';

describe('abuse', () => {
  it('limits a flood from one address, an IPv6 /64 counting as one', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i <= REPORT_ADDRESS_LIMIT.max; i++) {
      const from = visitor(`2001:db8:1:2::${i + 1}`);
      const { data } = await from.gql(SUBMIT, { input: { listing: atemos, category: 'OFFENSIVE_OR_SPAM', text: `flood ${i}` } });
      outcomes.push(data.submitReport.error?.code ?? 'OK');
    }
    expect(outcomes.slice(0, REPORT_ADDRESS_LIMIT.max)).toEqual(Array(REPORT_ADDRESS_LIMIT.max).fill('OK'));
    expect(outcomes.at(-1)).toBe('RATE_LIMITED');
    // Another address is not held back by this one.
    const other = await visitor('198.51.100.1').gql(SUBMIT, { input: { listing: atemos, category: 'WRONG_INFORMATION' } });
    expect(other.data.submitReport).toEqual({ ok: true, forwarded: false, error: null });
  });

  it('limits simultaneous reports from one address to the limit', async () => {
    const from = visitor('198.51.100.77');
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => from.gql(SUBMIT, { input: { listing: univerbal, category: 'WRONG_INFORMATION' } })),
    );
    const limited = outcomes.filter((o) => o.data.submitReport.error?.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(12 - REPORT_ADDRESS_LIMIT.max);
    expect(limited[0]!.data.submitReport.error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits a flood about one listing from many addresses', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i <= REPORT_LISTING_LIMIT.max; i++) {
      const { data } = await visitor(`203.0.113.${i + 1}`).gql(SUBMIT, { input: { listing: practice, category: 'OFFENSIVE_OR_SPAM' } });
      outcomes.push(data.submitReport.error?.code ?? 'OK');
    }
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(REPORT_LISTING_LIMIT.max);
    expect(outcomes.at(-1)).toBe('RATE_LIMITED');
  });

  it('refuses a report of an unknown or unpublished listing, saying so', async () => {
    const template = (await node.registry.initiatives.findById('atemos'))!.record;
    await node.registry.initiatives.insert(
      { ...template, handle: 'a-draft', name: { fr: 'Un brouillon' }, originalLanguage: 'fr' },
      { origin: { kind: 'local' }, state: 'draft', now: new Date().toISOString() },
    );
    for (const [i, listing] of [
      'http://registry.test/initiatives/nobody-has-this',
      'http://registry.test/initiatives/a-draft',
      'a-draft',
      'http://partner.test/initiatives/univerbal',
      'http://registry.test/practices/nothing',
    ].entries()) {
      const { data } = await visitor(`192.0.2.${50 + i}`).gql(SUBMIT, { input: { listing, category: 'WRONG_INFORMATION' } });
      expect(data.submitReport.ok).toBe(false);
      expect(data.submitReport.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/No published listing/) });
    }
    expect(await node.registry.reports.countAbout('http://registry.test/initiatives/a-draft', ['open', 'forwarded'])).toBe(0);
  });

  it('refuses bad input with the field to fix, and stores nothing', async () => {
    const before = (await moderator.gql(REPORTS)).data.reports.length;
    const tooLong = await visitor('192.0.2.60').gql(SUBMIT, {
      input: { listing: univerbal, category: 'PERSONAL_DATA', text: 'x'.repeat(2001) },
    });
    expect(tooLong.data.submitReport.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'text', code: 'TOO_LONG' }] });
    const otherWithoutText = await visitor('192.0.2.61').gql(SUBMIT, { input: { listing: univerbal, category: 'OTHER', text: '  ' } });
    expect(otherWithoutText.data.submitReport.error).toMatchObject({ fields: [{ field: 'text', code: 'REQUIRED' }] });
    const badCategory = await node.query(SUBMIT, { input: { listing: univerbal, category: 'SOMETHING' } });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.errors?.[0]?.message).toMatch(/"SOMETHING" does not exist in "ReportCategory"/);
    expect((await moderator.gql(REPORTS)).data.reports).toHaveLength(before);
  });

  it('shows reports to moderators only, and lets only them decide', async () => {
    for (const who of [anonymous(node), editor]) {
      const { errors } = await who.gql(REPORTS);
      expect(errors?.[0]?.extensions?.code).toMatch(/SIGN_IN_REQUIRED|NOT_AUTHORIZED/);
    }
    const [report] = (await moderator.gql(REPORTS)).data.reports;
    const attempt = await editor.gql(DECIDE('resolveReport'), { id: report.id, note: 'I am not a moderator' });
    expect(attempt.data.resolveReport.error.code).toBe('NOT_AUTHORIZED');
  });
});

describe('a report of a local listing', () => {
  it('reaches the moderators, who resolve it with a note; it moves to the closed list', async () => {
    const text = 'Le numéro de téléphone est celui d’une bénévole, pas de l’association.';
    const sent = await visitor('192.0.2.10').gql(SUBMIT, { input: { listing: univerbal, category: 'PERSONAL_DATA', text } });
    expect(sent.data.submitReport).toEqual({ ok: true, forwarded: false, error: null });
    await expect
      .poll(async () => (await moderator.gql('{ myNotifications { kind path } }')).data.myNotifications, { timeout: 5_000 })
      .toContainEqual({ kind: 'REPORT_RECEIVED', path: '/admin/reports' });
    const open = (await moderator.gql(REPORTS)).data.reports;
    const report = open.find((r: { reason: string }) => r.reason === text);
    expect(report).toMatchObject({
      direction: 'LOCAL',
      status: 'OPEN',
      category: 'PERSONAL_DATA',
      reporter: '',
      reporterHost: '',
      objects: [univerbal],
      decision: null,
      listings: [{ id: univerbal, name: 'Univerbal', kind: 'INITIATIVE', isLocal: true, openReports: expect.any(Number) }],
    });
    expect(report.listings[0].openReports).toBeGreaterThanOrEqual(2);
    // Nothing about the reporter is kept: not the address, not an account.
    const stored = JSON.stringify(await node.registry.reports.findById(report.id));
    expect(stored).not.toMatch(/192\.0\.2\.10/);

    const noNote = await moderator.gql(DECIDE('resolveReport'), { id: report.id, note: ' ' });
    expect(noNote.data.resolveReport.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'note' }] });
    const note = 'Téléphone retiré de la fiche, l’équipe a été prévenue.';
    const resolved = await moderator.gql(DECIDE('resolveReport'), { id: report.id, note });
    expect(resolved.data.resolveReport).toEqual({
      report: { id: report.id, status: 'RESOLVED', decision: { note, byOriginNode: false } },
      error: null,
    });
    // Decided once: a second moderator is told, and the first decision stays.
    const again = await moderator.gql(DECIDE('dismissReport'), { id: report.id, note: 'Nothing to do' });
    expect(again.data.dismissReport.error).toMatchObject({ code: 'INVALID_STATE' });
    expect((await moderator.gql(REPORTS)).data.reports.map((r: { id: string }) => r.id)).not.toContain(report.id);
    const closed = (await moderator.gql(REPORTS, { list: 'CLOSED' })).data.reports;
    expect(closed.find((r: { id: string }) => r.id === report.id)).toMatchObject({ status: 'RESOLVED', reason: text, decision: { note } });
  });

  it('of a good practice is dismissed with a note', async () => {
    const sent = await visitor('192.0.2.11').gql(SUBMIT, { input: { listing: practice, category: 'WRONG_INFORMATION' } });
    // The practice was flooded above: its per-listing limit holds for everyone this hour.
    expect(sent.data.submitReport.error?.code).toBe('RATE_LIMITED');
    const [first] = (await moderator.gql(REPORTS)).data.reports.filter((r: { objects: string[] }) => r.objects[0] === practice);
    expect(first.listings[0]).toMatchObject({ kind: 'GOOD_PRACTICE', isLocal: true, openReports: REPORT_LISTING_LIMIT.max });
    const dismissed = await moderator.gql(DECIDE('dismissReport'), { id: first.id, note: 'Spam: no change needed.' });
    expect(dismissed.data.dismissReport.report).toMatchObject({ status: 'DISMISSED', decision: { note: 'Spam: no change needed.' } });
  });
});

describe("the reporter's text", () => {
  it('is purged once the retention after closing has passed, and not before', async () => {
    const { reportDesk, reports } = node.registry;
    const closed = (
      await reportDesk.list(
        { kind: 'account', accountId: 'x', role: 'moderator', initiatives: [], sessionId: 's', via: 'bearer' },
        'closed',
      )
    )[0]!;
    expect(closed.reason).not.toBe('');
    const decidedAt = Date.parse(closed.decision!.decidedAt);
    expect(await reports.purgeTexts(new Date(decidedAt - 1).toISOString(), new Date(0).toISOString(), new Date().toISOString())).toBe(0);
    const purged = await reports.purgeTexts(
      new Date(decidedAt + 1).toISOString(),
      new Date(0).toISOString(),
      new Date(decidedAt + TEXT_RETENTION_AFTER_CLOSE_MS).toISOString(),
    );
    expect(purged).toBeGreaterThanOrEqual(1);
    const after = (await moderator.gql(REPORTS, { list: 'CLOSED' })).data.reports.find((r: { id: string }) => r.id === closed._id);
    expect(after).toMatchObject({ reason: '', textPurged: true, decision: { note: closed.decision!.note } });
    // Open reports keep their text.
    expect((await moderator.gql(REPORTS)).data.reports.every((r: { reason: string; textPurged: boolean }) => !r.textPurged)).toBe(true);
  });
});
