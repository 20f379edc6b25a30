// Sends a message to an initiative through the registry's contact relay (sendMessage). The
// message, the sender's name and address are private: they go to the registry as GraphQL
// variables and nowhere else (never into a log line).
import type { RegistryQuery } from './search-page.ts';
import type { ContactInput, SendMessageError } from '../forms/contact-form.ts';

const SEND_MESSAGE_MUTATION = /* GraphQL */ `
  mutation SendMessage($initiative: ID!, $input: ContactMessageInput!) {
    sendMessage(initiative: $initiative, input: $input) {
      ok
      error {
        code
        message
        ... on ValidationFailed { fields { field code message } }
        ... on RateLimited { retryAfterSeconds }
      }
    }
  }
`;

export interface SendMessageOutcome {
  ok: boolean;
  error: SendMessageError | null;
}

export async function sendRelayMessage(initiativeId: string, input: ContactInput, lang: string, query: RegistryQuery): Promise<SendMessageOutcome> {
  const data = await query<{ sendMessage: SendMessageOutcome }>(SEND_MESSAGE_MUTATION, {
    initiative: initiativeId,
    input: { senderName: input.senderName || null, replyTo: input.replyTo, subject: input.subject, body: input.body },
    lang,
  });
  return data.sendMessage;
}
