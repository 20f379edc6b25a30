// `umn admin create` and `umn admin reset-password`: the operator's way to the first admin
// account, and back in when its password is lost.
import { ActionError } from '../accounts/action-error.ts';
import { hashPassword, passwordProblem } from '../accounts/password-hashing.ts';
import type { Registry } from '../registry.ts';
import type { CommandOutput } from './command-output.ts';
import { promptPassword, readPasswordFromStdin } from './read-password.ts';

export interface AdminOptions {
  email?: string;
  passwordStdin?: boolean;
}

async function password(options: AdminOptions): Promise<string> {
  if (options.passwordStdin || !process.stdin.isTTY) return readPasswordFromStdin();
  const first = await promptPassword('Password (at least 12 characters): ');
  const second = await promptPassword('Same password again: ');
  if (first !== second) throw new ActionError('VALIDATION_FAILED', 'The two passwords differ; run the command again.');
  return first;
}

export async function createAdmin(registry: Registry, options: AdminOptions, out: CommandOutput): Promise<void> {
  if (!options.email)
    throw new ActionError('VALIDATION_FAILED', "Give the admin's e-mail address: umn admin create --email admin@example.org");
  const existing = await registry.accounts.countAdmins();
  const account = await registry.accountService.createAccount({
    email: options.email,
    password: await password(options),
    role: 'admin',
    initiatives: [],
    createdBy: null,
  });
  out.line(
    `Admin account created for ${account.email} (id ${account._id}).${existing ? ` This node now has ${existing + 1} admins.` : ''}`,
  );
  out.line(`Sign in through GraphQL at ${registry.config.publicUrl.origin}/graphql with the signIn mutation (see the README).`);
}

export async function resetAdminPassword(registry: Registry, options: AdminOptions, out: CommandOutput): Promise<void> {
  if (!options.email)
    throw new ActionError('VALIDATION_FAILED', "Give the account's e-mail address: umn admin reset-password --email admin@example.org");
  const account = await registry.accounts.findByEmail(options.email);
  if (!account) throw new ActionError('NOT_FOUND', `No account with the e-mail address ${options.email}.`);
  const newPassword = await password(options);
  const problem = passwordProblem(newPassword);
  if (problem) throw new ActionError('WEAK_PASSWORD', `The password ${problem}`);
  await registry.accounts.setPassword(account._id, await hashPassword(newPassword), registry.now().toISOString());
  const ended = await registry.sessions.revokeOthers(account._id, null);
  // The operator's way back in: whoever had the old password loses its sessions and trusted
  // devices, and the sign-in lock others may have caused is lifted for the owner.
  const forgotten = await registry.trustedDevices.revokeAll(account._id);
  await registry.accountService.clearSignInLock(account._id);
  out.line(
    `Password of ${account.email} changed; ${ended} session(s) ended, ${forgotten} trusted device(s) forgotten, sign-in lock lifted.`,
  );
}
