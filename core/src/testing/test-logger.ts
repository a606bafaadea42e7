import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';
import type { PrettyOptions } from 'pino-pretty';

/** The log of a test platform: readable lines on standard error (standard output is tap's). */
export interface TestLogger {
  /** Fastify's logger options. */
  options: FastifyServerOptions['logger'];
  /** Runs `work` with the log muted: for a test that provokes a 500 (or a failing plugin) on purpose. */
  quietly<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * A test's 500 says why: errors are printed with their stack by default, at `PREAU_LOG_LEVEL` when it is set
 * (`PREAU_LOG_LEVEL=debug npx tap test/x.test.ts` shows every request too), or at the level a test asks for.
 */
export function createTestLogger(level: string = process.env.PREAU_LOG_LEVEL || 'error'): TestLogger {
  let muted = 0;
  const pretty = (createRequire(import.meta.url)('pino-pretty') as (options: PrettyOptions) => NodeJS.WritableStream)({
    sync: true,
    destination: 2,
    colorize: Boolean(process.stderr.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
  const stream = { write: (line: string) => (muted > 0 ? true : pretty.write(line)) };
  return {
    options: { level, stream } as FastifyServerOptions['logger'],
    async quietly(work) {
      muted += 1;
      try {
        return await work();
      } finally {
        muted -= 1;
      }
    },
  };
}
