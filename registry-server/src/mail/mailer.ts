// Optional e-mail: when SMTP_URL is set, invitation links and relay notifications can also be
// e-mailed. Without it the node works fully: people copy invitation links themselves and read
// relayed messages when signed in. A failing mail server never fails the action.
import type { Transporter } from 'nodemailer';
import { logger } from '../config/logging.ts';

const log = logger('mail');

export type SendMail = (to: string, subject: string, text: string) => Promise<boolean>;

export function createMailer(smtpUrl: string | undefined, from: string): SendMail | undefined {
  if (!smtpUrl) return undefined;
  // nodemailer is loaded with the first e-mail: most nodes send none, and it weighs some 20 MB.
  let transport: Transporter | undefined;
  return async (to, subject, text) => {
    try {
      transport ??= (await import('nodemailer')).default.createTransport(smtpUrl, { from });
      await transport.sendMail({ to, subject, text });
      return true;
    } catch (error) {
      log.warning('Could not send an e-mail: {error}', { error: (error as Error).message });
      return false;
    }
  };
}
