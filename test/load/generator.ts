/**
 * A load-generator process: the harness forks a few, each playing a share of the users, so that the clients'
 * own work (HTTP, JSON, sockets) is spread like real browsers' rather than queued on one event loop.
 */
import { SIGN_IN_KIND, type FromGenerator, type ToGenerator } from './generator-protocol.js';
import { signIn } from './home-page.js';
import { Recorder } from './recorder.js';
import { runUser } from './simulated-user.js';
import { UserClient } from './user-client.js';

/** Sign-ins in flight per generator while measuring their throughput: enough to keep the server's cores busy. */
const SIGN_IN_CONCURRENCY = 8;

/** Sessions opened before the morning, by login: the users who come back with yesterday's session use them. */
const sessions = new Map<string, string>();

function send(message: FromGenerator): void {
  process.send!(message);
}

async function signInAll(message: Extract<ToGenerator, { type: 'sign-in' }>): Promise<void> {
  const recorder = new Recorder();
  const queue = [...message.users];
  await Promise.all(Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
    for (let user = queue.shift(); user; user = queue.shift()) {
      const client = new UserClient(message.origin, recorder);
      if (await signIn(client, user.login, message.password, SIGN_IN_KIND)) sessions.set(user.login, client.session!);
    }
  }));
  send({ type: 'signed-in', recorded: recorder.kinds });
}

async function morning(message: Extract<ToGenerator, { type: 'morning' }>): Promise<void> {
  const recorder = new Recorder();
  const cpuBefore = process.cpuUsage();
  const runs = message.users.map((user, i) => runUser(user, {
    origin: message.origin, password: message.password, session: user.reusesSession ? sessions.get(user.login) : undefined,
    arriveAt: message.startAt + message.arrivalsMs[i]!, endAt: message.endAt, recorder,
  }));
  await Promise.all(runs.map((run) => run.finished));
  const openSockets = runs.filter((run) => run.socket.open).length;
  const socketMessages = runs.reduce((sum, run) => sum + run.socket.messages, 0);
  for (const run of runs) run.socket.close();
  const cpu = process.cpuUsage(cpuBefore);
  send({ type: 'morning-done', recorded: recorder.kinds, cpuMs: (cpu.user + cpu.system) / 1000, openSockets, socketMessages });
}

process.on('message', (message: ToGenerator) => {
  const work = message.type === 'sign-in' ? signInAll(message) : morning(message);
  work.catch((error: unknown) => {
    process.stderr.write(`generator: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
});
