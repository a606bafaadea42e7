import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { startServer } from '../server.js';
import { isClusterWorker, workerNumber } from '../cluster/worker-number.js';
import { ConfigInvalid } from '../errors.js';

/** `--workers N` (or `PREAU_WORKERS`): a number of processes, or `auto` for one per core. */
function workerCount(args: string[]): number {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' } } });
  const raw = values.workers ?? process.env.PREAU_WORKERS ?? '1';
  const count = raw === 'auto' ? availableParallelism() : Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw ConfigInvalid(`--workers "${raw}" is not a number of processes from 1 to 64, or "auto"`);
  return count;
}

/** `preau start [--workers N]`: serve until SIGINT or SIGTERM, then say that the data is safely closed. */
export async function startCommand(args: string[] = []): Promise<number> {
  const config = loadConfig();
  if (cluster.isPrimary && !isClusterWorker()) {
    const count = workerCount(args);
    if (count > 1) return (await import('../cluster/start-workers.js')).startWorkers(count, config);
  }
  // Among several processes, the first prints the setup link if one is needed and the primary says where
  // Préau listens, once.
  const announce = !isClusterWorker() ? 'all' : workerNumber() === 1 ? 'setup' : 'none';
  const server = await startServer(config, { announce });
  await server.closed;
  // Only once requests have finished and the database has flushed and closed its files.
  if (announce === 'all') process.stdout.write('Préau arrêté proprement : les requêtes en cours sont terminées et la base de données est fermée.\n');
  // A worker's channel to the primary would keep it alive.
  cluster.worker?.disconnect();
  return 0;
}
