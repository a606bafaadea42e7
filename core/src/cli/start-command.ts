import { loadConfig } from '../config/load-config.js';
import { startServer } from '../server.js';

/** `preau start`: serve until SIGINT or SIGTERM. */
export async function startCommand(): Promise<number> {
  const config = loadConfig();
  const server = await startServer(config);
  await server.closed;
  return 0;
}
