import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, Language } from '@preau/sdk';
import webPush from 'web-push';
import type { PreauConfig } from '../config/config-schema.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { settleAll } from './email-delivery.js';
import { findType } from './notification-types.js';
import type { VapidKeys } from './push-keys.js';

/** What a push carries: no personal content, only the type's title and the page to open (RFC 8030 payload). */
export interface PushPayload {
  title: string;
  /** The app's name, shown as the notification's body. */
  app: string;
  /** A path of Préau: the service worker opens or focuses it on a click. */
  url: string;
  /** Groups the pushes of one notification on a device. */
  tag: string;
}

/** Posts encrypted pushes to push services. */
export interface PushSender {
  publicKey: string;
  /** Sends one push; resolves with the push service's status (201 when taken), rejects on a network error. */
  send(subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, payload: PushPayload): Promise<number>;
}

// A process that claimed pushes and died leaves them to others after this long.
const LEASE_MS = 2 * 60_000;
// A push service that fails (5xx, 429, unreachable) is tried again after 30 s, 1 min, 2 min… then given up.
const MAX_ATTEMPTS = 6;
const BACKOFF_MS = 30_000;
const BATCH = 500;
const CONCURRENCY = 20;
const TIMEOUT_MS = 10_000;

/**
 * The sender: web-push encrypts the payload (RFC 8291, aes128gcm) and signs the VAPID header (RFC 8292); the
 * request goes through fetch, whose connection pool keeps one socket open per push service for a burst.
 */
export function createPushSender(keys: VapidKeys, settings: PreauConfig['notifications']['push']): PushSender {
  return {
    publicKey: keys.publicKey,
    async send(subscription, payload) {
      const request = webPush.generateRequestDetails(subscription, JSON.stringify(payload), {
        vapidDetails: { subject: settings.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: settings.ttlSeconds,
        urgency: 'normal',
      });
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ? new Uint8Array(request.body) : null,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    },
  };
}

interface DueRow {
  subscription_id: string | number;
  notification_id: string | number;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  app: string;
  type: string;
  resource: { url: string };
  language: Language;
  /** False when the subscription's user is no longer a recipient (the device changed hands), blocked or read it. */
  wanted: boolean;
}

/** What the push jobs need. */
export interface PushDeps {
  knex: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  registry: () => PluginRegistry | undefined;
  sender: PushSender;
}

/**
 * Sends the pushes that are due (now, or at the end of their recipients' quiet hours) on whichever process
 * claims them first, like the emails: `for update skip locked`, and deliver_after moved ahead as a lease. A
 * push service answering 404 or 410 has dropped the subscription: it is deleted. Returns how many went.
 */
export async function deliverDuePushes(deps: PushDeps, options: { notificationId?: number } = {}): Promise<number> {
  const { knex } = deps;
  let sent = 0;
  for (;;) {
    const now = deps.clock.now();
    const claimed = (
      await knex.raw<{ rows: DueRow[] }>(
        `with due as (
           select subscription_id, notification_id from core.push_deliveries
            where deliver_after <= ? ${options.notificationId ? 'and notification_id = ?' : ''}
            order by deliver_after limit ? for update skip locked),
         claimed as (
           update core.push_deliveries d set deliver_after = ?, attempts = d.attempts + 1
             from due where d.subscription_id = due.subscription_id and d.notification_id = due.notification_id
           returning d.subscription_id, d.notification_id, d.attempts)
         select c.*, s.endpoint, s.p256dh, s.auth, n.app, n.type, n.resource, u.language,
                (r.user_id is not null and r.read_at is null and r.hidden_at is null and u.state = 'active') as wanted
           from claimed c
           join core.push_subscriptions s on s.id = c.subscription_id
           join core.notifications n on n.id = c.notification_id
           join core.users u on u.id = s.user_id
           left join core.notification_recipients r on r.user_id = s.user_id and r.notification_id = c.notification_id`,
        [now, ...(options.notificationId ? [options.notificationId] : []), BATCH, new Date(now.getTime() + LEASE_MS)],
      )
    ).rows;
    if (claimed.length === 0) return sent;

    const toSend = claimed.filter((row) => row.wanted);
    const statuses = new Map<DueRow, number>();
    await settleAll(toSend, CONCURRENCY, async (row) => {
      const declared = findType(deps.registry(), row.app, row.type);
      const language = row.language === 'en' ? 'en' : 'fr';
      const payload: PushPayload = {
        title: declared?.declaration.title?.[language] ?? declared?.declaration.title?.fr ?? 'Préau',
        app: declared?.appTitle[language] ?? declared?.appTitle.fr ?? 'Préau',
        url: row.resource.url,
        tag: `notification-${row.notification_id}`,
      };
      statuses.set(row, await deps.sender.send({ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } }, payload));
    });

    const done: DueRow[] = claimed.filter((row) => !row.wanted);
    const gone: DueRow[] = [];
    const retry: DueRow[] = [];
    for (const row of toSend) {
      const status = statuses.get(row);
      if (status !== undefined && status >= 200 && status < 300) done.push(row);
      else if (status === 404 || status === 410) gone.push(row);
      // A push the service refuses for its form (400, 413) would be refused again: given up with a log line.
      else if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
        deps.log.warn({ status, notification: row.notification_id }, 'push refused by the push service');
        done.push(row);
      } else if (row.attempts >= MAX_ATTEMPTS) {
        deps.log.warn({ status, notification: row.notification_id }, 'push given up after retries');
        done.push(row);
      } else retry.push(row);
    }
    const pairs = (rows: DueRow[]): [number[], number[]] => [rows.map((r) => Number(r.subscription_id)), rows.map((r) => Number(r.notification_id))];
    if (done.length) {
      await knex.raw(`delete from core.push_deliveries where (subscription_id, notification_id) in (select * from unnest(?::bigint[], ?::bigint[]))`, pairs(done));
      const pushed = done.filter((row) => statuses.has(row)).map((row) => Number(row.subscription_id));
      if (pushed.length) await knex('core.push_subscriptions').whereIn('id', pushed).update({ last_pushed_at: now });
    }
    if (gone.length) await knex('core.push_subscriptions').whereIn('id', gone.map((row) => Number(row.subscription_id))).delete();
    for (const row of retry) {
      await knex('core.push_deliveries')
        .where({ subscription_id: row.subscription_id, notification_id: row.notification_id })
        .update({ deliver_after: new Date(now.getTime() + BACKOFF_MS * 2 ** (row.attempts - 1)) });
    }
    if (retry.length) deps.log.warn({ failed: retry.length }, 'pushes failed; retried later');
    sent += [...statuses.values()].filter((status) => status >= 200 && status < 300).length;
    if (claimed.length < BATCH || done.length + gone.length === 0) return sent;
  }
}
