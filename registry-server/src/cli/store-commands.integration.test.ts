// Issue 17, point 9: a backup of a running node holds every acknowledged write, restores into a
// node that serves them, and the commands refuse what would lose data. Refusal tests were
// written before the code that refuses.
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, testConfig, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';
import { BACKUP_PATH } from '../http/backup-endpoint.ts';
import { inspectBackup } from '../store/backup/backup-file.ts';
import { ApiClient } from './api-client.ts';
import { backupCommand, restoreCommand } from './store-commands.ts';

let node: TestNode;
let admin: Session;
let moderator: Session;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-backup-'));
  dirs.push(dir);
  return dir;
};
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
});
afterAll(async () => {
  await node?.close();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

const post = (headers: Record<string, string> = {}, method = 'POST') => fetch(`${node.url}${BACKUP_PATH}`, { method, headers });
const tokenOf = (session: Session) => session.headers.authorization!.replace('Bearer ', '');
const api = (session: Session) => () => new ApiClient({ url: node.url, token: tokenOf(session) });
const lines: string[] = [];
const out = { line: (text: string) => lines.push(text) };

const INITIATIVE = (handle: string) =>
  `mutation { createInitiative(input: { handle: "${handle}", originalLanguage: "fr", legalForm: "L1", primarySector: "AM60",
  name: [{ language: "fr", text: "Projet ${handle}" }], summary: [{ language: "fr", text: "Brouillon." }], location: { locality: "Liège", country: "BE" } }) { error { code message } } }`;

describe('backup refuses', () => {
  it('anyone but an admin with a bearer token, and methods other than POST', async () => {
    const anonymous = await post();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/admin's bearer token/);
    expect((await post({ authorization: 'Bearer forged-token' })).status).toBe(401);
    const notAdmin = await post(moderator.headers);
    expect(notAdmin.status).toBe(403);
    expect(await notAdmin.text()).toMatch(/Only the node's admins/);
    expect((await post(admin.headers, 'GET')).status).toBe(405);
    await expect(backupCommand(node.registry.config, api(moderator), join(tempDir(), 'b.sqlite'), { force: false }, out)).rejects.toThrow(
      /Only the node's admins/,
    );
  });

  it('to write over an existing file without --force, leaving it as it was', async () => {
    const file = join(tempDir(), 'existing.sqlite');
    writeFileSync(file, 'an older backup the operator keeps');
    await expect(backupCommand(node.registry.config, api(admin), file, { force: false }, out)).rejects.toMatchObject({
      code: 'TARGET_EXISTS',
      message: expect.stringMatching(/already exist.*--force/s),
    });
    expect(readFileSync(file, 'utf8')).toBe('an older backup the operator keeps');
    await backupCommand(node.registry.config, api(admin), file, { force: true }, out);
    expect(inspectBackup(file)).toMatchObject({ nodeHandle: 'liege', publicUrl: 'http://registry.test' });
    expect(lines.at(-1)).toMatch(/Backup of liege \(http:\/\/registry.test\) taken at .*existing.sqlite/);
  });
});

describe('a backup taken while 100 updates are written', () => {
  it('restores to a node that holds every update acknowledged before the backup answered', async () => {
    const acknowledged = new Set<string>();
    const handles = Array.from({ length: 100 }, (_, i) => `backup-race-${i}`);
    const updates = handles.map(async (handle, i) => {
      // Spread over a few turns, so some land before the copy and some after.
      await new Promise((resolve) => setTimeout(resolve, i % 10));
      const result = await admin.gql(INITIATIVE(handle));
      expect(result.data.createInitiative.error).toBeNull();
      acknowledged.add(handle);
    });
    while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 1));
    const response = await post(admin.headers);
    // The node answers once the copy is made: what was acknowledged by now must be in it.
    const ackedBefore = new Set(acknowledged);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    const file = join(tempDir(), 'during-writes.sqlite');
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(file));
    await Promise.all(updates);
    // The copy was made while updates were still being written.
    expect(ackedBefore.size).toBeGreaterThanOrEqual(20);
    expect(ackedBefore.size).toBeLessThan(100);

    const dataDir = tempDir();
    await restoreCommand(testConfig({ dataDir }), file, dataDir, { force: false }, out);
    const restored = await startTestNode({ dataDir });
    try {
      const holds = async (handle: string) =>
        (await restored.query(`{ editableInitiative(slug: "${handle}") { version } }`, {}, admin.headers)).body.data?.editableInitiative !==
        null;
      const missing: string[] = [];
      for (const handle of ackedBefore) if (!(await holds(handle))) missing.push(handle);
      expect(missing).toEqual([]);
      let held = 0;
      for (const handle of handles) if (await holds(handle)) held++;
      lines.push(`acknowledged before the backup answered: ${ackedBefore.size}; in the restored node: ${held} of 100`);
      // And the restored node takes writes of its own.
      expect((await restored.query(INITIATIVE('after-restore'), {}, admin.headers)).body.data.createInitiative.error).toBeNull();
    } finally {
      await restored.close();
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});
