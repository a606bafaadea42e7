/** A notification as the timeline and the live socket give it. */
export interface TimelineItem {
  id: number;
  app: string;
  type: string;
  actor: { id: number; displayName: string } | null;
  resource: { app: string; id: string; url: string };
  params: Record<string, unknown>;
  text: string;
  createdAt: string;
  read: boolean;
}

/** What the live connection reports, as DOM events on `LiveNotifications`. */
export interface LiveEvents {
  notification: { item: TimelineItem; quiet: boolean; missed: boolean };
  unread: { count: number };
  read: { ids?: number[]; all?: boolean; hidden?: number[] };
  /** An app's live-only signal (a tracking view refreshes). */
  signal: { app: string; name: string; data: Record<string, unknown> };
  /** The connection (re)opened: live-only signals sent meanwhile were missed, views may reload. */
  connected: Record<string, never>;
  /** Too much was missed while away: reload the timeline. */
  resync: Record<string, never>;
  /** The session ended (signed out elsewhere, blocked): the socket stays closed. */
  'session-ended': Record<string, never>;
}

const MAX_DELAY_MS = 30_000;

/**
 * The tab's one connection to `/ws`, shared by the bell and the timeline. It reconnects after a drop with a
 * growing, jittered delay (1 s, 2 s, 4 s… up to 30 s, so that a restarted server is not flooded by every tab at
 * once) and resumes from the last id it saw, so nothing is lost while away.
 */
export class LiveNotifications extends EventTarget {
  #socket?: WebSocket;
  #lastId?: number;
  #attempt = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #stopped = true;

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#socket?.close(1000);
    this.#socket = undefined;
    this.#lastId = undefined;
  }

  /** Tells the connection the newest id the page already shows (the timeline's first page). */
  seen(id: number): void {
    if (this.#lastId === undefined || id > this.#lastId) this.#lastId = id;
  }

  on<K extends keyof LiveEvents>(type: K, listener: (detail: LiveEvents[K]) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<LiveEvents[K]>).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  #emit<K extends keyof LiveEvents>(type: K, detail: LiveEvents[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #connect(): void {
    const url = new URL('/ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.#lastId !== undefined) url.searchParams.set('after', String(this.#lastId));
    const socket = new WebSocket(url);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#attempt = 0;
      this.#emit('connected', {});
    });
    socket.addEventListener('message', (event) => this.#receive(String(event.data)));
    socket.addEventListener('close', (event) => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (event.code === 4001) {
        this.#stopped = true;
        this.#emit('session-ended', {});
        return;
      }
      if (this.#stopped) return;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** this.#attempt) * (0.5 + Math.random() / 2);
      this.#attempt += 1;
      this.#timer = setTimeout(() => this.#connect(), delay);
    });
  }

  #receive(data: string): void {
    let message: { type?: string; app?: string; name?: string; data?: Record<string, unknown>; item?: TimelineItem; quiet?: boolean; missed?: boolean; count?: number; ids?: number[]; all?: boolean; hidden?: number[] };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    if (message.type === 'notification' && message.item) {
      this.seen(message.item.id);
      this.#emit('notification', { item: message.item, quiet: message.quiet === true, missed: message.missed === true });
    } else if (message.type === 'unread' && typeof message.count === 'number') {
      this.#emit('unread', { count: message.count });
    } else if (message.type === 'read') {
      this.#emit('read', { ids: message.ids, all: message.all, hidden: message.hidden });
    } else if (message.type === 'signal' && message.app && message.name) {
      this.#emit('signal', { app: message.app, name: message.name, data: message.data ?? {} });
    } else if (message.type === 'resync') {
      this.#emit('resync', {});
    }
  }
}

let shared: LiveNotifications | undefined;

/** The tab's live connection (created on first use; started by the signed-in shell). */
export function liveNotifications(): LiveNotifications {
  return (shared ??= new LiveNotifications());
}
