// A minimal SMTP server on loopback for browser tests of a node with SMTP_URL set: it accepts
// every message and keeps it, so a test can follow a link the node e-mailed. Just the commands
// nodemailer sends over plain SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
import { createServer, type Server } from 'node:net';

export interface CaughtMail {
  to: string[];
  /** The raw message (headers and body), quoted-printable soft breaks undone. */
  text: string;
}

export interface MailCatcher {
  port: number;
  mails: CaughtMail[];
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const server: Server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    let data: string[] = [];
    socket.setEncoding('utf8');
    socket.write('220 mail-catcher ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push({ to, text: data.join('\n').replace(/=\n/g, '') });
            to = [];
            data = [];
            socket.write('250 OK\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') socket.write('250 mail-catcher\r\n');
        else if (command === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          socket.write('250 OK\r\n');
        } else if (command === 'DATA') {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (command === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The mail catcher has no port.');
  return {
    port: address.port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
