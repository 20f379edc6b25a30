// With SMTP configured, an initiative that gave a contact e-mail (of any visibility) is told
// that a message waits; the message itself stays in the registry, read when signed in.
import type { DomainEvents } from '../events/domain-events.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { SendMail } from '../mail/mailer.ts';

export interface MessageNotificationDependencies {
  events: DomainEvents;
  initiatives: InitiativeRepository;
  /** The node's public address, for the link to sign in. */
  publicUrl: URL;
}

export function notifyInitiativesOfMessages({ events, initiatives, publicUrl }: MessageNotificationDependencies, sendMail: SendMail): void {
  events.subscribe(async (event) => {
    if (event.type !== 'message.received') return;
    const initiative = await initiatives.findById(event.initiativeId);
    const to = initiative?.record.contact?.email;
    if (!to) return;
    const name = initiative.record.name[initiative.record.originalLanguage] ?? initiative.record.handle;
    await sendMail(
      to,
      `New message for ${name} on the UMN registry`,
      `Someone wrote to ${name} through the UMN registry.\n\nSign in to read it: ${publicUrl.origin}/\n`,
    );
  });
}
