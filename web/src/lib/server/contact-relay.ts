// Sends a message to an initiative through the registry's contact relay (sendMessage). The
// message, the sender's name and address are private: they go to the registry as GraphQL
// variables and nowhere else (never into a log line).
import type { RegistryQuery } from './search-page.ts';
import type { ContactInput, SendMessageError } from '../forms/contact-form.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import SEND_MESSAGE_MUTATION from './queries/send-message.graphql?raw';

export interface SendMessageOutcome {
  ok: boolean;
  error: SendMessageError | null;
}

export async function sendRelayMessage(
  initiativeId: string,
  input: ContactInput,
  lang: string,
  query: RegistryQuery,
): Promise<SendMessageOutcome> {
  const data = await query<{ sendMessage: SendMessageOutcome }>(SEND_MESSAGE_MUTATION, {
    initiative: initiativeId,
    input: { senderName: input.senderName || null, replyTo: input.replyTo, subject: input.subject, body: input.body },
    lang,
  });
  return data.sendMessage;
}
