import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from './graphql-request.ts';
import { isRefusedSlug, lookUpBySlug } from './record-lookup.ts';

const refused = new GraphQLRequestError('GRAPHQL_ERRORS', 'slug: is longer than any slug', {
  errors: [{ message: 'slug: is longer than any slug (at most 64 characters).', extensions: { code: 'BAD_USER_INPUT', argument: 'slug' } }],
});

describe('isRefusedSlug', () => {
  it('is true only when every error refuses the slug argument', () => {
    expect(isRefusedSlug(refused)).toBe(true);
    const mixed = new GraphQLRequestError('GRAPHQL_ERRORS', 'x', {
      errors: [...refused.errors, { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(isRefusedSlug(mixed)).toBe(false);
    const otherArgument = new GraphQLRequestError('GRAPHQL_ERRORS', 'x', {
      errors: [{ message: 'lang', extensions: { code: 'BAD_USER_INPUT', argument: 'lang' } }],
    });
    expect(isRefusedSlug(otherArgument)).toBe(false);
    expect(isRefusedSlug(new GraphQLRequestError('UNREACHABLE', 'down'))).toBe(false);
    expect(isRefusedSlug(new Error('slug'))).toBe(false);
  });
});

describe('lookUpBySlug', () => {
  it('gives the record, null for an unknown or refused handle, and rethrows other failures', async () => {
    expect(await lookUpBySlug(async () => ({ slug: 'univerbal' }))).toEqual({ slug: 'univerbal' });
    expect(await lookUpBySlug(async () => null)).toBeNull();
    expect(
      await lookUpBySlug(async () => {
        throw refused;
      }),
    ).toBeNull();
    const down = new GraphQLRequestError('UNREACHABLE', 'down');
    await expect(
      lookUpBySlug(async () => {
        throw down;
      }),
    ).rejects.toBe(down);
  });
});
