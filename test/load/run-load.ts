import { availableParallelism, loadavg } from 'node:os';
import knexFactory from 'knex';
import { testPostgresUrl } from '@preau/core/testing';
import { buildDataset, LOAD_PASSWORD } from './build-dataset.js';
import { machineCpuMs, postgresCpuMs, processTreeUsage } from './cpu-usage.js';
import { createDatasetDatabase, datasetDatabaseName, datasetIsComplete, dropDatasetDatabase } from './dataset-database.js';
import { SIGN_IN_KIND } from './generator-protocol.js';
import { deal, GeneratorPool } from './generator-pool.js';
import { kindRows, type LoadReport } from './load-report.js';
import { pickLoadUsers } from './load-users.js';
import type { LoadOptions } from './options.js';
import { mergeRecorded } from './recorder.js';
import { startServerProcess } from './server-process.js';

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

async function readyDataset(name: string, options: LoadOptions): Promise<{ reused: boolean; buildSeconds: number }> {
  if (options.fresh) await dropDatasetDatabase(name);
  if (await datasetIsComplete(name)) {
    const db = knexFactory({ client: 'pg', connection: testPostgresUrl(name), pool: { min: 0, max: 1 } });
    try {
      const row: { build_seconds: number } = await db('public.load_dataset').first('build_seconds');
      return { reused: true, buildSeconds: row.build_seconds };
    } finally {
      await db.destroy();
    }
  }
  // Absent, or a build that stopped half-way: start again from an empty database.
  await dropDatasetDatabase(name);
  await createDatasetDatabase(name);
  progress(`dataset: building ${name}`);
  return { reused: false, buildSeconds: await buildDataset(name, options) };
}

/** The whole run: dataset, server, sign-in throughput, then the morning; everything it started is stopped. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const name = datasetDatabaseName(options);
  const dataset = await readyDataset(name, options);
  const users = await pickLoadUsers(name, options.users, options.sessionReuse);
  const server = await startServerProcess(name, options.workers);
  const pool = new GeneratorPool(Math.min(options.generators, users.length));
  try {
    const shares = deal(users, pool.size);
    const origin = server.origin;
    progress(`sign-in throughput: ${users.filter((u) => u.reusesSession).length} sessions opened before the morning`);
    const signInStarted = performance.now();
    const signedIn = await pool.ask(shares.map((share) => ({ type: 'sign-in', origin, password: LOAD_PASSWORD, users: share.filter((u) => u.reusesSession) })), 'signed-in');
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    const signInRow = kindRows(mergeRecorded(signedIn.map((answer) => answer.recorded))).find((row) => row.kind === SIGN_IN_KIND);

    progress(`morning: ${users.length} users arriving over ${options.ramp} s, ${options.duration} s in all, ${pool.size} generators`);
    const loadAverageBefore = loadavg();
    const startAt = Date.now() + 500;
    const endAt = startAt + options.duration * 1000;
    const before = { server: processTreeUsage(server.pid), postgres: postgresCpuMs(), machine: machineCpuMs(), at: performance.now() };
    const done = await pool.ask(shares.map((share) => ({
      type: 'morning', origin, password: LOAD_PASSWORD, users: share, startAt, endAt,
      arrivalsMs: share.map(() => Math.random() * options.ramp * 1000),
    })), 'morning-done');
    const after = { server: processTreeUsage(server.pid), postgres: postgresCpuMs(), machine: machineCpuMs(), at: performance.now() };
    const cores = availableParallelism();
    const capacityMs = (after.at - before.at) * cores;
    return {
      parameters: { ...options },
      dataset: { database: name, ...dataset },
      machine: { cores, loadAverageBefore, loadAverageAfter: loadavg() },
      signIns: {
        count: signInRow?.count ?? 0, seconds: signInSeconds, perSecond: (signInRow?.count ?? 0) / signInSeconds,
        p50Ms: signInRow?.p50Ms ?? 0, p99Ms: signInRow?.p99Ms ?? 0, errors: Object.values(signInRow?.errors ?? {}).reduce((a, b) => a + b, 0),
      },
      morning: {
        seconds: (after.at - before.at) / 1000, users: users.length,
        openSockets: done.reduce((sum, d) => sum + d.openSockets, 0), socketMessages: done.reduce((sum, d) => sum + d.socketMessages, 0),
      },
      cpu: {
        server: (after.server.cpuMs - before.server.cpuMs) / capacityMs,
        generators: done.reduce((sum, d) => sum + d.cpuMs, 0) / capacityMs,
        postgres: (after.postgres - before.postgres) / capacityMs,
        machine: (after.machine.busyMs - before.machine.busyMs) / (after.machine.totalMs - before.machine.totalMs),
        serverRssMb: after.server.rssBytes / 1024 / 1024,
      },
      kinds: kindRows(mergeRecorded(done.map((answer) => answer.recorded))),
    };
  } finally {
    pool.close();
    await server.stop();
    if (options.drop) await dropDatasetDatabase(name);
  }
}
