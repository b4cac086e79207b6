import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail { to: string[]; body: string }

export interface SmtpCatcher {
  /** Every e-mail received so far, in order, its body with the quoted-printable encoding undone. */
  received: ReceivedMail[];
  /** How many connections were made to it. */
  connections: () => number;
  /** The environment that points the app at it. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/** A real SMTP server on a free local port that keeps what it receives (no TLS, no authentication needed). */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const received: ReceivedMail[] = [];
  let connections = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Quoted-printable undone (soft line breaks, escaped bytes), so the texts read as written.
        const raw = Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '');
        const body = Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    received,
    connections: () => connections,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'assist@example.test', PUBLIC_URL: 'https://assist.example.test/' },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
