import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { datasetConfigEnvironment } from './build-dataset.js';

const PREAU_CLI = fileURLToPath(new URL('../../core/bin/preau.js', import.meta.url));

/** `preau start` in its own process, listening on loopback. */
export interface ServerProcess {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilHealthy(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`preau start exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${origin}/api/core/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`preau start did not answer within 120 s:\n${output()}`);
}

/** Starts the real server (the built CLI, as `npm start` runs it) on the dataset's database. */
export async function startServerProcess(databaseName: string, workers: number): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [PREAU_CLI, 'start', '--workers', String(workers)], {
    env: { ...datasetConfigEnvironment(databaseName), HOST: '127.0.0.1', PORT: String(port), PREAU_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilHealthy(origin, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid: child.pid!, stop };
}
