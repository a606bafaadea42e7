/** What both event buses (PostgreSQL and NATS) accept as a channel name: a PostgreSQL identifier, a NATS token. */
const CHANNEL_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export function checkChannel(channel: string): void {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`Invalid event channel "${channel}"`);
}

/** A payload as published (JSON), or the raw text when another program published something else. */
export function parsePayload(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return raw;
  }
}
