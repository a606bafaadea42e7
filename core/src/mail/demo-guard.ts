import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from './mailer.js';

/**
 * The mailer, minus the demo's accounts: an email to an address held by an account that `preau demo` made is
 * logged and dropped, whichever part of Préau sends it (notifications, digests, resets, account notices).
 */
export function withoutDemoRecipients(mailer: Mailer, knex: Knex, log: FastifyBaseLogger): Mailer {
  return {
    async send(mail) {
      const demo = await knex('core.users').where('demo', true).whereRaw('lower(email) = lower(?)', [mail.to]).first('id');
      if (demo) {
        log.info({ mail: { subject: mail.subject } }, 'email to a demo account not sent');
        return;
      }
      await mailer.send(mail);
    },
    close: () => mailer.close(),
  };
}
