import type { Knex } from 'knex';
import { PushSubscriptionInvalid } from '../errors.js';

/** A device's subscription as the browser gives it (`PushSubscription.toJSON()`). */
export interface DeviceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A device as Mon compte lists it. */
export interface SubscribedDevice {
  id: number;
  browser: string;
  createdAt: string;
  /** True for the device that asks (its session made the subscription). */
  current: boolean;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** True when `endpoint` is on one of the allowed push services (`https://*.push.apple.com` matches subdomains). */
export function endpointAllowed(endpoint: string, origins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return origins.some((allowed) => {
    const wildcard = allowed.match(/^(https?:\/\/)\*\.(.+)$/);
    if (!wildcard) return url.origin === allowed;
    return `${url.protocol}//` === wildcard[1] && url.host.endsWith(`.${wildcard[2]}`);
  });
}

/** "Chrome sur Android", "Firefox sur Windows": enough for a person to tell their devices apart. */
export function browserOf(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /SamsungBrowser\//.test(ua) ? 'Samsung Internet'
    : /(Chrome|Chromium|CriOS)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Navigateur';
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad|iPod/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /CrOS/.test(ua) ? 'ChromeOS' : /Linux/.test(ua) ? 'Linux' : '';
  return system ? `${browser} sur ${system}` : browser;
}

/** Checks a subscription's shape and push service; throws a French 400 otherwise. */
export function checkSubscription(subscription: DeviceSubscription, origins: readonly string[]): void {
  if (!endpointAllowed(subscription.endpoint, origins)) {
    throw PushSubscriptionInvalid("ce service de notifications n'est pas autorisé", 'this push service is not allowed');
  }
  const { p256dh, auth } = subscription.keys;
  // A P-256 public key is 65 bytes (87 characters in base64url), the auth secret 16 (22 characters).
  if (!BASE64URL.test(p256dh) || Buffer.from(p256dh, 'base64url').length !== 65 || !BASE64URL.test(auth) || Buffer.from(auth, 'base64url').length !== 16) {
    throw PushSubscriptionInvalid('clés de chiffrement invalides', 'invalid encryption keys');
  }
}

/**
 * Keeps a device's subscription for the session that asks. The same endpoint subscribed again (another person
 * signing in on a shared phone) moves to the new session and user: a device has one subscription at a time.
 */
export async function saveSubscription(
  knex: Knex,
  owner: { userId: number; sessionId: string; userAgent?: string },
  subscription: DeviceSubscription,
  now: Date,
): Promise<number> {
  const [row] = await knex('core.push_subscriptions')
    .insert({
      user_id: owner.userId,
      session_id: owner.sessionId,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      browser: browserOf(owner.userAgent),
      created_at: now,
    })
    .onConflict('endpoint')
    .merge(['user_id', 'session_id', 'p256dh', 'auth', 'browser', 'created_at'])
    .returning('id');
  return Number(row.id);
}

/** The user's devices, newest first. */
export async function listDevices(knex: Knex, userId: number, sessionId: string): Promise<SubscribedDevice[]> {
  const rows: { id: string | number; browser: string; created_at: Date | string; session_id: string }[] = await knex('core.push_subscriptions')
    .where({ user_id: userId })
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .select('id', 'browser', 'created_at', 'session_id');
  return rows.map((row) => ({ id: Number(row.id), browser: row.browser, createdAt: new Date(row.created_at).toISOString(), current: row.session_id === sessionId }));
}
