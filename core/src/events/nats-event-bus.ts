import { connect, type NatsConnection, type Subscription } from 'nats';
import type { FastifyBaseLogger } from 'fastify';
import type { ClosableEventBus } from './event-bus.js';
import { checkChannel, parsePayload } from './event-channels.js';

type Handler = (payload: unknown) => void;

export interface NatsEventBusOptions {
  /** `nats://host:port`, or several separated by commas (a NATS cluster). */
  servers: string;
  /** Put before every channel name, so that several Préau installations can share one NATS. */
  subjectPrefix: string;
}

/**
 * The cross-process event bus on NATS, for an academy whose processes run on several machines or whose
 * fan-out outgrows PostgreSQL's NOTIFY (one listening connection per process, 8 kB payloads, every
 * notification going through the database's single notification queue). Same contract as the PostgreSQL bus:
 * a message published by any process, this one included, reaches every subscriber of its channel.
 * The client reconnects by itself and keeps its subscriptions; messages sent while a process is cut off are
 * lost for it, as with NOTIFY, which is why live clients catch up from the database when they reconnect.
 */
export async function createNatsEventBus(options: NatsEventBusOptions, log: FastifyBaseLogger): Promise<ClosableEventBus> {
  let connection: NatsConnection;
  try {
    connection = await connect({
      servers: options.servers.split(',').map((server) => server.trim()).filter(Boolean),
      name: `preau-${process.pid}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
  } catch (error) {
    throw new Error(`event bus: cannot reach NATS at ${options.servers} (events.nats.servers, NATS_URL): ${(error as Error).message}`, { cause: error });
  }
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') log.warn({ server: status.data }, 'event bus (NATS) connection lost; reconnecting');
      else if (status.type === 'reconnect') log.info({ server: status.data }, 'event bus (NATS) reconnected');
    }
  })();
  const handlers = new Map<string, { set: Set<Handler>; subscription: Subscription }>();
  const subject = (channel: string): string => `${options.subjectPrefix}.${channel}`;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  return {
    async publish(channel, payload) {
      checkChannel(channel);
      connection.publish(subject(channel), encoder.encode(JSON.stringify(payload)));
    },
    async subscribe(channel, handler) {
      checkChannel(channel);
      let entry = handlers.get(channel);
      if (!entry) {
        const set = new Set<Handler>();
        const subscription = connection.subscribe(subject(channel), {
          callback: (error, message) => {
            if (error) return log.error({ err: error, channel }, 'event bus (NATS) subscription failed');
            const data = parsePayload(decoder.decode(message.data));
            for (const each of set) {
              try {
                each(data);
              } catch (failure) {
                log.error({ err: failure, channel }, 'event handler failed');
              }
            }
          },
        });
        entry = { set, subscription };
        handlers.set(channel, entry);
        entry.set.add(handler);
        // Once the server has the subscription, a publish from another process is sure to reach it.
        await connection.flush();
      } else {
        entry.set.add(handler);
      }
      const own = entry;
      return async () => {
        own.set.delete(handler);
        if (own.set.size === 0 && handlers.get(channel) === own) {
          handlers.delete(channel);
          own.subscription.unsubscribe();
        }
      };
    },
    async close() {
      handlers.clear();
      // Sends what is still buffered, then closes.
      await connection.drain().catch(() => connection.close());
    },
  };
}
