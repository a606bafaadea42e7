/**
 * Fan-out benchmark: one notification to a group of 500 parents, each with an open WebSocket, half of them on
 * each of two Préau server processes sharing one PostgreSQL (LISTEN/NOTIFY between them). It measures, from
 * the teacher's HTTP request, the time until the last of the 500 sockets has the notification, over repeated
 * sends. Baseline in the same run: a bare `ws` server broadcasting a message of the same size to 500 sockets
 * when it receives an HTTP request. It prints figures and asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { createTestDatabase } from '@preau/core/testing';

const progress = (message: string): void => void process.stderr.write(`${message}\n`);
const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const MEMBERS = positive('PREAU_BENCH_MEMBERS', 500);
const SENDS = positive('PREAU_BENCH_SENDS', 100);
const WARM_UP = 5;

/** Time until the HTTP answer of each measured send (the notification is committed then). */
const answered: number[] = [];

interface Seeded {
  groupId: number;
  teacher: { token: string; csrfToken: string };
  tokens: string[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function server(url: string): Promise<{ child: ChildProcess; host: string }> {
  const child = fork(fileURLToPath(new URL('./notification-fanout-server.ts', import.meta.url)), [], {
    execArgv: ['--conditions=@preau/source', '--import', 'tsx'],
    env: { ...process.env, PREAU_BENCH_DATABASE_URL: url },
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    child.on('message', (message: { type: string; host?: string }) => {
      if (message.type === 'ready') resolve({ child, host: message.host! });
    });
  });
}

function ask<T>(child: ChildProcess, message: object, answer: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { type: string; message?: string }) => {
      if (reply.type === answer) {
        child.off('message', onMessage);
        resolve(reply as T);
      } else if (reply.type === 'error') reject(new Error(reply.message));
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** 500 sockets; `arrival(id)` resolves with the time the last socket received message `id`. */
async function openSockets(urls: readonly { url: string; headers: Record<string, string> }[], idOf: (data: string) => number | undefined) {
  const waiting = new Map<number, { left: number; resolve: (at: number) => void }>();
  const early = new Map<number, number>();
  const sockets: WebSocket[] = [];
  await Promise.all(
    urls.map(
      ({ url, headers }) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(url, { headers });
          sockets.push(ws);
          ws.on('message', (data) => {
            const id = idOf(String(data));
            if (id === undefined) return;
            const entry = waiting.get(id);
            if (!entry) {
              early.set(id, (early.get(id) ?? 0) + 1);
              return;
            }
            entry.left -= 1;
            if (entry.left === 0) {
              waiting.delete(id);
              entry.resolve(performance.now());
            }
          });
          ws.once('open', () => resolve());
          ws.once('error', reject);
        }),
    ),
  );
  return {
    /** Registers before triggering; the id is known only once the trigger answers, so early arrivals are kept. */
    arrival(id: number): Promise<number> {
      return new Promise((resolve) => {
        const left = sockets.length - (early.get(id) ?? 0);
        early.delete(id);
        if (left === 0) resolve(performance.now());
        else waiting.set(id, { left, resolve });
      });
    },
    close: () => sockets.forEach((ws) => ws.terminate()),
  };
}

async function measure(label: string, send: (i: number) => Promise<number>, arrival: (id: number) => Promise<number>): Promise<number[]> {
  const latencies: number[] = [];
  answered.length = 0;
  for (let i = 0; i < WARM_UP + SENDS; i += 1) {
    const started = performance.now();
    const id = await send(i);
    if (i >= WARM_UP) answered.push(performance.now() - started);
    const last = await arrival(id);
    if (i >= WARM_UP) latencies.push(last - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  progress(`${label}: ${SENDS} sends measured; slowest: ${latencies.map((ms, i) => [ms, i] as const).sort((x, y) => y[0] - x[0]).slice(0, 5).map(([ms, i]) => `#${i} ${ms.toFixed(0)} ms`).join(', ')}`);
  return latencies.sort((a, b) => a - b);
}

async function preau(): Promise<number[]> {
  const database = await createTestDatabase('postgres');
  const children: ChildProcess[] = [];
  try {
    progress('starting process A (migrates the database)');
    const a = await server(database.url!);
    children.push(a.child);
    const seeded = await ask<Seeded>(a.child, { type: 'seed', members: MEMBERS }, 'seeded');
    progress('starting process B');
    const b = await server(database.url!);
    children.push(b.child);
    const hosts = [a.host, b.host];
    const targets = seeded.tokens.map((token, i) => {
      const host = hosts[i % 2]!;
      return { url: `ws://${host}/ws`, headers: { cookie: `preau_session=${token}`, origin: `http://${host}` } };
    });
    const sockets = await openSockets(targets, (data) => {
      const message = JSON.parse(data) as { type: string; item?: { id: number } };
      return message.type === 'notification' ? message.item!.id : undefined;
    });
    progress(`${targets.length} sockets open (${Math.ceil(targets.length / 2)} on A, ${Math.floor(targets.length / 2)} on B)`);
    try {
      return await measure('Préau', async (i) => {
        // The teacher's request goes to A; half the parents are on B.
        const response = await fetch(`http://${a.host}/api/bench-notify/groups/${seeded.groupId}/words`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `preau_session=${seeded.teacher.token}`, 'x-csrf-token': seeded.teacher.csrfToken },
          body: JSON.stringify({ title: `Mot numéro ${i}` }),
        });
        if (response.status !== 200) throw new Error(`send answered ${response.status}: ${await response.text()}`);
        const body = (await response.json()) as { id: number; recipients: number };
        if (body.recipients !== MEMBERS) throw new Error(`reached ${body.recipients} instead of ${MEMBERS}`);
        return body.id;
      }, sockets.arrival);
    } finally {
      sockets.close();
    }
  } finally {
    for (const child of children) {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    }
    await database.close();
  }
}

async function bareWs(messageBytes: number): Promise<number[]> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  let counter = 0;
  http.on('request', (_request, response) => {
    counter += 1;
    const data = JSON.stringify({ type: 'notification', id: counter, pad: 'x'.repeat(Math.max(0, messageBytes - 40)) });
    for (const client of wss.clients) client.send(data);
    response.end(JSON.stringify({ id: counter }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  const sockets = await openSockets(
    Array.from({ length: MEMBERS }, () => ({ url: `ws://127.0.0.1:${port}/`, headers: {} })),
    (data) => (JSON.parse(data) as { id: number }).id,
  );
  try {
    return await measure('bare ws', async () => ((await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' })).json()) as { id: number }).id, sockets.arrival);
  } finally {
    sockets.close();
    wss.close();
    http.close();
  }
}

const row = (name: string, sorted: readonly number[]): string =>
  `| ${name} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${sorted.at(-1)!.toFixed(1)} ms |`;

console.log(`node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), PostgreSQL on loopback`);
console.log(`${MEMBERS} recipients, one socket each, ${SENDS} sends after ${WARM_UP} not measured`);
const preauLatencies = await preau();
const preauAnswered = [...answered].sort((a, b) => a - b);
const baseline = await bareWs(450);
console.log('');
console.log('| target | p50 | p99 | max |');
console.log('|---|---|---|---|');
console.log(row('a. bare ws broadcast, 1 process, HTTP-triggered', baseline));
console.log(row('b. Préau: notify.send on A → timeline rows → NOTIFY → 2 processes push (250 + 250)', preauLatencies));
console.log('');
console.log(`b, until the teacher's request is answered (written, committed, published): p50 ${percentile(preauAnswered, 50).toFixed(1)} ms, p99 ${percentile(preauAnswered, 99).toFixed(1)} ms`);
console.log(`p99 b: ${percentile(preauLatencies, 99).toFixed(1)} ms (target < 250 ms); b/a at p50: ${(percentile(preauLatencies, 50) / percentile(baseline, 50)).toFixed(1)}×`);
