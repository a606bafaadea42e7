import Fastify from 'fastify';
import type { BenchTarget } from './target.js';

const WeekStatus = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, week: { type: 'string' } },
  required: ['ok', 'week'],
} as const;

/**
 * The baseline: what Fastify alone costs for a small JSON answer, serialized through a response schema like
 * every Préau route, so that the ratio measures what Préau adds and not the framework.
 */
export async function startBareFastify(): Promise<BenchTarget> {
  const app = Fastify({ logger: false });
  app.get('/week', { schema: { response: { 200: WeekStatus } } }, async () => ({ ok: true, week: '2026-W48' }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    name: 'a  bare Fastify',
    url: `${address}/week`,
    headers: {},
    close: () => app.close(),
  };
}
