import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { AppEnablementService, Clock, EventBus, NotificationInput, NotificationSent, NotifyService } from '@preau/sdk';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Mailer } from '../mail/mailer.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { PreauConfig } from '../config/config-schema.js';
import type { SessionStore } from '../identity/sessions.js';
import { instanceSecret } from '../identity/instance-secret.js';
import { eventBusFanout, type Fanout } from './fanout.js';
import type { NotificationDeps } from './notification-deps.js';
import { sendNotification } from './send-notification.js';
import { deliverDueEmails } from './email-delivery.js';
import { createPushSender, deliverDuePushes, type PushDeps, type PushSender } from './push-delivery.js';
import { vapidKeys } from './push-keys.js';
import { pushRoutes } from './push-routes.js';
import { runDigests } from './digests.js';
import { LiveHub } from './live-hub.js';
import { timelineRoutes } from './timeline-routes.js';
import { preferenceRoutes } from './preference-routes.js';
import { unsubscribeRoutes } from './unsubscribe-routes.js';
import { liveRoute } from './live-route.js';
import { markResourceRead } from './timeline.js';

/** What one run of the notification jobs did. */
export interface NotificationJobsReport {
  emails: number;
  pushes: number;
  daily: { period: string; digests: number; items: number };
  weekly: { period: string; digests: number; items: number };
}

/** The notifications of one server process: sending, live sockets, emails and digests. */
export interface NotificationCenter {
  deps: NotificationDeps;
  /** Web Push: the jobs' dependencies (its sender signs with the instance's VAPID keys). */
  push: PushDeps;
  hub: LiveHub;
  apps: AppEnablementService;
  /** The `notify` service plugins receive. */
  service: NotifyService;
  send(notification: NotificationInput): Promise<NotificationSent>;
  /** Sends the emails that are due and the digests of the latest periods, once (tests call it by hand). */
  runJobs(): Promise<NotificationJobsReport>;
  /** Sends the digests of the latest period, as another mailer or worker when given (benchmarks, tests). */
  runDigests(kind: 'daily' | 'weekly', options?: { mailer?: Mailer; worker?: string; batchSize?: number }): Promise<NotificationJobsReport['daily']>;
  /** Resolves once the emails that `send` started are handed to SMTP. */
  drain(): Promise<void>;
  /** Runs the jobs every `notifications.jobIntervalSeconds` (the server does; tests do not). */
  start(): void;
  close(): Promise<void>;
}

// The session store's channel: a session that ends, or a user who changes (blocked), closes their sockets.
const SESSIONS_CHANNEL = 'preau_sessions';
const HEARTBEAT_MS = 30_000;
const SIGNAL_COALESCE_MS = 250;
const SESSION_CHECK_MS = 60_000;

/** Assembles the notification center; its routes are registered with `notificationRoutes`. */
export async function createNotificationCenter(options: {
  knex: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  mailer: Mailer;
  events: EventBus;
  apps: AppEnablementService;
  registry: () => PluginRegistry | undefined;
  publicUrl: string;
  config: PreauConfig;
  fanout?: Fanout;
  /** Another push sender (benchmarks compare the job system with the bare sender). */
  pushSender?: PushSender;
}): Promise<NotificationCenter> {
  const { knex, clock, log, config } = options;
  const deps: NotificationDeps = {
    knex,
    clock,
    log,
    mailer: options.mailer,
    registry: options.registry,
    fanout: options.fanout ?? eventBusFanout(options.events),
    publicUrl: options.publicUrl,
    unsubscribeKey: await instanceSecret(knex, 'notification-unsubscribe'),
    settings: config.notifications,
    worker: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
  };
  const push: PushDeps = {
    knex,
    clock,
    log,
    registry: options.registry,
    sender: options.pushSender ?? createPushSender(await vapidKeys(knex), config.notifications.push),
  };
  const hub = new LiveHub({ knex, registry: options.registry, log, clock, settings: config.notifications, idleMinutes: config.sessions.idleMinutes });
  const pending = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>): void => {
    const tracked = promise.catch((error: unknown) => log.error({ err: error }, 'notification work failed')).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  const stopFanout = await deps.fanout.subscribe((message) => track(hub.deliver(message)));
  const stopSessions = await options.events.subscribe(SESSIONS_CHANNEL, (payload) => {
    const message = payload as { sessionId?: string; userId?: number } | null;
    if (message?.sessionId) hub.endSession(message.sessionId);
    if (typeof message?.userId === 'number') track(hub.checkSessions(message.userId));
  });
  const heartbeat = setInterval(() => hub.heartbeat(), HEARTBEAT_MS);
  heartbeat.unref();
  const sessionCheck = setInterval(() => track(hub.checkSessions()), SESSION_CHECK_MS);
  sessionCheck.unref();
  let jobs: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  const signals = new Map<string, { users: Set<number>; timer: NodeJS.Timeout }>();

  const send = async (notification: NotificationInput): Promise<NotificationSent> => {
    const written = await sendNotification(deps, notification);
    if (written.recipients > 0) {
      // Written and committed: a failed publish or email only delays them (the timeline has it; the jobs retry).
      track(deps.fanout.publish({ kind: 'notification', id: written.id, users: written.users }));
      if (written.emailsDue) track(deliverDueEmails(deps, { notificationId: written.id }));
      // Pushed after the commit, off the request: a slow push service delays nobody (a failure is retried by the jobs).
      if (written.pushesDue) track(deliverDuePushes(push, { notificationId: written.id }));
    }
    return { id: written.id, recipients: written.recipients };
  };

  const runJobs = async (): Promise<NotificationJobsReport> => ({
    emails: await deliverDueEmails(deps),
    pushes: await deliverDuePushes(push),
    daily: await runDigests(deps, 'daily'),
    weekly: await runDigests(deps, 'weekly'),
  });

  return {
    deps,
    push,
    hub,
    apps: options.apps,
    service: {
      send,
      async markRead({ users, resource }) {
        const changed = await markResourceRead(knex, users, clock.now(), resource);
        for (const [userId, ids] of changed) track(deps.fanout.publish({ kind: 'read', userId, ids }));
      },
      async signal({ app, name, users, data }) {
        if (users.length === 0) return;
        // A burst of the same hint (a thousand families signing one word) goes out once per 250 ms, to everyone
        // who should hear it. Each process flushes its own: nothing waits in one process for another.
        const key = JSON.stringify([app, name, data ?? {}]);
        const waiting = signals.get(key);
        if (waiting) {
          for (const user of users) waiting.users.add(user);
          return;
        }
        const entry = { users: new Set(users), timer: setTimeout(() => {
          signals.delete(key);
          track(deps.fanout.publish({ kind: 'signal', app, name, users: [...entry.users], data: { ...data } }));
        }, SIGNAL_COALESCE_MS) };
        entry.timer.unref();
        signals.set(key, entry);
      },
    },
    send,
    runJobs,
    runDigests: (kind, options = {}) =>
      runDigests({ ...deps, mailer: options.mailer ?? deps.mailer, worker: options.worker ?? deps.worker }, kind, { batchSize: options.batchSize }),
    async drain() {
      while (pending.size) await Promise.all([...pending]);
    },
    start() {
      if (jobs) return;
      jobs = setInterval(() => {
        running ??= runJobs()
          .catch((error: unknown) => log.error({ err: error }, 'notification jobs failed'))
          .finally(() => (running = undefined));
      }, config.notifications.jobIntervalSeconds * 1000);
      jobs.unref();
    },
    async close() {
      // Pending live hints are dropped: the tabs reconnect to another process and reload anyway.
      for (const { timer } of signals.values()) clearTimeout(timer);
      signals.clear();
      clearInterval(heartbeat);
      clearInterval(sessionCheck);
      if (jobs) clearInterval(jobs);
      await running;
      hub.closeAll();
      await stopFanout().catch(() => {});
      await stopSessions().catch(() => {});
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

/** Registers the timeline, preferences, unsubscribe and live routes. */
export async function notificationRoutes(app: FastifyInstance, deps: { center: NotificationCenter; sessions: SessionStore; publicUrl: string }): Promise<void> {
  await app.register(timelineRoutes, deps.center);
  await app.register(preferenceRoutes, deps.center);
  await app.register(unsubscribeRoutes, deps.center);
  await app.register(pushRoutes, deps.center);
  await app.register(liveRoute, deps);
}
