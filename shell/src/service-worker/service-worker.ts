// Préau's service worker, built with the shell (core/src/web/build-shell.ts) into /sw.js. Its version is the
// hash of everything it precaches: a new build is a new worker, installed in the background, that waits until
// the user accepts « Nouvelle version disponible ».
import type { ExtendableEvent, FetchEvent, WorkerScope } from './worker-types.js';
import { DATA_CACHE, OFFLINE_READABLE, OUTBOX_CACHE, QUEUED_OFFLINE, SESSION_KEY } from './offline-data.js';

declare const __PREAU_VERSION__: string;
declare const __PREAU_PRECACHE__: string[];

const scope = self as unknown as WorkerScope;
const SHELL_CACHE = `preau-shell-${__PREAU_VERSION__}`;
// Apps' bundles and the shell's chunks are content-hashed: a name never changes content, so cache first.
const CODE_CACHE = 'preau-code';
const OFFLINE_PAGE = '/offline.html';
const CODE = /^\/(shell\/.+\.js|apps\/[^/]+\/.+\.(js|css)|icons\/[^/]+|favicon\.ico)$/;

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
const offline = (queued: boolean): Response =>
  json(503, queued
    ? { code: 'PREAU_ERR_OFFLINE_QUEUED', message: 'Vous êtes hors connexion : votre confirmation est gardée sur cet appareil et sera envoyée dès le retour du réseau.' }
    : { code: 'PREAU_ERR_OFFLINE', message: "Vous êtes hors connexion : rien n'a été envoyé. Réessayez une fois le réseau revenu." });

async function forgetData(): Promise<void> {
  await Promise.all([caches.delete(DATA_CACHE), caches.delete(OUTBOX_CACHE)]);
}

async function noteSession(csrf: string | null): Promise<void> {
  const cache = await caches.open(DATA_CACHE);
  await cache.put(SESSION_KEY, json(200, { csrf }));
}

async function session(): Promise<{ csrf: string | null } | undefined> {
  const answer = await caches.match(SESSION_KEY, { cacheName: DATA_CACHE });
  return answer ? ((await answer.json()) as { csrf: string | null }) : undefined;
}

/** Sends the actions queued offline; an answer of the server (even a refusal) ends them, a network error keeps them. */
let flushing: Promise<void> | undefined;
function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    const outbox = await caches.open(OUTBOX_CACHE);
    for (const key of await outbox.keys()) {
      const stored = await outbox.match(key);
      const { url, headers, body } = (await stored!.json()) as { url: string; headers: Record<string, string>; body: string };
      try {
        await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
        await outbox.delete(key);
      } catch {
        return;
      }
    }
  })().finally(() => (flushing = undefined));
  return flushing;
}

scope.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(__PREAU_PRECACHE__);
    // The first worker takes over at once; later ones wait for the user's « Mettre à jour ».
    if (!scope.registration.active) await scope.skipWaiting();
  })());
});

scope.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((name) => name.startsWith('preau-shell-') && name !== SHELL_CACHE);
    // A new version starts the apps' code afresh too: what the new shell loads is fetched again once, and the
    // bundles of older builds do not pile up.
    if (older.length) await caches.delete(CODE_CACHE);
    for (const name of older) await caches.delete(name);
    await scope.clients.claim();
  })());
});

scope.addEventListener('message', (event) => {
  const message = event.data as { type?: string; csrf?: string } | null;
  if (message?.type === 'skip-waiting') event.waitUntil(scope.skipWaiting());
  else if (message?.type === 'signed-in') event.waitUntil(noteSession(message.csrf ?? null));
  else if (message?.type === 'signed-out') event.waitUntil(forgetData());
  else if (message?.type === 'online') event.waitUntil(flushOutbox());
});

scope.addEventListener('sync', (event) => {
  if (event.tag === OUTBOX_CACHE) event.waitUntil(flushOutbox());
});

/** A documented answer: from the network, kept (its first page only); from the cache when the network fails. */
async function fromNetworkOrCache(request: Request, path: string): Promise<Response> {
  const cacheable = !new URL(request.url).searchParams.has('before');
  try {
    const response = await fetch(request);
    if (response.status === 401) await forgetData();
    else if (cacheable && response.ok) {
      const cache = await caches.open(DATA_CACHE);
      await cache.put(path, response.clone());
    }
    if (response.ok) void flushOutbox();
    return response;
  } catch {
    const cached = cacheable ? await caches.match(path, { cacheName: DATA_CACHE }) : undefined;
    return cached ?? offline(false);
  }
}

async function write(request: Request, path: string): Promise<Response> {
  const queueable = QUEUED_OFFLINE.some((pattern) => pattern.test(path));
  const copy = queueable ? request.clone() : undefined;
  try {
    const response = await fetch(request);
    if (path === '/api/core/session' && request.method === 'DELETE') await forgetData();
    return response;
  } catch {
    if (!copy) return offline(false);
    const headers: Record<string, string> = { 'content-type': copy.headers.get('content-type') ?? 'application/json' };
    const csrf = copy.headers.get('x-csrf-token') ?? (await session())?.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    const outbox = await caches.open(OUTBOX_CACHE);
    await outbox.put(path, json(200, { url: path, headers, body: await copy.text() }));
    // Background Sync (Chromium) sends it even if no page of Préau is open when the network returns.
    await (scope.registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(OUTBOX_CACHE).catch(() => undefined);
    return offline(true);
  }
}

async function code(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && !request.url.endsWith('.map')) {
    const cache = await caches.open(CODE_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

scope.addEventListener('fetch', (event: FetchEvent) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    // Files (downloads, pictures) stream past the worker: only JSON answers are its business.
    if (path.startsWith('/api/core/files/')) return;
    if (request.method !== 'GET') event.respondWith(write(request, path));
    else if (OFFLINE_READABLE.some((pattern) => pattern.test(path))) event.respondWith(fromNetworkOrCache(request, path));
    // Other reads go straight to the network (no detour through the worker), or get a French answer offline.
    else if (!(self as unknown as { navigator: Navigator }).navigator.onLine) event.respondWith(offline(false));
  } else if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(async () => (await caches.match(OFFLINE_PAGE)) ?? offline(false)));
  } else if (request.method === 'GET' && CODE.test(path)) {
    event.respondWith(code(request));
  }
});

scope.addEventListener('push', (event) => {
  const data = (event.data?.json() ?? {}) as { title?: string; app?: string; url?: string; tag?: string };
  event.waitUntil((async () => {
    // A device whose person signed out shows nothing (its subscription ended with the session on the server).
    if (!(await session())) return;
    await scope.registration.showNotification(data.title ?? 'Préau', {
      body: data.app ?? '',
      tag: data.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: data.url ?? '/' },
      lang: 'fr',
    });
  })());
});

/** Opens a notification's page: in the open tab of Préau (focused, the shell changes page), else a new window. */
async function openNotificationPage(data: unknown): Promise<void> {
  const target = new URL((data as { url?: string } | null)?.url ?? '/', scope.location.origin);
  // Only a page of Préau: the payload's link is a path, never another site.
  const path = target.origin === scope.location.origin ? target.pathname + target.search : '/';
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === scope.location.origin);
  if (open) {
    await open.focus().catch(() => undefined);
    open.postMessage({ type: 'preau-open', path });
    return;
  }
  await scope.clients.openWindow(path);
}
// Headless Chromium cannot click a notification: the browser tests call this as the click would.
(scope as unknown as { openNotificationPage: typeof openNotificationPage }).openNotificationPage = openNotificationPage;

scope.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openNotificationPage(event.notification.data));
});
