import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import { authorize, can, type Action } from './authorization.ts';

const account = (role: Role, initiatives: string[] = []): Actor => ({
  kind: 'account',
  accountId: role,
  role,
  initiatives,
  sessionId: 's',
  via: 'bearer',
});
const admin = account('admin');
const moderator = account('moderator');
const editor: Actor = { ...account('editor', ['univerbal']), editorSince: { univerbal: '2026-03-01T00:00:00.000Z' } } as Actor;

describe('authorization', () => {
  const table: Array<[string, Action, boolean, boolean, boolean, boolean]> = [
    // action, anonymous, editor, moderator, admin
    ['edit own initiative', { do: 'initiative.edit', initiative: 'univerbal' }, false, true, true, true],
    ['edit another initiative', { do: 'initiative.edit', initiative: 'atemos' }, false, false, true, true],
    ['moderate an initiative', { do: 'initiative.moderate', initiative: 'univerbal' }, false, false, true, true],
    ['read own messages', { do: 'initiative.readMessages', initiative: 'univerbal' }, false, true, false, false],
    ['curate good practices', { do: 'practice.edit', practice: 'p' }, false, false, true, true],
    [
      'read own messages received since joining',
      { do: 'initiative.readMessages', initiative: 'univerbal', receivedAt: '2026-03-01T00:00:00.001Z' },
      false,
      true,
      false,
      false,
    ],
    [
      'read own messages received before joining',
      { do: 'initiative.readMessages', initiative: 'univerbal', receivedAt: '2026-02-28T23:59:59.999Z' },
      false,
      false,
      false,
      false,
    ],
    // ADR 0012: invitations cannot widen a role.
    [
      'invite a co-editor of own initiative',
      { do: 'invitation.create', role: 'editor', initiative: 'univerbal', initiativeHasEditors: true },
      false,
      true,
      false,
      true,
    ],
    [
      'invite the first editor of an initiative',
      { do: 'invitation.create', role: 'editor', initiative: 'atemos', initiativeHasEditors: false },
      false,
      false,
      true,
      true,
    ],
    [
      'invite another editor of an initiative that has some',
      { do: 'invitation.create', role: 'editor', initiative: 'atemos', initiativeHasEditors: true },
      false,
      false,
      false,
      true,
    ],
    ['invite a moderator', { do: 'invitation.create', role: 'moderator' }, false, false, false, true],
    ['invite an admin', { do: 'invitation.create', role: 'admin' }, false, false, false, false],
    ['withdraw an invitation one created', { do: 'invitation.withdraw', createdBy: 'editor' }, false, true, false, true],
    ["withdraw someone else's invitation", { do: 'invitation.withdraw', createdBy: 'someone' }, false, false, false, true],
    ['disable an account', { do: 'account.disable' }, false, false, false, true],
    ['re-enable an account', { do: 'account.enable' }, false, false, false, true],
    ['remove an editor from an initiative', { do: 'initiative.removeEditor', initiative: 'univerbal' }, false, false, false, true],
    ['read the audit log', { do: 'audit.read' }, false, false, false, true],
    ['change node settings', { do: 'settings.update' }, false, false, false, true],
  ];
  it.each(table)('%s', (_name, action, anonymous, asEditor, asModerator, asAdmin) => {
    expect([can(ANONYMOUS, action), can(editor, action), can(moderator, action), can(admin, action)]).toEqual([
      anonymous,
      asEditor,
      asModerator,
      asAdmin,
    ]);
  });

  it('tells the anonymous to sign in and the signed-in what they lack', () => {
    expect(() => authorize(ANONYMOUS, { do: 'initiative.create' })).toThrow(expect.objectContaining({ code: 'SIGN_IN_REQUIRED' }));
    expect(() => authorize(editor, { do: 'initiative.edit', initiative: 'atemos' })).toThrow(/only edit the initiatives you belong to/);
    expect(() => authorize(moderator, { do: 'invitation.create', role: 'moderator' })).toThrow(/ask an admin/);
    expect(() =>
      authorize(moderator, { do: 'invitation.create', role: 'editor', initiative: 'univerbal', initiativeHasEditors: true }),
    ).toThrow(/has editors already/);
    expect(() => authorize(editor, { do: 'invitation.create', role: 'editor', initiative: 'atemos', initiativeHasEditors: false })).toThrow(
      /only for the initiatives you belong to/,
    );
  });
});
