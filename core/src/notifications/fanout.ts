import type { EventBus } from '@preau/sdk';

/** What one process tells the others about notifications. */
export type FanoutMessage =
  /** A notification was written; `users` lists its recipients when they fit in the message. */
  | { kind: 'notification'; id: number; users?: number[] }
  /** A user read or hid items in one tab: their other tabs update (ids, or every item). */
  | { kind: 'read'; userId: number; ids?: number[]; all?: boolean; hidden?: number[] }
  /** A live-only signal of an app to the open tabs of some users (a tracking view refreshes). */
  | { kind: 'signal'; users: number[]; app: string; name: string; data: Record<string, unknown> };

/**
 * How live updates reach every server process, this one included. It rides the platform's event bus:
 * PostgreSQL LISTEN/NOTIFY by default, or NATS (`events.transport`), with the same payload limits on both.
 */
export interface Fanout {
  publish(message: FanoutMessage): Promise<void>;
  subscribe(handler: (message: FanoutMessage) => void): Promise<() => Promise<void>>;
}

const CHANNEL = 'preau_notifications';
// NOTIFY payloads are limited to 8,000 bytes: a longer list of recipients is left out, and each process reads
// the recipients it serves from the database instead.
const MAX_PAYLOAD = 7000;

/** The fan-out over the platform's event bus (LISTEN/NOTIFY on PostgreSQL, the engine's own on PGlite). */
export function eventBusFanout(events: EventBus): Fanout {
  return {
    async publish(message) {
      let payload: FanoutMessage = message;
      if (message.kind === 'notification' && message.users && JSON.stringify(message).length > MAX_PAYLOAD) payload = { kind: 'notification', id: message.id };
      if (message.kind === 'read' && JSON.stringify(message).length > MAX_PAYLOAD) payload = { kind: 'read', userId: message.userId, all: true };
      // A signal is only a hint to refresh: one too big for a NOTIFY goes out in slices of recipients.
      if (message.kind === 'signal' && JSON.stringify(message).length > MAX_PAYLOAD) {
        for (let start = 0; start < message.users.length; start += 500) await events.publish(CHANNEL, { ...message, users: message.users.slice(start, start + 500) });
        return;
      }
      await events.publish(CHANNEL, payload);
    },
    subscribe(handler) {
      return events.subscribe(CHANNEL, (payload) => {
        const message = payload as FanoutMessage | null;
        if (message && (message.kind === 'notification' || message.kind === 'read' || message.kind === 'signal')) handler(message);
      });
    },
  };
}
