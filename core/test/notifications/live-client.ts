import WebSocket from 'ws';
import type { TestPlatform, TestUser } from '../../src/testing/index.js';
import type { Platform } from '../../src/platform.js';

/** A message the server pushed. */
export type LiveMessage = { type: string; [key: string]: unknown };

/** A browser tab's live connection, as a test drives it. */
export interface LiveClient {
  ws: WebSocket;
  messages: LiveMessage[];
  /** The next message (not yet taken) that matches, waiting for it when needed. */
  next(match?: (message: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Listens on a free loopback port; returns the base URL. */
export async function listen(platform: Platform): Promise<string> {
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  return address.replace('http://', '');
}

/** Opens a session for `user` on `platform` and returns its cookie token. */
export async function sessionToken(platform: Platform, user: TestUser): Promise<string> {
  return (await platform.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'test' })).token;
}

/** Connects like the shell does: the session cookie, and the page's Origin. */
export function connect(host: string, token: string | null, options: { origin?: string; after?: number } = {}): Promise<LiveClient> {
  const ws = new WebSocket(`ws://${host}/ws${options.after !== undefined ? `?after=${options.after}` : ''}`, {
    headers: { ...(token ? { cookie: `preau_session=${token}` } : {}), origin: options.origin ?? `http://${host}` },
  });
  const messages: LiveMessage[] = [];
  let taken = 0;
  const waiting: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as LiveMessage);
    for (const wake of waiting.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  const client: LiveClient = {
    ws,
    messages,
    closed,
    async next(match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (let i = taken; i < messages.length; i += 1) {
          if (match(messages[i]!)) {
            taken = i + 1;
            return messages[i]!;
          }
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(taken))}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_request, response) => reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { statusCode: response.statusCode })));
    ws.once('error', reject);
  });
}

/** Waits until `check` holds, polling (for effects on other processes). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type { TestPlatform };
