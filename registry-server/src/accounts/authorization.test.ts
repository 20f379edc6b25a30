import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import { authorize, can, type Action } from './authorization.ts';

const account = (role: Role, initiatives: string[] = []): Actor => ({ kind: 'account', accountId: role, role, initiatives, sessionId: 's', via: 'bearer' });
const admin = account('admin');
const moderator = account('moderator');
const editor = account('editor', ['univerbal']);

describe('authorization', () => {
  const table: Array<[string, Action, boolean, boolean, boolean, boolean]> = [
    // action, anonymous, editor, moderator, admin
    ['edit own initiative', { do: 'initiative.edit', initiative: 'univerbal' }, false, true, true, true],
    ['edit another initiative', { do: 'initiative.edit', initiative: 'atemos' }, false, false, true, true],
    ['moderate an initiative', { do: 'initiative.moderate', initiative: 'univerbal' }, false, false, true, true],
    ['read own messages', { do: 'initiative.readMessages', initiative: 'univerbal' }, false, true, false, false],
    ['curate good practices', { do: 'practice.edit', practice: 'p' }, false, false, true, true],
    ['invite an editor', { do: 'invitation.create', role: 'editor' }, false, false, true, true],
    ['invite a moderator', { do: 'invitation.create', role: 'moderator' }, false, false, false, true],
    ['invite an admin', { do: 'invitation.create', role: 'admin' }, false, false, false, false],
    ['read the audit log', { do: 'audit.read' }, false, false, false, true],
    ['change node settings', { do: 'settings.update' }, false, false, false, true],
  ];
  it.each(table)('%s', (_name, action, anonymous, asEditor, asModerator, asAdmin) => {
    expect([can(ANONYMOUS, action), can(editor, action), can(moderator, action), can(admin, action)]).toEqual([anonymous, asEditor, asModerator, asAdmin]);
  });

  it('tells the anonymous to sign in and the signed-in what they lack', () => {
    expect(() => authorize(ANONYMOUS, { do: 'initiative.create' })).toThrow(expect.objectContaining({ code: 'SIGN_IN_REQUIRED' }));
    expect(() => authorize(editor, { do: 'initiative.edit', initiative: 'atemos' })).toThrow(/only edit the initiatives you belong to/);
    expect(() => authorize(moderator, { do: 'invitation.create', role: 'moderator' })).toThrow(/ask an admin/);
  });
});
