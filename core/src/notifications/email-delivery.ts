import type { Language, NotificationEmailDetails } from '@preau/sdk';
import type { NotificationDeps } from './notification-deps.js';
import { emailItem, preferencesLink } from './notification-deps.js';
import { emailLines, immediateEmail, letterName } from './notification-emails.js';
import type { NotificationRow } from './render-notification.js';

// A process that claimed emails and died leaves them to others after this long.
const LEASE_MS = 10 * 60_000;
// A refused address is tried this many times (each a lease apart), then given up.
const MAX_ATTEMPTS = 3;
const BATCH = 200;
const CONCURRENCY = 10;

interface DueRow extends NotificationRow {
  user_id: number;
  notification_id: number | string;
  hidden_at: Date | null;
  email_attempts: number;
  email: string | null;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  language: Language;
  email_details: NotificationEmailDetails | null;
}

/** Runs `task` over `items` with at most `limit` at a time; returns which succeeded. */
export async function settleAll<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<boolean[]> {
  const results = new Array<boolean>(items.length).fill(false);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        await task(items[index]!);
        results[index] = true;
      } catch {
        results[index] = false;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Sends the immediate emails that are due (now, or at the end of their recipients' quiet hours), on whichever
 * process gets them first: each batch is claimed with `for update skip locked` and a lease (deliver_after
 * moves ahead), so two processes never send the same email, and one that dies leaves its batch to the others.
 * Items read in the timeline before their email was due are not emailed. Returns how many emails went.
 */
export async function deliverDueEmails(deps: NotificationDeps, options: { notificationId?: number } = {}): Promise<number> {
  const { knex } = deps;
  let sent = 0;
  for (;;) {
    const now = deps.clock.now();
    const claimed = (
      await knex.raw<{ rows: DueRow[] }>(
        `with due as (
           select user_id, notification_id from core.notification_recipients
            where email_state = 'pending' and deliver_after <= ? ${options.notificationId ? 'and notification_id = ?' : ''}
            order by deliver_after limit ? for update skip locked),
         claimed as (
           update core.notification_recipients r set deliver_after = ?, email_attempts = r.email_attempts + 1
             from due where r.user_id = due.user_id and r.notification_id = due.notification_id
           returning r.user_id, r.notification_id, r.read_at, r.hidden_at, r.email_attempts)
         select c.*, n.id, n.app, n.type, n.actor_id, a.display_name as actor_name, n.resource, n.params, n.email_details, n.created_at, u.email, u.display_name, u.first_name, u.last_name, u.language
           from claimed c
           join core.notifications n on n.id = c.notification_id
           join core.users u on u.id = c.user_id
           left join core.users a on a.id = n.actor_id`,
        [now, ...(options.notificationId ? [options.notificationId] : []), BATCH, new Date(now.getTime() + LEASE_MS)],
      )
    ).rows;
    if (claimed.length === 0) return sent;

    const skipped = claimed.filter((row) => row.read_at || row.hidden_at || !row.email || row.email_attempts > MAX_ATTEMPTS);
    const toSend = claimed.filter((row) => !skipped.includes(row));
    const results = await settleAll(toSend, CONCURRENCY, async (row) => {
      await deps.mailer.send(
        immediateEmail({
          to: row.email!,
          name: letterName(row),
          language: row.language,
          item: emailItem(deps, row, row.user_id, undefined, row.language),
          lines: emailLines(row.email_details, row.user_id),
          preferencesLink: preferencesLink(deps),
          messageId: `<notification-${row.notification_id}-${row.user_id}@preau>`,
        }),
      );
    });
    const done = toSend.filter((_, i) => results[i]);
    const failed = toSend.length - done.length;
    if (failed) deps.log.warn({ failed }, 'notification emails refused by SMTP; retried later');
    const mark = async (rows: DueRow[], state: 'sent' | 'skipped'): Promise<void> => {
      if (rows.length === 0) return;
      await knex.raw(
        `update core.notification_recipients set email_state = ?, deliver_after = null
          where (user_id, notification_id) in (select * from unnest(?::int[], ?::bigint[]))`,
        [state, rows.map((r) => r.user_id), rows.map((r) => Number(r.notification_id))],
      );
    };
    await mark(done, 'sent');
    await mark(skipped, 'skipped');
    sent += done.length;
    // Failed ones keep their lease: a later run tries them again.
    if (claimed.length < BATCH || done.length + skipped.length === 0) return sent;
  }
}
