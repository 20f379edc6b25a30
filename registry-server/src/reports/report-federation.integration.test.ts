// The report loop across two nodes on loopback (ADR 0031): someone on Milan's site reports a
// listing Milan received from Liège; Liège's moderators see it and decide with a note; Milan
// stores the outcome on its forwarded report, where its moderators see it. Only Liège may answer
// for its listing, and a partner that is down never breaks the local action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accept, Flag } from '@fedify/vocab';
import { CLIENT_ADDRESS_HEADER, SITE_SECRET_HEADER, SITE_SECRET_VARIABLE } from '../accounts/site-client-address.ts';
import { OPERATOR } from '../federation/partners/partner-service.ts';
import { NODE_ACTOR } from '../federation/federation-context.ts';
import { REPORT_PARTNER_LIMIT } from './report-desk.ts';
import { catchUpReports } from '../federation/reports/report-bridge.ts';
import { eventually, startFederatedNode } from '../testing/federated-nodes.ts';
import { createAccount, session, type Session } from '../testing/graphql-client.ts';
import type { TestNode } from '../testing/test-node.ts';

const SECRET = 'report-federation-test-secret';
let liege: TestNode;
let milan: TestNode;
let athens: TestNode;
let liegeModerator: Session;
let milanModerator: Session;
beforeAll(async () => {
  liege = await startFederatedNode('liege');
  milan = await startFederatedNode('milan');
  athens = await startFederatedNode('athens');
  process.env[SITE_SECRET_VARIABLE] = SECRET;
  liegeModerator = await createAccount(liege, 'moderator@liege.test', 'moderator');
  milanModerator = await createAccount(milan, 'moderator@milan.test', 'moderator');
  await milan.federation!.partners.follow(OPERATOR, `${liege.url}/nodes/liege`);
  const pending = await eventually(async () => (await liege.federation!.partners.list(OPERATOR)).find((p) => p.followedBy === 'pending'));
  await liege.federation!.partners.decide(OPERATOR, pending.actor, true);
  await eventually(async () => (await milan.federation!.partners.list(OPERATOR)).find((p) => p.following === 'accepted'));
  await milan.federation!.settled();
  await eventually(() => milan.registry.initiatives.findPublishedById(`${liege.url}/initiatives/univerbal`));
}, 60_000);
afterAll(async () => {
  await athens?.close();
  await milan?.close();
  await liege?.close();
});

const visitor = (node: TestNode, address: string) => session(node, { [SITE_SECRET_HEADER]: SECRET, [CLIENT_ADDRESS_HEADER]: address });
const SUBMIT = 'mutation($input: ReportInput!) { submitReport(input: $input) { ok forwarded error { code message } } }';
const REPORTS = `query($list: ReportListName) { reports(list: $list) { id direction status reporterHost objects category reason
  sentToHost forwardError decision { note byOriginNode } listings { name isLocal } } }`;
const DECIDE = (verb: 'resolveReport' | 'dismissReport') =>
  `mutation($id: ID!, $note: String!) { ${verb}(id: $id, note: $note) { report { status } error { code message } } }`;

type ReportRow = { id: string; reason: string; status: string; decision: { note: string; byOriginNode: boolean } | null };
const find = async (who: Session, list: string, reason: string) =>
  ((await who.gql(REPORTS, { list })).data.reports as ReportRow[]).find((r) => r.reason === reason);

describe('a report of a listing received from a partner', () => {
  it('goes to the origin, whose moderators resolve it with a note, and the reporting node sees the outcome', async () => {
    const listing = `${liege.url}/initiatives/univerbal`;
    const text = 'La fiche montre le numéro personnel d’une bénévole.';
    const sent = await visitor(milan, '192.0.2.1').gql(SUBMIT, { input: { listing, category: 'PERSONAL_DATA', text } });
    expect(sent.data.submitReport).toEqual({ ok: true, forwarded: true, error: null });

    // Milan keeps it as forwarded, waiting for Liège.
    const forwarded = await eventually(async () => {
      const row = await find(milanModerator, 'FORWARDED', text);
      return row && (row as unknown as { sentToHost: string | null }).sentToHost ? row : null;
    });
    expect(forwarded).toMatchObject({ direction: 'FORWARDED', status: 'FORWARDED', objects: [listing], category: 'PERSONAL_DATA' });
    expect((forwarded as unknown as { sentToHost: string }).sentToHost).toBe(new URL(liege.url).host);
    // Not in Milan's open list: Liège decides.
    expect(await find(milanModerator, 'OPEN', text)).toBeUndefined();
    const refused = await milanModerator.gql(DECIDE('resolveReport'), { id: forwarded.id, note: 'Not ours to decide' });
    expect(refused.data.resolveReport.error.code).toBe('INVALID_STATE');

    // Liège's moderators see it, with the reason and text, from Milan.
    const received = await eventually(() => find(liegeModerator, 'OPEN', text));
    expect(received).toMatchObject({
      direction: 'RECEIVED',
      status: 'OPEN',
      reporterHost: new URL(milan.url).host,
      category: 'PERSONAL_DATA',
      objects: [listing],
      listings: [{ name: 'Univerbal', isLocal: true }],
    });

    const note = 'Numéro retiré ; la fiche indique maintenant l’adresse de l’association.';
    const resolved = await liegeModerator.gql(DECIDE('resolveReport'), { id: received.id, note });
    expect(resolved.data.resolveReport).toEqual({ report: { status: 'RESOLVED' }, error: null });

    // Milan learns the outcome, and closes its forwarded report with Liège's note.
    const outcome = await eventually(() => find(milanModerator, 'CLOSED', text));
    expect(outcome).toMatchObject({ status: 'RESOLVED', decision: { note, byOriginNode: true } });
    expect(await find(milanModerator, 'FORWARDED', text)).toBeUndefined();
  }, 30_000);

  it('dismissed at the origin, is closed as dismissed at the reporting node', async () => {
    const listing = `${liege.url}/practices/liege-pt4-one-stop-shop`;
    const text = 'Ce guichet a fermé en 2023.';
    await visitor(milan, '192.0.2.2').gql(SUBMIT, { input: { listing, category: 'WRONG_INFORMATION', text } });
    const received = await eventually(() => find(liegeModerator, 'OPEN', text));
    await liegeModerator.gql(DECIDE('dismissReport'), { id: received.id, note: 'Le guichet est toujours ouvert, vérifié par téléphone.' });
    const outcome = await eventually(() => find(milanModerator, 'CLOSED', text));
    expect(outcome).toMatchObject({
      status: 'DISMISSED',
      decision: { note: 'Le guichet est toujours ouvert, vérifié par téléphone.', byOriginNode: true },
    });
  }, 30_000);
});

describe('only the origin answers, and a partner down breaks nothing', () => {
  it('ignores an answer from a node the Flag was not sent to, signed or not', async () => {
    const listing = `${liege.url}/initiatives/atemos`;
    const text = 'Un troisième nœud ne doit pas pouvoir clore ceci.';
    await visitor(milan, '192.0.2.3').gql(SUBMIT, { input: { listing, category: 'WRONG_INFORMATION', text } });
    const forwarded = await eventually(async () => {
      const row = await milan.registry.reports.findById(((await find(milanModerator, 'FORWARDED', text)) ?? { id: '' }).id);
      return row?.flagId ? row : null;
    });
    // Athens signs an Accept of Milan's Flag: a valid signature, but not from the node it went to.
    const ctx = athens.federation!.federation.createContext(new URL(athens.url), athens.federation!.data);
    await ctx.sendActivity(
      { identifier: NODE_ACTOR },
      { id: new URL(`${milan.url}/nodes/milan`), inboxId: new URL(`${milan.url}/ap/inbox`) },
      new Accept({
        id: new URL(`${athens.url}/ap/activities/accept/forged`),
        actor: ctx.getActorUri(NODE_ACTOR),
        object: new Flag({ id: new URL(forwarded.flagId!) }),
        content: '<p>Closed by someone else</p>',
      }),
      // Delivered now, not queued: Milan has handled it when this returns.
      { immediate: true },
    );
    // And an unsigned one, claiming to be Liège.
    const unsigned = await fetch(`${milan.url}/ap/inbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/activity+json' },
      body: JSON.stringify({
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${liege.url}/ap/activities/accept/unsigned`,
        type: 'Accept',
        actor: `${liege.url}/nodes/liege`,
        object: forwarded.flagId,
        content: 'Forged',
      }),
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    // Liège's real answer still closes it, with Liège's note.
    const received = await eventually(() => find(liegeModerator, 'OPEN', text));
    expect((await milan.registry.reports.findById(forwarded._id))?.status).toBe('forwarded');
    await liegeModerator.gql(DECIDE('resolveReport'), { id: received.id, note: 'Corrigé par Liège.' });
    const outcome = await eventually(() => find(milanModerator, 'CLOSED', text));
    expect(outcome?.decision).toEqual({ note: 'Corrigé par Liège.', byOriginNode: true });
    expect(await milan.registry.reportDesk.recordOutcome(forwarded.flagId!, `${liege.url}/nodes/liege`, 'dismissed', 'again')).toBe(false);
  }, 30_000);

  it('resolves a report even when the partner that sent it is unreachable', async () => {
    const ghost = 'http://127.0.0.1:9/nodes/ghost';
    await liege.registry.reports.receive('http://127.0.0.1:9/ap/activities/flag/1', {
      reporter: ghost,
      reporterHost: '127.0.0.1:9',
      objects: [`${liege.url}/initiatives/parallax`],
      category: 'offensive-or-spam',
      reason: 'From a node that is gone',
      receivedAt: new Date().toISOString(),
    });
    const started = Date.now();
    const resolved = await liegeModerator.gql(DECIDE('resolveReport'), {
      id: 'http://127.0.0.1:9/ap/activities/flag/1',
      note: 'Checked, fine.',
    });
    expect(resolved.data.resolveReport).toEqual({ report: { status: 'RESOLVED' }, error: null });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps a report of a listing whose origin is unreachable, saying it could not be sent', async () => {
    const template = (await milan.registry.initiatives.findById(`${liege.url}/initiatives/univerbal`))!;
    const id = 'http://127.0.0.1:9/initiatives/gone';
    await milan.registry.initiatives.insert(
      { ...template.record, handle: 'gone' },
      {
        id,
        origin: {
          kind: 'remote',
          node: 'http://127.0.0.1:9/nodes/gone',
          objectId: id,
          url: id,
          receivedAt: new Date().toISOString(),
          remoteUpdatedAt: new Date().toISOString(),
        },
        state: 'published',
        now: new Date().toISOString(),
      },
    );
    const text = 'Cette fiche vient d’un nœud disparu.';
    const sent = await visitor(milan, '192.0.2.4').gql(SUBMIT, { input: { listing: id, category: 'WRONG_INFORMATION', text } });
    expect(sent.data.submitReport).toEqual({ ok: true, forwarded: true, error: null });
    const kept = await eventually(async () => {
      const row = (await milanModerator.gql(REPORTS, { list: 'FORWARDED' })).data.reports.find(
        (r: { reason: string }) => r.reason === text,
      );
      return row?.forwardError ? row : null;
    });
    expect(kept).toMatchObject({ status: 'FORWARDED', sentToHost: null, forwardError: expect.stringMatching(/could not be reached/) });
  }, 30_000);
});

describe('after a stop', () => {
  it('sends the Flags and answers that were stored but not yet queued', async () => {
    const context = (node: TestNode) => node.federation!.federation.createContext(new URL(node.url), node.federation!.data);
    const text = 'Stored just before the node stopped.';
    // As if Milan stopped between storing the report and queuing its Flag (no event).
    await milan.registry.reports.insert({
      _id: 'stored-before-a-stop',
      direction: 'forwarded',
      reporter: null,
      reporterHost: null,
      objects: [`${liege.url}/initiatives/siriuscoop`],
      category: 'wrong-information',
      reason: text,
      receivedAt: new Date().toISOString(),
      status: 'forwarded',
      decision: null,
    });
    expect(await catchUpReports(context(milan))).toBeGreaterThanOrEqual(1);
    const received = await eventually(async () => (await liege.registry.reports.list(['open'], 500)).find((r) => r.reason === text));
    // And as if Liège stopped between closing it and queuing its answer.
    await liege.registry.reports.decide(received._id, 'open', 'resolved', {
      note: 'Fixed before the stop.',
      decidedAt: new Date().toISOString(),
      by: null,
    });
    expect(await catchUpReports(context(liege))).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await milan.registry.reports.findById('stored-before-a-stop'))?.status === 'resolved');
    // Done once: nothing left to catch up for these two.
    const left = await milan.registry.reports.unfinished(500);
    expect(left.toForward.map((r) => r._id)).not.toContain('stored-before-a-stop');
    expect((await liege.registry.reports.unfinished(500)).toAnswer.map((r) => r._id)).not.toContain(received._id);
  }, 30_000);
});

describe('Flags from other servers', () => {
  /** Sends a Flag signed by Athens to Liège's inbox and waits until Liège has handled it. */
  async function flagFromAthens(id: string, object: string, content = '<p>Reason: Offensive or spam</p>') {
    const ctx = athens.federation!.federation.createContext(new URL(athens.url), athens.federation!.data);
    await ctx.sendActivity(
      { identifier: NODE_ACTOR },
      { id: new URL(`${liege.url}/nodes/liege`), inboxId: new URL(`${liege.url}/ap/inbox`) },
      new Flag({
        id: new URL(id),
        actor: ctx.getActorUri(NODE_ACTOR),
        object: new URL(object),
        content,
        to: new URL(`${liege.url}/nodes/liege`),
      }),
      { immediate: true },
    );
  }
  const fromAthens = async () =>
    (await liege.registry.reportDesk.list(OPERATOR, 'open', 500)).filter((r) => r.reporterHost === new URL(athens.url).host);

  it('keeps no report whose Flag id is on another server than its sender, nor one about a listing not published here', async () => {
    // Athens cannot take the id of a Flag Milan will send (and so make Liège drop Milan's as a duplicate).
    await flagFromAthens(`${milan.url}/ap/activities/flag/taken`, `${liege.url}/initiatives/univerbal`);
    await flagFromAthens(`${athens.url}/ap/activities/flag/unknown`, `${liege.url}/initiatives/nobody-has-this`);
    await flagFromAthens(`${athens.url}/ap/activities/flag/other-node`, `${milan.url}/initiatives/whatever`);
    expect(await fromAthens()).toEqual([]);
    await flagFromAthens(`${athens.url}/ap/activities/flag/fine`, `${liege.url}/initiatives/univerbal`);
    expect(await fromAthens()).toMatchObject([{ category: 'offensive-or-spam', objects: [`${liege.url}/initiatives/univerbal`] }]);
  }, 30_000);

  it('limits how many reports one server may send in an hour', async () => {
    const before = (await fromAthens()).length;
    for (let i = 0; i < REPORT_PARTNER_LIMIT.max + 2; i++)
      await flagFromAthens(`${athens.url}/ap/activities/flag/flood-${i}`, `${liege.url}/initiatives/atemos`);
    expect((await fromAthens()).length).toBe(REPORT_PARTNER_LIMIT.max);
    expect(before).toBe(1);
  }, 60_000);

  it('keeps nothing from a blocked server', async () => {
    await liege.federation!.partners.block(OPERATOR, new URL(athens.url).host, 'test');
    await liege.registry.limiter.clear(`report:partner:${new URL(athens.url).host}`);
    const before = (await liege.registry.reports.list(['open'], 500)).length;
    await flagFromAthens(`${athens.url}/ap/activities/flag/after-block`, `${liege.url}/initiatives/parallax`);
    expect((await liege.registry.reports.list(['open'], 500)).length).toBe(before);
    expect(await liege.registry.reports.findById(`${athens.url}/ap/activities/flag/after-block`)).toBeNull();
  }, 30_000);
});
