/** A notification as it arrives live in the tab (the shell forwards what its `/ws` connection receives). */
export interface LiveNotification {
  id: number;
  /** The app that sent it and its notification type (`liaison`, `word-posted`). */
  app: string;
  type: string;
  resource: { app: string; id: string; url: string };
  params: Record<string, unknown>;
  text: string;
}

/** The window event the shell dispatches for each live notification; `detail` is a {@link LiveNotification}. */
export const LIVE_NOTIFICATION_EVENT = 'preau-live-notification';
/** The window event an app dispatches when what its badge counts changed (a word was read). */
export const BADGES_CHANGED_EVENT = 'preau-badges-changed';

/**
 * Calls `handler` for each notification arriving live in this tab (from any server process), optionally only
 * those of one app; returns the function that stops listening. Use it to refresh a view while it is open.
 */
export function onLiveNotification(handler: (notification: LiveNotification) => void, app?: string): () => void {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<LiveNotification>).detail;
    if (!app || detail.app === app) handler(detail);
  };
  window.addEventListener(LIVE_NOTIFICATION_EVENT, listener);
  return () => window.removeEventListener(LIVE_NOTIFICATION_EVENT, listener);
}

/** Asks the shell to read the launcher's badges again (after the user read or acknowledged something). */
export function refreshBadges(): void {
  window.dispatchEvent(new CustomEvent(BADGES_CHANGED_EVENT));
}

/** A live-only signal an app sent to this user's open tabs (`notify.signal` on the server). */
export interface LiveSignalDetail {
  app: string;
  name: string;
  data: Record<string, unknown>;
}

/** The window event the shell dispatches for each live signal; `detail` is a {@link LiveSignalDetail}. */
export const LIVE_SIGNAL_EVENT = 'preau-live-signal';

/** Calls `handler` for each live signal of `app` arriving in this tab; returns the function that stops listening. */
export function onLiveSignal(app: string, handler: (signal: LiveSignalDetail) => void): () => void {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<LiveSignalDetail>).detail;
    if (detail.app === app) handler(detail);
  };
  window.addEventListener(LIVE_SIGNAL_EVENT, listener);
  return () => window.removeEventListener(LIVE_SIGNAL_EVENT, listener);
}

/** The window event the shell dispatches each time its live connection opens or reopens. */
export const LIVE_CONNECTED_EVENT = 'preau-live-connected';

/**
 * Calls `handler` each time the tab's live connection opens or reopens. Signals are not replayed: a view that
 * follows them reloads here, so nothing sent while the page was still connecting (or offline) is missed.
 */
export function onLiveConnected(handler: () => void): () => void {
  window.addEventListener(LIVE_CONNECTED_EVENT, handler);
  return () => window.removeEventListener(LIVE_CONNECTED_EVENT, handler);
}
