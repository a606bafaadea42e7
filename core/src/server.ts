import type { PreauConfig } from './config/config-schema.js';
import { logFormat, serverLoggerOptions } from './logging/server-logger.js';
import { createPlatform, type Platform } from './platform.js';

/** A listening Préau. */
export interface RunningServer {
  platform: Platform;
  url: string;
  /** Resolves once the server has shut down after a signal or `stop()`. */
  closed: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  handleSignals?: boolean;
  /**
   * What the server prints once listening: the setup link or its address (`all`, the default), only the setup
   * link (`setup`: the first of several processes) or nothing (`none`: the others, which must not replace the
   * first one's setup link).
   */
  announce?: 'all' | 'setup' | 'none';
}

/**
 * Starts Préau and listens. On SIGINT/SIGTERM it stops accepting connections, lets in-flight requests finish
 * (up to `server.shutdownTimeoutMs`), then closes the database (PGlite flushes its files).
 */
export async function startServer(config: PreauConfig, options: StartOptions = {}): Promise<RunningServer> {
  const format = logFormat();
  const platform = await createPlatform({ config, logger: serverLoggerOptions(config.logLevel, format) });
  const { app } = platform;
  for (const record of platform.plugins.all()) {
    if (record.state === 'failed') app.log.error({ plugin: record.name, error: record.error }, `plugin ${record.name} failed: ${record.error?.message}`);
    else app.log.info({ plugin: record.name, version: record.version }, `plugin ${record.name} ${record.state}`);
  }
  const address = await app.listen({ port: config.server.port, host: config.server.host });
  platform.startDailyJobs();
  const url = config.server.publicUrl ?? address.replace('127.0.0.1', 'localhost');
  const announce = options.announce ?? 'all';
  const token = announce === 'none' ? undefined : await platform.setup.issueToken();
  // The one line a newcomer must read comes after every start-up log line, set apart (and bold on a terminal).
  const [bold, plain] = format === 'pretty' && process.stdout.isTTY ? ['\x1b[1m', '\x1b[0m'] : ['', ''];
  if (token) {
    // Printed once: only its hash is stored. A new start prints a new link.
    process.stdout.write(
      `\n  Préau n'est pas encore configuré. Ouvrez ce lien (valable 24 h) pour créer le premier administrateur :\n\n  ${bold}${url}/setup?token=${token}${plain}\n\n`,
    );
  } else if (announce === 'all') {
    process.stdout.write(`\n  ${bold}Préau écoute sur ${url}${plain}\n\n`);
  }

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const timer = setTimeout(() => {
        app.log.warn('shutdown timed out; closing remaining connections');
        app.server.closeAllConnections();
      }, config.server.shutdownTimeoutMs);
      timer.unref();
      try {
        await platform.close();
      } finally {
        clearTimeout(timer);
        resolveClosed();
      }
    })());
  if (options.handleSignals !== false) {
    // Ctrl-C in `npm start` reaches the server twice: from the terminal and forwarded by npm. The listeners
    // stay so that the second one does not kill the process half-way through closing the database.
    const onSignal = (signal: NodeJS.Signals): void => {
      if (!stopping) app.log.info(`${signal} received, shutting down`);
      void stop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    void closed.then(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
  }
  return { platform, url, closed, stop };
}
