import type { UserClient } from './user-client.js';
import type { LiveSocket } from './live-socket.js';

/** What the harness reads of `GET /api/core/me`. */
export interface Me {
  user: { id: number; profile: string };
  csrfToken: string;
  children: { id: number }[];
}

/** The shell's start: `/api/core/setup`, then `/api/core/me` (401 when signed out, which shows the sign-in form). */
export async function openShell(client: UserClient, signedIn: boolean): Promise<Me | undefined> {
  await client.request('GET /api/core/setup', 'GET', '/api/core/setup');
  if (!signedIn) {
    await client.request('GET /api/core/me (signed out: 401)', 'GET', '/api/core/me', undefined, [401]);
    return undefined;
  }
  const answer = await client.request<Me>('GET /api/core/me', 'GET', '/api/core/me');
  return answer.status === 200 ? answer.body : undefined;
}

/** The sign-in form's request; the answer carries the CSRF token and sets the session cookie. */
export async function signIn(client: UserClient, login: string, password: string, kind = 'POST /api/core/session'): Promise<boolean> {
  const answer = await client.request<{ csrfToken: string }>(kind, 'POST', '/api/core/session', { login, password });
  client.csrfToken = answer.body?.csrfToken;
  return answer.status === 200;
}

/**
 * The requests the shell makes for the home page, in its order (shell/src/preau-app.ts, preau-home-page.ts,
 * preau-header.ts and the news app's home elements). As soon as the user is known (from `/api/core/me`, or from
 * the sign-in answer, in which case `/api/core/me` is read now), the header's bell opens the socket and reads
 * the unread count and the page's timeline reads its first page, while `/api/core/apps` is read; the apps' home
 * elements (the news app's flash messages on top, its headlines below) come once the apps have answered.
 * Returns the user once everything has answered, or undefined when `/api/core/me` failed.
 */
export async function loadHomePage(client: UserClient, socket: LiveSocket, known: Me | undefined): Promise<Me | undefined> {
  const meThenApps = async (): Promise<Me | undefined> => {
    const me = known ?? (await client.request<Me>('GET /api/core/me', 'GET', '/api/core/me')).body;
    if (me) client.csrfToken = me.csrfToken;
    await client.request('GET /api/core/apps', 'GET', '/api/core/apps');
    await Promise.all([
      client.request('GET /api/news/flash', 'GET', '/api/news/flash'),
      client.request('GET /api/news/headlines', 'GET', '/api/news/headlines?limit=5'),
    ]);
    return me;
  };
  const [me] = await Promise.all([
    meThenApps(),
    client.request('GET /api/core/timeline', 'GET', '/api/core/timeline?limit=20'),
    client.request('GET /api/core/timeline/unread-count', 'GET', '/api/core/timeline/unread-count'),
    socket.connect(client.origin, client.session ?? ''),
  ]);
  return me;
}
