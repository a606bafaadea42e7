import type { Language, NotificationEmailDetails } from '@preau/sdk';
import type { NotificationDeps } from './notification-deps.js';
import { emailItem, preferencesLink, quietHoursOf, unsubscribeLink } from './notification-deps.js';
import { detailLine, digestEmail, emailLines, letterName } from './notification-emails.js';
import { localTime, minutesOf, quietUntil, zonedInstant } from './quiet-hours.js';
import type { NotificationRow } from './render-notification.js';
import { findType, type DeclaredType } from './notification-types.js';
import { settleAll } from './email-delivery.js';

/** A digest period: its key in the claims table and the instant it closed (items before it belong to it). */
export interface DigestPeriod {
  kind: 'daily' | 'weekly';
  key: string;
  cutoff: Date;
}

// A claim left unsent this long belonged to a process that died: another takes it.
const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;
const MARK_EVERY = 50;
const MARK_AFTER_MS = 50;
const SEND_CONCURRENCY = 10;

function dayKey(instant: Date, timeZone: string): string {
  const t = localTime(instant, timeZone);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** The latest daily or weekly digest time at or before `now` (local time of the academy). */
export function latestPeriod(kind: 'daily' | 'weekly', now: Date, settings: NotificationDeps['settings']): DigestPeriod {
  const { timeZone } = settings;
  const at = minutesOf(settings.digestTime);
  const t = localTime(now, timeZone);
  let back = t.minutes >= at ? 0 : 1;
  if (kind === 'weekly') {
    back = (t.weekday - settings.weeklyDigestDay + 7) % 7;
    if (back === 0 && t.minutes < at) back = 7;
  }
  const cutoff = zonedInstant(t.year, t.month, t.day - back, at, timeZone);
  return { kind, key: `${kind}:${dayKey(cutoff, timeZone)}`, cutoff };
}

interface Candidate {
  user_id: number;
  q_enabled: boolean | null;
  q_start: string | null;
  q_end: string | null;
  q_weekends: boolean | null;
}

interface ItemRow extends NotificationRow {
  user_id: number;
  email_details: NotificationEmailDetails | null;
}

/** Claims the next users of the period: those a dead process left (lease over), then new ones, outside quiet hours. */
async function claim(
  deps: NotificationDeps,
  period: DigestPeriod,
  now: Date,
  limit: number,
  range: { after: number | null; before: number },
): Promise<{ users: number[]; last: number | null }> {
  const { after } = range;
  const { knex } = deps;
  const stale = await knex.raw<{ rows: { user_id: number }[] }>(
    `update core.notification_digest_runs d set claimed_at = ?, worker = ?, attempts = d.attempts + 1
      from (select user_id from core.notification_digest_runs
             where period = ? and sent_at is null and claimed_at < ? and attempts < ?
             order by user_id limit ? for update skip locked) s
     where d.period = ? and d.user_id = s.user_id
     returning d.user_id`,
    [now, deps.worker, period.key, new Date(now.getTime() - LEASE_MS), MAX_ATTEMPTS, limit, period.key],
  );
  const users = stale.rows.map((row) => row.user_id);
  if (users.length >= limit || after === null) return { users, last: after };
  // Keyset over user ids: each batch reads the next users instead of skipping every user claimed before.
  const candidates = (
    await knex.raw<{ rows: Candidate[] }>(
      `select r.user_id, q.enabled as q_enabled, q.start_time as q_start, q.end_time as q_end, q.weekends as q_weekends
         from (select distinct r.user_id from core.notification_recipients r
                where r.email_state = 'digest' and r.delivery = ? and r.created_at < ? and r.user_id > ? and r.user_id < ?
                  and not exists (select 1 from core.notification_digest_runs d where d.period = ? and d.user_id = r.user_id)
                order by r.user_id limit ?) r
         left join core.notification_quiet_hours q on q.user_id = r.user_id
        order by r.user_id`,
      [period.kind, period.cutoff, after, range.before, period.key, limit - users.length],
    )
  ).rows;
  // Someone whose own quiet hours cover the digest time gets it when they end (a later run of the same period).
  const awake = candidates.filter((row) => !quietUntil(now, quietHoursOf(deps, row), deps.settings.timeZone)).map((row) => row.user_id);
  if (awake.length) {
    const claimed = await knex.raw<{ rows: { user_id: number }[] }>(
      `insert into core.notification_digest_runs (period, user_id, claimed_at, worker)
       select ?, u, ?, ? from unnest(?::int[]) as u
       on conflict do nothing returning user_id`,
      [period.key, now, deps.worker, awake],
    );
    users.push(...claimed.rows.map((row) => row.user_id));
  }
  // last null: every candidate of the period has been read once in this run.
  return { users, last: candidates.length ? candidates[candidates.length - 1]!.user_id : null };
}

/** Marks digests sent, and their items: sent when they were in it, skipped when read or hidden before. */
async function markSent(deps: NotificationDeps, period: DigestPeriod, sent: { userId: number; items: number }[], now: Date): Promise<void> {
  if (sent.length === 0) return;
  await deps.knex.transaction(async (trx) => {
    await trx.raw(
      `update core.notification_digest_runs d set sent_at = ?, items = v.n
         from unnest(?::int[], ?::int[]) as v(u, n) where d.period = ? and d.user_id = v.u`,
      [now, sent.map((s) => s.userId), sent.map((s) => s.items), period.key],
    );
    await trx.raw(
      `update core.notification_recipients
          set email_state = case when read_at is null and hidden_at is null then 'sent' else 'skipped' end
        where user_id = any(?::int[]) and email_state = 'digest' and delivery = ? and created_at < ?`,
      [sent.map((s) => s.userId), period.kind, period.cutoff],
    );
  });
}

/**
 * Records digests as sent as soon as SMTP took them: every MARK_EVERY mails, or MARK_AFTER_MS after the first
 * one not yet recorded. A process that dies resends at most what it had not recorded in that time (with the
 * same Message-ID, which mail clients show once); SMTP offers no way to be exactly-once across the wire.
 */
function sentMarker(deps: NotificationDeps, period: DigestPeriod) {
  let buffer: { userId: number; items: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const state = {
    digests: 0,
    items: 0,
    add(userId: number, count: number): void {
      buffer.push({ userId, items: count });
      state.digests += 1;
      state.items += count;
      // Errors surface from the final flush (the claims stay unsent and are retried after their lease).
      if (buffer.length >= MARK_EVERY) state.flush().catch(() => {});
      else timer ??= setTimeout(() => state.flush().catch(() => {}), MARK_AFTER_MS);
    },
    flush(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      const batch = buffer;
      buffer = [];
      if (batch.length) chain = chain.then(() => markSent(deps, period, batch, deps.clock.now()));
      return chain;
    },
  };
  return state;
}

/**
 * Builds and sends the digests of the latest daily or weekly period. Any number of processes may run it at
 * once: each (period, user) is claimed by one of them in `notification_digest_runs` (its primary key decides),
 * recipients are read and rendered a batch at a time and handed to SMTP, and claims are marked sent every few
 * mails; a claim a dead process left unsent is taken again once its lease is over.
 */
export async function runDigests(
  deps: NotificationDeps,
  kind: 'daily' | 'weekly',
  options: { batchSize?: number } = {},
): Promise<{ period: string; digests: number; items: number }> {
  const batchSize = options.batchSize ?? deps.settings.digestBatchSize;
  const period = latestPeriod(kind, deps.clock.now(), deps.settings);
  const types = new Map<string, DeclaredType | undefined>();
  const declared = (app: string, type: string): DeclaredType | undefined => {
    const key = `${app}.${type}`;
    if (!types.has(key)) types.set(key, findType(deps.registry(), app, type));
    return types.get(key);
  };
  let digests = 0;
  let items = 0;
  // Each worker starts at a random user and wraps around, so that workers running together split the users
  // instead of racing for the same ones.
  const bounds = await deps.knex('core.notification_recipients').where({ email_state: 'digest', delivery: kind }).min({ low: 'user_id' }).max({ high: 'user_id' }).first();
  const low = Number(bounds?.low ?? 0);
  const start = low + Math.floor(Math.random() * (Number(bounds?.high ?? 0) - low + 1));
  const laps = [{ after: start - 1, before: 2 ** 31 - 1 }, { after: 0, before: start }];
  let lap = 0;
  let after: number | null = laps[0]!.after;
  for (;;) {
    const now = deps.clock.now();
    const batch = await claim(deps, period, now, batchSize, { after, before: laps[lap]!.before });
    after = batch.last;
    if (after === null && lap === 0) after = laps[(lap = 1)]!.after;
    if (batch.users.length === 0) {
      if (after === null) break;
      continue;
    }
    const rows = (
      await deps.knex.raw<{ rows: ItemRow[] }>(
        `select r.user_id, n.id, n.app, n.type, n.actor_id, a.display_name as actor_name, n.resource, n.params, n.email_details, n.created_at
           from core.notification_recipients r
           join core.notifications n on n.id = r.notification_id
           left join core.users a on a.id = n.actor_id
          where r.user_id = any(?::int[]) and r.email_state = 'digest' and r.delivery = ? and r.created_at < ?
            and r.read_at is null and r.hidden_at is null
          order by r.user_id, r.notification_id desc`,
        [batch.users, period.kind, period.cutoff],
      )
    ).rows;
    type Person = { id: number; email: string | null; display_name: string; first_name: string | null; last_name: string | null; language: Language };
    const people = new Map<number, Person>(
      (await deps.knex('core.users').whereIn('id', batch.users).select('id', 'email', 'display_name', 'first_name', 'last_name', 'language'))
        .map((u: Person) => [u.id, u]),
    );
    const byUser = new Map<number, ItemRow[]>();
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    // Everything read already (or no address left): nothing to send, but the claim is done.
    const empty = batch.users.filter((id) => !byUser.has(id) || !people.get(id)?.email);
    await markSent(deps, period, empty.map((userId) => ({ userId, items: 0 })), now);
    const toSend = batch.users.filter((id) => !empty.includes(id));
    const marker = sentMarker(deps, period);
    const results = await settleAll(toSend, SEND_CONCURRENCY, async (userId) => {
      const person = people.get(userId)!;
      const userItems = byUser.get(userId)!;
      await deps.mailer.send(
        digestEmail({
          to: person.email!,
          name: letterName(person),
          period: kind,
          language: person.language,
          // Each item with its line of detail (which child, the first words, the question), as the immediate email says it.
          items: userItems.map((row) => ({ ...emailItem(deps, row, userId, declared(row.app, row.type), person.language), detail: detailLine(emailLines(row.email_details, userId)) })),
          unsubscribeAll: unsubscribeLink(deps, userId, '*', '*'),
          preferencesLink: preferencesLink(deps),
          messageId: `<digest-${period.key.replace(':', '-')}-${userId}@preau>`,
        }),
      );
      marker.add(userId, userItems.length);
    });
    await marker.flush();
    const failed = results.filter((ok) => !ok).length;
    if (failed) deps.log.warn({ failed, period: period.key }, 'digests refused by SMTP; retried later');
    digests += marker.digests;
    items += marker.items;
  }
  return { period: period.key, digests, items };
}
