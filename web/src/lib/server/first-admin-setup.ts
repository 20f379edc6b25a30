// The first-admin setup link (/setup/<token>) that a node with no admin logs at start (ADR 0032).
// No session: nobody can sign in yet. The token and the password are variables, never in a log
// line; the registry decides whether the link still works.
import type { SessionEvent } from './session.ts';
import { askWithoutSession as ask } from './sessionless-request.ts';
import type { ApiError } from '../forms/api-error-problems.ts';
import SETUP_PAGE_QUERY from './queries/first-admin-setup-page.graphql?raw';
import CREATE_FIRST_ADMIN from './queries/create-first-admin.graphql?raw';
import type { CreateFirstAdminMutation, FirstAdminSetupPageQuery } from '../generated/operation-types.ts';

export async function setupLinkUsable(event: SessionEvent, token: string): Promise<boolean> {
  return (await ask<FirstAdminSetupPageQuery>(event, SETUP_PAGE_QUERY, { token }, [token])).firstAdminSetupLinkUsable;
}

export async function createFirstAdmin(event: SessionEvent, token: string, email: string, password: string): Promise<ApiError | null> {
  const result = await ask<CreateFirstAdminMutation>(event, CREATE_FIRST_ADMIN, { token, email, password }, [token, password]);
  return result.createFirstAdmin.error ?? null;
}
