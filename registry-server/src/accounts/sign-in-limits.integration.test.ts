// Attacks on sign-in (issue #11, point 1): limits hold whatever the concurrency and the number
// of client addresses, because each attempt claims its place atomically before the password is
// hashed; an attacker who knows only an e-mail address cannot lock its owner out of a device
// the owner signed in from before; an admin can lift a lock; and variants of one e-mail address
// share one counter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, type Session } from '../testing/graphql-client.ts';
import { AccountService } from './account-service.ts';
import { verifyPassword } from './password-hashing.ts';

let node: TestNode;
let admin: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
});
afterAll(() => node?.close());

const SIGN_IN =
  'mutation($e: String!, $p: String!, $d: String) { signIn(email: $e, password: $p, session: BEARER, deviceToken: $d) { token deviceToken account { id } error { code message ... on RateLimited { retryAfterSeconds } } } }';

/** The node's account service with a seam that counts the passwords actually hashed. */
function countingService() {
  const counted = { calls: 0 };
  const { accounts, sessions, limiter, trustedDevices, unlockLinks } = node.registry;
  const service = new AccountService({
    accounts,
    sessions,
    limiter,
    trustedDevices,
    unlockLinks,
    now: node.registry.now,
    verifyPassword: (password, stored) => ((counted.calls += 1), verifyPassword(password, stored)),
  });
  return { service, counted };
}

const outcome = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'SIGNED_IN',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('sign-in limits under concurrency', () => {
  it('refuses the right password hidden last among 60 simultaneous guesses from 3 addresses', async () => {
    await createAccount(node, 'flooded@liege.test', 'editor', ['univerbal']);
    const service = node.registry.accountService;
    const attempts = Array.from({ length: 60 }, (_, i) =>
      service.signIn({
        email: 'flooded@liege.test',
        password: i === 59 ? PASSWORD : `wrong guess ${i} here`,
        via: 'bearer',
        address: `203.0.113.${(i % 3) + 1}`,
      }),
    );
    const outcomes = await Promise.all(attempts.map(outcome));
    expect(outcomes).not.toContain('SIGNED_IN');
    expect(outcomes.filter((o) => o === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(55);
    expect(outcomes[59]).toBe('RATE_LIMITED');
  });

  it('hashes at most the per-account limit of passwords, however many arrive at once', async () => {
    await createAccount(node, 'counted@liege.test', 'editor', ['univerbal']);
    const { service, counted } = countingService();
    const attempts = Array.from({ length: 60 }, (_, i) =>
      service.signIn({
        email: 'counted@liege.test',
        password: `wrong guess ${i} here`,
        via: 'bearer',
        address: `203.0.113.${(i % 3) + 11}`,
      }),
    );
    await Promise.all(attempts.map(outcome));
    expect(counted.calls).toBe(5);
  });

  it('hashes at most the per-address limit of passwords from one address, whatever the e-mails', async () => {
    const { service, counted } = countingService();
    const attempts = Array.from({ length: 45 }, (_, i) =>
      service.signIn({ email: `sprayed${i}@liege.test`, password: 'a wrong password', via: 'bearer', address: '198.51.100.77' }),
    );
    const outcomes = await Promise.all(attempts.map(outcome));
    expect(counted.calls).toBe(30);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(15);
  });

  it('counts every address of one IPv6 /64 against one per-address limit', async () => {
    const { service, counted } = countingService();
    const attempts = Array.from({ length: 40 }, (_, i) =>
      service.signIn({
        email: `rotating${i}@liege.test`,
        password: 'a wrong password',
        via: 'bearer',
        address: `2001:db8:77:1:${i.toString(16)}::1`,
      }),
    );
    const outcomes = await Promise.all(attempts.map(outcome));
    expect(counted.calls).toBe(30);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(10);
  });

  it('limits an e-mail without an account exactly like one with an account, after one hash each', async () => {
    const { service, counted } = countingService();
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        await outcome(
          service.signIn({ email: 'nobody-here@liege.test', password: 'a wrong password', via: 'bearer', address: `192.0.2.${100 + i}` }),
        ),
      );
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'RATE_LIMITED',
    ]);
    expect(counted.calls).toBe(5);
  });
});

describe('the owner is not locked out', () => {
  it('lets the owner sign in from a trusted device while the account is locked for everyone else', async () => {
    await createAccount(node, 'owner@liege.test', 'editor', ['atemos']);
    const first = (await anonymous(node).gql(SIGN_IN, { e: 'owner@liege.test', p: PASSWORD })).data.signIn;
    expect(first.error).toBeNull();
    expect(first.deviceToken).toMatch(/^[\w-]{43}$/);
    // An attacker who knows only the address floods it from many places.
    const service = node.registry.accountService;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(
          service.signIn({ email: 'owner@liege.test', password: `attacker guess ${i}`, via: 'bearer', address: `203.0.113.${50 + i}` }),
        ),
      ),
    );
    const unknownClient = await anonymous(node).gql(SIGN_IN, { e: 'owner@liege.test', p: PASSWORD });
    expect(unknownClient.data.signIn.error.code).toBe('RATE_LIMITED');
    // A made-up or another account's device token is an unknown client.
    const forged = await anonymous(node).gql(SIGN_IN, { e: 'owner@liege.test', p: PASSWORD, d: 'x'.repeat(43) });
    expect(forged.data.signIn.error.code).toBe('RATE_LIMITED');
    const owner = await anonymous(node).gql(SIGN_IN, { e: 'owner@liege.test', p: PASSWORD, d: first.deviceToken });
    expect(owner.data.signIn).toMatchObject({ error: null, deviceToken: first.deviceToken });
    expect(owner.data.signIn.token).toBeTruthy();
  });

  it('gives cookie sessions the device token as an httpOnly cookie, and honours it when sent back', async () => {
    await createAccount(node, 'browser@liege.test', 'editor', ['atemos']);
    const COOKIE_SIGN_IN =
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: COOKIE) { deviceToken error { code } } }';
    const post = (headers: Record<string, string>, p: string) =>
      fetch(`${node.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: COOKIE_SIGN_IN, variables: { e: 'browser@liege.test', p } }),
      });
    const first = await post({}, PASSWORD);
    const device = first.headers.getSetCookie().find((c) => c.startsWith('umn_device='))!;
    expect(device).toMatch(/HttpOnly/);
    expect(device).toMatch(/SameSite=Lax/);
    expect(device).toMatch(/Path=\//);
    expect(new Date(/Expires=([^;]+)/.exec(device)![1]!).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    // Page scripts never see it in the answer.
    expect(((await first.json()) as any).data.signIn).toEqual({ deviceToken: null, error: null });
    for (let i = 0; i < 5; i++) await post({}, `stranger guess ${i}`);
    expect(((await (await post({}, PASSWORD)).json()) as any).data.signIn.error.code).toBe('RATE_LIMITED');
    const again = await post({ cookie: device.split(';')[0]! }, PASSWORD);
    expect(((await again.json()) as any).data.signIn.error).toBeNull();
  });

  it('limits wrong passwords on a trusted device by their own counter', async () => {
    await createAccount(node, 'device@liege.test', 'editor', ['atemos']);
    const { deviceToken } = (await anonymous(node).gql(SIGN_IN, { e: 'device@liege.test', p: PASSWORD })).data.signIn;
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await anonymous(node).gql(SIGN_IN, { e: 'device@liege.test', p: `stolen phone guess ${i}`, d: deviceToken })).data.signIn.error
          .code,
      );
    expect(codes.slice(0, 5).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes[5]).toBe('RATE_LIMITED');
    // The device's failures did not use up the allowance of other clients.
    const elsewhere = await anonymous(node).gql(SIGN_IN, { e: 'device@liege.test', p: PASSWORD });
    expect(elsewhere.data.signIn.error).toBeNull();
  });

  it('does not count a successful sign-in as a failure, nor forget earlier failures', async () => {
    await createAccount(node, 'careful@liege.test', 'editor', ['atemos']);
    const service = node.registry.accountService;
    const attempt = (password: string) =>
      outcome(service.signIn({ email: 'careful@liege.test', password, via: 'bearer', address: '192.0.2.200' }));
    for (let i = 0; i < 3; i++) expect(await attempt(`typo number ${i}`)).toBe('INVALID_CREDENTIALS');
    // createAccount signed in once already; two more successes.
    expect(await attempt(PASSWORD)).toBe('SIGNED_IN');
    expect(await attempt(PASSWORD)).toBe('SIGNED_IN');
    expect(await attempt('typo number 3')).toBe('INVALID_CREDENTIALS');
    expect(await attempt('typo number 4')).toBe('INVALID_CREDENTIALS');
    expect(await attempt(PASSWORD)).toBe('RATE_LIMITED');
  });

  it('lets an admin lift the lock, audited; nobody else can', async () => {
    const victim = await createAccount(node, 'locked@liege.test', 'moderator');
    const victimId = (await victim.gql('{ me { account { id } } }')).data.me.account.id;
    for (let i = 0; i < 5; i++) await anonymous(node).gql(SIGN_IN, { e: 'locked@liege.test', p: `guess ${i} wrong` });
    expect((await anonymous(node).gql(SIGN_IN, { e: 'locked@liege.test', p: PASSWORD })).data.signIn.error.code).toBe('RATE_LIMITED');
    const CLEAR = 'mutation($a: ID!) { clearSignInLock(account: $a) { ok error { code message } } }';
    expect((await victim.gql(CLEAR, { a: victimId })).data.clearSignInLock.error.code).toBe('NOT_AUTHORIZED');
    expect((await anonymous(node).gql(CLEAR, { a: victimId })).data.clearSignInLock.error.code).toBe('SIGN_IN_REQUIRED');
    expect((await admin.gql(CLEAR, { a: 'no-such-account' })).data.clearSignInLock.error.code).toBe('NOT_FOUND');
    expect((await admin.gql(CLEAR, { a: victimId })).data.clearSignInLock).toEqual({ ok: true, error: null });
    expect((await anonymous(node).gql(SIGN_IN, { e: 'locked@liege.test', p: PASSWORD })).data.signIn.error).toBeNull();
    const log = await admin.gql('{ auditLog(first: 20) { action target } }');
    expect(log.data.auditLog).toContainEqual({ action: 'account.clearSignInLock', target: `account:${victimId}` });
  });
});

describe('changing the password', () => {
  it('allows only a few wrong current passwords, so an open session cannot be used to guess it', async () => {
    const session = await createAccount(node, 'shared-computer@liege.test', 'editor', ['atemos']);
    const CHANGE =
      'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a brand new long password") { ok error { code } } }';
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await session.gql(CHANGE, { c: `guessing ${i} wrong` })).data.changePassword.error.code);
    expect(codes.every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect((await session.gql(CHANGE, { c: PASSWORD })).data.changePassword.error.code).toBe('RATE_LIMITED');
  });
});

describe('one counter per account, whatever the spelling', () => {
  it('still finds an account stored before addresses were put in normal form', async () => {
    const created = await node.registry.accountService.createAccount({
      email: 'legacy@liege.test',
      password: PASSWORD,
      role: 'editor',
      initiatives: [],
      createdBy: null,
    });
    const decomposed = 'rene\u0301@liege.test';
    await node.registry.store.collection('accounts').updateOne({ _id: created._id }, { $set: { email: decomposed } });
    const signedIn = await node.registry.accountService.signIn({
      email: decomposed,
      password: PASSWORD,
      via: 'bearer',
      address: '192.0.2.240',
    });
    expect(signedIn.account._id).toBe(created._id);
  });

  it('counts case, spaces and Unicode variants of an e-mail address against the same account', async () => {
    await node.registry.accountService.createAccount({
      email: 'josé@liege.test',
      password: PASSWORD,
      role: 'editor',
      initiatives: [],
      createdBy: null,
    });
    const service = node.registry.accountService;
    const decomposed = 'jose\u0301@liege.test';
    // The decomposed spelling names the same account: the right password works with it.
    expect(
      await outcome(service.signIn({ email: ` ${decomposed.toUpperCase()} `, password: PASSWORD, via: 'bearer', address: '192.0.2.210' })),
    ).toBe('SIGNED_IN');
    const variants = ['josé@liege.test', 'JOSÉ@LIEGE.TEST', decomposed, ` ${decomposed} `, 'José@Liege.Test'];
    for (const [i, email] of variants.entries())
      expect(await outcome(service.signIn({ email, password: `wrong ${i} guess`, via: 'bearer', address: `192.0.2.${220 + i}` }))).toBe(
        'INVALID_CREDENTIALS',
      );
    expect(await outcome(service.signIn({ email: 'josé@liege.test', password: PASSWORD, via: 'bearer', address: '192.0.2.230' }))).toBe(
      'RATE_LIMITED',
    );
  });
});
