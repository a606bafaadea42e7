import type { PreauConfig } from '../config/config-schema.js';

/** What `GET /api/core/health` says of a running server. */
export interface ServerHealth {
  version: string;
  database: 'pglite' | 'postgres';
  plugins: { name: string; version: string; state: string; error?: { code: string; message: string } }[];
}

/** Where this installation's server listens, as its configuration says. */
export function serverUrl(config: PreauConfig): string {
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  return config.server.publicUrl ?? `http://${host}:${config.server.port}`;
}

/**
 * The health of this installation's running server, or null when none answers: the commands that report on
 * plugins ask it rather than loading them a second time (an embedded database is locked by the server anyway).
 */
export async function runningServerHealth(config: PreauConfig): Promise<ServerHealth | null> {
  try {
    const response = await fetch(`${serverUrl(config)}/api/core/health`, { signal: AbortSignal.timeout(1500) });
    if (!response.ok) return null;
    return (await response.json()) as ServerHealth;
  } catch {
    return null;
  }
}
