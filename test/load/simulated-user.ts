import { doOneAction } from './actions.js';
import { loadHomePage, openShell, signIn } from './home-page.js';
import { LiveSocket } from './live-socket.js';
import type { LoadUser } from './load-users.js';
import type { Recorder } from './recorder.js';
import { UserClient } from './user-client.js';

/** Seconds between two actions of one user: about ten, drawn so that users do not act in step. */
const THINK_MS = { min: 5_000, max: 15_000 };
export const HOME_PAGE_KIND = 'home page (every request, socket open)';
export const BASELINE_KIND = 'GET /api/core/health (baseline)';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Where one user is: the harness counts open sockets from these. */
export interface UserRun {
  socket: LiveSocket;
  finished: Promise<void>;
}

/**
 * One user's morning: arrives at `arriveAt`, opens Préau (signing in, or with the session kept from yesterday),
 * loads the home page with its socket, then does one action of their profile's mix every ~10 s until `endAt`.
 * Before each action, a health request measures the bare server under the same load (the run's baseline).
 */
export function runUser(user: LoadUser, options: { origin: string; password: string; session: string | undefined; arriveAt: number; endAt: number; recorder: Recorder }): UserRun {
  const { recorder } = options;
  const client = new UserClient(options.origin, recorder);
  const socket = new LiveSocket(recorder);
  const finished = (async () => {
    await pause(options.arriveAt - Date.now());
    let homeStarted = performance.now();
    let known;
    if (options.session) {
      client.session = options.session;
      known = await openShell(client, true);
      if (!known) return;
    } else {
      await openShell(client, false);
      if (!(await signIn(client, user.login, options.password))) return;
      homeStarted = performance.now();
    }
    const me = await loadHomePage(client, socket, known);
    recorder.record(HOME_PAGE_KIND, performance.now() - homeStarted, me ? 200 : 0);
    if (!me) return;
    for (;;) {
      const next = Date.now() + THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min);
      if (next >= options.endAt) break;
      await pause(next - Date.now());
      await client.request(BASELINE_KIND, 'GET', '/api/core/health');
      await doOneAction({ user, me, client });
    }
    // The tab stays open (and so does its socket) until the end of the morning.
    await pause(options.endAt - Date.now());
  })();
  return { socket, finished };
}
