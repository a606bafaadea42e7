import type { PreauConfig } from './config/config-schema.js';
import { createPlatform, type Platform } from './platform.js';

/** A listening Préau. */
export interface RunningServer {
  platform: Platform;
  url: string;
  /** Resolves once the server has shut down after a signal or `stop()`. */
  closed: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts Préau and listens. On SIGINT/SIGTERM it stops accepting connections, lets in-flight requests finish
 * (up to `server.shutdownTimeoutMs`), then closes the database (PGlite flushes its files).
 */
export async function startServer(config: PreauConfig, options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const platform = await createPlatform({ config });
  const { app } = platform;
  for (const record of platform.plugins.all()) {
    if (record.state === 'failed') app.log.error({ plugin: record.name, error: record.error }, `plugin ${record.name} failed: ${record.error?.message}`);
    else app.log.info({ plugin: record.name, version: record.version }, `plugin ${record.name} ${record.state}`);
  }
  const address = await app.listen({ port: config.server.port, host: config.server.host });
  platform.startDailyJobs();
  const url = config.server.publicUrl ?? address.replace('127.0.0.1', 'localhost');
  const token = await platform.setup.issueToken();
  if (token) {
    // Printed once: only its hash is stored. A new start prints a new link.
    process.stdout.write(
      `\n  Préau n'est pas encore configuré. Ouvrez ce lien (valable 24 h) pour créer le premier administrateur :\n  ${url}/setup?token=${token}\n\n`,
    );
  } else {
    process.stdout.write(`\n  Préau écoute sur ${url}\n\n`);
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
    const onSignal = (signal: NodeJS.Signals): void => {
      app.log.info(`${signal} received, shutting down`);
      void stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { platform, url, closed, stop };
}
