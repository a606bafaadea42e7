// The page's side of the service worker: registration, the « nouvelle version disponible » prompt, what a
// sign-out forgets on this device, and the device's push subscription.
import { DATA_CACHE, OUTBOX_CACHE } from './offline-data.js';

/** Fired on window when a new version waits (the shell shows its prompt). */
export const UPDATE_READY_EVENT = 'preau-update-ready';
/** Fired on window with a path when a notification was clicked (the shell opens it). */
export const OPEN_PATH_EVENT = 'preau-open-path';

const supported = (): boolean => 'serviceWorker' in navigator && window.isSecureContext;

function watchForUpdate(registration: ServiceWorkerRegistration): void {
  const announce = (): void => {
    if (registration.waiting && navigator.serviceWorker.controller) window.dispatchEvent(new CustomEvent(UPDATE_READY_EVENT));
  };
  announce();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => installing.state === 'installed' && announce());
  });
}

/** Registers /sw.js once the page has loaded (it never delays the first paint). */
export function registerAppWorker(): void {
  if (!supported()) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; path?: string }>) => {
    if (event.data?.type === 'preau-open' && event.data.path?.startsWith('/')) window.dispatchEvent(new CustomEvent(OPEN_PATH_EVENT, { detail: event.data.path }));
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only after the user accepted the new version: the first worker's claim reloads nothing.
    if (reloading) location.reload();
  });
  window.addEventListener('online', () => navigator.serviceWorker.controller?.postMessage({ type: 'online' }));
  const register = async (): Promise<void> => {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' });
    watchForUpdate(registration);
    // Looked for again when the app comes back to the front (an installed app stays open for days).
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void registration.update().catch(() => undefined));
    window.addEventListener(`${UPDATE_READY_EVENT}-accepted`, () => {
      reloading = true;
      registration.waiting?.postMessage({ type: 'skip-waiting' });
    });
  };
  if (document.readyState === 'complete') void register().catch(() => undefined);
  else window.addEventListener('load', () => void register().catch(() => undefined), { once: true });
}

/** Tells the worker who is signed in (pushes show only then; the offline page confirms with this token). */
export function noteSignedIn(csrf: string): void {
  if (!supported()) return;
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'signed-in', csrf }));
}

/**
 * Forgets on this device what belonged to the person who signs out: the API answers kept for offline reading,
 * the actions waiting to be sent, and the push subscription (the server ended it with the session).
 */
export async function forgetDevice(): Promise<void> {
  if (!supported()) return;
  const registration = await navigator.serviceWorker.getRegistration('/');
  registration?.active?.postMessage({ type: 'signed-out' });
  await Promise.all([caches.delete(DATA_CACHE), caches.delete(OUTBOX_CACHE)]).catch(() => undefined);
  const subscription = await registration?.pushManager.getSubscription().catch(() => null);
  await subscription?.unsubscribe().catch(() => false);
}

/** The push subscription of this device, made with the server's key (asks for the permission when needed). */
export async function subscribeDevice(publicKey: string): Promise<PushSubscriptionJSON> {
  if (!supported() || !('PushManager' in window)) throw new Error('push-unsupported');
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('push-denied');
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).then(() => navigator.serviceWorker.ready);
  const key = Uint8Array.from(atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const existing = await registration.pushManager.getSubscription();
  const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
  return subscription.toJSON();
}

/** The endpoint of this device's subscription, if it has one. */
export async function deviceEndpoint(): Promise<string | null> {
  if (!supported() || !('PushManager' in window)) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription())?.endpoint ?? null;
}
