// Roles named in the registry's English answers (errors, e-mails), with the article each takes:
// "an editor", "an admin", "a moderator". A plain `a ${role}` once wrote "As a editor".
import type { Role } from './actor.ts';

export function roleWithArticle(role: Role): string {
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
}
