// Issue 15: an expired request is gone from every node. Two seeded nodes run in child processes
// whose clock the test moves (registry-server/src/testing/clocked-node-process.ts: a browser test
// cannot wait for midnight). Milan follows Liège; Liège's request shows on both boards and on its
// page; once both clocks pass its last public day, neither board shows it, its page answers 404,
// and Milan no longer holds a copy.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();
const DAY = 86_400_000;
const PROCESS = fileURLToPath(new URL('../../registry-server/src/testing/clocked-node-process.ts', import.meta.url));
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface ClockedNode {
  url: string;
  ask<T = unknown>(request: Record<string, unknown>): Promise<T>;
  child: ChildProcess;
}

async function startClocked(handle: string): Promise<ClockedNode> {
  const child = fork(PROCESS, [handle], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${handle} node exited with ${code}`)));
    child.on('message', (message: { ready?: string; id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      if (message.ready) resolve(message.ready);
      const asked = message.id === undefined ? undefined : waiting.get(message.id);
      if (!asked) return;
      waiting.delete(message.id!);
      if (message.ok) asked.resolve(message.value);
      else asked.reject(new Error(message.error));
    });
  });
  return {
    url,
    child,
    ask: <T>(request: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, ...request });
      }),
  };
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 80; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Waited in vain: ${what}`);
}

let liege: ClockedNode;
let milan: ClockedNode;

beforeAll(async () => {
  [liege, milan] = await Promise.all([startClocked('liege'), startClocked('milan')]);
  await milan.ask({ do: 'follow', target: `${liege.url}/nodes/liege` });
  await until('Milan’s follow request in Liège', async () => (await liege.ask<number>({ do: 'approveFollowers' })) > 0);
  await until('Milan following Liège', async () =>
    (await milan.ask<Array<{ host: string; following: string | null }>>({ do: 'partners' })).some(
      (partner) => partner.host === new URL(liege.url).host && partner.following === 'accepted',
    ),
  );
}, 90_000);

afterAll(async () => {
  await Promise.all([liege, milan].filter(Boolean).map((node) => node.ask({ do: 'stop' }).catch(() => node.child.kill())));
});

async function boardText(node: ClockedNode): Promise<string> {
  const page = await e2e.openPage(`${node.url}/market?kind=request`, { lang: 'en', javaScriptEnabled: false });
  return page.locator('main').innerText();
}

test('a request leaves its node’s board and page and every partner once its last public day is over', async () => {
  const title = 'Catering for the neighbourhood councils';
  const iri = await liege.ask<string>({
    do: 'publishMarketRecord',
    record: {
      handle: 'catering-neighbourhood-councils',
      kind: 'request',
      title: { en: title },
      summary: { en: 'Meals for 40 people once a month, from a social economy caterer.' },
      originalLanguage: 'en',
      owner: { organisation: 'City of Liège, public procurement' },
      sectors: ['AM40'],
      area: { country: 'BE', locality: 'Liège' },
      expiresOn: day(3),
      request: { requestKind: 'sourcing', intent: 'social-clause', deadline: day(2) },
    },
  });
  await until('Milan’s copy', () => milan.ask<boolean>({ do: 'holdsMarketRecord', target: iri }));
  expect(await boardText(liege)).toContain(title);
  expect(await boardText(milan)).toContain(title);
  const page = await e2e.openPage(`${liege.url}/market/catering-neighbourhood-councils`, { lang: 'en' });
  await e2e.axeScan(page);

  // Four days on: past the next midnight (UTC) after its last public day, on both nodes' clocks.
  await Promise.all([liege.ask({ do: 'advance', ms: 4 * DAY }), milan.ask({ do: 'advance', ms: 4 * DAY })]);
  expect(await boardText(liege)).not.toContain(title);
  expect(await boardText(milan)).not.toContain(title);
  await e2e.openPage(`${liege.url}/market/catering-neighbourhood-councils`, { lang: 'en', status: 404 });
  await until('Milan dropping its copy', async () => !(await milan.ask<boolean>({ do: 'holdsMarketRecord', target: iri })));
});
