import { loadConfig } from '../config/load-config.js';
import { startServer } from '../server.js';

/** `preau start`: serve until SIGINT or SIGTERM, then say that the data is safely closed. */
export async function startCommand(): Promise<number> {
  const config = loadConfig();
  const server = await startServer(config);
  await server.closed;
  // Only once requests have finished and the database has flushed and closed its files.
  process.stdout.write('Préau arrêté proprement : les requêtes en cours sont terminées et la base de données est fermée.\n');
  return 0;
}
