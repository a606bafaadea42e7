import pg from 'pg';
import { request } from 'node:http';
import { startLunchMenuRead } from '../targets/lunch-menu-read.js';

const counts = new Map<string, number>();
const original = pg.Client.prototype.query;
let on = false;
// eslint-disable-next-line
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  if (on) {
    const q = args[0] as string | { text: string };
    const text = (typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').slice(0, 90);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return (original as unknown as (...a: unknown[]) => unknown).apply(this, args);
};
const target = await startLunchMenuRead('postgres');
const get = () => new Promise<number>((resolve, reject) => {
  const req = request(target.url, { headers: target.headers }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
  req.on('error', reject); req.end();
});
await get();
on = true;
const N = 200;
for (let i = 0; i < N; i++) await get();
on = false;
for (const [k, v] of counts) console.log((v / N).toFixed(2), k);
// timing of each query alone
const t0 = performance.now();
for (let i = 0; i < 500; i++) await get();
console.log('sequential ms/request', ((performance.now() - t0) / 500).toFixed(3));
await target.close();
