// Seeded nodes for the browser tests, run as the operator runs them (`node
// registry-server/src/main.ts`, the built site mounted), each on 127.0.0.1 with a fresh
// data directory. Every node gets an admin account, created with the operator command
// (`umn admin create`) before it boots; moderators and editors are created through
// invitations, as on a real node.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MAIN = join(ROOT, 'registry-server', 'src', 'main.ts');
const CLI = join(ROOT, 'registry-server', 'src', 'cli', 'main.ts');
/** The snapshot of the site that global-setup.ts made, else the build itself. */
const WEB_HANDLER = join(process.env.UMN_WEB_BUILD ?? join(ROOT, 'web', 'build'), 'handler.js');

/**
 * A build of the site replaces web/build while it runs (a few seconds): wait for it rather than
 * start a node that would serve the API alone and answer 404 to every page.
 */
async function waitForWebBuild(timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(WEB_HANDLER)) {
    if (Date.now() > until)
      throw new Error('web/build/handler.js is missing: build the site first (npx -y pnpm@12.21.0 --filter @umn/web run build).');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Ports the browser tests may use (the project's rule for test servers on shared machines). */
const PORT_RANGE = { first: 4200, last: 4299 };

export interface Account {
  email: string;
  password: string;
  role: 'ADMIN' | 'MODERATOR' | 'EDITOR' | 'TRANSLATOR';
  /** Handles of the initiatives an editor belongs to. */
  initiatives: string[];
}

export interface GraphQLAnswer<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface E2ENode {
  /** The node's origin, e.g. http://127.0.0.1:4231 (also its PUBLIC_URL). */
  url: string;
  handle: string;
  dataDir: string;
  /** The admin created before boot. */
  admin: Account;
  /** Everything the node printed so far (JSON log lines), for failure messages. */
  output(): string;
  /** A GraphQL request to the node, anonymous or with a bearer token. */
  graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; lang?: string },
  ): Promise<GraphQLAnswer<T>>;
  /** A bearer token for an account (for setting things up through the API). */
  bearerToken(account: Account): Promise<string>;
  /** An invitation link made by the admin (or by `by`); returns the URL and its token. */
  invite(
    role: 'MODERATOR' | 'EDITOR' | 'TRANSLATOR',
    options?: { initiatives?: string[]; note?: string; by?: Account },
  ): Promise<{ url: string; token: string }>;
  /** A new moderator, editor or translator account, created through an invitation as a person would. */
  createAccount(role: 'MODERATOR' | 'EDITOR' | 'TRANSLATOR', options?: { initiatives?: string[]; email?: string }): Promise<Account>;
  /** Stops the node and removes its data directory. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The seeded city node to run (liege, milan, athens, sofia, ljubljana, pordenone, trieste). */
  handle?: string;
  /** Extra environment variables (e.g. AUTO_APPROVE_DOMAINS). */
  env?: Record<string, string>;
  /** Boot with no admin account (the node then logs a first-admin setup link; `admin` is not created). */
  withoutAdmin?: boolean;
}

const PASSWORD = 'e2e-password-long-enough';

/**
 * Nodes of this test worker still running. If the worker ends without its afterAll (a test
 * run interrupted), they are stopped with it rather than left listening.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
let accountCounter = 0;

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port in the allowed range, starting at a random place so parallel runs rarely collide. */
async function freePortInRange(): Promise<number> {
  const size = PORT_RANGE.last - PORT_RANGE.first + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = PORT_RANGE.first + ((start + i) % size);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port between ${PORT_RANGE.first} and ${PORT_RANGE.last} on 127.0.0.1.`);
}

function createAdmin(dataDir: string, handle: string, email: string): void {
  const result = spawnSync(process.execPath, [CLI, 'admin', 'create', '--email', email, '--password-stdin'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATA_DIR: dataDir, NODE_HANDLE: handle, LOG_LEVEL: 'warning' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`umn admin create failed (${result.status}):\n${result.stdout}${result.stderr}`);
}

interface Started {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** Starts main.ts and resolves when it says it is running; null when the port was taken meanwhile. */
async function boot(env: Record<string, string>, timeoutMs = 30_000): Promise<Started | null> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The e2e node did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('is running')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    void exited.then((code) => {
      clearTimeout(timer);
      if (output.includes('already in use')) resolve(false);
      else reject(new Error(`The e2e node exited with ${code} before it was ready:\n${output}`));
    });
  });
  return (await ready) ? { child, exited, output: () => output } : null;
}

/** Boots a node on a free port of the range, on another one when the port was taken meanwhile. */
async function bootOnFreePort(dataDir: string, handle: string, env: Record<string, string>): Promise<{ started: Started; port: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await waitForWebBuild();
    const port = await freePortInRange();
    const started = await boot({
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      NODE_HANDLE: handle,
      SEED: 'true',
      // Partner tests run several nodes on this machine; they reach each other over loopback.
      ALLOW_PRIVATE_ADDRESSES: 'true',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warning',
      ...env,
    });
    if (!started) continue;
    if (started.output().includes('web site is not built')) {
      started.child.kill('SIGKILL');
      throw new Error(
        'The e2e node started without the site: web/build disappeared while it booted (a build running at the same time?). Run the tests again once the build is done.',
      );
    }
    return { started, port };
  }
  throw new Error('Could not start an e2e node: every port tried was taken.');
}

/** Starts a seeded node with an admin account; stop it with `stop()` (e.g. in afterAll). */
export async function startE2ENode(options: StartOptions = {}): Promise<E2ENode> {
  const handle = options.handle ?? 'liege';
  const dataDir = mkdtempSync(join(tmpdir(), `umn-e2e-${handle}-`));
  const admin: Account = { email: `admin@${handle}.e2e.test`, password: PASSWORD, role: 'ADMIN', initiatives: [] };
  let booted: { started: Started; port: number };
  try {
    if (!options.withoutAdmin) createAdmin(dataDir, handle, admin.email);
    booted = await bootOnFreePort(dataDir, handle, options.env ?? {});
  } catch (error) {
    // A node that did not start leaves nothing behind.
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { started, port } = booted;
  const { child, exited, output } = started;
  running.add(child);
  void exited.then(() => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();

  const node: E2ENode = {
    url,
    handle,
    dataDir,
    admin,
    output,
    async graphql(query, variables, { token, lang } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(lang ? { 'accept-language': lang } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: GraphQLAnswer['errors'] };
      return { status: response.status, ...body };
    },
    async bearerToken(account) {
      const known = tokens.get(account.email);
      if (known) return known;
      const answer = await node.graphql<{ signIn: { token: string | null; error: { message: string } | null } }>(
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password, session: BEARER) { token error { message } } }',
        { email: account.email, password: account.password },
      );
      const token = answer.data?.signIn.token;
      if (!token) throw new Error(`Signing in ${account.email} failed: ${JSON.stringify(answer.errors ?? answer.data)}`);
      tokens.set(account.email, token);
      return token;
    },
    async invite(role, { initiatives, note, by } = {}) {
      const answer = await node.graphql<{ createInvitation: { url: string | null; error: { message: string } | null } }>(
        'mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { url error { message } } }',
        { input: { role, initiatives, note } },
        { token: await node.bearerToken(by ?? admin) },
      );
      const link = answer.data?.createInvitation.url;
      if (!link) throw new Error(`createInvitation failed: ${JSON.stringify(answer.errors ?? answer.data)}`);
      return { url: link, token: new URL(link).pathname.split('/').pop()! };
    },
    async createAccount(role, { initiatives = [], email } = {}) {
      const { token } = await node.invite(role, { initiatives });
      const account: Account = {
        email: email ?? `${role.toLowerCase()}-${++accountCounter}@${handle}.e2e.test`,
        password: PASSWORD,
        role,
        initiatives,
      };
      const answer = await node.graphql<{ acceptInvitation: { account: { role: string } | null; error: { message: string } | null } }>(
        'mutation($token: String!, $email: String!, $password: String!) { acceptInvitation(token: $token, email: $email, password: $password) { account { role } error { message } } }',
        { token, email: account.email, password: account.password },
      );
      if (!answer.data?.acceptInvitation.account)
        throw new Error(`acceptInvitation failed: ${JSON.stringify(answer.errors ?? answer.data)}`);
      return account;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return node;
}
