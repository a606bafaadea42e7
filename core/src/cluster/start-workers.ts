import cluster, { type Worker } from 'node:cluster';
import type { PreauConfig } from '../config/config-schema.js';
import { ConfigInvalid } from '../errors.js';
import { WORKER_NUMBER_VARIABLE } from './worker-number.js';

// A worker that keeps dying is not restarted for ever: past this many restarts in a minute, everything stops.
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * `preau start --workers N`: N server processes on one port (Node's cluster hands each new connection to the
 * next process), sharing one PostgreSQL. Nothing lives in one process only: sessions, rights and app
 * enablement are read from the database and their changes cross processes on the event bus, jobs are claimed
 * once in the database, and live notifications reach the sockets of every process through the fan-out. So no
 * connection needs to come back to the same process, and the same holds for processes on several machines
 * behind a proxy.
 *
 * The first process starts alone (it runs the migrations and prints the setup link if there is one), then the
 * others. A process that dies is restarted; Ctrl-C or SIGTERM stops them all, each finishing its requests.
 */
export async function startWorkers(count: number, config: PreauConfig): Promise<number> {
  if (!config.database.url) {
    throw ConfigInvalid(
      `--workers ${count} needs PostgreSQL (DATABASE_URL): the embedded PGlite database is one process's, and two processes never open its folder`,
    );
  }
  const workers = new Map<number, Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let failed = false;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));

  const fork = (number: number): Promise<{ address: string; port: number }> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ [WORKER_NUMBER_VARIABLE]: String(number) });
      workers.set(number, worker);
      worker.once('listening', (address) => resolve({ address: address.address ?? config.server.host, port: address.port }));
      worker.once('exit', (code, signal) => {
        if (workers.get(number) === worker) workers.delete(number);
        reject(new Error(`process ${number} exited before listening (${signal ?? code})`));
        if (stopping) {
          if (workers.size === 0) resolveStopped();
          return;
        }
        onUnexpectedExit(number, code, signal);
      });
    });

  const stopAll = (): void => {
    if (stopping) return;
    stopping = true;
    if (workers.size === 0) resolveStopped();
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
  };

  const onUnexpectedExit = (number: number, code: number | null, signal: string | null): void => {
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      process.stderr.write(`Préau : le processus ${number} s'est arrêté (${signal ?? code}) trop souvent ; arrêt de tous les processus.\n`);
      failed = true;
      stopAll();
      return;
    }
    process.stderr.write(`Préau : le processus ${number} s'est arrêté (${signal ?? code}) ; il redémarre.\n`);
    setTimeout(() => {
      if (!stopping) fork(number).catch(() => {});
    }, 1000).unref();
  };

  // Ctrl-C reaches every process of the terminal's group; SIGTERM (a service manager) only this one.
  const onSignal = (): void => stopAll();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const first = await fork(1);
    await Promise.all(Array.from({ length: count - 1 }, (_, index) => fork(index + 2)));
    const host = first.address === '127.0.0.1' || first.address === '::1' ? 'localhost' : first.address.includes(':') ? `[${first.address}]` : first.address;
    const url = config.server.publicUrl ?? `http://${host}:${first.port}`;
    process.stdout.write(`\n  Préau écoute sur ${url} (${count} processus)\n\n`);
  } catch (error) {
    process.stderr.write(`Préau n'a pas pu démarrer ses ${count} processus : ${(error as Error).message}\n`);
    stopAll();
    failed = true;
  }
  await stopped;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (!failed) process.stdout.write('Préau arrêté proprement : les requêtes en cours sont terminées et la base de données est fermée.\n');
  return failed ? 1 : 0;
}
