import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '@preau/sdk';
import type { Database } from '../db/open-database.js';
import { checkChannel, parsePayload } from './event-channels.js';

type Handler = (payload: unknown) => void;

/** An event bus that can be closed with the platform. */
export interface ClosableEventBus extends EventBus {
  close(): Promise<void>;
}

/**
 * The cross-process event bus on PostgreSQL LISTEN/NOTIFY. On PostgreSQL a dedicated connection (outside the
 * pool) listens and reconnects when it drops; on PGlite (one process) the engine's own listen is used.
 */
export function createEventBus(database: Database, log: FastifyBaseLogger): ClosableEventBus {
  const handlers = new Map<string, Set<Handler>>();
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  const pgliteUnlisten = new Map<string, () => Promise<void>>();

  const dispatch = (channel: string, raw: string | undefined): void => {
    const payload = parsePayload(raw);
    for (const handler of handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        log.error({ err: error, channel }, 'event handler failed');
      }
    }
  };

  const connectListener = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: database.url });
    client.on('notification', (message) => dispatch(message.channel, message.payload));
    client.on('error', (error) => {
      log.warn({ err: error }, 'event bus connection lost; reconnecting');
      listener = undefined;
      connecting = undefined;
      if (!closed) setTimeout(() => void relisten(), 500).unref();
    });
    await client.connect();
    for (const channel of handlers.keys()) await client.query(`listen ${channel}`);
    listener = client;
    return client;
  };
  const relisten = async (): Promise<void> => {
    try {
      connecting ??= connectListener();
      await connecting;
    } catch (error) {
      connecting = undefined;
      log.error({ err: error }, 'event bus could not reconnect');
      if (!closed) setTimeout(() => void relisten(), 2000).unref();
    }
  };
  const pgListener = async (): Promise<pg.Client> => (listener ??= await (connecting ??= connectListener()));

  const listen = async (channel: string): Promise<void> => {
    if (database.kind === 'pglite') {
      const pglite = database.pglite as PGlite;
      pgliteUnlisten.set(channel, await pglite.listen(channel, (raw) => dispatch(channel, raw)));
    } else {
      await (await pgListener()).query(`listen ${channel}`);
    }
  };
  const unlisten = async (channel: string): Promise<void> => {
    if (database.kind === 'pglite') {
      await pgliteUnlisten.get(channel)?.();
      pgliteUnlisten.delete(channel);
    } else if (listener) {
      await listener.query(`unlisten ${channel}`);
    }
  };

  return {
    async publish(channel, payload) {
      checkChannel(channel);
      await database.knex.raw('select pg_notify(?, ?)', [channel, JSON.stringify(payload)]);
    },
    async subscribe(channel, handler) {
      checkChannel(channel);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listen(channel);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          if (!closed) await unlisten(channel);
        }
      };
    },
    async close() {
      closed = true;
      handlers.clear();
      if (database.kind === 'pglite') {
        for (const stop of pgliteUnlisten.values()) await stop().catch(() => {});
        pgliteUnlisten.clear();
      } else {
        const client = listener ?? (connecting ? await connecting.catch(() => undefined) : undefined);
        await client?.end().catch(() => {});
      }
    },
  };
}
