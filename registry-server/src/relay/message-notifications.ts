// With SMTP configured, an initiative that gave a contact e-mail (of any visibility) is told
// that a message waits; the message itself stays in the registry, read when signed in.
import type { Registry } from '../registry.ts';
import type { SendMail } from '../mail/mailer.ts';

export function notifyInitiativesOfMessages(registry: Registry, sendMail: SendMail): void {
  registry.events.subscribe(async (event) => {
    if (event.type !== 'message.received') return;
    const initiative = await registry.initiatives.findById(event.initiativeId);
    const to = initiative?.record.contact?.email;
    if (!to) return;
    const name = initiative.record.name[initiative.record.originalLanguage] ?? initiative.record.handle;
    await sendMail(to, `New message for ${name} on the UMN registry`, `Someone wrote to ${name} through the UMN registry.\n\nSign in to read it: ${registry.config.publicUrl.origin}/\n`);
  });
}
