// The invitation page's two requests to the registry: what a link is for (a query anyone
// holding the link may make), and creating the account (the acceptInvitation mutation).
//
// The token is a secret: whoever holds it can create an account. It goes to the registry as a
// GraphQL variable and nowhere else; errors are rethrown with the token (and the password)
// cut out of their text, so that whatever logs them (hooks.server.ts) cannot leak them.
import { graphql } from './graphql.ts';
import { GraphQLRequestError } from './graphql-request.ts';
import { withoutSecrets } from './log-redaction.ts';
import { siteClientHeaders } from './site-client-address.ts';
import { formatDateTime } from '../i18n/catalog.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import type { InvitationDetails, InvitationErrorCode } from '../registry-types.ts';
import type {
  AcceptInvitationMutation,
  AcceptInvitationMutationVariables,
  InvitationPageQuery,
  InvitationPageQueryVariables,
} from '../generated/operation-types.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import INVITATION_QUERY from './queries/invitation-page.graphql?raw';
import ACCEPT_INVITATION_MUTATION from './queries/accept-invitation.graphql?raw';

/** What the invitation page shows before the form is sent. */
export type InvitationPageState =
  | { usable: true; city: string; invitation: InvitationDetails & { expiresAtText: string } }
  | { usable: false; city: string; error: InvitationErrorCode };

const INVITATION_ERRORS: ReadonlySet<string> = new Set<InvitationErrorCode>([
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_INVALID',
  'INVITATION_WITHDRAWN',
]);

/** Whether the link can be used, and what for; the expiry written in the reader's language. */
export async function loadInvitation(token: string, lang: UiLanguage): Promise<InvitationPageState> {
  const result = await withSecretsHidden([token], () =>
    graphql<InvitationPageQuery, InvitationPageQueryVariables>(INVITATION_QUERY, { token, lang }),
  );
  const { invitation, error } = result.invitation;
  if (invitation && !error) {
    return {
      usable: true,
      city: result.thisNode.city,
      invitation: { ...invitation, expiresAtText: formatDateTime(invitation.expiresAt, lang) },
    };
  }
  // The registry names four reasons; anything else is shown as a link that does not work.
  const code = error && INVITATION_ERRORS.has(error.code) ? (error.code as InvitationErrorCode) : 'INVITATION_INVALID';
  return { usable: false, city: result.thisNode.city, error: code };
}

/**
 * Creates the account; the registry's typed error comes back as `error`, a failed request throws.
 * The registry counts refused acceptances per client address, so it is told the browser's
 * address (`clientAddress`), not this server's.
 */
export async function acceptInvitation(
  token: string,
  email: string,
  password: string,
  lang: UiLanguage,
  clientAddress?: string,
): Promise<AcceptInvitationMutation['acceptInvitation']> {
  // `lang` is not a variable of the mutation (GraphQL ignores it); graphql() sends it as Accept-Language.
  const result = await withSecretsHidden([token, password], () =>
    graphql<AcceptInvitationMutation, AcceptInvitationMutationVariables>(
      ACCEPT_INVITATION_MUTATION,
      { t: token, e: email, p: password, lang },
      siteClientHeaders(clientAddress),
    ),
  );
  return result.acceptInvitation;
}

/** Runs a request; a GraphQLRequestError is rethrown with the secrets cut out of its text. */
async function withSecretsHidden<T>(secrets: readonly string[], request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    throw new GraphQLRequestError(error.code, withoutSecrets(error.message, secrets), {
      status: error.status,
      errors: error.errors.map((entry) => ({ ...entry, message: withoutSecrets(entry.message, secrets) })),
      cause: error.cause,
    });
  }
}
