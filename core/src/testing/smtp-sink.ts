import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** An email the sink received. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The decoded text (quoted-printable soft breaks joined, =XX decoded). */
  text: string;
}

/** A real SMTP server on a free port that keeps what it receives, for tests that follow emailed links. */
export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the next mail to arrive (or one that already did and was not taken). */
  next(): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  const bytes = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}

/** Starts the sink on 127.0.0.1 (no TLS, no auth). */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const waiting: ((mail: ReceivedMail) => void)[] = [];
  let taken = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeQuotedPrintable(raw) };
        mails.push(mail);
        const resolve = waiting.shift();
        if (resolve) {
          taken += 1;
          resolve(mail);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    next: () => (taken < mails.length ? Promise.resolve(mails[taken++]!) : new Promise((resolve) => waiting.push(resolve))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
