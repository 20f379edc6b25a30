// A publishing node killed with SIGKILL right after a burst of updates delivers every one of them
// to every follower once it is started again: deliveries live in the durable queue of its store.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { MAIN, startNodeProcess, type NodeProcess } from './support/node-process.ts';

const FOLLOWERS = ['milan', 'athens', 'sofia', 'ljubljana', 'trieste'];
const PASSWORD = 'publisher admin password';
let dataDir: string;
let port: number;
let publisher: NodeProcess;
const followers: TestNode[] = [];

async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const env = () => ({
  DATA_DIR: dataDir,
  PORT: String(port),
  NODE_HANDLE: 'liege',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  ALLOW_PRIVATE_ADDRESSES: 'true',
});

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: any }).data;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'umn-publisher-'));
  port = await freePort();
  // The publisher's admin, created with the operator command before the node starts.
  const cli = spawn(
    process.execPath,
    [join(MAIN, '..', 'cli', 'main.ts'), 'admin', 'create', '--email', 'admin@liege.test', '--password-stdin'],
    { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['pipe', 'ignore', 'inherit'] },
  );
  cli.stdin.end(PASSWORD);
  await new Promise((resolve) => cli.once('exit', resolve));
  publisher = await startNodeProcess(env());
  for (const handle of FOLLOWERS) {
    const p = await freePort();
    followers.push(await startTestNode({ port: p, nodeHandle: handle, publicUrl: new URL(`http://127.0.0.1:${p}`) }));
  }
}, 60_000);

afterAll(async () => {
  await publisher?.stop('SIGKILL');
  for (const follower of followers) await follower.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('delivers every update to every follower after a kill -9 in the middle of the fan-out', async () => {
  const token = (
    await gql('mutation { signIn(email: "admin@liege.test", password: "publisher admin password", session: BEARER) { token } }')
  ).signIn.token as string;
  for (const follower of followers) await follower.federation.partners.follow(OPERATOR, `http://127.0.0.1:${port}/nodes/liege`);
  for (const follower of followers) {
    await eventually(async () =>
      ((await gql('{ partners { actor followedBy } }', {}, token)).partners as Array<{ actor: string; followedBy: string }>).some(
        (p) => p.actor === `${follower.url}/nodes/${follower.registry.config.nodeHandle}`,
      ),
    );
    await gql(
      'mutation($a: String!) { approvePartner(actor: $a) { error { message } } }',
      { a: `${follower.url}/nodes/${follower.registry.config.nodeHandle}` },
      token,
    );
  }
  for (const follower of followers)
    await eventually(
      async () => (await follower.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote' })) >= 10,
    );

  // A burst of updates, then the publisher is killed at once.
  let version = (await gql('{ editableInitiative(slug: "atemos") { version } }', {}, token)).editableInitiative.version as number;
  for (let i = 1; i <= 8; i++) {
    const result = await gql(
      'mutation($v: Int!, $t: String!) { updateInitiative(id: "atemos", version: $v, changes: { areaServed: [{ language: "en", text: $t }] }) { record { ... on InitiativeDraft { version } } error { message } } }',
      { v: version, t: `Area served, update ${i}` },
      token,
    );
    version = result.updateInitiative.record.version;
  }
  await publisher.stop('SIGKILL');

  publisher = await startNodeProcess(env());
  const target = `http://127.0.0.1:${port}/initiatives/atemos`;
  // One deadline for all five: on a loaded 2-core machine (the whole suite in parallel) the
  // restarted node's retries can take most of a minute to come round.
  const deadline = Date.now() + 100_000;
  for (const follower of followers) {
    await eventually(
      async () => (await follower.registry.initiatives.findById(target))?.record.areaServed?.en === 'Area served, update 8',
      Math.max(1_000, deadline - Date.now()),
    );
  }
  expect(followers).toHaveLength(5);
}, 200_000);
