// English answers name a role with the article it takes: "As an editor", never "As a editor".
import { describe, expect, it } from 'vitest';
import { roleWithArticle } from './role-names.ts';
import { authorize } from './authorization.ts';
import type { Actor } from './actor.ts';

describe('roleWithArticle', () => {
  it('takes "an" before a vowel and "a" before a consonant, for every role', () => {
    expect(roleWithArticle('editor')).toBe('an editor');
    expect(roleWithArticle('admin')).toBe('an admin');
    expect(roleWithArticle('moderator')).toBe('a moderator');
  });

  it('is what an editor refused an edit reads', () => {
    const editor = {
      kind: 'account',
      accountId: 'e',
      role: 'editor',
      initiatives: ['univerbal'],
      sessionId: 's',
      via: 'bearer',
    } as const satisfies Actor;
    expect(() => authorize(editor, { do: 'initiative.edit', initiative: 'atemos' })).toThrow(/^As an editor, you can only edit/);
  });
});
