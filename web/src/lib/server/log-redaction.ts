// Secrets stay out of the logs. An invitation link's token is in its path
// (/invitations/<token>) and in the GraphQL variables of the invitation page; whoever holds it
// can create an account, so a log line names the route, never the token.

/** A request path fit for the logs: the token of /invitations/<token>…, of an e-mailed /sign-in/trust/<token>… of a password reset link /sign-in/reset/<token>… and of the first-admin setup link /setup/<token>… replaced by `[token]`. */
export function pathForLog(pathname: string): string {
  return pathname.replace(/^\/(invitations|sign-in\/trust|sign-in\/reset|setup)\/[^/]+/, '/$1/[token]');
}

/** `text` with every occurrence of each non-empty secret replaced by `[redacted]`. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== '') result = result.split(secret).join('[redacted]');
  }
  return result;
}
