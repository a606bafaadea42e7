import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { SESSION_COOKIE, type SessionStore } from '../identity/sessions.js';
import { Unauthenticated, WebSocketOriginRefused } from '../errors.js';
import type { NotificationCenter } from './notification-center.js';

/**
 * True when a browser page of Préau opened the socket: its Origin is the public address, or the address the
 * request was sent to (a laptop on localhost). A page of another site cannot read our cookie, but it could
 * make the browser send it: the Origin check is what refuses it.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return url.origin === new URL(publicUrl).origin || (host !== undefined && url.host === host);
  } catch {
    return false;
  }
}

function resumeFrom(request: FastifyRequest): number | undefined {
  const after = Number((request.query as Record<string, string | undefined>).after);
  return Number.isSafeInteger(after) && after >= 0 ? after : undefined;
}

/**
 * `GET /ws`: the live connection of an open tab. Authenticated by the session cookie (the same session as the
 * API), it receives `{ type: 'notification', item }`, `{ type: 'unread', count }` and `{ type: 'read', … }`;
 * a tab that reconnects passes `?after=<last id seen>` (or sends `{ type: 'resume', after }`) to get what it
 * missed. The socket closes (4001) when its session ends.
 */
export async function liveRoute(app: FastifyInstance, deps: { center: NotificationCenter; sessions: SessionStore; publicUrl: string }): Promise<void> {
  const { hub } = deps.center;
  // The default preClose closes every socket when the server closes (1001 for a tab: reconnect later).
  await app.register(websocket, { options: { maxPayload: 4096 } });

  app.get('/ws', {
    websocket: true,
    preValidation: async (request) => {
      if (!originAllowed(request.headers.origin, request.headers.host, deps.publicUrl)) throw WebSocketOriginRefused();
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await deps.sessions.resolve(token) : null;
      if (!session) throw Unauthenticated();
      request.session = session;
    },
  }, (ws, request) => {
    const socket = hub.add(ws, request.session!);
    ws.on('pong', () => (socket.alive = true));
    ws.on('close', () => hub.remove(socket));
    ws.on('message', (data) => {
      socket.alive = true;
      let message: { type?: unknown; after?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      if (message.type === 'resume' && Number.isSafeInteger(message.after)) {
        hub.resume(socket, message.after as number).catch((error: unknown) => request.log.warn({ err: error }, 'resume failed'));
      }
    });
    hub.start(socket, resumeFrom(request)).catch((error: unknown) => request.log.warn({ err: error }, 'live socket start failed'));
  });
}
