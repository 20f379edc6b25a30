// The translator role (ADR 0041): it may read the queue and propose translations, nothing else;
// only the staff who approve translations invite translators.
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../accounts/actor.ts';
import { ANONYMOUS } from '../accounts/actor.ts';
import { authorize, can, type Action } from '../accounts/authorization.ts';

const account = (role: Role, initiatives: string[] = []): Actor => ({
  kind: 'account',
  accountId: role,
  role,
  initiatives,
  sessionId: 's',
  via: 'bearer',
});
const translator = account('translator');

describe('the translator role', () => {
  it('translates, as moderators and admins may, and nobody else', () => {
    expect(can(translator, { do: 'translation.write' })).toBe(true);
    expect(can(account('moderator'), { do: 'translation.write' })).toBe(true);
    expect(can(account('admin'), { do: 'translation.write' })).toBe(true);
    expect(can(account('editor', ['univerbal']), { do: 'translation.write' })).toBe(false);
    expect(can(ANONYMOUS, { do: 'translation.write' })).toBe(false);
    expect(() => authorize(account('editor', ['univerbal']), { do: 'translation.write' })).toThrow(
      /ask a moderator for a translator invitation/,
    );
  });

  it('edits, creates, moderates and invites nothing', () => {
    const refused: Action[] = [
      { do: 'initiative.create' },
      { do: 'initiative.edit', initiative: 'univerbal' },
      { do: 'initiative.moderate', initiative: 'univerbal' },
      { do: 'initiative.readMessages', initiative: 'univerbal' },
      { do: 'practice.create' },
      { do: 'practice.edit', practice: 'liege-pt4-one-stop-shop' },
      { do: 'practice.moderate', practice: 'liege-pt4-one-stop-shop' },
      { do: 'market.create' },
      { do: 'market.write', kind: 'need', initiative: 'univerbal' },
      { do: 'market.moderate' },
      { do: 'review.list' },
      { do: 'invitation.create', role: 'translator' },
      { do: 'invitation.create', role: 'moderator' },
      { do: 'invitation.create', role: 'editor', initiative: 'univerbal', initiativeHasEditors: false },
      { do: 'account.list' },
    ];
    expect(refused.filter((action) => can(translator, action))).toEqual([]);
  });

  it('is invited by moderators and admins only', () => {
    const invite: Action = { do: 'invitation.create', role: 'translator' };
    expect(can(account('moderator'), invite)).toBe(true);
    expect(can(account('admin'), invite)).toBe(true);
    expect(can(account('editor', ['univerbal']), invite)).toBe(false);
    expect(() => authorize(account('editor', ['univerbal']), invite)).toThrow(/Only moderators and admins can invite translators/);
  });
});
