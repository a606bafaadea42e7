import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link stops: one type of one app, or (app and type `*`) every email. */
export interface UnsubscribeScope {
  userId: number;
  app: string;
  type: string;
}

const SCOPE = /^(\d{1,10}):([a-z*][a-z0-9-]*|\*):([a-z*][a-zA-Z0-9-]*|\*)$/;

function sign(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`unsubscribe:${payload}`).digest().subarray(0, 16);
}

/**
 * A link token that needs no session: the scope in clear and a MAC of it. It never expires (an old email's
 * link should still stop the emails) and can only ever turn email off, so a leaked one does little harm.
 */
export function unsubscribeToken(key: Buffer, scope: UnsubscribeScope): string {
  const payload = `${scope.userId}:${scope.app}:${scope.type}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(key, payload).toString('base64url')}`;
}

/** The scope of a token, or null when it was altered. */
export function readUnsubscribeToken(key: Buffer, token: string): UnsubscribeScope | null {
  const [encoded, mac] = token.split('.');
  if (!encoded || !mac) return null;
  const payload = Buffer.from(encoded, 'base64url').toString();
  const match = SCOPE.exec(payload);
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(key, payload);
  if (!match || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId: Number(match[1]), app: match[2]!, type: match[3]! };
}
