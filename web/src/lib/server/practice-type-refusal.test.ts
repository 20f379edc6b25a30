import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from './graphql-request.ts';
import { isRefusedPracticeType } from './practice-type-refusal.ts';

const refusal = (argument: string) => ({
  message: `${argument}: "PT11" is not a practice-type code.`,
  extensions: { code: 'BAD_USER_INPUT', argument },
});

describe('isRefusedPracticeType', () => {
  it('is true only when every error refuses the practice-type filter', () => {
    expect(
      isRefusedPracticeType(
        new GraphQLRequestError('GRAPHQL_ERRORS', 'x', { errors: [refusal('filter.practiceType'), refusal('filter.practiceType')] }),
      ),
    ).toBe(true);
    expect(
      isRefusedPracticeType(new GraphQLRequestError('GRAPHQL_ERRORS', 'x', { errors: [refusal('filter.practiceType'), refusal('lang')] })),
    ).toBe(false);
    expect(isRefusedPracticeType(new GraphQLRequestError('GRAPHQL_ERRORS', 'x', { errors: [] }))).toBe(false);
    expect(isRefusedPracticeType(new GraphQLRequestError('UNREACHABLE', 'down'))).toBe(false);
    expect(isRefusedPracticeType(new Error('filter.practiceType'))).toBe(false);
  });
});
