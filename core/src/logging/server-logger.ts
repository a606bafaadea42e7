import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';
import type { PrettyOptions } from 'pino-pretty';

/** How a server's log lines are written: `pretty` for a person at a terminal, `json` for a log collector. */
export type LogFormat = 'pretty' | 'json';

/**
 * `PREAU_LOG_FORMAT` (`pretty` or `json`) when set; otherwise pretty when standard output is a terminal and JSON
 * when it is not (a service manager, a container, a pipe), so that collectors keep getting one object per line.
 */
export function logFormat(env: NodeJS.ProcessEnv = process.env, stdout: { isTTY?: boolean } = process.stdout): LogFormat {
  if (env.PREAU_LOG_FORMAT === 'pretty' || env.PREAU_LOG_FORMAT === 'json') return env.PREAU_LOG_FORMAT;
  return stdout.isTTY ? 'pretty' : 'json';
}

/**
 * Fastify's logger options for `preau start`. Pretty lines are written synchronously on the main thread (not
 * through a transport's worker), so they keep their order with what the server prints itself, such as the setup
 * link that comes last, and nothing is lost when the process exits.
 */
export function serverLoggerOptions(level: string, format: LogFormat = logFormat()): FastifyServerOptions['logger'] {
  if (format === 'json') return { level };
  // Loaded only for a terminal: a JSON server never reads pino-pretty's code.
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: PrettyOptions) => NodeJS.WritableStream;
  const stream = pretty({ sync: true, colorize: Boolean((process.stdout as { isTTY?: boolean }).isTTY), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  return { level, stream } as FastifyServerOptions['logger'];
}
