// The report loop's activities pinned as snapshots (ADR 0031), so a change to what partners (and
// Mastodon) receive is a visible diff: the Flag sent to a listing's origin, and the Accept and
// Reject that answer a partner's Flag. Random activity ids are masked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import type { ReportView } from '../../reports/report-repository.ts';
import { answerActivity, flagActivity } from './report-bridge.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({ publicUrl: new URL('https://liege.example') });
});
afterAll(() => node?.close());

const report: ReportView = {
  _id: 'https://milano.example/ap/activities/flag/1',
  direction: 'received',
  reporter: 'https://milano.example/nodes/milano',
  reporterHost: 'milano.example',
  objects: ['https://liege.example/initiatives/univerbal'],
  category: 'personal-data',
  reason: 'Le numéro est celui d’une bénévole <b>privée</b>.',
  receivedAt: '2026-12-01T10:00:00.000Z',
  status: 'resolved',
  decision: { note: 'Numéro retiré & équipe prévenue.', decidedAt: '2026-12-02T10:00:00.000Z', by: 'moderator' },
};

const pinned = async (activity: { toJsonLd(options?: object): Promise<unknown> }) =>
  JSON.stringify(await activity.toJsonLd({ format: 'compact' }), null, 2).replace(
    /\/ap\/activities\/(flag|accept|reject)\/[0-9a-f-]{36}/g,
    '/ap/activities/$1/<uuid>',
  );

function context() {
  const runtime = node.federation!;
  return runtime.federation.createContext(node.registry.config.publicUrl, runtime.data);
}

it('emits the Flag of a report made here, to the origin only, with the reason and the text', async () => {
  const flag = flagActivity(
    context(),
    { ...report, direction: 'forwarded', reporter: null },
    'https://milano.example/initiatives/x',
    new URL('https://milano.example/nodes/milano'),
  );
  await expect(await pinned(flag)).toMatchFileSnapshot('__snapshots__/emitted-flag.json');
});

it("emits an Accept of a partner's Flag with the note, without the reporter's text", async () => {
  const accept = await pinned(answerActivity(context(), report, 'resolved', new URL(report.reporter!)));
  expect(accept).not.toContain('bénévole');
  await expect(accept).toMatchFileSnapshot('__snapshots__/emitted-report-accept.json');
});

it("emits a Reject of a partner's Flag when dismissed", async () => {
  await expect(await pinned(answerActivity(context(), report, 'dismissed', new URL(report.reporter!)))).toMatchFileSnapshot(
    '__snapshots__/emitted-report-reject.json',
  );
});
