// An SMTP server on loopback (smtp-server) for tests of a node with SMTP_URL set: it accepts
// every message and keeps it, so a test can read what the node e-mailed and follow its links.
// The server tests and the browser tests (tests/e2e) use this one catcher.
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port.ts';

export interface CaughtMail {
  /** The recipients, comma-separated. */
  to: string;
  /** The raw message (headers and body), quoted-printable soft line breaks undone. */
  text: string;
}

export interface MailCatcher {
  port: number;
  /** The node's SMTP_URL for this catcher. */
  url: string;
  mails: CaughtMail[];
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: text.replace(/=\r?\n/g, '') });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
