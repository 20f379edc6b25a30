// Who may open a signed-in page, and the registry's refusals turned into the right answer: the
// sign-in page for a reader who is not (or no longer) signed in, 403 for a role that does not
// allow the page, 404 for a record that is not there. Used by the loads of routes/account and
// routes/admin; form actions get the same refusals as typed errors instead.
import { error, redirect } from '@sveltejs/kit';
import { GraphQLRequestError, type GraphQLVariables } from '../graphql-request.ts';
import { registryAs, signInPath, type SessionEvent, type SignedInAccount } from '../session.ts';

/** The layout's account, or off to the sign-in page (coming back here after). */
export function requireAccount(account: SignedInAccount | null, url: URL): SignedInAccount {
  if (!account) redirect(303, signInPath(url));
  return account;
}

/** For the moderation pages: moderators and admins only. */
export function requireModerator(account: SignedInAccount | null, url: URL): SignedInAccount {
  const signedIn = requireAccount(account, url);
  if (!signedIn.canModerate) error(403, 'Only moderators and admins can open this page.');
  return signedIn;
}

/** For the node's administration (partners, accounts): admins only. */
export function requireAdmin(account: SignedInAccount | null, url: URL): SignedInAccount {
  const signedIn = requireAccount(account, url);
  if (!signedIn.isAdmin) error(403, 'Only the node’s admins can open this page.');
  return signedIn;
}

/** A signed-in query for a page's load; the registry's refusals become the matching page. */
export async function loadAs<TData>(event: SessionEvent, query: string, variables: GraphQLVariables = {}): Promise<TData> {
  try {
    return await registryAs<TData>(event, query, variables);
  } catch (caught) {
    if (!(caught instanceof GraphQLRequestError)) throw caught;
    const code = caught.errors.find((entry) => entry.extensions?.code)?.extensions?.code;
    if (code === 'SIGN_IN_REQUIRED') redirect(303, signInPath(event.url));
    if (code === 'NOT_AUTHORIZED') error(403, 'Your account cannot open this page.');
    if (code === 'NOT_FOUND') error(404);
    throw caught;
  }
}
