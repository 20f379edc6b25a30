// A thousand-row sheet (issue 17 point 1: "bounded"): imported and published in batches, the node
// keeps answering other requests meanwhile, and the second import of the same sheet changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmptyNode } from '../testing/empty-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';
import type { TestNode } from '../testing/test-node.ts';
import { csvOf, RUN, upload } from './import-test-support.ts';

const ROWS = 1000;
const sheet = Buffer.from(
  csvOf([
    ['Id', 'Name', 'Summary', 'City', 'Country', 'Legal form', 'Sector', 'Website'],
    ...Array.from({ length: ROWS }, (_, i) => [
      `row-${i}`,
      `Synthetic import test initiative ${i}`,
      `Synthetic initiative number ${i}, made by the large-import test; not a real organisation.`,
      `Town ${i % 40}`,
      'BE',
      'L4',
      'AM30',
      `https://synthetic-${i}.example`,
    ]),
  ]),
);

let node: TestNode;
let admin: Session;
beforeAll(async () => {
  node = await startEmptyNode('liege');
  admin = await createAccount(node, 'admin@registry.test', 'admin');
});
afterAll(() => node?.close());

/** Runs the import to its end, as the site does: again while rows are left PENDING; returns every call's report. */
async function runToTheEnd(id: string): Promise<any[]> {
  const reports = [];
  for (let calls = 0; calls < 60; calls++) {
    const report = (await admin.gql(RUN, { id, publish: true })).data.runImport.report;
    reports.push(report);
    if (report.counts.pending === 0) break;
  }
  return reports;
}

it('imports and publishes a thousand rows in calls of a few seconds while the node keeps answering', { timeout: 300_000 }, async () => {
  const staged = await upload(admin, 'thousand.csv', sheet);
  expect(staged.staged.rowCount).toBe(ROWS);
  const running = runToTheEnd(staged.staged.id);
  // Other requests are answered while the import runs (it pauses between batches of 50).
  const latencies: number[] = [];
  let finished = false;
  void running.finally(() => (finished = true));
  while (!finished) {
    const started = performance.now();
    const answer = await node.query('{ thisNode { slug } }');
    expect(answer.status).toBe(200);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const reports = await running;
  // Each call ended within the site's request deadline (15 s), the last with nothing left.
  expect(reports.at(-1).counts.pending).toBe(0);
  const created = reports.reduce((sum, r) => sum + r.counts.create, 0);
  const refused = reports.reduce((sum, r) => sum + r.counts.refuse, 0);
  expect({ created, refused }).toEqual({ created: ROWS, refused: 0 });
  expect(latencies.length).toBeGreaterThan(1);
  expect(Math.max(...latencies)).toBeLessThan(2_000);
  expect((await node.query('{ search(first: 1) { totalCount } }')).body.data.search.totalCount).toBe(ROWS);

  const again = await upload(admin, 'thousand.csv', sheet);
  const second = await runToTheEnd(again.staged.id);
  expect(second.at(-1).counts).toEqual({ create: 0, update: 0, unchanged: ROWS, refuse: 0, pending: 0 });
});
