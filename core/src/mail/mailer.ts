import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

/** An email to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text` (notifications). */
  html?: string;
  /** Extra headers (`List-Unsubscribe`). */
  headers?: Record<string, string>;
  /** A stable Message-ID, so that a mail sent twice after a crash is recognised as one by mail clients. */
  messageId?: string;
}

/** Sends email through the configured SMTP server. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * SMTP when `smtp.url` is set. Without it (a laptop trying Préau), the email is written to the server log
 * instead, so that a reset link can still be followed: nothing is silently dropped.
 */
export function createMailer(options: { url?: string; from: string; log: FastifyBaseLogger }): Mailer {
  if (!options.url) {
    return {
      async send(mail) {
        options.log.info({ mail: { to: mail.to, subject: mail.subject, text: mail.text } }, 'email (no SMTP configured: logged instead of sent)');
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: mail.messageId });
    },
    close: () => transport.close(),
  };
}
