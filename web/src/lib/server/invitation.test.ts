import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphQLRequestError } from './graphql-request.ts';

// graphql.ts reads the node's address from $app/env/private; these tests answer for the node.
const graphql = vi.fn();
vi.mock('./graphql.ts', () => ({ graphql: (...args: unknown[]) => graphql(...args) }));
const { acceptInvitation, loadInvitation } = await import('./invitation.ts');

const TOKEN = 'tok_4f9a2c_secret';
const invitation = { role: 'EDITOR', initiatives: ['univerbal'], note: 'Welcome!', expiresAt: '2026-06-10T14:05:00.000Z' };

beforeEach(() => {
  graphql.mockReset();
});

describe('loadInvitation', () => {
  it('asks for the link with the token as a variable, and writes the expiry in the reader’s language', async () => {
    graphql.mockResolvedValue({ thisNode: { city: 'Liège' }, invitation: { invitation, error: null } });
    const state = await loadInvitation(TOKEN, 'fr');
    expect(graphql).toHaveBeenCalledWith(expect.stringContaining('invitation(token: $token)'), { token: TOKEN, lang: 'fr' });
    expect(state).toMatchObject({
      usable: true,
      city: 'Liège',
      invitation: { ...invitation, expiresAtText: expect.stringContaining('2026') },
    });
  });

  it('names why a link cannot be used, and treats an unknown reason as a link that does not work', async () => {
    graphql.mockResolvedValue({
      thisNode: { city: 'Liège' },
      invitation: { invitation: null, error: { code: 'INVITATION_EXPIRED', message: 'expired' } },
    });
    expect(await loadInvitation(TOKEN, 'en')).toEqual({ usable: false, city: 'Liège', error: 'INVITATION_EXPIRED' });
    graphql.mockResolvedValue({
      thisNode: { city: 'Liège' },
      invitation: { invitation: null, error: { code: 'SOMETHING_NEW', message: '?' } },
    });
    expect(await loadInvitation(TOKEN, 'en')).toEqual({ usable: false, city: 'Liège', error: 'INVITATION_INVALID' });
  });

  it('rethrows a failed request without the token in its text', async () => {
    graphql.mockImplementation(async () => {
      throw new GraphQLRequestError('GRAPHQL_ERRORS', `The registry answered the query with errors: bad token ${TOKEN}`, {
        errors: [{ message: `bad token ${TOKEN}` }],
      });
    });
    const error = (await loadInvitation(TOKEN, 'en').catch((e: unknown) => e)) as GraphQLRequestError;
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error.code).toBe('GRAPHQL_ERRORS');
    expect(JSON.stringify({ message: error.message, errors: error.errors })).not.toContain(TOKEN);
    expect(error.message).toContain('[redacted]');
  });
});

describe('acceptInvitation', () => {
  it('returns the account, or the registry’s typed error as data', async () => {
    graphql.mockResolvedValue({ acceptInvitation: { account: { email: 'a@b.org', role: 'EDITOR' }, error: null } });
    expect(await acceptInvitation(TOKEN, 'a@b.org', 'river lamp orbit tea', 'ar')).toEqual({
      account: { email: 'a@b.org', role: 'EDITOR' },
      error: null,
    });
    expect(graphql).toHaveBeenCalledWith(
      expect.stringContaining('acceptInvitation(token: $t, email: $e, password: $p)'),
      { t: TOKEN, e: 'a@b.org', p: 'river lamp orbit tea', lang: 'ar' },
      {},
    );

    const error = {
      code: 'WEAK_PASSWORD',
      message: 'The password …',
      fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: '…' }],
    };
    graphql.mockResolvedValue({ acceptInvitation: { account: null, error } });
    expect(await acceptInvitation(TOKEN, 'a@b.org', 'short', 'en')).toEqual({ account: null, error });
  });

  it('tells the registry the browser’s address when the node vouches for the site', async () => {
    graphql.mockResolvedValue({ acceptInvitation: { account: null, error: { code: 'EMAIL_TAKEN', message: 'taken' } } });
    process.env.UMN_SITE_SECRET = 'the-node-secret';
    try {
      await acceptInvitation(TOKEN, 'a@b.org', 'river lamp orbit tea', 'en', '203.0.113.5');
    } finally {
      delete process.env.UMN_SITE_SECRET;
    }
    expect(graphql).toHaveBeenCalledWith(expect.any(String), expect.any(Object), {
      'x-umn-site-secret': 'the-node-secret',
      'x-umn-client-address': '203.0.113.5',
    });
  });

  it('rethrows a failed request without the token or the password in its text', async () => {
    graphql.mockImplementation(async () => {
      throw new GraphQLRequestError('GRAPHQL_ERRORS', `errors: ${TOKEN} / hunter2 hunter2`);
    });
    const error = (await acceptInvitation(TOKEN, 'a@b.org', 'hunter2 hunter2', 'en').catch((e: unknown) => e)) as GraphQLRequestError;
    expect(error.message).toBe('errors: [redacted] / [redacted]');
  });
});
