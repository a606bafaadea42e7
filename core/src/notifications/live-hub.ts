import type { Knex } from 'knex';
import type { WebSocket } from 'ws';
import type { Clock, Language } from '@preau/sdk';
import type { FastifyBaseLogger } from 'fastify';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { FanoutMessage } from './fanout.js';
import { quietHoursOf, type NotificationDeps } from './notification-deps.js';
import { findType } from './notification-types.js';
import { quietUntil } from './quiet-hours.js';
import { toTimelineItem, type NotificationRow } from './render-notification.js';
import { timelinePage, unreadCount } from './timeline.js';

/** One open tab of a signed-in user, on this process. */
export interface LiveSocket {
  ws: WebSocket;
  userId: number;
  /** The session's id (the hash of its cookie token): the socket closes when the session ends. */
  sessionId: string;
  language: Language;
  /** While missed items are read from the database, live ones wait here so that none overtakes or repeats. */
  queued?: { id: number; data: string }[];
  sent: Set<number>;
  alive: boolean;
}

/** Close codes the shell understands: 4001 means sign in again; 1001 means reconnect later. */
export const CLOSE_SESSION_ENDED = 4001;
export const CLOSE_GOING_AWAY = 1001;

// Resuming sends at most this many missed items; a tab away longer reloads its timeline.
const RESUME_LIMIT = 100;
// Ids remembered per socket to drop repeats (a live push racing a resume).
const SENT_MEMORY = 500;

/**
 * The open sockets of this process, by user, and what to push to them. Every process receives every
 * fan-out message and pushes only to its own sockets: a notification costs each process a few reads for the
 * recipients it serves, however many there are elsewhere.
 */
export class LiveHub {
  readonly #byUser = new Map<number, Set<LiveSocket>>();
  readonly #knex: Knex;
  readonly #registry: () => PluginRegistry | undefined;
  readonly #log: FastifyBaseLogger;
  readonly #clock: Clock;
  readonly #deps: Pick<NotificationDeps, 'settings'>;
  readonly #idleMs: number;

  constructor(deps: { knex: Knex; registry: () => PluginRegistry | undefined; log: FastifyBaseLogger; clock: Clock; settings: NotificationDeps['settings']; idleMinutes: number }) {
    this.#knex = deps.knex;
    this.#registry = deps.registry;
    this.#log = deps.log;
    this.#clock = deps.clock;
    this.#deps = { settings: deps.settings };
    this.#idleMs = deps.idleMinutes * 60_000;
  }

  /** How many sockets are open on this process. */
  get size(): number {
    let count = 0;
    for (const set of this.#byUser.values()) count += set.size;
    return count;
  }

  add(ws: WebSocket, session: { sessionId: string; user: { id: number; language: Language } }): LiveSocket {
    const socket: LiveSocket = { ws, userId: session.user.id, sessionId: session.sessionId, language: session.user.language, sent: new Set(), alive: true };
    let set = this.#byUser.get(socket.userId);
    if (!set) this.#byUser.set(socket.userId, (set = new Set()));
    set.add(socket);
    return socket;
  }

  remove(socket: LiveSocket): void {
    const set = this.#byUser.get(socket.userId);
    set?.delete(socket);
    if (set?.size === 0) this.#byUser.delete(socket.userId);
  }

  /** Sends the unread count, and what was missed since `after` when the tab reconnects. */
  async start(socket: LiveSocket, after?: number): Promise<void> {
    if (after !== undefined) await this.resume(socket, after);
    else this.#send(socket, JSON.stringify({ type: 'unread', count: await unreadCount(this.#knex, socket.userId) }));
  }

  /** Sends the items after `after` from the database (oldest first), then the live ones that came meanwhile. */
  async resume(socket: LiveSocket, after: number): Promise<void> {
    socket.queued ??= [];
    try {
      const page = await timelinePage(this.#knex, this.#registry(), { id: socket.userId, language: socket.language }, { after, limit: RESUME_LIMIT });
      if (page.more) {
        this.#send(socket, JSON.stringify({ type: 'resync' }));
      } else {
        for (const item of page.items) this.#push(socket, item.id, JSON.stringify({ type: 'notification', item, missed: true }));
      }
    } finally {
      const queued = socket.queued ?? [];
      socket.queued = undefined;
      for (const { id, data } of queued) this.#push(socket, id, data);
    }
    this.#send(socket, JSON.stringify({ type: 'unread', count: await unreadCount(this.#knex, socket.userId) }));
  }

  /** Handles a fan-out message from any process. */
  async deliver(message: FanoutMessage): Promise<void> {
    if (this.#byUser.size === 0) return;
    if (message.kind === 'read') return this.#deliverRead(message);
    if (message.kind === 'signal') return this.#deliverSignal(message);
    const local = message.users ? message.users.filter((id) => this.#byUser.has(id)) : [...this.#byUser.keys()];
    if (local.length === 0) return;
    // One read for the recipients this process serves, their unread counters and quiet hours.
    const recipients: { user_id: number; unread: number | null; q_enabled: boolean | null; q_start: string | null; q_end: string | null; q_weekends: boolean | null }[] = (
      await this.#knex.raw(
        `select r.user_id, c.count as unread, q.enabled as q_enabled, q.start_time as q_start, q.end_time as q_end, q.weekends as q_weekends
           from core.notification_recipients r
           left join core.notification_unread c on c.user_id = r.user_id
           left join core.notification_quiet_hours q on q.user_id = r.user_id
          where r.notification_id = ? and r.user_id = any(?::int[])`,
        [message.id, local],
      )
    ).rows;
    if (recipients.length === 0) return;
    const row: NotificationRow | undefined = await this.#knex('core.notifications as n')
      .leftJoin('core.users as a', 'a.id', 'n.actor_id')
      .where('n.id', message.id)
      .first('n.id', 'n.app', 'n.type', 'n.actor_id', 'a.display_name as actor_name', 'n.resource', 'n.params', 'n.created_at');
    if (!row) return;
    const declared = findType(this.#registry(), row.app, row.type);
    const now = this.#clock.now();
    // Serialised once per language and quietness, not once per socket.
    const messages = new Map<string, string>();
    for (const recipient of recipients) {
      // During quiet hours the tab still shows the item (the timeline shows it at once), without any alert.
      const quiet = quietUntil(now, quietHoursOf(this.#deps, recipient), this.#deps.settings.timeZone) !== null;
      const unread = JSON.stringify({ type: 'unread', count: Number(recipient.unread ?? 0) });
      for (const socket of this.#byUser.get(recipient.user_id) ?? []) {
        const key = `${socket.language}:${quiet}`;
        let data = messages.get(key);
        if (!data) messages.set(key, (data = JSON.stringify({ type: 'notification', item: toTimelineItem(row, declared, socket.language), quiet })));
        this.#push(socket, Number(row.id), data);
        this.#send(socket, unread);
      }
    }
  }

  async #deliverRead(message: Extract<FanoutMessage, { kind: 'read' }>): Promise<void> {
    const sockets = this.#byUser.get(message.userId);
    if (!sockets) return;
    const count = await unreadCount(this.#knex, message.userId);
    const read = JSON.stringify({ type: 'read', ...(message.all ? { all: true } : { ids: message.ids ?? [] }), ...(message.hidden ? { hidden: message.hidden } : {}) });
    const unread = JSON.stringify({ type: 'unread', count });
    for (const socket of sockets) {
      this.#send(socket, read);
      this.#send(socket, unread);
    }
  }

  #deliverSignal(message: Extract<FanoutMessage, { kind: 'signal' }>): void {
    const data = JSON.stringify({ type: 'signal', app: message.app, name: message.name, data: message.data });
    for (const userId of message.users) for (const socket of this.#byUser.get(userId) ?? []) this.#send(socket, data);
  }

  #push(socket: LiveSocket, id: number, data: string): void {
    if (socket.queued) {
      socket.queued.push({ id, data });
      return;
    }
    if (socket.sent.has(id)) return;
    socket.sent.add(id);
    if (socket.sent.size > SENT_MEMORY) socket.sent.delete(socket.sent.values().next().value!);
    this.#send(socket, data);
  }

  #send(socket: LiveSocket, data: string): void {
    if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(data);
  }

  /** Closes the sockets of sessions that ended, expired, went idle or whose user was blocked. */
  async checkSessions(userId?: number): Promise<void> {
    const sockets = userId === undefined ? [...this.#byUser.values()].flatMap((set) => [...set]) : [...(this.#byUser.get(userId) ?? [])];
    if (sockets.length === 0) return;
    const now = this.#clock.now();
    const valid = new Set<string>(
      (
        await this.#knex('core.sessions as s')
          .join('core.users as u', 'u.id', 's.user_id')
          .whereIn('s.id', [...new Set(sockets.map((s) => s.sessionId))])
          .where('s.expires_at', '>', now)
          .where('s.last_seen_at', '>', new Date(now.getTime() - this.#idleMs))
          .where('u.state', 'active')
          .select('s.id')
      ).map((row: { id: string }) => row.id),
    );
    for (const socket of sockets) if (!valid.has(socket.sessionId)) socket.ws.close(CLOSE_SESSION_ENDED, 'session ended');
  }

  /** Closes the sockets of one session at once (signed out, revoked). */
  endSession(sessionId: string): void {
    for (const set of this.#byUser.values()) for (const socket of set) if (socket.sessionId === sessionId) socket.ws.close(CLOSE_SESSION_ENDED, 'session ended');
  }

  /** Pings every socket; one that did not answer the previous ping is cut (a laptop that went to sleep). */
  heartbeat(): void {
    for (const set of this.#byUser.values()) {
      for (const socket of set) {
        if (!socket.alive) {
          socket.ws.terminate();
          continue;
        }
        socket.alive = false;
        socket.ws.ping();
      }
    }
  }

  closeAll(): void {
    for (const set of this.#byUser.values()) for (const socket of set) socket.ws.close(CLOSE_GOING_AWAY, 'server shutting down');
    this.#byUser.clear();
  }

  get log(): FastifyBaseLogger {
    return this.#log;
  }
}
